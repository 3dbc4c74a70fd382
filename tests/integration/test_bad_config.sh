#!/usr/bin/env bash
# Config and theme files with errors: berth refuses to start with one line
# naming the file and the line, exit status 2, and never crashes.  Every
# tests/data/config_bad_* and theme_bad_* file is tried.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh

BERTH=${BERTH:-build/san/berth}
tmp=$(mktemp -d /tmp/berth-badcfg.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# One run: the console must refuse before touching the terminal, so no
# tty is needed; a timeout catches one that starts anyway.
refuse() { # DESC FILE ARGS...
	local desc=$1 file=$2 rc err base
	shift 2
	base=$(basename "$file")
	timeout 10 env TERM=xterm-256color "$BERTH" "$@" </dev/null \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	err=$(cat "$tmp/err")
	if [ "$rc" = 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
		printf '%s' "$err" | grep -qF "$base" &&
		printf '%s' "$err" | grep -qE ":[0-9]+|line [0-9]+" &&
		! grep -qE 'Sanitizer|runtime error' "$tmp/err"; then
		ok "$desc: exit 2, one line with file and line"
	else
		not_ok "$desc: exit 2, one line with file and line"
		printf '#   rc=%s\n' "$rc"
		sed 's/^/#   /' "$tmp/err" | head -5
	fi
}

for f in tests/data/config_bad_*.conf; do
	refuse "config $(basename "$f")" "$f" --config "$f"
done
for f in tests/data/theme_bad_*.theme; do
	refuse "theme $(basename "$f")" "$f" --theme "./$f"
done

# A config naming a bad theme: the theme's file and line are named.
printf 'theme = ./tests/data/theme_bad_slot.theme\n' >"$tmp/uses-bad-theme.conf"
refuse "a config naming a bad theme" theme_bad_slot.theme \
	--config "$tmp/uses-bad-theme.conf"

# Not a text file at all, and a missing one: still one line, exit 2.
head -c 4096 /dev/urandom >"$tmp/random.conf"
timeout 10 "$BERTH" --config "$tmp/random.conf" </dev/null >/dev/null 2>"$tmp/err"
rc=$?
is "random bytes as config: exit 2" "$rc" 2
like "random bytes as config: the file is named" "$(cat "$tmp/err")" "random.conf"
timeout 10 "$BERTH" --config "$tmp/absent.conf" </dev/null >/dev/null 2>"$tmp/err"
is "a missing config: exit 2" "$?" 2
like "a missing config: the file is named" "$(cat "$tmp/err")" "absent.conf"
timeout 10 "$BERTH" --theme no-such-theme </dev/null >/dev/null 2>"$tmp/err"
is "an unknown theme: exit 2" "$?" 2
like "an unknown theme: named" "$(cat "$tmp/err")" "no-such-theme"
tap_done
