#!/usr/bin/env bash
# Runs every test and ends with one line:
#   "check: N passed, M failed, K skipped".
# A skip is a skip, never a pass: cmocka's skip() and TAP "ok ... # SKIP"
# count as skipped.  Every dependency a test needs is installed by
# scripts/deps.sh, so on a machine it prepared a skip means something is
# missing or failed to start: it counts as a failure too, unless
# BERTH_ALLOW_SKIP=1 (a developer's machine without, say, podman).  A
# test that reports no result at all fails.
#   unit tests        (cmocka, sanitized, no engine)
#   static checks     (clang-format, cppcheck)
#   fuzz smoke        (each libFuzzer target for a few seconds)
#   integration tests (cmocka against a private engine, vs the docker CLI)
#   console tests     (tests/tui/*.sh: the real binary in tmux)
# Test binaries must already be built (make test-build).
set -u
cd "$(dirname "$0")/.."
top=$(pwd)

export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=1:quarantine_size_mb=32
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LC_ALL=C.UTF-8

logs="$top/build/test-logs"
rm -rf "$logs"
mkdir -p "$logs"
pass=0
fail=0
skip=0
failed=()
allow_skip=${BERTH_ALLOW_SKIP:-0}
t0=$(date +%s)

started=$(date +%s)
record() { # name passed failed [skipped]
	local now secs skipped=${4:-0} why=""
	now=$(date +%s)
	secs=$((now - started))
	started=$now
	if [ $(($2 + $3 + skipped)) -eq 0 ]; then
		why=" (it reported no result)"
		set -- "$1" 0 1
	fi
	pass=$((pass + $2))
	fail=$((fail + $3))
	skip=$((skip + skipped))
	if [ "$skipped" -gt 0 ] && [ "$allow_skip" != 1 ]; then
		why=" ($skipped skipped: a dependency scripts/deps.sh installs is missing or did not start; BERTH_ALLOW_SKIP=1 allows it)"
		fail=$((fail + skipped))
		set -- "$1" "$2" $(($3 + skipped))
	fi
	if [ "$3" -gt 0 ]; then
		failed+=("$1")
		echo "FAIL $1 ($2 passed, $3 failed, $skipped skipped, ${secs}s)$why; log: build/test-logs/$1.log"
		tail -n 40 "$logs/$1.log" | sed 's/^/    /'
	elif [ "$skipped" -gt 0 ]; then
		echo "ok   $1 ($2 passed, $skipped skipped, ${secs}s)"
		grep -E '# SKIP|SKIPPED' "$logs/$1.log" | head -5 | sed 's/^/    /'
	else
		echo "ok   $1 ($2 passed, ${secs}s)"
	fi
}

# A cmocka binary: counts from its summary; a crash or sanitizer report
# with no failed test still counts as one failure.
run_cmocka() {
	local bin=$1 name rc p f s
	name=$(basename "$bin")
	timeout 600 "$bin" >"$logs/$name.log" 2>&1
	rc=$?
	p=$(grep -o '\[  PASSED  \] [0-9]* test' "$logs/$name.log" | grep -o '[0-9]*' | tail -1)
	f=$(grep -o '\[  FAILED  \] [0-9]* test' "$logs/$name.log" | grep -o '[0-9]*' | tail -1)
	s=$(grep -o '\[  SKIPPED \] [0-9]* test' "$logs/$name.log" | grep -o '[0-9]*' | tail -1)
	p=${p:-0}
	f=${f:-0}
	s=${s:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	record "$name" "$p" "$f" "$s"
}

# A shell test speaks TAP ("ok ..." / "not ok ..."); a non-zero exit with
# no "not ok" line counts as one failure.
run_tap() {
	local script=$1 name rc p f s
	name=$(basename "$script" .sh)
	# a console test and an integration test may share a name: the
	# second's log must not overwrite the first's
	[ -e "$logs/$name.log" ] && name=$name.$(basename "$(dirname "$script")")
	timeout 900 bash "$script" >"$logs/$name.log" 2>&1
	rc=$?
	s=$(grep -cE '^ok .*# *SKIP' "$logs/$name.log")
	p=$(($(grep -c '^ok ' "$logs/$name.log") - s))
	f=$(grep -c '^not ok ' "$logs/$name.log")
	# "1..0 # SKIP why": a plan that skips the whole script
	grep -qE '^1\.\.0 *# *SKIP' "$logs/$name.log" && s=$((s + 1))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	record "$name" "$p" "$f" "$s"
}

run_cmd() { # name command...
	local name=$1
	shift
	if "$@" >"$logs/$name.log" 2>&1; then
		record "$name" 1 0
	else
		record "$name" 0 1
	fi
}

echo "== unit tests"
for bin in build/san/tests/unit/test_*; do
	[ -x "$bin" ] && run_cmocka "$bin"
done

echo "== static checks"
run_cmd format make -s format-check
run_cmd cppcheck make -s lint
run_cmd layers make -s layers

echo "== fuzz smoke"
run_cmd fuzz-smoke tests/fuzz/run.sh "${FUZZ_SMOKE_SECONDS:-3}"

echo "== integration tests (private engine)"
engine_dir=$(mktemp -d /tmp/berth-check.XXXXXX)
cleanup() { scripts/engine.sh stop "$engine_dir" >/dev/null 2>&1 || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM
if scripts/engine.sh start "$engine_dir" >"$logs/engine.log" 2>&1 &&
	scripts/engine.sh seed "$engine_dir" >>"$logs/engine.log" 2>&1; then
	export DOCKER_HOST="unix://$engine_dir/docker.sock"
	export BERTH_ENGINE_DIR="$engine_dir"
	# image contents are cached per run, never in the user's cache
	export XDG_CACHE_HOME="$engine_dir/cache"
	for bin in build/san/tests/integration/test_*; do
		# test_swarm needs a swarm manager: test_swarm.sh runs it on
		# an engine of its own, where it cannot skip.
		case "$bin" in */test_swarm) continue ;; esac
		[ -x "$bin" ] && run_cmocka "$bin"
	done
	echo "== console tests (tmux)"
	for script in tests/tui/test_*.sh tests/integration/test_*.sh; do
		[ -f "$script" ] && run_tap "$script"
	done
else
	record engine 0 1
	cat "$logs/engine.log"
fi

t1=$(date +%s)
echo
if [ ${#failed[@]} -gt 0 ]; then
	echo "failed: ${failed[*]}"
fi
echo "took $((t1 - t0)) s"
echo "check: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
