#!/usr/bin/env bash
# The containers pane tells the truth after every event: one second after
# each way a state can change (exit by itself, kill, OOM, out of restarts,
# killed while restarting, pause, unpause, rename, remove, a name reused at once) the row equals `docker inspect`;
# after 45 s and more of churn, with the engine hanging and coming back
# midway, every row equals `docker ps -a`, the top bar's
# counts equal `docker info`'s, and `berth watch` reported exactly the
# dies and OOMs that `docker events` shows for the same window.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=tr$$
watch_pid=
events_pid=
dpid=
# An engine of its own: the test hangs it with SIGSTOP midway through the
# churn, and a removal cut short there can leave a container behind.
edir=/tmp/berth-truth-eng-$$
cleanup() {
	[ -n "$dpid" ] && kill -CONT "$dpid" 2>/dev/null
	[ -n "$watch_pid" ] && kill "$watch_pid" 2>/dev/null
	[ -n "$events_pid" ] && kill "$events_pid" 2>/dev/null
	jobs -p | xargs -r kill 2>/dev/null
	docker ps -aq --filter "name=^$p" | xargs -r docker rm -f >/dev/null 2>&1
	tm kill-server 2>/dev/null
	rm -f "$watch_out" "$watch_out.events"
	scripts/engine.sh stop "$edir" >/dev/null 2>&1
}
trap cleanup EXIT
if ! own_engine "$edir"; then
	not_ok "a private engine for the churn starts"
	tap_done
	exit 1
fi
watch_out=$(mktemp /tmp/berth-watch.XXXXXX)

run() { docker run -d --network none "$@" >/dev/null; }

# row_state NAME: the STATE cell of NAME's row ("exited (3)", "paused")
row_state() { screen_states "$1" | awk -v n="$1" '$1 == n {$1 = ""; sub(/^ /, ""); print}'; }

# inspect_state NAME: the same from docker inspect
inspect_state() {
	docker inspect -f '{{.State.Status}} ({{.State.ExitCode}})' "$1" 2>/dev/null |
		sed -E '/^exited/!s/ \([0-9-]+\)$//'
}

# wait_inspect NAME FORMAT WANT: until docker inspect -f FORMAT says WANT
# (30 s at most)
wait_inspect() {
	local t=0
	until [ "$(docker inspect -f "$2" "$1" 2>/dev/null)" = "$3" ] || [ $t -ge 600 ]; do
		sleep 0.05
		t=$((t + 1))
	done
}

# after DESC NAME: one second after a change, the row equals inspect.
after() {
	sleep 1
	is "$1: the row equals docker inspect one second later" \
		"$(row_state "$2")" "$(inspect_state "$2")"
}

berth_start 200 60
expect_screen "the console is up" "running" 15

# Exits by itself.
run --name "$p-self" local/busybox:latest sh -c 'sleep 1; exit 3'
wait_engine "$p-self" exited 15
after "exit by itself (code 3)" "$p-self"
like "it shows its exit code" "$(row_state "$p-self")" '^exited \(3\)$'

# Killed.
run --name "$p-kill" local/busybox:latest sleep 300
wait_engine "$p-kill" running 15
sleep 1
docker kill "$p-kill" >/dev/null
wait_engine "$p-kill" exited 15
after "docker kill" "$p-kill"

# Killed by the OOM killer: a memory limit and no swap.
run --name "$p-oom" -m 6m --memory-swap 6m local/busybox:latest \
	sh -c 'sleep 1; x=a; while :; do x=$x$x; done'
wait_engine "$p-oom" exited 30
is "the engine says OOM-killed" \
	"$(docker inspect -f '{{.State.OOMKilled}}' "$p-oom")" true
after "OOM kill" "$p-oom"

# Out of restarts: the engine restarts it twice, then leaves it exited and
# says nothing; the row must not stay "restarting".
run --name "$p-retry" --restart on-failure:2 local/busybox:latest sh -c 'exit 1'
wait_inspect "$p-retry" '{{.State.Status}} {{.RestartCount}}' "exited 2"
is "the engine gave up after two restarts" \
	"$(docker inspect -f '{{.State.Status}} {{.RestartCount}}' "$p-retry")" "exited 2"
after "on-failure:2 out of retries" "$p-retry"

