#!/usr/bin/env bash
# make bench: berth's speed and footprint against the docker CLI, on a
# private engine, for N busybox containers each printing a line a second.
# A benchmark, not a test: it fails only when it cannot run.
#
#   BENCH_N="50 200 1000"  container counts (ascending; each adds to the last)
#   BENCH_IDLE_S=30        idle window for memory, CPU and connections
#   BENCH_LONG_S=600       second memory sample, at BENCH_LONG_N (200)
#   BENCH_RUNS=3           runs of the cheap figures (medians)
#   BENCH_FLOOD_S=10       log flood window
#   BENCH_PROFILE=0        1: callgrind and massif of the idle console at
#                          BENCH_PROFILE_N (200), reports in bench/results/
#   BENCH_MEM_RESERVE_MB=2048  memory left free; containers beyond it are
#                          created but not started
#   BENCH_README=1         0: leave README.md's performance table alone
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
. scripts/bench/lib.sh

N_LIST=${BENCH_N:-"50 200 1000"}
IDLE_S=${BENCH_IDLE_S:-30}
LONG_S=${BENCH_LONG_S:-600}
LONG_N=${BENCH_LONG_N:-200}
RUNS=${BENCH_RUNS:-3}
FLOOD_S=${BENCH_FLOOD_S:-10}
PROFILE=${BENCH_PROFILE:-0}
PROFILE_N=${BENCH_PROFILE_N:-200}
RESERVE_MB=${BENCH_MEM_RESERVE_MB:-2048}
BERTH=${BERTH:-$(pwd)/berth}
ENGINE_DIR=${BENCH_ENGINE_DIR:-/tmp/berth-bench-$$}
ENGINE_SOCK=$ENGINE_DIR/docker.sock
export DOCKER_HOST=unix://$ENGINE_SOCK
IMG=local/busybox:latest
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results
figs=$(mktemp /tmp/berth-bench-figs.XXXXXX)
notes=()

say() { echo "bench: $*" >&2; }
# put N KEY VALUE: one figure, for the table and the JSON
put() { echo "$1 $2 $3" >>"$figs"; }
get() { awk -v n="$1" -v k="$2" '$1 == n && $2 == k { v = $3 } END { print v == "" ? "n/a" : v }' "$figs"; }

cleanup() {
	tm kill-server 2>/dev/null
	if [ -S "$ENGINE_SOCK" ]; then
		say "removing the containers and the engine"
		docker ps -aq | xargs -r -n 50 -P 4 docker rm -f >/dev/null 2>&1
	fi
	scripts/engine.sh stop "$ENGINE_DIR" >/dev/null 2>&1
	rm -f "$figs"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -x "$BERTH" ] || {
	say "no $BERTH (make berth)"
	exit 1
}
if ! command -v tmux >/dev/null || ! command -v ss >/dev/null; then
	say "needs tmux and ss (iproute2)"
	exit 1
fi

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
say "engine at $ENGINE_DIR"
if ! scripts/engine.sh start "$ENGINE_DIR" ||
	! scripts/engine.sh seed "$ENGINE_DIR" >/dev/null 2>&1; then
	say "the private engine did not start"
	exit 1
fi
# Others may rebuild ./berth meanwhile: measure one binary throughout.
cp "$BERTH" "$ENGINE_DIR/berth" || exit 1
BERTH=$ENGINE_DIR/berth
export BERTH
tm_init

mem_avail_mb() { awk '/^MemAvailable:/ { print int($2 / 1024) }' /proc/meminfo; }
per_ctr_kb=10240 # until measured on the first batch

