#!/usr/bin/env bash
# The man page against the program's own tables and --help, and
# make install/uninstall.  Needs no engine; the release build (./berth,
# made by make test-build) is what gets documented and installed.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh

tmp=$(mktemp -d /tmp/berth-docs.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

make --no-print-directory -s man/berth.1 >/dev/null
man=man/berth.1
# The page as a reader sees it: roff escapes undone.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\e/\\/g' \
	-e 's/\\&//g' "$man")

has() { grep -qF -- "$1" <<<"$text"; }

warn=$(groff -man -ww -z "$man" 2>&1)
is "groff -ww: no warnings" "$warn" ""
warn=$(MANWIDTH=80 man -l "$man" 2>&1 >/dev/null)
is "man -l: no warnings" "$warn" ""

# Every binding: its key as the tag line after .TP in its context's
# section, and its action.
miss=
while read -r ctx key action _; do
	sect=$(awk -v c="$ctx" '$1 == ".SS" { on = ($2 == c) } on' "$man" |
		sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\e/\\/g' \
			-e 's/\\&//g')
	grep -qxF -- ".B $key" <<<"$sect" || miss="$miss $ctx:$key"
	grep -qF -- "($action)" <<<"$sect" || miss="$miss $ctx:$action"
done < <(./berth keys)
is "every key and action of berth keys is in the man page" "$miss" ""
n=$(./berth keys | wc -l)
[ "$n" -gt 50 ] && ok "berth keys lists $n bindings" ||
	not_ok "berth keys lists only $n bindings"

# Every posture rule id, as a tag of the rules section.
ids=$(sed -n '/^\.SH POSTURE RULES/,/^\.SH /p' "$man" |
	awk 'prev == ".TP" && $1 == ".B" { print $2 } { prev = $0 }' |
	sed 's/\\-/-/g' | sort)
src=$(grep -oE '^[[:space:]]*\{"[0-9a-z._]+",|HOST_(AUDIT|FILE)\("[0-9.]+"' \
	posture/rule_table.c | grep -oE '"[^"]+"' | tr -d '"' | sort)
is "the posture rules section lists exactly the rule table's ids" \
	"$ids" "$src"
n=$(wc -w <<<"$src")
[ "$n" -gt 90 ] && ok "$n posture rules" || not_ok "only $n posture rules"

help=$(./berth --help)
# Commands: the first word of each line under "Commands".
# (a long usage has its words on the next line, indented further)
cmds=$(sed -n '/^Commands/,/^$/p' <<<"$help" | awk 'NR > 1 && /^  [^ ]/ { print $1 }')
miss=
for c in $cmds; do
	grep -qE "^\.(B|BI|BR|TP) \\\\?\"?$(sed 's/-/\\\\-/g' <<<"$c")([ \"]|$)|^\.BR .*\b${c}\b" \
		"$man" || miss="$miss $c"
done
is "every command of --help has an entry in COMMANDS" "$miss" ""
[ "$(wc -w <<<"$cmds")" -gt 15 ] && ok "--help lists commands" ||
	not_ok "--help lists no commands"

# Options: every long and short option --help shows.
opts=$(sed -n '/^Options:/,/^$/p' <<<"$help" |
	grep -oE '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' | tr -d ' ,' | sort -u)
miss=
for o in $opts; do
	has "$o" || miss="$miss $o"
done
is "every option of --help is in the man page" "$miss" ""
like "--help has options" "$opts" '--read-only'
miss=
for v in DOCKER_HOST DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH \
	NO_COLOR XDG_CONFIG_HOME XDG_STATE_HOME BERTH_SSH_OPTS; do
	grep -qxF -- "$v" <<<"$(sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' \
		"$man" | grep -oE '[A-Z_]{4,}')" || miss="$miss $v"
done
is "ENVIRONMENT names every variable berth reads" "$miss" ""
miss=
for s in "AUDIT OUTPUT" "POSTURE RULES" "CONFIGURATION" "KEYS" THEMES \
	"DIFFERENCES FROM DOCKER-BENCH-SECURITY" FILES EXAMPLES; do
	grep -qxF -- ".SH $s" <<<"$(sed 's/\\-/-/g' "$man")" ||
		miss="$miss [$s]"
done
is "the man page has every section" "$miss" ""

# make install / uninstall into a staging directory.
d=$tmp/stage
make --no-print-directory -s install DESTDIR="$d" PREFIX=/usr >/dev/null
got=$(cd "$d" && find . -type f | sort)
want=$({
	printf './usr/bin/berth\n./usr/share/man/man1/berth.1\n'
	printf './usr/share/berth/eol.tsv\n'
	printf './usr/share/bash-completion/completions/berth\n'
	printf './usr/share/zsh/vendor-completions/_berth\n'
	printf './usr/share/fish/vendor_completions.d/berth.fish\n'
	printf './usr/lib/systemd/system/berth-watch.service\n'
	for t in themes/*.theme; do echo "./usr/share/berth/$t"; done
} | sort)
is "make install puts the binary, the man page, the themes, the EOL table, the completions and the watch unit" "$got" "$want"
[ -x "$d/usr/bin/berth" ] && "$d/usr/bin/berth" --version >/dev/null &&
	ok "the installed binary runs" || not_ok "the installed binary runs"
is "the installed unit runs the installed berth" \
	"$(grep '^ExecStart=' "$d/usr/lib/systemd/system/berth-watch.service")" \
	"ExecStart=/usr/bin/berth watch --syslog"
make --no-print-directory -s uninstall DESTDIR="$d" PREFIX=/usr >/dev/null
is "make uninstall removes every file" "$(cd "$d" && find . -type f)" ""

# The installed binary finds the installed themes.  The data directory is
# compiled in ($(PREFIX)/share/berth of the build, /usr/local by default),
# so install with that prefix and, in a private mount namespace, lay the
# staging tree over it.  From an empty directory, so ./themes is no help.
d=$tmp/local
make --no-print-directory -s install DESTDIR="$d" >/dev/null
# One string of the binary each: the compiler lays them side by side.
datadir=$(tr '\0' '\n' <"$d"/usr/local/bin/berth |
	grep -xE '/[^[:space:]"%]*/share/berth/themes' | head -1)
mkdir -p "$tmp/empty"
theme_run() {
	(cd "$tmp/empty" && unshare -m --propagation private sh -c '
		mount --bind "$1" /usr/local/share && shift &&
		"$@" </dev/null' sh "$d/usr/local/share" \
		"$d/usr/local/bin/berth" -H unix:///nonexistent \
		--theme "$1" containers 2>&1)
}
if [ "$datadir" != /usr/local/share/berth/themes ]; then
	ok "# SKIP berth was built for $datadir, not the default prefix"
elif ! unshare -m --propagation private true 2>/dev/null; then
	ok "# SKIP no mount namespaces here"
else
	out=$(theme_run light)
	if grep -q "no theme named" <<<"$out"; then
		not_ok "the installed binary finds the installed light theme"
		printf '#   %s\n' "$out"
	else
		ok "the installed binary finds the installed light theme"
	fi
	like "an unknown theme is refused by name" "$(theme_run nosuch)" \
		"no theme named 'nosuch'"
	rm "$d/usr/local/share/berth/themes/light.theme"
	like "without the installed file, light is not found" \
		"$(theme_run light)" "no theme named 'light'"
fi

tap_done