# Killed while the engine waits to restart it: it stops restarting and
# sends no event at all.
run --name "$p-loop" --restart always local/busybox:latest sh -c 'exit 1'
# four restarts in, the engine waits 1.6 s and more before the next
wait_inspect "$p-loop" '{{.State.Status}} {{ge .RestartCount 4}}' "restarting true"
sleep 0.3
docker kill "$p-loop" >/dev/null 2>&1
is "the engine left the restart loop" \
	"$(docker inspect -f '{{.State.Status}}' "$p-loop")" exited
after "docker kill while restarting" "$p-loop"

# Paused and unpaused.
run --name "$p-pause" local/busybox:latest sleep 300
wait_engine "$p-pause" running 15
sleep 1
docker pause "$p-pause" >/dev/null
after "docker pause" "$p-pause"
is "the row says paused" "$(row_state "$p-pause")" paused
docker unpause "$p-pause" >/dev/null
after "docker unpause" "$p-pause"

# Renamed.
docker rename "$p-pause" "$p-renamed"
sleep 1
is "rename: the old name is gone" "$(row_state "$p-pause")" ""
is "rename: the new name has the row" "$(row_state "$p-renamed")" \
	"$(inspect_state "$p-renamed")"

# Removed.
docker rm -f "$p-renamed" >/dev/null
sleep 1
is "remove: the row is gone one second later" "$(row_state "$p-renamed")" ""

# A name reused at once: the old one running, the new one exits with 5.
run --name "$p-reuse" local/busybox:latest sleep 300
wait_engine "$p-reuse" running 15
sleep 1
docker rm -f "$p-reuse" >/dev/null
run --name "$p-reuse" local/busybox:latest sh -c 'exit 5'
wait_engine "$p-reuse" exited 15
after "a name reused at once" "$p-reuse"
is "a reused name is one row" "$(screen_states "$p-reuse" | grep -c "^$p-reuse ")" 1
same_as_engine "after each change, every row equals docker ps -a" "$p"
docker ps -aq --filter "name=^$p" | xargs -r docker rm -f >/dev/null

# Churn with berth watch running beside the console, and docker events
# recording the same window (its --since replays only the engine's last
# 256 events, too few for this).
docker events --filter type=container --format '{{json .}}' >"$watch_out.events" &
events_pid=$!
$BERTH watch --format json --name "$p-*" >"$watch_out" 2>>"$TM_LOG" &
watch_pid=$!
t_from=$(date +%s)
# The watcher is subscribed once it reports this one.
run --name "$p-mark" local/busybox:latest sh -c 'exit 9'
t=0
until grep -q "\"$p-mark\"" "$watch_out" || [ $t -ge 150 ]; do
	sleep 0.1
	t=$((t + 1))
done
like "berth watch is subscribed" "$(cat "$watch_out")" "\"$p-mark\""

churn() { # END
	local n
	while [ "$(date +%s)" -lt "$1" ]; do
		n="$p-c$((RANDOM % 12))"
		case $((RANDOM % 10)) in
		0 | 1)
			docker rm -f "$n"
			run --name "$n" local/busybox:latest \
				sh -c "sleep $((RANDOM % 3)); exit $((RANDOM % 4))"
			;;
		2) run --name "$n" local/busybox:latest sleep 600 ;;
		3) docker kill "$n" ;;
		4) docker restart -t 0 "$n" ;;
		5) docker rm -f "$n" ;;
		6) docker pause "$n" || docker unpause "$n" ;;
		7) docker create --name "$n" --network none local/busybox:latest true ;;
		8)
			docker rm -f "$n"
			run --name "$n" -m 6m --memory-swap 6m local/busybox:latest \
				sh -c 'x=a; while :; do x=$x$x; done'
			;;
		9)
			docker rm -f "$n"
			run --name "$n" --restart on-failure:2 local/busybox:latest \
				sh -c 'exit 1'
			;;
		esac >/dev/null 2>&1
	done
}
# 66 s, of which the engine hangs up to 16: 50 s and more of churn.
end=$(($(date +%s) + 66))
churn "$end" &
churn "$end" &
# Midway the engine hangs (SIGSTOP) until the console gives it up, then
# comes back: the console re-lists while the churn goes on, and no list
# answer older than an event may bring back what the event changed.
sleep 12
dpid=$(cat "$edir/dockerd.pid")
kill -STOP "$dpid"
t_stop=$(date +%s)
if wait_for "disconnected" 25; then ok "a hung engine is given up during the churn"; else not_ok "a hung engine is given up during the churn"; fi
kill -CONT "$dpid"
hung=$(($(date +%s) - t_stop))
if wait_for "● connected" 25; then ok "the console reconnects and re-lists during the churn"; else not_ok "the console reconnects during the churn"; fi
wait $(jobs -p | grep -vE "^($watch_pid|$events_pid)$")
t_to=$(date +%s)
active=$((t_to - t_from - hung))
if [ "$active" -ge 45 ]; then
	ok "$active s of churn with the engine answering (and $hung s hung)"