# make_containers N: bench-0001..N; started while memory allows
make_containers() {
	local want=$1 have i names batch m0 m1 t0 mode=run
	have=$(docker ps -aq --filter name=^bench- | wc -l)
	t0=$(now_ms)
	i=$have
	while [ "$i" -lt "$want" ]; do
		batch=$((want - i > 40 ? 40 : want - i))
		names=$(seq -f 'bench-%04g' $((i + 1)) $((i + batch)))
		m0=$(mem_avail_mb)
		if [ "$mode" = run ] && [ $((m0 - RESERVE_MB)) -lt $((batch * per_ctr_kb / 1024)) ]; then
			mode=create
			notes+=("memory: only $i containers running; the rest created, not started")
		fi
		# shellcheck disable=SC2046
		echo "$names" | xargs -P 8 -I{} docker $([ "$mode" = run ] && echo run -d || echo create) \
			--name {} --network none \
			-m 16m --log-opt max-size=1m "$IMG" \
			sh -c 'while :; do echo tick; sleep 1; done' >/dev/null ||
			say "some containers failed to $mode"
		if [ "$mode" = run ]; then
			sleep 1
			m1=$(mem_avail_mb)
			[ "$m0" -gt "$m1" ] && per_ctr_kb=$(((m0 - m1) * 1024 / batch))
		fi
		i=$((i + batch))
	done
	say "$want containers ($(docker ps -q | wc -l) running) in $(($(now_ms) - t0)) ms, ~$((per_ctr_kb / 1024)) MB each"
}

# counts_re: the top bar once the whole list is in the store
counts_re() {
	local r a
	r=$(docker ps -q | wc -l)
	a=$(docker ps -aq | wc -l)
	echo " $r running 0 paused $((a - r)) stopped "
}

# launch_berth: ms from launch to the full list on screen
launch_berth() {
	T0=$(now_ms)
	tm_run "$BERTH"
	poll_screen "$(counts_re)" 120000
}

wall_ms() {
	local t0
	t0=$(now_ms)
	"$@" >/dev/null 2>&1
	echo $(($(now_ms) - t0))
}

# first_list N: ms from launch until the whole list is on the screen,
# for berth and for docker ps -a alike: both started in the same tmux
# pane and seen through the same polling of it (its own cost, tens of
# ms, is in both); the CLI's bare wall time besides.
first_list() {
	local n=$1 b=() c=() w=() r re
	re=$(counts_re)
	for r in $(seq "$RUNS"); do
		T0=$(now_ms)
		tm_run "$BERTH"
		b+=("$(poll_screen "$re" 120000)")
		tm_idle
		T0=$(now_ms)
		tm_run sh -c "'docker ps -a; echo berth-bench-listed; exec sleep 100000'"
		c+=("$(poll_screen '^berth-bench-listed' 120000)")
		tm_idle
		w+=("$(wall_ms docker ps -a)")
	done
	put "$n" first_list_ms "$(median "${b[@]}")"
	put "$n" cli_ps_screen_ms "$(median "${c[@]}")"
	put "$n" cli_ps_ms "$(median "${w[@]}")"
}

# idle_window N WHO: WHO's CPU, memory and connections over IDLE_S, with
# the engine's CPU over the same window. The pane already runs WHO.
idle_window() {
	local n=$1 who=$2 pid e0 e1 s0 s1 p0 p1 t0 ms
	pid=$(tm_pid)
	sleep 2 # let the stats streams open
	t0=$(now_ms)
	p0=$(cpu_ticks "$pid")
	e0=$(engine_ticks)
	s0=$(engine_ticks shims)
	sleep "$IDLE_S"
	p1=$(cpu_ticks "$pid")
	e1=$(engine_ticks)
	s1=$(engine_ticks shims)
	ms=$(($(now_ms) - t0))
	put "$n" "${who}_cpu_pct" "$(pct $((p1 - p0)) "$ms")"
	put "$n" "${who}_engine_cpu_pct" "$(pct $((e1 - e0)) "$ms")"
	put "$n" "${who}_engine_shims_cpu_pct" "$(pct $((s1 - s0)) "$ms")"
	put "$n" "${who}_rss_mb" "$(mb "$(mem_kb "$pid" Rss)")"
	put "$n" "${who}_private_dirty_mb" "$(mb "$(mem_kb "$pid" Private_Dirty)")"
	put "$n" "${who}_engine_conns" "$(engine_conns "$pid")"
}

engine_alone() {
	local n=$1 e0 e1 s0 s1 t0 ms
	tm_idle
	sleep 2
	t0=$(now_ms)
	e0=$(engine_ticks)
	s0=$(engine_ticks shims)
	sleep "$IDLE_S"
	e1=$(engine_ticks)
	s1=$(engine_ticks shims)
	ms=$(($(now_ms) - t0))
	put "$n" alone_engine_cpu_pct "$(pct $((e1 - e0)) "$ms")"
	put "$n" alone_engine_shims_cpu_pct "$(pct $((s1 - s0)) "$ms")"
}

