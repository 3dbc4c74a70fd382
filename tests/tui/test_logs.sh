#!/usr/bin/env bash
# The logs pane in tmux: bytes saved equal docker logs (TTY and not),
# escape sequences neutralised, a flood kept bounded and responsive, and
# a restarted container followed across its exit.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=lg$$
LOGS_RSS_MAX_MB=${LOGS_RSS_MAX_MB:-48}
out=$(mktemp -d /tmp/berth-logs.XXXXXX)
cleanup() {
	docker rm -f "$p-plain" "$p-tty" "$p-esc" "$p-flood" >/dev/null 2>&1
	tm kill-server 2>/dev/null
	rm -rf "$out"
}
trap cleanup EXIT

# save FILE [full]: the pane's save key, a file name, then the dialog.
save() {
	keys s
	wait_for "save to:" 5
	keys C-u "$1" Enter
	wait_for "fetch the full log" 5
	if [ "$2" = full ]; then
		local i
		for i in 1 2 3 4; do
			keys ' '
			wait_for "[x]" 1 && break
			keys Tab
		done
	fi
	keys y
	wait_for "written to $1" 10
}

# A non-TTY container: stdout and stderr, spaced so the order is fixed.
docker run -d --name "$p-plain" --network none local/busybox:latest \
	sh -c 'echo "out one"; sleep 0.3; echo "err one" >&2; sleep 0.3;
	echo "out  two	tab"; sleep 600' >/dev/null
docker run -d -t --name "$p-tty" --network none local/busybox:latest \
	sh -c 'echo "tty one"; echo "tty err" >&2; sleep 600' >/dev/null
sleep 1.5

berth_start 100 24 logs "$p-plain"
expect_screen "berth logs NAME opens the pane on its logs" "out  two"
like "the stderr line is shown" "$(screen)" "err one"
save "$out/plain.txt"
docker logs "$p-plain" >"$out/plain.want" 2>&1
if cmp -s "$out/plain.txt" "$out/plain.want"; then
	ok "saved buffer equals docker logs (non-TTY, stderr included)"
else
	not_ok "saved buffer equals docker logs (non-TTY, stderr included)"
	diff "$out/plain.want" "$out/plain.txt" | sed 's/^/#   /'
fi
like "the save says how many lines and bytes" "$(screen)" "3 lines, 29 bytes"
save "$out/plain-full.txt" full
if cmp -s "$out/plain-full.txt" "$out/plain.want"; then
	ok "full log fetched fresh equals docker logs"
else
	not_ok "full log fetched fresh equals docker logs"
	diff "$out/plain.want" "$out/plain-full.txt" | sed 's/^/#   /'
fi
berth_quit

berth_start 100 24 logs "$p-tty"
expect_screen "a TTY container's logs are shown raw" "tty err"
save "$out/tty.txt"
# A TTY's log has \r\n line ends; berth's lines end at \n.
docker logs "$p-tty" 2>&1 | tr -d '\r' >"$out/tty.want"
if cmp -s "$out/tty.txt" "$out/tty.want"; then
	ok "saved buffer equals docker logs (TTY)"
else
	not_ok "saved buffer equals docker logs (TTY)"
	diff "$out/tty.want" "$out/tty.txt" | sed 's/^/#   /'
fi
berth_quit

# Escape sequences: title, OSC 52, clear screen, cursor moves.
docker run -d --name "$p-esc" --network none local/busybox:latest \
	sh -c 'echo before; printf "A\033]0;pwned\007B\033]52;c;aGVsbG8=\007C\033[2JD\033[10;10HE\033[1AF\033[31mG\n"; echo after; sleep 600' >/dev/null
sleep 1
berth_start 100 24 logs "$p-esc"
expect_screen "the escape line is shown" "after"
like "escape sequences neutralised, the text kept" "$(screen)" "ABCDEFG"
like "the top bar is intact" "$(screen | head -1)" "berth"
like "the line before is intact" "$(screen)" "before"
unlike_title=$(tm display -p -t 0 '#{pane_title}')
if [ "$unlike_title" = pwned ]; then
	not_ok "the container could not set the terminal title"
else
	ok "the container could not set the terminal title"
fi
berth_quit

# A restart: the exit marker, then the new run's lines.
berth_start 100 30 logs "$p-plain"
expect_screen "following before the restart" "out  two"
docker restart -t 1 "$p-plain" >/dev/null
expect_screen "the exit marker after the container stops" \
	"container exited with code" 15
wait_for "out one" 5

expect_screen "the new run's lines follow the marker" "out  two" 10
sleep 1.5
after=$(screen | sed -n '/container exited with code/,$p')
like "new lines come after the marker" "$after" "out  two"
berth_quit

# A flood: bounded memory, keys answered at once.
docker run -d --name "$p-flood" --network none local/busybox:latest \
	sh -c 'while :; do echo flood line; done' >/dev/null
# Memory is measured on the release build: the sanitizer's allocator adds
# redzones and a quarantine (up to 32 MB here) that fills as lines churn.
san_berth=$BERTH
BERTH=${BERTH_RELEASE:-./berth}
berth_start 100 24 logs "$p-flood"
BERTH=$san_berth
expect_screen "the flood is shown" "flood line"
# The ring (100,000 lines / 16 MiB by default) is full within seconds
# at this rate: from then on memory must stay flat.
shpid=$(tm display -p -t 0 '#{pane_pid}')
bpid=$(pgrep -P "$shpid" | head -1)
sleep 8
rss=$(awk '/VmRSS/ {print $2}' "/proc/$bpid/status" 2>/dev/null)
sleep 8
rss2=$(awk '/VmRSS/ {print $2}' "/proc/$bpid/status" 2>/dev/null)
echo "# berth RSS after 8 s of flood: ${rss:-?} kB, after 16 s: ${rss2:-?} kB"
if [ -n "$rss2" ] && [ "$rss2" -lt $((LOGS_RSS_MAX_MB * 1024)) ]; then
	ok "RSS under $LOGS_RSS_MAX_MB MB during a flood"
else
	not_ok "RSS under $LOGS_RSS_MAX_MB MB during a flood (${rss2:-?} kB)"
fi
if [ -n "$rss" ] && [ -n "$rss2" ] && [ "$rss2" -le $((rss + 2048)) ]; then
	ok "RSS flat once the ring is full (8 s: $rss kB, 16 s: $rss2 kB)"
else
	not_ok "RSS flat once the ring is full (8 s: ${rss:-?} kB, 16 s: ${rss2:-?} kB)"
fi
t0=$(date +%s%N)
keys g
if wait_for "PAUSED" 5; then
	ms=$((($(date +%s%N) - t0) / 1000000))
	echo "# key answered in $ms ms"
	if [ "$ms" -lt 800 ]; then
		ok "a key changes the screen within 800 ms during a flood"
	else
		not_ok "a key changes the screen within 800 ms ($ms ms)"
	fi
else
	not_ok "a key changes the screen during a flood"
fi
keys G
expect_screen "G resumes following" "following" 5
docker rm -f "$p-flood" >/dev/null 2>&1
berth_quit

tui_done
