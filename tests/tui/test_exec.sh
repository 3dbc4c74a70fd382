#!/usr/bin/env bash
# The exec shell as a person uses it: e on a running busybox container
# (no /bin/bash: the fallback to /bin/sh), a command that writes a file,
# exit, and the console is back; then `berth shell NAME -- CMD`.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=tuiexec$$
cleanup() {
	docker rm -f "$p-box" >/dev/null 2>&1
	tm kill-server 2>/dev/null
}
trap cleanup EXIT
docker run -d --name "$p-box" --network none local/busybox:latest \
	sleep 600 >/dev/null

berth_start 100 30
expect_screen "the console lists the container" "$p-box"
top=$(screen | head -1)
keys /
keys -l "$p-box"
keys Enter
sleep 0.5
keys e
expect_screen "e opens a shell in the container" "shell in $p-box" 10
sleep 1
keys -l 'echo hi > /tmp/berth-exec-ok; exit'
keys Enter
expect_screen "the console is back after exit" "$top" 10
expect_screen "the status line tells how the shell ended" "exit 0" 5
is "the command ran in the container" \
	"$(docker exec "$p-box" cat /tmp/berth-exec-ok 2>&1)" hi
like "the console is drawn again, not the shell" "$(screen)" "$p-box"
berth_quit

# Headless, straight from the command line, in a terminal.
berth_start 80 10 shell "$p-box" -- sh -c "'echo \$((6*7))'"
expect_screen "berth shell NAME -- CMD prints the command's output" "42" 10
expect_screen "berth shell exits with the command's status" "EXITED:0" 10

berth_start 80 10 shell "$p-box"
sleep 1
keys -l 'exit 7'
keys Enter
expect_screen "berth shell falls back to /bin/sh and passes its exit status" \
	"EXITED:7" 10

tui_done
