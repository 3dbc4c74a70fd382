#!/usr/bin/env bash
# berth watch --webhook and --exec: a receiver on 127.0.0.1 gets the JSON
# of a crash, an OOM kill, a log pattern's match, thresholds (memory,
# sustained CPU, disk) and a failing health check
# (its first POST answered 500, so that alert comes again), the command reads each alert on its standard input, both
# equal to the watcher's own lines and to what docker inspect says; a
# receiver that never answers holds nothing up; --once delivers before it
# exits; the systemd unit's ExecStart runs.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=$(realpath "${BERTH:-build/san/berth}")
p=wa$$
dir=$(mktemp -d /tmp/berth-alerts.XXXXXX)
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
	docker ps -aq --filter "name=^$p-" | xargs -r docker rm -f >/dev/null 2>&1
	docker rm -f "other$p" >/dev/null 2>&1
	rm -rf "$dir"
}
trap cleanup EXIT
img=local/busybox:latest
run() { docker run -d --network none "$@" >/dev/null; }

# receiver NAME [ARGS]: starts one; its port in $dir/NAME.port
receiver() {
	local t=0
	python3 tests/tools/hook_receiver.py "$dir/$1.port" "$dir/$1.log" "${@:2}" &
	pids+=($!)
	until [ -s "$dir/$1.port" ] || [ $t -ge 100 ]; do
		sleep 0.1
		t=$((t + 1))
	done
}
# wait_for SECONDS CMD...: until CMD succeeds
wait_for() {
	local t=0 limit=$(($1 * 10))
	shift
	until "$@" || [ $t -ge $limit ]; do
		sleep 0.1
		t=$((t + 1))
	done
}
# delivered LOG EVENT NAME: the bodies a receiver answered 200 for EVENT
delivered() {
	python3 - "$@" <<'PY'
import json, sys
log, event, name = sys.argv[1:4]
n = 0
for line in open(log):
    r = json.loads(line)
    b = r["body"] or {}
    if r["status"] == 200 and b.get("event") == event and b.get("container") == name:
        n += 1
print(n)
PY
}

receiver good --fail 1
receiver hang --hang
good=http://127.0.0.1:$(cat "$dir/good.port")/hook
hang=http://127.0.0.1:$(cat "$dir/hang.port")/hook

"$berth" watch --format json --name "$p-*" --webhook "$good" \
	--exec "cat >>'$dir/exec.jsonl'" --log-pattern 'ERROR|panic:' --log-every 60 \
	--mem-above 50 --cpu-above 50 --cpu-for 2 --disk-above 1 --health-fails 2 \
	--sample-every 1 \
	>"$dir/watch.out" 2>"$dir/watch.err" &
pids+=($!)
wpid=$!
"$berth" watch --format json --name "$p-*" --webhook "$hang" \
	>"$dir/hung.out" 2>"$dir/hung.err" &
pids+=($!)
hpid=$!
sleep 1
run --name "$p-crash" $img sh -c 'exit 3'
run --name "$p-oom" -m 8m --memory-swap 8m $img sh -c 'x=a; while :; do x=$x$x; done'
# a log line that matches, twice within --log-every; one with an escape
run --name "$p-log" $img sh -c 'echo starting; printf "ERROR disk \033]0;pwned\007on fire\n"; sleep 2; echo "ERROR again"; sleep 60'
# outside --name: its ERROR is none of this watch's business
run --name "other$p" $img sh -c 'echo ERROR elsewhere; sleep 60'
# tail holds 20 MB of a line that never ends: 62% of 32 MiB
run --name "$p-mem" -m 32m --memory-swap 32m $img sh -c '(head -c 20000000 /dev/zero; sleep 60) | tail -n 1'
# a health check that fails every second, 20 tries before unhealthy
run --name "$p-sick" --health-cmd false --health-interval 1s --health-retries 20 $img sleep 60
# a whole CPU, until its alert came
run --name "$p-busy" $img sh -c 'while :; do :; done'
got_both() { [ "$(delivered "$dir/good.log" died "$p-crash")" = 1 ] &&
	[ "$(delivered "$dir/good.log" cpu_high "$p-busy")" = 1 ] &&
	[ "$(delivered "$dir/good.log" health_failing "$p-sick")" = 1 ] &&
	[ "$(delivered "$dir/good.log" oom "$p-oom")" = 1 ] &&
	[ "$(delivered "$dir/good.log" log_match "$p-log")" = 1 ] &&
	[ "$(delivered "$dir/good.log" mem_high "$p-mem")" = 1 ]; }
