#!/usr/bin/env bash
# The console as a person sees it: the real binary in tmux against the
# private engine, checked against what the engine says afterwards.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=tui$$
cleanup() {
	docker rm -f "$p-web" "$p-db" "$p-new" "$p-done" >/dev/null 2>&1
	tm kill-server 2>/dev/null
}
trap cleanup EXIT
docker run -d --name "$p-web" --network none \
	--label com.docker.compose.project="$p-shop" \
	--label com.docker.compose.service=web local/app:1 >/dev/null
docker run -d --name "$p-db" --network none local/plain:1 >/dev/null
docker create --name "$p-new" --network none local/plain:1 >/dev/null
docker run --name "$p-done" --network none local/busybox:latest true >/dev/null

berth_start 120 40
expect_screen "the containers pane lists the engine's containers" "$p-done"
like "a running container shows running" "$(row_of "$p-db")" running
like "an exited container shows exited" "$(row_of "$p-done")" exited
like "a created container shows created" "$(row_of "$p-new")" created
like "compose project shown as a group" "$(screen)" "$p-shop"
like "a compose container shows its service name in the group" "$(screen)" "^web "


# Filter narrows the list to what matches.
keys /
keys -l "$p-db"
keys Enter
sleep 0.5
is "filter narrows the list to one container" \
	"$(screen | grep -cE "$p-(new|done)|^web ")" 0
like "the filtered container is still shown" "$(screen)" "$p-db"

# Stop, then start, by keys: the engine agrees.
keys s
if wait_engine "$p-db" exited 20; then ok "s stops the container"; else not_ok "s stops the container"; fi
expect_screen "the pane shows it exited" "exited" 10
keys S
if wait_engine "$p-db" running 20; then ok "S starts it again"; else not_ok "S starts it again"; fi

# Remove asks first; n keeps the container.
keys D
expect_screen "remove asks for confirmation" "Remove" 5
keys n
sleep 0.5
is "n keeps the container" "$(engine_state "$p-db")" running

# Clear the filter: Esc in the prompt restores, an empty filter shows all.
keys /
keys C-u
keys Enter
expect_screen "an empty filter shows every container again" "$p-new"

# Stopped from outside: the pane follows without a key press.
docker stop -t 1 "$p-db" >/dev/null
t0=$(date +%s%N)
seen=""
for i in $(seq 1 100); do
	row_of "$p-db" | grep -q exited && seen=1 && break
	sleep 0.05
done
if [ -n "$seen" ]; then
	ok "a container stopped with the CLI shows exited by itself ($((($(date +%s%N) - t0) / 1000000)) ms after the CLI returned)"
else
	not_ok "a container stopped with the CLI shows exited by itself"
	screen | sed 's/^/#   /'
fi
docker start "$p-db" >/dev/null

# Help overlay: every binding of the containers table, list and global.
keys '?'
expect_screen "? opens the help overlay" "container.stop" 5
help=""
for i in 1 2 3 4; do
	help="$help
$(screen)"
	keys NPage
	sleep 0.2
done
missing=""
for act in $($BERTH keys | awk '$1 == "containers" || $1 == "list" || $1 == "global" {print $3}' | sort -u); do
	printf '%s\n' "$help" | grep -qF -- "$act" || missing="$missing $act"
done
is "the help overlay lists every action of the key tables" "$missing" ""
keys Escape
wait_gone "container.stop" 5 && ok "any other key closes the help" || not_ok "any other key closes the help"

# 40x10 and back.
tm resize-window -t 0 -x 40 -y 10
sleep 1
s=$(screen)
like "at 40x10 the top bar is still there" "$(printf '%s\n' "$s" | head -1)" berth
wide=0
while IFS= read -r line; do
	[ ${#line} -gt 40 ] && wide=$((wide + 1))
done <<<"$s"
is "at 40x10 nothing is wider than the terminal" "$wide" 0
tm resize-window -t 0 -x 120 -y 40
expect_screen "back at 120x40 the list is whole again" "$p-new" 5

berth_quit
s=$(screen)
like "q quits with status 0" "$s" "EXITED:0"
is "the terminal is back to the shell (no console left on screen)" \
	"$(printf '%s\n' "$s" | grep -c 'connected')" 0

# --read-only refuses stop, and the container keeps running.
berth_start 120 40 --read-only
expect_screen "read-only console starts" "READ-ONLY" 10
keys /
keys -l "$p-db"
keys Enter
sleep 0.5
keys s
expect_screen "read-only: stop is refused with a message" "read-only" 5
sleep 1
is "read-only: the container still runs" "$(engine_state "$p-db")" running
berth_quit

# A theme file with an error: a clear message naming file and line.
bad=$(mktemp /tmp/berth-theme.XXXXXX)
printf 'normal = fg=green\nselected = fg=chartreuse\n' >"$bad"
out=$($BERTH --theme "$bad" 2>&1 </dev/null)
rc=$?
like "a bad theme names file and line" "$out" "$bad:2"
is "a bad theme: exit status 2" "$rc" 2
rm -f "$bad"

tui_done