# event_to_screen N: the console filtered to one running container, which
# the CLI stops; ms from the CLI's return until its row says exited.
event_to_screen() {
	local n=$1 name=bench-0001 r v=() cli=()
	# its own console: quit_ms has just ended the last one
	launch_berth >/dev/null
	keys /
	keys -l "$name"
	keys Enter
	T0=$(now_ms)
	poll_screen "^$name .*running" 10000 >/dev/null || {
		put "$n" event_ms n/a
		return
	}
	for r in $(seq "$RUNS"); do
		cli+=("$(wall_ms docker stop -t 0 "$name")")
		T0=$(now_ms)
		v+=("$(poll_screen "^$name .*exited" 10000)")
		docker start "$name" >/dev/null
		T0=$(now_ms)
		poll_screen "^$name .*running" 10000 >/dev/null
	done
	put "$n" event_ms "$(median "${v[@]}")"
	put "$n" cli_stop_ms "$(median "${cli[@]}")"
}

# exit_ms CMD: ms from the q key to CMD's exit, as its parent shell
# sees it.  Not the pane's death: tmux reaps a pane's own process late
# (1.1 to 1.8 s here even for `sh -c 'read x'`), which is tmux's delay.
exit_ms() {
	local f t0
	f=$(mktemp /tmp/berth-bench-quit.XXXXXX)
	tm respawn-pane -k -t 0 "env TERM=xterm-256color LANG=C.UTF-8 \
LC_ALL=C.UTF-8 DOCKER_HOST=$DOCKER_HOST $1; date +%s%N >$f; exec sleep 100000"
	sleep 5
	t0=$(date +%s%N)
	keys q
	while [ ! -s "$f" ]; do
		[ $((($(date +%s%N) - t0) / 1000000)) -gt 10000 ] && break
		sleep 0.005
	done
	if [ -s "$f" ]; then
		echo $((($(cat "$f") - t0) / 1000000))
	else
		echo timeout
	fi
	rm -f "$f"
}

# quit_ms ARGS...: berth's q, the median of RUNS
quit_ms() {
	local r v=()
	for r in $(seq "$RUNS"); do
		v+=("$(exit_ms "$BERTH $*")")
	done
	median "${v[@]}"
}

# key_floor_ms: the same path for a program that only waits for one key
# and exits: tmux's send-keys, the pty, the scheduler and the shell's
# date under this load.  What berth adds is its q minus this.
key_floor_ms() {
	local r v=()
	for r in $(seq "$RUNS"); do
		v+=("$(exit_ms "sh -c 'stty raw -echo; dd bs=1 count=1 of=/dev/null 2>/dev/null'")")
	done
	median "${v[@]}"
}

