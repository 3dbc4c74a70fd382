#!/usr/bin/env bash
# The idle console under valgrind: callgrind (where the instructions go)
# and massif (the heap), each for IDLE_S on the containers pane once the
# full list is on screen. Called by scripts/bench.sh with DOCKER_HOST set.
#   scripts/bench/profile.sh OUTDIR COUNTS_ERE IDLE_S
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
. scripts/bench/lib.sh

dir=$1 re=$2 idle=${3:-30}
BERTH=${BERTH:-$(pwd)/berth}
mkdir -p "$dir"
command -v valgrind >/dev/null || {
	echo "profile: no valgrind" >&2
	exit 1
}
trap 'tm kill-server 2>/dev/null' EXIT
tm_init
tm set-option -g remain-on-exit on # a dead pane still shows why

# under TOOL ARGS...: run, wait for the list, idle, quit with q
under() {
	local tool=$1 pid
	shift
	T0=$(now_ms)
	tm_run valgrind -q --log-file="$dir/$tool.log" --tool="$tool" "$@" "$BERTH"
	if ! poll_screen "$re" 300000 >/dev/null; then
		echo "profile: $tool: the list never showed" >&2
		return 1
	fi
	pid=$(tm_pid)
	sleep "$idle"
	keys q
	while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

under callgrind --callgrind-out-file="$dir/callgrind.out" &&
	callgrind_annotate --inclusive=no "$dir/callgrind.out" 2>/dev/null |
	head -45 >"$dir/callgrind-self.txt"
callgrind_annotate --inclusive=yes "$dir/callgrind.out" 2>/dev/null |
	head -45 >"$dir/callgrind-inclusive.txt"
under massif --massif-out-file="$dir/massif.out" &&
	ms_print "$dir/massif.out" >"$dir/massif.txt" 2>/dev/null
echo "profile: $dir" >&2
sed -n 1,40p "$dir/callgrind-self.txt" >&2
