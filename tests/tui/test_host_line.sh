#!/usr/bin/env bash
# The host line in the top bar and the fleet pane, against the docker
# CLI: CPUs and memory as docker info, the running and paused
# containers' memory limits summed and the unbounded ones counted as
# docker inspect gives them, after each way a container changes (exits,
# is killed, paused, renamed, removed); an overcommit stands out; the
# fleet pane adds the disk as docker system df sums it.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=hl$$
cleanup() {
	docker ps -aq --filter "name=^$p-" | xargs -r docker rm -f >/dev/null 2>&1
	tm kill-server 2>/dev/null
}
trap cleanup EXIT
img=local/busybox:latest
run() { docker run -d --network none "$@" >/dev/null; }

# binary BYTES: as berth words sizes (docker stats's: 4 significant
# digits, binary units)
binary() {
	python3 -c 'import sys
v = float(sys.argv[1]); u = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]; i = 0
while v >= 1024 and i < len(u) - 1: v /= 1024; i += 1
print("%.4g%s" % (v, u[i]))' "$1"
}
# near: python reading docker system df's sizes (one a line) on stdin and
# berth's total as argv[1]: "same" when they agree to the rounding
near='import sys
units = {"B": 1, "kB": 1e3, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12}
def b(s):
    for u in sorted(units, key=len, reverse=True):
        if s.endswith(u):
            return float(s[: -len(u)]) * units[u]
    return float(s)
want = sum(b(l.strip()) for l in sys.stdin if l.strip())
got = b(sys.argv[1])
print("same" if abs(got - want) <= max(0.001 * want, 1000) else "%s vs %d" % (sys.argv[1], want))'
# expected: "limits X (N unbounded)" from docker inspect of the running
# and paused containers
expected() {
	local limits sum unb
	limits=$(docker ps -q --filter status=running --filter status=paused |
		xargs -r docker inspect -f '{{.HostConfig.Memory}}')
	sum=$(printf '%s\n' "$limits" | awk '{ s += $1 } END { print s + 0 }')
	unb=$(printf '%s\n' "$limits" | awk '$1 == 0' | wc -l)
	if [ "$unb" -gt 0 ]; then
		echo "limits $(binary "$sum") ($unb unbounded)"
	else
		echo "limits $(binary "$sum")"
	fi
}
# top_says DESC: within 5 s the top bar's limits equal expected()
top_says() {
	local want t=0
	while :; do
		want=$(expected)
		screen | head -1 | grep -qF -- "$want" && break
		[ $t -ge 50 ] && break
		sleep 0.1
		t=$((t + 1))
	done
	if screen | head -1 | grep -qF -- "$want"; then
		ok "$1: the top bar says $want, as docker inspect"
	else
		not_ok "$1: the top bar says $want, as docker inspect"
		screen | head -1 | sed 's/^/#   /'
	fi
}

run --name "$p-a" -m 64m $img sleep 300
run --name "$p-b" -m 32m $img sleep 300
run --name "$p-c" $img sleep 300
run --name "$p-x" -m 8m $img sh -c 'sleep 4; exit 2'
berth_start 250 40
expect_screen "the console is up" "running" 15
read -r ncpu mem < <(docker info -f '{{.NCPU}} {{.MemTotal}}')
expect_screen "the top bar says CPUs and memory as docker info" "$ncpu CPU $(binary "$mem")" 15
top_says "at start"

wait_engine "$p-x" exited 15
top_says "a container exits by itself"
docker kill "$p-a" >/dev/null
top_says "docker kill"
docker pause "$p-b" >/dev/null
top_says "docker pause (a paused one keeps its memory)"
docker rename "$p-b" "$p-b2"
top_says "docker rename"
docker start "$p-a" >/dev/null
top_says "docker start"
docker rm -f "$p-c" >/dev/null
top_says "docker rm -f"
same_as_engine "every row equals docker ps -a" "$p-"

half=$((mem / 2 + 1048576))
run --name "$p-big" -m "$half" $img sleep 300
run --name "$p-big2" -m "$half" $img sleep 300
top_says "two containers each limited past half the memory"
like "the top bar says OVERCOMMIT" "$(screen | head -1)" 'OVERCOMMIT'

keys H
expect_screen "H opens the fleet pane with the host" "HOST" 5
# (after berth's: the engine answers one disk usage at a time)
if wait_for "disk " 10; then
	got=$(screen | grep -o 'disk [0-9.]*[kMGT]*B' | head -1 | sed 's/^disk //')
	is "the fleet's disk equals docker system df's sizes summed (within rounding)" \
		"$(docker system df --format '{{.Size}}' | python3 -c "$near" "$got")" same
else
	not_ok "the fleet shows the disk"
	screen | sed 's/^/#   /'
fi
keys 1
expect_screen "back on the containers pane, the disk is in the top bar too" "reclaimable" 5
tui_done
