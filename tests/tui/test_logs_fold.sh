#!/usr/bin/env bash
# Multi-line entries in the logs pane: a Python traceback and a Java
# stack trace fold under their first line, which says how many lines it
# holds; a search inside one opens it, z folds it again, Z shows every
# line (the CLI's docker logs, in its order), log_fold = false too.
cd "$(dirname "$0")/../.." || exit 1
. tests/tui/lib.sh

p=fold$$
d=$(mktemp -d /tmp/berth-fold.XXXXXX)
cleanup() {
	docker rm -f "$p" >/dev/null 2>&1
	tm kill-server 2>/dev/null
	rm -rf "$d"
}
trap cleanup EXIT
cat >"$d/lines" <<'LINES'
INFO start
ERROR request failed
Traceback (most recent call last):
  File "app.py", line 3, in <module>
    main()
  File "app.py", line 2, in main
    raise ValueError("bad")
ValueError: bad
INFO after python
Exception in thread "main" java.lang.IllegalStateException: boom
	at com.example.App.run(App.java:10)
	at com.example.App.main(App.java:5)
Caused by: java.io.IOException: disk
	at com.example.Disk.read(Disk.java:7)
	... 2 more
INFO the end
LINES
lines_container "$p" "$d/lines" "INFO the end"
docker logs "$p" >"$d/cli" 2>&1
# the rows a person sees: the log region without the header, the status
# line and the footer,
# tabs as tmux draws them
log_rows() { screen | sed -n '3,$p' | head -n -2 | grep -v '^ *$' | sed 's/ *$//'; }

berth_start 120 30 logs "$p"
expect_screen "the logs are shown" "INFO the end" 15
expect_screen "the Python traceback folds under its first line" \
	"ERROR request failed  [+6 lines, z]" 5
expect_screen "the Java trace under its own" \
	'Exception in thread "main" java.lang.IllegalStateException: boom  [+5 lines, z]' 5
is "no frame is on the screen" "$(screen | grep -cE 'File "app.py"|ValueError: bad|at com.example|Caused by')" 0
is "five rows for the CLI's sixteen lines" "$(log_rows | wc -l) $(wc -l <"$d/cli")" "5 16"

# y on a folded entry's first line: the whole entry
tm set-option -s set-clipboard on
keys /
wait_for "search" 5
keys -l "request failed"
keys Enter
keys y
expect_screen "y on a folded entry copies all of it" "copied the entry: 7 lines" 5
is "the clipboard holds its seven lines, as the CLI has them" "$(tm show-buffer)" "$(sed -n 2,8p "$d/cli")"
keys /
wait_for "search" 5
keys C-u
keys -l "Disk.java"
keys Enter
expect_screen "a search match inside a folded entry opens it" "at com.example.Disk.read(Disk.java:7)" 5
is "the whole entry, its first line without the note" "$(screen | grep -c 'boom  \[+')" 0
keys z
expect_screen "z on a frame folds its entry" "folded: 5 more lines" 5
is "the frames are gone again" "$(screen | grep -c 'at com.example')" 0
keys z
expect_screen "z on the first line opens it" "open: 5 more lines" 5
is "every frame of it is there" "$(screen | grep -c 'at com.example')" 3
keys Escape
keys Z
expect_screen "Z: every line" "multi-line entries: every line shown" 5
keys G
for _ in $(seq 30); do [ "$(log_rows | wc -l)" = 16 ] && break; sleep 0.1; done
log_rows | tr -s ' \t' ' ' >"$d/got"
expand "$d/cli" | sed 's/ *$//' | tr -s ' \t' ' ' >"$d/want"
if cmp -s "$d/got" "$d/want"; then ok "every row is the CLI's line, in order"; else
	not_ok "every row is the CLI's line, in order"
	diff "$d/want" "$d/got" | sed 's/^/#   /'
fi
berth_quit

printf 'log_fold = false\n' >"$d/config"
berth_start 120 30 --config "$d/config" logs "$p"
expect_screen "with log_fold = false the frames are shown" 'File "app.py", line 3' 15
is "and no note" "$(screen | grep -c '\[+[0-9]* line')" 0
berth_quit
tui_done