# log_flood N: lines/s the logs view absorbs from a container counting as
# fast as it can (the highest number on screen, over FLOOD_S), against
# what the engine logged over the same window
log_flood() {
	local n=$1 name=bench-flood pid v1 v2 c1 c2 p0 p1 t1 t2
	local help
	# read whole: grep -q quitting early would SIGPIPE berth, and
	# pipefail then reads as "no logs command"
	help=$("$BERTH" --help 2>&1)
	if ! grep -qE '^  logs( |$)' <<<"$help"; then
		put "$n" flood_lines_s n/a
		notes+=("log flood: n/a, this berth has no 'logs' command yet")
		return
	fi
	# seq writes millions of lines a second (a shell loop ~44k): the
	# engine's log copy, not the producer, sets the pace
	docker run -d --name "$name" --network none -m 16m --log-opt max-size=50m "$IMG" \
		seq 1 1000000000 >/dev/null
	sleep 2
	tm_run "$BERTH" logs "$name"
	sleep 3
	pid=$(tm_pid)
	top_num() { screen | grep -oE '^ *[0-9]+ *$' | tr -d ' ' | sort -n | tail -1; }
	last_num() { docker logs --tail 1 "$name" 2>&1 | tr -dc '0-9'; }
	t1=$(now_ms) v1=$(top_num) c1=$(last_num) p0=$(cpu_ticks "$pid")
	sleep "$FLOOD_S"
	t2=$(now_ms) v2=$(top_num) c2=$(last_num) p1=$(cpu_ticks "$pid")
	put "$n" flood_lines_s "$(awk -v a="${v1:-0}" -v b="${v2:-0}" -v ms=$((t2 - t1)) 'BEGIN { printf "%d", (b - a) * 1000 / ms }')"
	put "$n" flood_produced_lines_s "$(awk -v a="${c1:-0}" -v b="${c2:-0}" -v ms=$((t2 - t1)) 'BEGIN { printf "%d", (b - a) * 1000 / ms }')"
	put "$n" flood_cpu_pct "$(pct $((p1 - p0)) $((t2 - t1)))"
	put "$n" flood_rss_mb "$(mb "$(mem_kb "$pid" Rss)")"
	put "$n" flood_quit_ms "$(quit_ms logs "$name")"
	put "$n" flood_key_floor_ms "$(key_floor_ms)"
	tm_idle
	# the CLI following the same flood: how fast the engine serves a
	# follower at all, here and now
	c1=$(last_num) t1=$(now_ms)
	v2=$(timeout "$FLOOD_S" docker logs -f --tail 0 "$name" 2>/dev/null | tail -1 | tr -dc '0-9')
	t2=$(now_ms)
	put "$n" flood_cli_lines_s "$(awk -v a="${c1:-0}" -v b="${v2:-0}" -v ms=$((t2 - t1)) 'BEGIN { printf "%d", (b > a ? b - a : 0) * 1000 / ms }')"
	docker rm -f "$name" >/dev/null
}

# posture_pass N KEY CMD...: CMD's wall time, and the engine's CPU
# (dockerd, containerd, the shims and what they ran) it cost, in ms of
# a core
posture_pass() {
	local n=$1 key=$2 e0 e1 t0
	shift 2
	e0=$(engine_ticks_all)
	t0=$(now_ms)
	"$@" >/dev/null 2>&1
	put "$n" "${key}_ms" $(($(now_ms) - t0))
	e1=$(engine_ticks_all)
	put "$n" "${key}_engine_cpu_ms" $(((e1 - e0) * 1000 / HZ))
}

bench_n() {
	local n=$1
	make_containers "$n"
	say "N=$n: first list"
	first_list "$n"
	say "N=$n: engine alone, $IDLE_S s"
	engine_alone "$n"
	say "N=$n: berth idle, $IDLE_S s"
	launch_berth >/dev/null
	idle_window "$n" berth
	if [ "$n" = "$LONG_N" ] && [ "$LONG_S" -gt "$IDLE_S" ]; then
		say "N=$n: long sample at $LONG_S s"
		sleep $((LONG_S - IDLE_S))
		put "$n" long_s "$LONG_S"
		put "$n" berth_long_rss_mb "$(mb "$(mem_kb "$(tm_pid)" Rss)")"
		put "$n" berth_long_private_dirty_mb "$(mb "$(mem_kb "$(tm_pid)" Private_Dirty)")"
	fi
	put "$n" quit_ms "$(quit_ms)"
	put "$n" key_floor_ms "$(key_floor_ms)"
	say "N=$n: event to screen"
	event_to_screen "$n"
	say "N=$n: docker stats (streaming, the CLI's live view), $IDLE_S s"
	tm_run docker stats
	idle_window "$n" cli
	tm_idle
	say "N=$n: posture, stats, log flood"
	posture_pass "$n" posture "$BERTH" audit --format json
	# shellcheck disable=SC2016 # expanded by that sh
	posture_pass "$n" cli_inspect sh -c 'docker inspect $(docker ps -aq)'
	put "$n" cli_stats_nostream_ms "$(wall_ms docker stats --no-stream)"
	put "$n" running "$(docker ps -q | wc -l)"
	log_flood "$n"
	if [ "$PROFILE" = 1 ] && [ "$n" = "$PROFILE_N" ]; then
		scripts/bench/profile.sh "$out/$stamp-profile" "$(counts_re)" "$IDLE_S" ||
			say "profile failed"
	fi
}

