#!/usr/bin/env bash
# The containers pane's column set from the config: NET, BLOCK and PIDS
# as rates and counts beside the default ones, in the config's order;
# PIDS as docker stats counts them, a container writing to its disk
# shows a block write rate, one doing nothing none, and no traffic on a
# container without a network; the rows equal docker ps -a after a kill.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=co$$
cfg=$(mktemp -d /tmp/berth-columns.XXXXXX)
cleanup() {
	docker ps -aq --filter "name=^$p-" | xargs -r docker rm -f >/dev/null 2>&1
	tm kill-server 2>/dev/null
	rm -rf "$cfg"
}
trap cleanup EXIT
img=local/busybox:latest
run() { docker run -d --network none "$@" >/dev/null; }

run --name "$p-four" $img sh -c 'sleep 300 & sleep 300 & sleep 300 & wait'
run --name "$p-write" $img sh -c 'while :; do dd if=/dev/zero of=/tmp/f bs=64k count=32 conv=fsync 2>/dev/null; sleep 0.2; done'
run --name "$p-idle" $img sleep 300
printf 'columns = name,state,pids,net,block,cpu\n' >"$cfg/config"

berth_start 260 30 --config "$cfg/config"
expect_screen "the console is up" "$p-idle" 15
head=$(screen | sed -n 2p)
like "the columns in the config's order" "$head" '^NAME +STATE +PIDS +NET RX/TX /s +BLOCK R/W /s +CPU %'
is "a column the config leaves out is not there" "$(printf '%s\n' "$head" | grep -c 'IMAGE\|RISK')" 0

# field NAME N: the Nth blank-separated cell group of NAME's row (cells
# like "1.2kB / 0B" hold blanks: the row is cut at two blanks or more)
cells() { row_of "$1" | sed -E 's/  +/\t/g'; }
wait_for_cell() { # NAME COLUMN(1-based, tab-cut) PATTERN SECONDS
	local t=0
	while [ $t -lt $(($4 * 10)) ]; do
		cells "$1" | cut -f"$2" | grep -qE "$3" && return 0
		sleep 0.1
		t=$((t + 1))
	done
	return 1
}
wait_for_cell "$p-four" 3 '^[0-9]+$' 15
is "PIDS as docker stats counts them" "$(cells "$p-four" | cut -f3)" \
	"$(docker stats --no-stream --format '{{.PIDs}}' "$p-four")"
# the engine's own block counters (docker stats's BLOCK I/O), twice:
# where they move, a write rate shows; where the host's cgroups count
# nothing, berth says nothing moved either
b1=$(docker stats --no-stream --format '{{.BlockIO}}' "$p-write")
sleep 2
b2=$(docker stats --no-stream --format '{{.BlockIO}}' "$p-write")
if [ "$b1" != "$b2" ]; then
	if wait_for_cell "$p-write" 5 '/ [0-9.]+[kMG]B' 15; then
		ok "a container writing to its disk shows a write rate ($(cells "$p-write" | cut -f5); docker stats: $b1 then $b2)"
	else
		not_ok "a container writing to its disk shows a write rate (docker stats: $b1 then $b2)"
		row_of "$p-write" | sed 's/^/#   /'
	fi
else
	is "the engine counts no block I/O here ($b1 then $b2): no rate either" \
		"$(cells "$p-write" | cut -f5)" "0B / 0B"
fi
is "one doing nothing reads and writes nothing" "$(cells "$p-idle" | cut -f5)" "0B / 0B"
is "no network: no traffic, as docker stats says ($(docker stats --no-stream --format '{{.NetIO}}' "$p-idle"))" \
	"$(cells "$p-idle" | cut -f4)" "0B / 0B"

docker kill "$p-write" >/dev/null
wait_engine "$p-write" exited 15
sleep 1
is "a killed container's rates are gone" "$(row_of "$p-write" | grep -cE '[0-9.]+[kMG]?B / ')" 0
# STATE is the second column here
# (a table row: an exited one has its code; the status line has none)
got=$(screen | awk -v p="$p-" 'index($1, p) == 1 && $2 ~ /^(created|running|paused|restarting|removing|exited|dead)$/ {
	s = $2
	if ($3 ~ /^\([0-9-]+\)$/) s = s " " $3
	else if (s == "exited") next
	print $1, s }' | sort)
is "every row equals docker ps -a" "$got" "$(engine_states "$p-")"
tui_done
