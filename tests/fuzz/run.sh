#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each, seeded from tests/data,
# JOBS at a time (default: the number of cores).  A crash leaves its input
# in build/fuzz/crashes/ and fails the run.
set -u
cd "$(dirname "$0")/../.."
secs=${1:-60}
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
out=build/fuzz/crashes
mkdir -p "$out"

run_one() {
	local bin=$1 name corpus log execs
	name=$(basename "$bin")
	corpus=build/fuzz/corpus/$name
	mkdir -p "$corpus"
	log=build/fuzz/$name.log
	if "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$out/$name-" -print_final_stats=1 \
		"$corpus" tests/data >"$log" 2>&1; then
		execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
		echo "$name: ${execs:-?} executions, no crash"
	else
		echo "$name: FAILED, see $log"
		tail -n 30 "$log"
		return 1
	fi
}

status=0
pids=()
n=0
for bin in build/fuzz/fuzz_*; do
	[ -x "$bin" ] || continue
	case "$bin" in *.log) continue ;; esac
	n=$((n + 1))
	run_one "$bin" &
	pids+=($!)
	if [ ${#pids[@]} -ge "$jobs" ]; then
		wait "${pids[0]}" || status=1
		pids=("${pids[@]:1}")
	fi
done
for p in "${pids[@]}"; do
	wait "$p" || status=1
done
# A run of nothing is no run: one target per tests/fuzz/fuzz_*.c.
want=$(ls tests/fuzz/fuzz_*.c | wc -l)
if [ "$n" -ne "$want" ]; then
	echo "fuzz: $n targets built of $want in tests/fuzz (make test-build)"
	status=1
fi
echo "fuzz: $n targets, $secs s each"
exit $status