wait_for 30 got_both
busy_cli=$(docker stats --no-stream --format '{{.CPUPerc}}' "$p-busy" | tr -d '%')
docker rm -f "$p-busy" >/dev/null
is "the receiver got the crash, once" "$(delivered "$dir/good.log" died "$p-crash")" 1
is "and the OOM kill, once" "$(delivered "$dir/good.log" oom "$p-oom")" 1
is "its exit code is docker inspect's" \
	"$(python3 -c 'import json,sys
for l in open(sys.argv[1]):
    b = json.loads(l)["body"] or {}
    if b.get("event") == "died" and b.get("container") == sys.argv[2]: print(b["exit_code"]); break' \
		"$dir/good.log" "$p-crash")" \
	"$(docker inspect -f '{{.State.ExitCode}}' "$p-crash")"
is "the engine says OOM-killed" "$(docker inspect -f '{{.State.OOMKilled}}' "$p-oom")" true
# body_of EVENT NAME KEY: a field of the first delivered body of EVENT
body_of() {
	python3 - "$dir/good.log" "$@" <<'PY'
import json, sys
log, event, name, key = sys.argv[1:5]
for line in open(log):
    r = json.loads(line)
    b = r["body"] or {}
    if r["status"] == 200 and b.get("event") == event and b.get("container") == name:
        print(b.get(key)); break
PY
}
is "the receiver got the log pattern's match, once" "$(delivered "$dir/good.log" log_match "$p-log")" 1
is "with the line, its escape made harmless" "$(body_of log_match "$p-log" line)" "ERROR disk ?]0;pwned?on fire"
is "and the pattern" "$(body_of log_match "$p-log" pattern)" "ERROR|panic:"
sleep 3
is "the second match within --log-every is not said" "$(delivered "$dir/good.log" log_match "$p-log")" 1
is "a container outside --name is not followed" "$(grep -c "other$p" "$dir/watch.out")" 0
is "the receiver got the failing health check, once" "$(delivered "$dir/good.log" health_failing "$p-sick")" 1
streak=$(body_of health_failing "$p-sick" failing_streak)
now=$(docker inspect -f '{{.State.Health.FailingStreak}}' "$p-sick")
if [ "${streak:-0}" -ge 2 ] && [ "${streak:-0}" -le "$now" ]; then
	ok "at a failing streak of 2 or more, as docker inspect counts ($streak, now $now)"
else
	not_ok "at a failing streak of 2 or more, as docker inspect counts ($streak, now $now)"
fi
is "the receiver got the sustained CPU, once" "$(delivered "$dir/good.log" cpu_high "$p-busy")" 1
cpu=$(body_of cpu_high "$p-busy" cpu_percent)
if python3 -c 'import sys; sys.exit(0 if abs(float(sys.argv[1]) - float(sys.argv[2])) <= 15 else 1)' "${cpu:-0}" "${busy_cli:-0}"; then
	ok "its CPU is docker stats's ($cpu% against $busy_cli%)"
else
	not_ok "its CPU is docker stats's ($cpu% against $busy_cli%)"