for n in $N_LIST; do
	bench_n "$n"
done

# --- the table and the JSON -----------------------------------------------
row() { # LABEL N BERTH_KEY CLI_KEY
	local b c
	b=$(get "$2" "$3")
	c=$([ -n "$4" ] && get "$2" "$4" || echo "—")
	printf '%-44s %10s %10s %7s\n' "$1" "$b" "$c" "$(ratio "$b" "$c")"
}
for n in $N_LIST; do
	echo
	echo "N = $n ($(get "$n" running) running)                      berth     docker   ratio"
	row "first full list on screen, ms (vs docker ps -a)" "$n" first_list_ms cli_ps_screen_ms
	row "  docker ps -a alone, wall ms" "$n" "" cli_ps_ms
	row "RSS after ${IDLE_S}s idle, MB (vs docker stats)" "$n" berth_rss_mb cli_rss_mb
	row "private dirty, MB" "$n" berth_private_dirty_mb cli_private_dirty_mb
	[ "$n" = "$LONG_N" ] && row "RSS after ${LONG_S}s, MB" "$n" berth_long_rss_mb ""
	[ "$n" = "$LONG_N" ] && row "private dirty after ${LONG_S}s, MB" "$n" berth_long_private_dirty_mb ""
	row "own CPU idle, live stats, %" "$n" berth_cpu_pct cli_cpu_pct
	row "engine connections idle" "$n" berth_engine_conns cli_engine_conns
	row "dockerd+containerd CPU, % (alone: $(get "$n" alone_engine_cpu_pct))" "$n" berth_engine_cpu_pct cli_engine_cpu_pct
	row "shims CPU, % (alone: $(get "$n" alone_engine_shims_cpu_pct))" "$n" berth_engine_shims_cpu_pct cli_engine_shims_cpu_pct
	row "event to screen, ms (CLI: docker stop -t 0)" "$n" event_ms cli_stop_ms
	row "posture pass, ms (vs docker inspect all)" "$n" posture_ms cli_inspect_ms
	row "  engine CPU it cost, ms of a core" "$n" posture_engine_cpu_ms cli_inspect_engine_cpu_ms
	row "docker stats --no-stream, ms" "$n" "" cli_stats_nostream_ms
	row "log flood, lines/s shown (vs docker logs -f)" "$n" flood_lines_s flood_cli_lines_s
	row "  lines/s the engine logged meanwhile" "$n" "" flood_produced_lines_s
	row "q to exit, ms: containers pane (vs one-key program)" "$n" quit_ms key_floor_ms
	row "q to exit, ms: logs pane under the flood" "$n" flood_quit_ms flood_key_floor_ms
done
for m in "${notes[@]}"; do
	echo "note: $m"
done

mkdir -p "$out"
jq -R -s --arg stamp "$stamp" --arg berth "$("$BERTH" --version 2>&1 | head -1)" \
	--arg idle "$IDLE_S" --arg long "$LONG_S" \
	--arg cpus "$(nproc)" --arg mem "$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)" \
	--arg load0 "$load_start" --arg load1 "$(cut -d' ' -f1-3 /proc/loadavg)" \
	--arg notes "$(printf '%s\n' "${notes[@]}")" '
	def num: if test("^[0-9.]+$") then tonumber else . end;
	{ time: $stamp, berth: $berth, idle_s: ($idle | tonumber),
	  long_s: ($long | tonumber),
	  machine: { cpus: ($cpus | tonumber), mem_mb: ($mem | tonumber),
		     load_start: $load0, load_end: $load1 },
	  notes: ($notes | split("\n") | map(select(length > 0))),
	  results: (split("\n") | map(select(length > 0) | split(" "))
		| group_by(.[0] | tonumber)
		| map({ key: .[0][0], value: (map({ key: .[1], value: (.[2] | num) })
			| from_entries) }) | from_entries) }' "$figs" >"$out/$stamp.json"
say "figures in $out/$stamp.json"
if [ "${BENCH_README:-1}" = 1 ] && scripts/bench/readme.sh "$out/$stamp.json" README.md; then
	say "README.md's performance table made from it"
fi
