#!/usr/bin/env bash
# The engine itself fails: a second private engine, started here so the
# shared one of the test run is never touched, is killed with -9 and
# stopped with SIGSTOP while the console shows its containers.  The
# console must keep answering keys, say it is disconnected, and come back
# by itself with the engine's real state.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

edir=/tmp/berth-faults-eng-$$
p=ef$$
cleanup() {
	[ -f "$edir/dockerd.pid" ] && kill -CONT "$(cat "$edir/dockerd.pid")" 2>/dev/null
	tm kill-server 2>/dev/null
	scripts/engine.sh stop "$edir" >/dev/null 2>&1
}
trap cleanup EXIT

if ! own_engine "$edir"; then
	not_ok "a second private engine starts"
	tap_done
	exit 1
fi
docker run -d --name "$p-run" --network none local/busybox:latest \
	sleep 600 >/dev/null
docker create --name "$p-new" --network none local/busybox:latest true >/dev/null

ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

# key_latency: ms from "?" until the help shows, then closes it again.
key_latency() {
	local t0=$(date +%s%N) ms
	keys '?'
	if wait_for "container.stop" 5; then ms=$(ms_since "$t0"); else ms=99999; fi
	keys Escape
	wait_gone "container.stop" 5
	echo "$ms"
}

# matches_engine: every container's name shows with the state the
# engine reports.
matches_engine() {
	local name state bad=""
	while read -r name state; do
		row_of "$name" | grep -q "$state" || bad="$bad $name:$state"
	done < <(docker ps -a --format '{{.Names}} {{.State}}')
	[ -z "$bad" ] && return 0
	echo "# not shown as the engine says:$bad"
	screen | sed 's/^/#   /'
	return 1
}

berth_start 120 30
expect_screen "the console lists the second engine's containers" "$p-run" 15
expect_screen "live stats for the running container" "%" 10

# kill -9: disconnected at once (the events stream breaks), no crash.
pid=$(cat "$edir/dockerd.pid")
t0=$(date +%s%N)
kill -9 "$pid"
expect_screen "kill -9: the top bar says disconnected" "disconnected" 20
ms=$(ms_since "$t0")
# the events stream breaks at once; allow for a loaded machine
if [ "$ms" -le 3000 ]; then ok "kill -9: noticed in $ms ms (at most 3 s)"; else not_ok "kill -9: noticed only after $ms ms (over 3 s)"; fi
lat=$(key_latency)
if [ "$lat" -le 1000 ]; then ok "kill -9: keys answer ($lat ms)"; else not_ok "kill -9: keys answer ($lat ms)"; fi
like "kill -9: the console is still running" "$(screen)" "disconnected"
screen | grep -q "EXITED:" && not_ok "kill -9: berth did not exit" || ok "kill -9: berth did not exit"

# dockerd refuses to start over the pidfile a killed one left behind, and
# the first start after a kill -9 may time out waiting for containerd.
t0=$(date +%s%N)
for try in 1 2 3; do
	rm -f "$edir/dockerd.pid"
	scripts/engine.sh start "$edir" >/dev/null 2>&1 && break
done
up=$(ms_since "$t0")
t0=$(date +%s%N)
if wait_for "● connected" 20; then
	ok "restart: the console reconnects by itself ($(ms_since "$t0") ms after the engine answered; engine start took $up ms, $try tries)"
else
	not_ok "restart: the console reconnects by itself"
	screen | sed 's/^/#   /'
fi
sleep 1
if matches_engine; then ok "restart: names and states match docker ps -a"; else not_ok "restart: names and states match docker ps -a"; fi

# A container started while connected again shows up: events resubscribed.
docker start "$p-new" >/dev/null 2>&1 || docker run -d --name "$p-late" --network none local/busybox:latest sleep 600 >/dev/null
docker run -d --name "$p-late2" --network none local/busybox:latest sleep 600 >/dev/null
expect_screen "restart: a container started afterwards appears (events resubscribed)" "$p-late2" 10

# SIGSTOP: a hung engine.  Keys answer; the liveness ping gives up.
pid=$(cat "$edir/dockerd.pid")
kill -STOP "$pid"
t0=$(date +%s%N)
lat=$(key_latency)
if [ "$lat" -le 1000 ]; then ok "SIGSTOP: keys answer ($lat ms)"; else not_ok "SIGSTOP: keys answer ($lat ms)"; fi
keys j
lat=$(key_latency)
if [ "$lat" -le 1000 ]; then ok "SIGSTOP: keys still answer after a move ($lat ms)"; else not_ok "SIGSTOP: keys still answer after a move ($lat ms)"; fi
if wait_for "disconnected" 25; then
	ok "SIGSTOP: the hung engine is reported ($(ms_since "$t0") ms)"
else
	not_ok "SIGSTOP: the hung engine is reported"
	screen | sed 's/^/#   /'
fi
lat=$(key_latency)
if [ "$lat" -le 1000 ]; then ok "SIGSTOP: keys answer while disconnected ($lat ms)"; else not_ok "SIGSTOP: keys answer while disconnected ($lat ms)"; fi
kill -CONT "$pid"
t0=$(date +%s%N)
if wait_for "● connected" 20; then
	ok "SIGCONT: the console resumes ($(ms_since "$t0") ms)"
else
	not_ok "SIGCONT: the console resumes"
	screen | sed 's/^/#   /'
fi
sleep 1
if matches_engine; then ok "SIGCONT: names and states match docker ps -a"; else not_ok "SIGCONT: names and states match docker ps -a"; fi
berth_quit
like "q quits cleanly after all that" "$(screen)" "EXITED:0"

# berth audit against the engine once it is gone: exit 3, one line.
scripts/engine.sh stop "$edir" >/dev/null 2>&1
out=$(timeout 20 "$BERTH" audit 2>&1 >/dev/null)
rc=$?
is "audit, engine down: exit 3" "$rc" 3
is "audit, engine down: one line" "$(printf '%s\n' "$out" | grep -c .)" 1
like "audit, engine down: the reason" "$out" "cannot connect"
tui_done
