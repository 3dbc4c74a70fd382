#!/usr/bin/env bash
# Several engines at once: a second private engine beside the test run's
# own, watched together; the fleet pane and the engine switch keys.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=fleet$$
second=$(mktemp -d /tmp/berth-fleet.XXXXXX)
A=$DOCKER_HOST
B=unix://$second/docker.sock
cleanup() {
	docker -H "$A" rm -f "$p-a" >/dev/null 2>&1
	tm kill-server 2>/dev/null
	scripts/engine.sh stop "$second" >/dev/null 2>&1
}
trap cleanup EXIT
scripts/engine.sh start "$second" >/dev/null
docker -H "$A" save local/busybox:latest | docker -H "$B" load >/dev/null
docker -H "$A" run -d --name "$p-a" --network none local/busybox:latest sleep 600 >/dev/null
docker -H "$B" run -d --name "$p-b" --network none local/busybox:latest sleep 600 >/dev/null
docker -H "$B" create --name "$p-b2" --network none local/busybox:latest true >/dev/null

berth_start 140 40 -H "$A" -H "$B"
expect_screen "the first engine's containers are shown" "$p-a" 10
like "the top bar says which engine of how many" "$(screen | head -1)" '\[1/2\]'
is "the second engine's containers are not mixed in" "$(screen | grep -c "$p-b")" 0

keys H
expect_screen "H opens the fleet pane" "ENGINE" 5
wait_for "$second" 5
s=$(screen)
like "the fleet lists the second engine" "$s" "$second/docker.sock"
is "both engines connected" "$(printf "%s\n" "$s" | grep -v "^ berth" | grep "docker.sock" | grep -c "connected")" 2
row=$(printf '%s\n' "$s" | grep -F "$second/docker.sock")
want_run=$(docker -H "$B" ps -q | wc -l)
want_stop=$(docker -H "$B" ps -aq --filter status=created --filter status=exited | wc -l)
like "its running count equals docker ps on that engine" "$row" " $want_run +$want_stop "
# Each engine's worst finding, from its own background posture scan, as
# berth audit judges that engine (its containers, itself, its host).
worst_of() { # ENGINE
	$BERTH -H "$1" audit --format json | jq -r '
		[.findings[] | select(.scope != "image") | .severity] as $s |
		["critical", "high", "medium", "low", "info"] |
		map(select(. as $v | $s | index($v))) | .[0] // "clean"'
}
for _ in $(seq 100); do
	s=$(screen)
	printf '%s\n' "$s" | grep -F "$second/docker.sock" | grep -q '…' || break
	sleep 0.1
done
row=$(printf '%s\n' "$s" | grep -F "$second/docker.sock")
want=$(worst_of "$B")
like "its WORST is berth audit's worst for that engine ($want)" "$row" " $want( |$)"

keys Escape 1
keys '>'
expect_screen "> switches to the second engine" "$p-b" 10
like "the top bar says 2/2" "$(screen | head -1)" '\[2/2\]'
is "the first engine's containers are gone from the list" "$(screen | grep -c "$p-a")" 0
keys '<'
expect_screen "< goes back to the first engine" "$p-a" 10

# The second engine dies: the fleet says so, the first keeps working.
kill -9 "$(cat "$second/dockerd.pid")"
keys H
if wait_for "unreachable" 20; then ok "a dead engine shows unreachable in the fleet"; else not_ok "a dead engine shows unreachable in the fleet"; screen | sed 's/^/#   /'; fi
keys Escape 1
expect_screen "the first engine is still listed" "$p-a" 5
berth_quit
like "q quits with status 0" "$(screen)" "EXITED:0"
tui_done
