#!/usr/bin/env bash
# Structured lines in the logs pane: JSON and logfmt lines are shown as
# time, level (coloured), message and the other fields; a filter made
# of key=value terms filters by field (counted against what the CLI's
# docker logs holds); J shows the raw line; an escape sequence inside a
# JSON string still reaches nothing.
cd "$(dirname "$0")/../.." || exit 1
. tests/tui/lib.sh

p=fields$$
d=$(mktemp -d /tmp/berth-fields.XXXXXX)
cleanup() {
	docker rm -f "$p" >/dev/null 2>&1
	tm kill-server 2>/dev/null
	rm -rf "$d"
}
trap cleanup EXIT
cat >"$d/lines" <<'LINES'
{"time":"2026-01-02T03:04:05Z","level":"error","msg":"disk full","user":{"id":42},"path":"/data"}
{"time":"2026-01-02T03:04:06Z","level":"info","msg":"request done","user":{"id":7},"ms":12}
ts=2026-01-02T03:04:07Z lvl=warn msg="slow query" user.id=42 ms=1200
{"level":"ERR","msg":"json-title\u001b]0;pwned\u0007 end","user":{"id":42}}
plain text line level=error but not structured
ERROR a plain error line
LINES
lines_container "$p" "$d/lines" "a plain error line"
cli=$(docker logs "$p" 2>&1)

sgr_before() { # WORD: the SGR parameters tmux draws WORD with
	local e=$'\e'
	tm capture-pane -e -p -t 0 | grep -a -oE "($e\\[[0-9;]*m)+$1" |
		head -1 | grep -aoE '\[[0-9;]*m' | tr -d '[m' | tr ';' '\n'
}
log_rows() { screen | sed -n '3,$p' | grep -v '^ *$' | grep -v 'Esc back'; }

berth_start 140 20 logs "$p"
expect_screen "a JSON line as time, level, message, then the fields" \
	"2026-01-02T03:04:05Z ERROR disk full user.id=42 path=/data" 15
expect_screen "a logfmt line the same way" \
	"2026-01-02T03:04:07Z WARN  slow query user.id=42 ms=1200" 5
expect_screen "numbers and nested keys as the CLI has them" \
	"INFO  request done user.id=7 ms=12" 5
is "plain lines as they are" "$(screen | grep -c 'plain text line level=error but not structured')" 1
if sgr_before ERROR | grep -qx 31; then ok "ERROR is red"; else not_ok "ERROR is red"; fi
if sgr_before 'WARN ' | grep -qx 33; then ok "WARN is yellow"; else not_ok "WARN is yellow"; fi
expect_screen "the escape inside a JSON string is gone, its text kept" "json-title end user.id=42" 5
title=$(tm display -p -t 0 '#{pane_title}')
if [ "$title" != pwned ]; then ok "the title sequence set no title"; else not_ok "the title sequence set no title"; fi
is "nor is its payload on the screen" "$(screen | grep -c pwned)" 0

# filter by field, counted against the CLI's lines
keys '&'
wait_for "filter:" 5
keys -l "level=error"
keys Enter
want=$(printf '%s\n' "$cli" | grep -cE '^\{.*"level":"(error|ERR)"')
expect_screen "the header says the filter is by field" "(by field)" 5
for _ in $(seq 30); do [ "$(log_rows | wc -l)" = "$want" ] && break; sleep 0.1; done
is "level=error: the CLI's error-level structured lines ($want)" "$(log_rows | wc -l)" "$want"
is "a plain line that says level=error is not one" "$(screen | grep -c 'plain text line')" 0
keys '&'
wait_for "filter:" 5
keys C-u
keys -l "user.id=42"
keys Enter
want=$(printf '%s\n' "$cli" | grep -cE '"user":\{"id":42\}|user\.id=42 ')
for _ in $(seq 30); do [ "$(log_rows | wc -l)" = "$want" ] && break; sleep 0.1; done
is "user.id=42 in JSON and logfmt alike ($want)" "$(log_rows | wc -l)" "$want"
keys '&'
wait_for "filter:" 5
keys C-u
keys -l "level=error user.id=42"
keys Enter
for _ in $(seq 30); do [ "$(log_rows | wc -l)" = 2 ] && break; sleep 0.1; done
is "two terms: both must hold" "$(log_rows | wc -l)" 2
keys Escape
for _ in $(seq 30); do [ "$(log_rows | wc -l)" = 6 ] && break; sleep 0.1; done
is "Esc drops the filter: every line" "$(log_rows | wc -l)" 6

keys J
expect_screen "J: the raw line" '{"time":"2026-01-02T03:04:05Z","level":"error","msg":"disk full"' 5
keys J
expect_screen "J again: fields" "ERROR disk full" 5
berth_quit

printf 'log_fields = false\n' >"$d/config"
berth_start 140 20 --config "$d/config" logs "$p"
expect_screen "with log_fields = false the lines are raw" 'ts=2026-01-02T03:04:07Z lvl=warn msg="slow query"' 15
berth_quit
tui_done