fi
root=$(docker info -f '{{.DockerRootDir}}')
disk=$(python3 -c 'import json,sys
for l in open(sys.argv[1]):
    b = json.loads(l)["body"] or {}
    if b.get("event") == "disk_high": print(b["data_root"], b["disk_percent"]); break' "$dir/good.log")
df_pct=$(df --output=pcent "$root" | tail -1 | tr -d ' %')
read -r disk_root disk_pct <<<"$disk"
is "the data root's use past --disk-above is said, for docker info's data root" "$disk_root" "$root"
if [ -n "$disk_pct" ] && [ $((disk_pct - df_pct)) -le 1 ] && [ $((df_pct - disk_pct)) -le 1 ]; then
	ok "its use is df's ($disk_pct% against $df_pct%)"
else
	not_ok "its use is df's ($disk_pct% against $df_pct%)"
fi
is "the receiver got the memory threshold, once" "$(delivered "$dir/good.log" mem_high "$p-mem")" 1
is "its limit is docker inspect's" "$(body_of mem_high "$p-mem" mem_limit)" \
	"$(docker inspect -f '{{.HostConfig.Memory}}' "$p-mem")"
pct=$(body_of mem_high "$p-mem" mem_percent)
cli=$(docker stats --no-stream --format '{{.MemPerc}}' "$p-mem" | tr -d '%')
if python3 -c 'import sys; sys.exit(0 if abs(float(sys.argv[1]) - float(sys.argv[2])) <= 5 else 1)' "${pct:-0}" "${cli:-0}"; then
	ok "its share of the limit is docker stats's ($pct% against $cli%)"
else
	not_ok "its share of the limit is docker stats's ($pct% against $cli%)"
fi
is "the first POST was answered 500 and came again" \
	"$(head -1 "$dir/good.log" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["status"])')" 500
is "every POST says application/json" \
	"$(python3 -c 'import json,sys; print(sorted({json.loads(l)["type"] for l in open(sys.argv[1])}))' "$dir/good.log")" \
	"['application/json']"
same_lines() { # FILE_A FILE_B: the same JSON objects, in any order
	python3 - "$1" "$2" <<'PY'
import json, sys
a = sorted(json.dumps(json.loads(l), sort_keys=True) for l in open(sys.argv[1]) if l.strip())
b = sorted(json.dumps(json.loads(l), sort_keys=True) for l in open(sys.argv[2]) if l.strip())
print("same" if a == b and a else "differ: %d %d" % (len(a), len(b)))
PY
}
wait_for 10 grep -q "\"$p-oom\"" "$dir/exec.jsonl"
is "the command read each alert the watcher printed" "$(same_lines "$dir/watch.out" "$dir/exec.jsonl")" same
python3 -c 'import json,sys
print("\n".join(json.dumps(json.loads(l)["body"]) for l in open(sys.argv[1]) if json.loads(l)["status"] == 200))' \
	"$dir/good.log" >"$dir/good.bodies"
is "the receiver got each alert the watcher printed" "$(same_lines "$dir/watch.out" "$dir/good.bodies")" same
is "the hung receiver held nothing up: its watcher printed the crash" \
	"$(grep -c "\"event\":\"died\",\"container\":\"$p-crash\"" "$dir/hung.out")" 1
is "nothing went wrong on the way" "$(cat "$dir/watch.err")" ""

kill "$wpid" "$hpid"
t0=$(date +%s%N)
wait "$hpid" 2>/dev/null
ms=$((($(date +%s%N) - t0) / 1000000))
if [ "$ms" -le 7000 ]; then ok "a watcher whose receiver hangs stops in $ms ms (5 s for the alerts on their way)"; else not_ok "a watcher whose receiver hangs took $ms ms to stop"; fi
like "and says what it could not deliver" "$(cat "$dir/hung.err")" 'alerts? not delivered'
wait "$wpid" 2>/dev/null

# --once: what happened in the last minute, delivered before it exits.
receiver once
"$berth" watch --once --since 1m --name "$p-*" --webhook "http://127.0.0.1:$(cat "$dir/once.port")/hook" \
	>"$dir/once.out" 2>&1
is "--once delivered the crash before it exited" "$(delivered "$dir/once.log" died "$p-crash")" 1

bad=$("$berth" watch --webhook ftp://127.0.0.1/x 2>&1)
is "a webhook that is no http URL is refused" "$?" 2
like "with a clear message" "$bad" 'webhook: an http:// or https:// URL'

# The unit shipped in contrib/: its ExecStart is a berth watch that runs
# (here for one pass, on this engine).
make --no-print-directory -s PREFIX=/usr UNIT="$dir/berth-watch.service" "$dir/berth-watch.service" >/dev/null
exec_start=$(sed -n 's/^ExecStart=//p' "$dir/berth-watch.service")
like "the unit runs the installed berth watch" "$exec_start" '^/usr/bin/berth watch( |$)'
read -r -a argv <<<"$exec_start"
"$berth" "${argv[@]:1}" --once --since 1s >"$dir/unit.out" 2>&1
is "its ExecStart line parses and runs" "$?" 0
tap_done
