# shellcheck shell=bash
# Sourced by scripts/bench.sh: clocks, /proc readings and the tmux driver.
# Every reading comes from the kernel or the engine's socket table, never
# from berth itself, so berth and the docker CLI are measured the same way.

HZ=$(getconf CLK_TCK)

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# cpu_ticks PID...: utime+stime summed over the PIDs that still exist;
# with CHILDREN=1 the reaped children's times too (cutime+cstime).
# The command name may hold spaces, so fields are counted after its ')'.
cpu_ticks() {
	local files=() p
	for p in "$@"; do
		[ -r "/proc/$p/stat" ] && files+=("/proc/$p/stat")
	done
	[ ${#files[@]} -gt 0 ] || {
		echo 0
		return
	}
	awk -v c="${CHILDREN:-0}" '{ sub(/^.*\) /, ""); t += $12 + $13 + (c ? $14 + $15 : 0) }
		END { print t + 0 }' "${files[@]}" 2>/dev/null || echo 0
}

# pct TICKS MS: share of one core, two decimals
pct() { awk -v t="$1" -v ms="$2" -v hz="$HZ" \
	'BEGIN { printf "%.2f\n", (ms > 0) ? t / hz * 100000 / ms : 0 }'; }

# mem_kb PID FIELD: a line of smaps_rollup (Rss, Private_Dirty), in kB
mem_kb() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null; }

mb() { awk -v k="${1:-0}" 'BEGIN { printf "%.1f\n", k / 1024 }'; }

median() { printf '%s\n' "$@" | grep -E '^[0-9.]+$' | sort -n |
	awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print "n/a" }'; }

# ratio A B: A / B, or n/a when either is not a number
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {
	if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) print "n/a";
	else printf "%.2f\n", a / b }'; }

# engine_pids: dockerd, its containerd, and (with "shims") every shim
engine_pids() {
	local d
	d=$(cat "$ENGINE_DIR/dockerd.pid" 2>/dev/null) || return 0
	echo "$d"
	pgrep -P "$d" -x containerd || true
	if [ "${1:-}" = shims ]; then
		pgrep -f "containerd-shim.*-address $ENGINE_DIR/" || true
	fi
}

engine_ticks() {
	local p
	mapfile -t p < <(engine_pids "$@")
	cpu_ticks "${p[@]}"
}

# engine_ticks_all: the engine's ticks with the shims and the reaped
# children's (the ps that dockerd runs for each /top)
engine_ticks_all() { CHILDREN=1 engine_ticks shims; }

# engine_conns PID: the PID's unix sockets whose peer is the engine's
# listening socket path (what dockerd accepted from it).
engine_conns() {
	ss -xpn 2>/dev/null | awk -v pid="pid=$1," -v sock="$ENGINE_SOCK" '
		index($0, pid) { mine[$8] = 1 }
		$5 == sock { srv[$6] = 1 }
		END { for (i in mine) if (i in srv) n++; print n + 0 }'
}

# --- tmux: one private server, one pane, 200x50 -------------------------
TM_SOCK="berth-bench-$$"
tm() { tmux -L "$TM_SOCK" -f /dev/null "$@"; }

tm_init() {
	tm kill-server 2>/dev/null
	tm new-session -d -x 200 -y 50 "sleep 100000"
	tm set-option -g status off >/dev/null
}

# tm_run CMD...: replaces whatever runs in the pane (the server is warm,
# so the launch clock starts at the command, not at tmux's start).
tm_run() {
	tm respawn-pane -k -t 0 "exec env TERM=xterm-256color LANG=C.UTF-8 \
LC_ALL=C.UTF-8 DOCKER_HOST=$DOCKER_HOST $*"
}

tm_idle() { tm respawn-pane -k -t 0 "sleep 100000"; }
tm_pid() { tm display -p -t 0 '#{pane_pid}'; }
screen() { tm capture-pane -p -t 0; }
keys() { tm send-keys -t 0 "$@"; }

# poll_screen ERE LIMIT_MS: capture every 10 ms until the screen matches;
# prints the elapsed ms from $T0 (set by the caller) or "timeout".
poll_screen() {
	local re=$1 limit=$2 t
	while :; do
		if screen | grep -qE -- "$re"; then
			echo $(($(now_ms) - T0))
			return 0
		fi
		t=$(($(now_ms) - T0))
		if [ "$t" -gt "$limit" ]; then
			echo timeout
			return 1
		fi
		sleep 0.01
	done
}
