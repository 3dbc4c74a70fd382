#!/usr/bin/env bash
# Drift in the console: with drift = true the posture pane reads each
# running container's changes and shows berth.drift for one that
# changed its programs, with the paths docker diff lists; without it,
# nothing is read and no such finding shows.  The rows agree with
# docker ps -a.
cd "$(dirname "$0")/../.." || exit 1
. tests/tui/lib.sh

p=drift$$
d=$(mktemp -d /tmp/berth-drift.XXXXXX)
cleanup() {
	docker rm -f "$p-bad" "$p-ok" >/dev/null 2>&1
	tm kill-server 2>/dev/null
	rm -rf "$d"
}
trap cleanup EXIT
docker run -d --name "$p-bad" --network none local/busybox:latest sh -c \
	'cp /bin/busybox /bin/nc2; touch /ready; exec sleep 600' >/dev/null
docker run -d --name "$p-ok" --network none local/busybox:latest sh -c \
	'touch /tmp/ready /ready; exec sleep 600' >/dev/null
for n in bad ok; do
	for _ in $(seq 50); do
		docker diff "$p-$n" | grep -q ' /ready$' && break
		sleep 0.1
	done
done
is "the CLI sees the added program" "$(docker diff "$p-bad" | grep -c '^A /bin/nc2$')" 1

printf 'drift = true\n' >"$d/config"
berth_start 160 40 --config "$d/config" posture "$p-bad"
expect_screen "the posture pane lists the containers" "$p-ok" 15
wait_for "judged" 15
expect_screen "drift = true: the changed program is a finding" \
	"Programs or configuration changed since start" 10
expect_screen "with the path docker diff lists" "A /bin/nc2" 5
like "its row's worst is high: the drift" "$(screen | grep -F "$p-bad " | head -1)" ' high '
like "the one that wrote /tmp only stays medium" "$(screen | grep -F "$p-ok " | head -1)" ' medium '
berth_quit

berth_start 160 40 posture "$p-bad"
expect_screen "by default the pane lists them too" "$p-ok" 15
wait_for "judged" 15
sleep 1
is "by default the changes are not read: no drift" "$(screen | grep -c 'changed since start')" 0
like "and its row stays medium" "$(screen | grep -F "$p-bad " | head -1)" ' medium '
keys Escape 1
expect_screen "the containers pane" "IMAGE" 10
same_as_engine "the rows equal docker ps -a" "$p-"
berth_quit
tui_done
