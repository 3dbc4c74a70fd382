#!/usr/bin/env bash
# Log drivers the engine cannot read back: the logs pane says which driver
# it is and where the output goes, where docker logs only fails.  The
# syslog driver is pointed at a loopback port nobody listens on (UDP: the
# lines go nowhere else).
cd "$(dirname "$0")/../.." || exit 1
. tests/tui/lib.sh

p=drv$$
cleanup() {
	docker rm -f "$p-none" "$p-off" "$p-cached" >/dev/null 2>&1
	tm kill-server 2>/dev/null
}
trap cleanup EXIT
syslog=(--log-driver syslog --log-opt syslog-address=udp://127.0.0.1:5514)
docker run -d --name "$p-none" --network none --log-driver none \
	local/busybox:latest sh -c 'echo said-none; exec sleep 600' >/dev/null
docker run -d --name "$p-off" --network none "${syslog[@]}" \
	--log-opt cache-disabled=true local/busybox:latest \
	sh -c 'echo said-off; exec sleep 600' >/dev/null
docker run -d --name "$p-cached" --network none "${syslog[@]}" \
	local/busybox:latest sh -c 'echo said-cached; exec sleep 600' >/dev/null
sleep 1

# what the CLI makes of each, first
cli() { docker logs "$1" 2>&1; }
like "docker logs cannot read the none driver" "$(cli "$p-none")" "does not support reading"
like "nor syslog with its cache off" "$(cli "$p-off")" "does not support reading"
like "but syslog with its cache on it can" "$(cli "$p-cached")" "said-cached"

berth_start 160 20 logs "$p-none"
expect_screen "none: the pane names the driver" "log driver none: this container's output is not kept" 15
is "and shows no error" "$(screen | grep -c 'logs of')" 0
berth_quit

berth_start 160 20 logs "$p-off"
expect_screen "syslog, cache off: the pane says where the logs went" "log driver syslog, to udp://127.0.0.1:5514: the engine keeps no copy" 15
like "the status line says it is not readable here" "$(screen)" "logs of $p-off: log driver syslog, to udp://127.0.0.1:5514, not readable here"
berth_quit

berth_start 160 20 logs "$p-cached"
expect_screen "syslog, cache on: the line is shown" "said-cached" 15
like "with a word on where the logs really go" "$(screen)" "log driver syslog, to udp://127.0.0.1:5514: shown from the engine's local copy"
is "the json-file default gets no such word" "$(screen | grep -c 'log driver json-file')" 0
keys Escape 1
expect_screen "the containers pane lists them" "$p-cached" 10
same_as_engine "their states equal docker ps -a" "$p-"
berth_quit
tui_done
