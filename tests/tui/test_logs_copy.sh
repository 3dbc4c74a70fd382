#!/usr/bin/env bash
# Copy from the logs pane to the terminal's clipboard with OSC 52, seen
# by tmux (set-clipboard on) as a paste buffer: the current line, a
# marked range, every line the filter shows; each equal to the CLI's
# docker logs lines, with no control byte a container wrote in them.
cd "$(dirname "$0")/../.." || exit 1
. tests/tui/lib.sh

p=copy$$
d=$(mktemp -d /tmp/berth-copy.XXXXXX)
cleanup() {
	docker rm -f "$p" >/dev/null 2>&1
	tm kill-server 2>/dev/null
	rm -rf "$d"
}
trap cleanup EXIT
docker run -d --name "$p" --network none local/busybox:latest sh -c '
	echo "alpha 1"; echo "beta two"
	echo "{\"level\":\"info\",\"msg\":\"json line\",\"n\":1}"
	printf "gamma \033[2J\033]0;pwned\007three\n"; echo "delta four"
	exec sleep 600' >/dev/null
for _ in $(seq 100); do
	docker logs "$p" 2>&1 | grep -q "delta four" && break
	sleep 0.1
done
# the CLI's lines with the escape sequences a screen must not get taken
# out: what a person saw and expects to paste
cli=$(docker logs "$p" 2>&1 | sed -E 's/\x1b\[[0-9;]*[A-Za-z]//g; s/\x1b\][^\x07]*\x07//g')
buffer() { tm show-buffer 2>/dev/null; }
wait_buffer() { # TEXT: until the newest paste buffer is TEXT
	for _ in $(seq 50); do
		[ "$(buffer)" = "$1" ] && return 0
		sleep 0.1
	done
	return 1
}
copied() { # NAME WANT
	if wait_buffer "$2"; then ok "$1"; else
		not_ok "$1"
		diff <(printf '%s\n' "$2") <(buffer) | sed 's/^/#   /'
	fi
}

berth_start 120 20 logs "$p"
tm set-option -s set-clipboard on
expect_screen "the logs are shown" "delta four" 15

keys /
wait_for "search" 5
keys -l beta
keys Enter
keys y
copied "y: the search match's line, as the CLI has it" "$(printf '%s\n' "$cli" | grep '^beta')"
expect_screen "the status line says what was copied" "copied the line: 1 line" 5

keys v
wait_for "marked" 5
keys j j
copied "y on its own did not change the buffer yet" "$(printf '%s\n' "$cli" | grep '^beta')"
keys y
copied "v, j j, y: the three lines from the mark" "$(printf '%s\n' "$cli" | sed -n 2,4p)"
keys v
wait_for "marked" 5
keys k
keys s
wait_for "save to:" 5
keys C-u "$d/marked.log" Enter
expect_screen "the dialog says it is the marked lines" "Write the marked lines" 5
keys y
expect_screen "the marked lines saved" "the marked lines: 2 lines" 10
is "the file holds the two lines docker logs has there" "$(cat "$d/marked.log")" "$(docker logs "$p" 2>&1 | sed -n 3,4p)"
is "no escape byte reached the clipboard" "$(buffer | grep -c $'\e')" 0
is "and the title sequence's text is not in it" "$(buffer | grep -c pwned)" 0

keys /
wait_for "search" 5
keys C-u
keys -l json
keys Enter
keys y
copied "a JSON line is copied as the program wrote it" "$(printf '%s\n' "$cli" | grep json)"

keys '&'
wait_for "filter:" 5
keys -l a
keys Enter
keys Y
copied "Y: every line the filter shows" "$(printf '%s\n' "$cli" | grep -i a)"
expect_screen "the status says the filtered lines" "copied the filtered lines: 4 lines" 5
# s saves the same lines, as the container wrote them (a file, not a
# terminal: the bytes are docker logs' own)
keys s
wait_for "save to:" 5
keys C-u "$d/filtered.log" Enter
expect_screen "the dialog says it is the filtered lines" "the lines the filter shows" 5
keys y
expect_screen "saved" "written to $d/filtered.log" 10
if cmp -s "$d/filtered.log" <(docker logs "$p" 2>&1 | grep -ai a); then
	ok "s with a filter: the file is docker logs' matching lines, byte for byte"
else
	not_ok "s with a filter: the file is docker logs' matching lines, byte for byte"
fi
keys Escape
keys Y
copied "Y without a filter: every line" "$cli"
title=$(tm display -p -t 0 '#{pane_title}')
if [ "$title" != pwned ]; then ok "the pane's title is not the container's"; else not_ok "the pane's title is not the container's"; fi
berth_quit
tui_done