else
	not_ok "only $active s of churn with the engine answering ($hung s hung)"
fi
sleep 3

if ! same_as_engine "3 s after the churn, every row equals docker ps -a" "$p"; then
	# what the engine said of the rows that differ
	for n in $(diff <(engine_states "$p") <(screen_states "$p") | awk '/^[<>]/ {print $2}' | sort -u); do
		grep -F "\"name\":\"$n\"" "$watch_out.events" |
			python3 -c 'import json,sys
for l in sys.stdin:
    e = json.loads(l); print("#  ", e["timeNano"], e["Actor"]["ID"][:12], e["Action"], e["Actor"]["Attributes"].get("name"))' | tail -12
	done
fi
read -r run_n pau_n stop_n < <(docker info -f '{{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}}')
if ! like "the top bar's counts equal docker info's" "$(screen | head -1)" \
	"$run_n running $pau_n paused $stop_n stopped"; then
	screen | sed 's/^/#   screen: /'
	docker ps -a --format '{{.ID}} {{.Names}} {{.Status}}' | sed 's/^/#   engine: /'
fi

kill "$events_pid" 2>/dev/null
wait "$events_pid" 2>/dev/null
cp "$watch_out.events" "build/test-logs/test_truth.events.jsonl"
n_events=$(wc -l <"$watch_out.events")
rate=$((n_events / (t_to - t_from)))
if [ "$rate" -ge 3 ]; then
	ok "the churn made $n_events container events in $((t_to - t_from)) s (at least 3 a second)"
else
	not_ok "the churn made only $n_events container events in $((t_to - t_from)) s"
fi
kill "$watch_pid" 2>/dev/null
wait "$watch_pid" 2>/dev/null
watch_pid=
# The watcher's rule, applied to docker's events: a die with a non-zero
# code is a crash unless a kill or an OOM came since the last start; the
# engine may send an OOM kill's oom after its die (137), and an oom up to
# 2 s after such a die makes it no crash either.
compare=$(python3 - "$watch_out.events" "$watch_out" "$p" <<'PY'
import json, sys
evs, out, p = sys.argv[1], sys.argv[2], sys.argv[3]
want_died, want_oom, killed, sigkill = [], [], {}, {}
for line in open(evs):
    e = json.loads(line)
    a, cid = e.get("Action", ""), e.get("id") or e["Actor"]["ID"]
    name = e["Actor"]["Attributes"].get("name", "")
    if not name.startswith(p + "-"):
        continue
    # any other event settles a held SIGKILL die: its oom will not come
    if a != "oom":
        sigkill.pop(cid, None)
    if a == "start":
        killed[cid] = False
    elif a == "kill":
        killed[cid] = True
    elif a == "oom":
        killed[cid] = True
        want_oom.append(cid)
        held = sigkill.pop(cid, None)
        if held is not None and e["time"] - held[0] < 2:
            want_died.remove(held[1])
    elif a == "die":
        code = int(e["Actor"]["Attributes"].get("exitCode", "0"))
        if code > 0 and not killed.get(cid):
            want_died.append((cid, code))
            if code == 137:
                sigkill[cid] = (e["time"], (cid, code))
        killed[cid] = False
got_died, got_oom = [], []
for line in open(out):
    r = json.loads(line)
    if r["event"] == "died":
        got_died.append((r["id"], int(r["exit_code"])))
    elif r["event"] == "oom":
        got_oom.append(r["id"])
ok = sorted(want_died) == sorted(got_died) and sorted(want_oom) == sorted(got_oom)
print("same" if ok else "differ", len(want_died), len(want_oom), len(got_died), len(got_oom))
if not ok:
    print("# docker events only:", sorted(set(want_died) - set(got_died)), sorted(set(want_oom) - set(got_oom)))
    print("# berth watch only:", sorted(set(got_died) - set(want_died)), sorted(set(got_oom) - set(want_oom)))
PY
)
like "berth watch reported exactly the dies and OOMs of docker events ($(echo "$compare" | head -1))" \
	"$compare" '^same [1-9][0-9]* [1-9][0-9]* '
rm -f "$watch_out.events"

berth_quit
tui_done
