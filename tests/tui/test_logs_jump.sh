#!/usr/bin/env bash
# Jumps in the logs pane: e/E to the next/previous line that says it is
# an error (JSON, logfmt, bracketed or upper-case levels; not the word in
# running text), @ to a time, ^ to the container's last start.  Which
# lines are errors and when they were written is read from docker logs.
cd "$(dirname "$0")/../.." || exit 1
. tests/tui/lib.sh

p=jump$$
cleanup() {
	docker rm -f "$p" >/dev/null 2>&1
	tm kill-server 2>/dev/null
}
trap cleanup EXIT
# shellcheck disable=SC2016 # the container's sh expands it
docker run -d --name "$p" --network none local/busybox:latest sh -c '
	fill() { i=0; while [ $i -lt 40 ]; do echo "filler $1 $i"; i=$((i+1)); done; }
	n=$(($(cat /tmp/runs 2>/dev/null || echo 0) + 1)); echo $n >/tmp/runs
	echo "run-start $n"; echo "INFO ready"; fill a
	echo "level=error msg=disk-full"; fill b
	echo "{\"level\":\"error\",\"msg\":\"json-bad\"}"; echo "no error here, all fine"; fill c
	echo "[ERROR] last-one"; fill d
	sleep 2; echo "marker-late"; fill e; echo "run-end $n"
	exec sleep 600' >/dev/null
wait_cli() { # TEXT: until docker logs has it
	for _ in $(seq 100); do
		docker logs "$p" 2>&1 | grep -q "$1" && return 0
		sleep 0.1
	done
	return 1
}
wait_cli "run-end 1"
errors=$(docker logs "$p" 2>&1 | grep -E 'level=error|"level":"error"|\[ERROR\]')
is "the CLI sees three error-level lines" "$(printf '%s\n' "$errors" | wc -l)" 3

berth_start 120 20 logs "$p"
expect_screen "the logs are shown, following" "filler e 39" 15
seen() { screen | grep -c -- "$1"; }
keys e
expect_screen "e: the first error-level line (as fields)" "ERROR disk-full" 5
like "the pane stops following" "$(screen | sed -n 2p)" "PAUSED"
keys e
expect_screen "e: the JSON one next" "json-bad" 5
is "the one before is off the screen" "$(seen disk-full)" 0
keys e
expect_screen "e: past 'no error here', to the bracketed one" "[ERROR] last-one" 5
is "the JSON line is off the screen" "$(seen json-bad)" 0
keys e
expect_screen "e at the last one says so" "no later error-level line" 5
keys E
expect_screen "E goes back to the JSON one" "json-bad" 5

# @: the second marker-late was written in, from the CLI's timestamps
ts=$(docker logs -t "$p" 2>&1 | grep marker-late | cut -d' ' -f1)
when=$(date -u -d "$ts" '+%Y-%m-%d %H:%M:%S')
keys @
wait_for "jump to" 5
keys -l "$when"
keys Enter
expect_screen "@ $when: the first line of that second" "marker-late" 5
like "the line above it is the CLI's last before that second" \
	"$(screen | grep -B1 marker-late | head -1)" \
	"$(docker logs --until "$(date -u -d "$when" +%Y-%m-%dT%H:%M:%SZ)" "$p" 2>&1 | tail -1)"
keys @
wait_for "jump to" 5
keys -l "$(date -u -d "$ts + 1 hour" '+%Y-%m-%d %H:%M')"
keys Enter
expect_screen "a time after every line says so" "no line at or after" 5
keys @
wait_for "jump to" 5
keys -l "25:99"
keys Enter
expect_screen "a time that is none says so" "is not HH:MM" 5

# ^: restarted, the pane follows the new run; ^ goes to its first line
docker restart -t 0 "$p" >/dev/null
wait_cli "run-end 2"
keys G
expect_screen "the new run is shown" "run-end 2" 15
keys ^
expect_screen "^: the last start's first line" "run-start 2" 5
like "just below the exit of the run before" \
	"$(screen | grep -A1 'container exited' | tail -1)" "run-start 2"
# the engine stamps StartedAt after the process began writing: the run's
# first line is the CLI's first one after the run before finished
finished=$(date -u -d "$(docker inspect -f '{{.State.FinishedAt}}' "$p")" +%s%N)
first=$(docker logs -t "$p" 2>&1 | while read -r t line; do
	[ "$(date -u -d "$t" +%s%N)" -gt "$finished" ] &&
		echo "$line" && break
done)
is "which is the CLI's first line after the run before finished" \
	"$first" "run-start 2"
keys Escape 1
expect_screen "the containers pane lists it" "$p" 10
same_as_engine "its state equals docker ps -a" "$p"
berth_quit
tui_done
