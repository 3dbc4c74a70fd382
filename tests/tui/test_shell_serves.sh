#!/usr/bin/env bash
# A shell does not stop the console: a rebuild started with B goes on
# while a shell opened with e owns the terminal (the engine shows the new
# container before the shell is left), and when the shell ends the panes
# equal the engine, a container stopped meanwhile included.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=tss$$
d=$(mktemp -d /tmp/berth-tss.XXXXXX)
export XDG_STATE_HOME=$d/state
cleanup() {
	tm kill-server 2>/dev/null
	docker rm -f "$p-app" "$p-box" "$p-other" >/dev/null 2>&1
	docker rmi -f "local/$p:1" >/dev/null 2>&1
	rm -rf "$d"
}
trap cleanup EXIT
rebuild_app "$d" "local/$p:1" "$p-app"
for c in box other; do
	docker run -d --name "$p-$c" --network none local/busybox:latest \
		sleep 600 >/dev/null
done
# berth learns the context once, headless
$BERTH rebuild --yes --context "$d/ctx" "$p-app" >/dev/null 2>&1
echo v2 >"$d/ctx/file.txt"

select_row() {
	keys /
	keys C-u
	keys -l "$1"
	keys Enter
	sleep 0.3
}

berth_start 120 40
expect_screen "the containers are listed" "$p-other"
select_row "$p-app"
keys B
expect_screen "B asks for confirmation" "$d/ctx" 5
keys y
select_row "$p-box"
keys e
expect_screen "e opens a shell" "shell in $p-box" 10
t=0
while [ "$t" -lt 600 ]; do
	[ "$(docker exec "$p-app" cat /file.txt 2>/dev/null)" = v2 ] && break
	sleep 0.1
	t=$((t + 1))
done
is "the rebuild finished while the shell was open (within 60 s)" \
	"$(docker exec "$p-app" cat /file.txt 2>&1)" v2
like "the shell is still open" "$(screen)" "shell in $p-box"
docker stop -t 1 "$p-other" >/dev/null
keys -l 'exit'
keys Enter
expect_screen "the status line has the rebuild's summary" "rebuilt" 10
select_row "$p"
for _ in $(seq 50); do
	[ "$(screen_states "$p")" = "$(engine_states "$p")" ] && break
	sleep 0.1
done
same_as_engine "after the shell, every row equals docker ps -a" "$p"
tui_done
