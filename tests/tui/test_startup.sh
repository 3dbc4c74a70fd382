#!/usr/bin/env bash
# What the console asks the engine first: the first screen waits for the
# container list, so nothing else (the posture scan's own list and
# inspects, the other panes' lists) may go out before that list's answer
# is in.  Seen in the requests berth really writes (strace), and on the
# screen against docker ps -a.
cd "$(dirname "$0")/../.." || exit 1
. tests/tui/lib.sh

p=start$$
trace=$(mktemp /tmp/berth-startup.XXXXXX)
cleanup() {
	docker rm -f "$p-1" "$p-2" "$p-3" >/dev/null 2>&1
	tm kill-server 2>/dev/null
	rm -f "$trace"
}
trap cleanup EXIT
for i in 1 2; do
	docker run -d --name "$p-$i" --network none local/busybox:latest sleep 600 >/dev/null
done
docker create --name "$p-3" --network none local/busybox:latest true >/dev/null

real=$BERTH
BERTH="strace -f -qq -e trace=sendto,recvfrom -s 1000 -o $trace $real"
berth_start 160 40
BERTH=$real
expect_screen "the list is on the screen" "$p-3" 20
# the scan runs after it; wait for its first inspect
for _ in $(seq 100); do
	grep -q 'GET /v1\.[0-9]*/containers/[0-9a-f]\{64\}/json' "$trace" && break
	sleep 0.1
done
berth_quit

# request and answer lines, in the order the process made them
reqs=$(grep -n 'sendto(.*"\(GET\|POST\|HEAD\) /' "$trace" |
	sed -E 's/^([0-9]+):.*"(GET|POST|HEAD) ([^ ]*) HTTP.*/\1 \2 \3/')
list_line=$(printf '%s\n' "$reqs" | grep -m1 -E ' GET /v1\.[0-9]+/containers/json\?all=1$' | cut -d' ' -f1)
answer_line=$(grep -n 'recvfrom(.*\[{\\"Id\\"' "$trace" | head -1 | cut -d: -f1)
if [ -n "$list_line" ] && [ -n "$answer_line" ] && [ "$answer_line" -gt "$list_line" ]; then
	ok "the container list is asked, and its answer read"
else
	not_ok "the container list is asked, and its answer read"
	printf '%s\n' "$reqs" | sed 's/^/#   /'
fi
before=$(printf '%s\n' "$reqs" | awk -v a="${answer_line:-0}" '$1 < a' |
	grep -v -E ' (/_ping|(/v1\.[0-9]+)?/version|/v1\.[0-9]+/events\?.*|/v1\.[0-9]+/containers/json\?all=1)$')
if [ -z "$before" ]; then
	ok "nothing but the ping, the events and the list goes out before the list is in"
else
	not_ok "nothing but the ping, the events and the list goes out before the list is in"
	printf '%s\n' "$before" | sed 's/^/#   sent early: /'
fi
after=$(printf '%s\n' "$reqs" | awk -v a="${answer_line:-0}" '$1 > a')
like "the posture scan follows: its image list" "$after" ' GET /v1\.[0-9]+/images/json'
like "and its inspects" "$after" ' GET /v1\.[0-9]+/containers/[0-9a-f]{64}/json'
is "the list was asked once before it came in" \
	"$(printf '%s\n' "$reqs" | awk -v a="${answer_line:-0}" '$1 < a' | grep -c 'containers/json?all=1$')" 1

# and what the screen said matched the engine
berth_start 160 40
expect_screen "a plain start lists them too" "$p-3" 20
same_as_engine "the screen's states equal docker ps -a" "$p-"
berth_quit
tui_done
