#!/usr/bin/env bash
# A broken engine, or something broken in front of it: berth-faultproxy
# answers the way it is told for the paths matching a pattern and passes
# the rest to the private engine.  Headless commands must end with one
# clear line and a non-zero exit in bounded time and memory; the console
# must keep answering keys and say what went wrong.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

PROXY=build/tools/berth-faultproxy
[ -x "$PROXY" ] || make -s "$PROXY" >/dev/null
UP=${DOCKER_HOST#unix://}
tmp=$(mktemp -d /tmp/berth-faults.XXXXXX)
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	tm kill-server 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
RSS_LIMIT_KB=$((400 * 1024)) # the 64 MiB cap, doubled, plus ASan's share

# proxy NAME MODE PATTERN: a proxy on $tmp/NAME.sock, gone after 120 s.
proxy() {
	"$PROXY" -t 120 -p "$3" "$tmp/$1.sock" "$UP" "$2" &
	pids+=($!)
	local i
	for i in $(seq 1 50); do
		[ -S "$tmp/$1.sock" ] && return 0
		sleep 0.02
	done
}

# headless NAME CMD: runs berth CMD through proxy NAME; sets rc, ms, rss
# (peak KB, from /usr/bin/time or, without it, not measured) and err.
headless() {
	local t0=$(date +%s%N)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -o "$tmp/$1.rss" -f %M timeout 60 \
			env DOCKER_HOST="unix://$tmp/$1.sock" "$BERTH" $2 \
			>/dev/null 2>"$tmp/$1.err"
		rc=$?
		rss=$(tail -1 "$tmp/$1.rss")
	else
		timeout 60 env DOCKER_HOST="unix://$tmp/$1.sock" "$BERTH" $2 \
			>/dev/null 2>"$tmp/$1.err"
		rc=$?
		rss=0
	fi
	ms=$((($(date +%s%N) - t0) / 1000000))
	err=$(cat "$tmp/$1.err")
}

# expect_fail NAME CMD REGEX MAX_MS
expect_fail() {
	local lines
	lines=$(grep -c . "$tmp/$1.err")
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && [ "$lines" -eq 1 ] &&
		printf '%s' "$err" | grep -qE -- "$3" && [ "$ms" -le "$4" ] &&
		[ "${rss:-0}" -le "$RSS_LIMIT_KB" ]; then
		ok "$1: berth $2 exits $rc in $ms ms, peak RSS ${rss} KB: $err"
	else
		not_ok "$1: berth $2: one line /$3/, non-zero exit within $4 ms"
		printf '#   rc=%s ms=%s rss=%s KB\n' "$rc" "$ms" "$rss"
		sed 's/^/#   /' "$tmp/$1.err" | head -8
	fi
}

# A stalled engine takes the 30 s request timeout: run it meanwhile.
proxy stall stall /containers/json
(
	headless stall ps
	echo "$rc $ms $rss" >"$tmp/stall.res"
) &
stall_job=$!

proxy pass pass ""
headless pass ps
is "pass-through: berth ps works through the proxy" "$rc" 0

# name mode pattern command expected-message
while IFS='|' read -r name mode pat cmd want; do
	proxy "$name" "$mode" "$pat"
	headless "$name" "$cmd"
	expect_fail "$name" "$cmd" "$want" 10000
done <<'CASES'
close-ps|close|/containers/json|ps|transfer closed|closed
close-info|close|/info|info|transfer closed|closed
badjson-ps|badjson|/containers/json|ps|not valid JSON
badjson-info|badjson|/info|info|not valid JSON
endless-ps|endless|/containers/json|ps|answer too large
huge-ps|huge|/containers/json|ps|answer too large
huge-info|huge|/info|info|answer too large
badlen-ps|badlen|/containers/json|ps|not valid JSON
html500-ps|html500|/containers/json|ps|HTTP 500 with an HTML page
html500-info|html500|/info|info|HTTP 500 with an HTML page
html500-version|html500|/version|ps|HTTP 500 with an HTML page
close-version|close|/version|info|transfer closed|closed
CASES

# berth audit against an engine that is not there: exit 3, one line.
headless nothing "audit"
expect_fail nothing audit "cannot connect" 10000
is "no engine: berth audit exits 3" "$rc" 3

# The console: the list fails with the engine's fault shown, keys answer.
# key_latency KEY TEXT: ms from send-keys until TEXT is on the screen.
key_latency() {
	local t0=$(date +%s%N)
	keys "$1"
	wait_for "$2" 5 || { echo 99999; return; }
	echo $((($(date +%s%N) - t0) / 1000000))
}

console_case() { # NAME MODE PATTERN EXPECT
	proxy "c-$1" "$2" "$3"
	DOCKER_HOST="unix://$tmp/c-$1.sock" berth_start 100 30
	expect_screen "console, $1: the fault is shown ($4)" "$4" 15
	local lat
	lat=$(key_latency '?' "container.stop")
	if [ "$lat" -le 1000 ]; then
		ok "console, $1: ? opens help in $lat ms"
	else
		not_ok "console, $1: ? opens help within 1 s ($lat ms)"
		screen | sed 's/^/#   /'
	fi
	keys Escape
	if [ "$1" = endless ]; then
		local pid vm
		pid=$(pgrep -P "$(tm display -p -t 0 '#{pane_pid}')" | head -1)
		vm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null)
		if [ -n "$vm" ] && [ "$vm" -le "$RSS_LIMIT_KB" ]; then
			ok "console, endless body: peak RSS $vm KB"
		else
			not_ok "console, endless body: peak RSS ${vm:-?} KB"
		fi
	fi
	berth_quit
	like "console, $1: q still quits cleanly" "$(screen)" "EXITED:0"
}
console_case html500 html500 /containers/json "HTML page"
console_case endless endless /containers/json "answer too large"
console_case stall stall /containers/json "connected"

wait "$stall_job"
read -r rc ms rss <"$tmp/stall.res"
err=$(cat "$tmp/stall.err")
expect_fail stall ps "did not answer in time" 40000
tui_done
