#!/usr/bin/env bash
# A program's own colours in the logs pane: SGR colours, bold and
# underline reach the screen as colours (capture-pane -e), while a title
# sequence in the same line changes nothing; c, NO_COLOR and the config
# turn them off.
cd "$(dirname "$0")/../.." || exit 1
. tests/tui/lib.sh

p=colours$$
d=$(mktemp -d /tmp/berth-colours.XXXXXX)
cleanup() {
	docker rm -f "$p" >/dev/null 2>&1
	tm kill-server 2>/dev/null
	rm -rf "$d"
}
trap cleanup EXIT
# shellcheck disable=SC2016 # the container's sh reads it
docker run -d --name "$p" --network none local/busybox:latest sh -c \
	'printf "\033[31mRED\033[0m plain \033[1;4;32mGREEN\033[0m\033]0;pwned\007 after \033[38;5;208mORANGE\033[m\n"; exec sleep 600' >/dev/null

# sgr_before WORD: the SGR parameters tmux draws WORD with, one per line
# (the sequences right before it on the screen, split at ';')
sgr_before() {
	local e=$'\e'
	tm capture-pane -e -p -t 0 | grep -a -oE "($e\\[[0-9;]*m)+$1" |
		head -1 | grep -aoE '\[[0-9;]*m' | tr -d '[m' | tr ';' '\n'
}
has_param() { # WORD PARAM...
	local w=$1 got
	shift
	got=$(sgr_before "$w")
	for want in "$@"; do
		printf '%s\n' "$got" | grep -qx "$want" || return 1
	done
}
# the colour codes only (30-37, 90-97, 38;5;N)
colour_of() { sgr_before "$1" | grep -xE '3[0-7]|9[0-7]|38|5|208' | tr '\n' ' '; }

berth_start 120 20 logs "$p"
expect_screen "the line is in the logs pane" "RED plain GREEN after ORANGE" 15
if has_param RED 31; then ok "RED is drawn in red"; else not_ok "RED is drawn in red"; fi
if has_param GREEN 1 4 32; then ok "GREEN is bold, underlined and green"; else not_ok "GREEN is bold, underlined and green"; sgr_before GREEN | sed 's/^/#   /'; fi
like "ORANGE keeps its 256-colour number" "$(sgr_before ORANGE | tr '\n' ';')" '38;5;208;'
is "plain text after a reset has no colour" "$(colour_of plain)" ""
title=$(tm display -p -t 0 '#{pane_title}')
if [ "$title" != pwned ]; then ok "the title sequence did not set the pane's title"; else not_ok "the title sequence did not set the pane's title"; fi
is "nor is its text on the screen" "$(screen | grep -c pwned)" 0

keys c
wait_for "colours: off" 5
is "c turns the colours off" "$(colour_of RED)" ""
keys c
wait_for "colours: shown" 5
if has_param RED 31; then ok "and c brings them back"; else not_ok "and c brings them back"; fi
berth_quit

real=$BERTH
BERTH="env NO_COLOR=1 $real"
berth_start 120 20 logs "$p"
BERTH=$real
expect_screen "under NO_COLOR the line is there" "RED plain GREEN" 15
is "under NO_COLOR it has no colour" "$(colour_of RED)" ""
berth_quit

berth_start 120 20 --no-color logs "$p"
expect_screen "with --no-color the line is there" "RED plain GREEN" 15
is "with --no-color it has no colour" "$(colour_of RED)" ""
berth_quit

printf 'log_colours = false\n' >"$d/config"
berth_start 120 20 --config "$d/config" logs "$p"
expect_screen "with log_colours = false the line is there" "RED plain GREEN" 15
is "with log_colours = false it has no colour" "$(colour_of RED)" ""
berth_quit
tui_done
