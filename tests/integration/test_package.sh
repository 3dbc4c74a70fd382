#!/usr/bin/env bash
# make dist and make deb: the release tarball builds and passes the unit
# tests from an empty directory; the package installs into a fresh root
# (dpkg --root) with every file it lists, its berth runs, its man page
# reads, its bash completion completes berth au<TAB> to audit; lintian
# has nothing to say.  Needs no engine.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
tmp=$(mktemp -d /tmp/berth-pkg.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
version=$(cat VERSION)

tarball=$(make --no-print-directory -s dist)
is "make dist names its tarball" "$tarball" "build/dist/berth-$version.tar.gz"
sum1=$(md5sum <"$tarball")
make --no-print-directory -s dist >/dev/null
is "the same tree gives the same bytes" "$(md5sum <"$tarball")" "$sum1"
is "one top directory, berth-VERSION" "$(tar tzf "$tarball" | cut -d/ -f1 | sort -u)" "berth-$version"
is "what git tracks, and the commit it was" \
	"$(tar tzf "$tarball" | grep -v '/$' | sed "s|^berth-$version/||" | sort)" \
	"$( (git ls-files; echo .git-describe) | sort)"

mkdir "$tmp/src"
tar -C "$tmp/src" -xzf "$tarball"
if (cd "$tmp/src/berth-$version" && make -j2 unit >"$tmp/unit.log" 2>&1); then
	ok "from an empty directory the tarball builds and passes the unit tests ($(tail -1 "$tmp/unit.log"))"
else
	not_ok "from an empty directory the tarball builds and passes the unit tests"
	tail -20 "$tmp/unit.log" | sed 's/^/#   /'
fi
(cd "$tmp/src/berth-$version" && make -j2 berth >/dev/null 2>&1)
like "and its berth says its version and commit" \
	"$("$tmp/src/berth-$version/berth" --version | head -1)" \
	"^berth $version\\+g$(git rev-parse --short HEAD)"

deb=$(make --no-print-directory -s deb 2>"$tmp/deb.err")
is "make deb builds the package" "$deb" "build/deb/berth_${version}_$(dpkg --print-architecture).deb"
info=$(dpkg-deb -f "$deb" Depends Recommends 2>/dev/null)
like "it depends on the libraries it links (from shlibs)" "$info" \
	'libarchive13.*libcjson1.*libcurl4.*libncursesw6'
like "it recommends an engine" "$info" 'Recommends: docker.io \| docker-ce \| podman'
if [ -f build/deb/lintian.txt ]; then
	is "lintian has nothing to say" \
		"$(grep -vE '^(N:|running with root privileges)' build/deb/lintian.txt)" ""
else
	not_ok "lintian ran (build/deb/lintian.txt)"
fi

r=$tmp/root
mkdir -p "$r/var/lib/dpkg/info" "$r/var/lib/dpkg/updates"
: >"$r/var/lib/dpkg/status"
# the libraries are the host's: a fresh root has no package of them
dpkg --root="$r" --force-depends --log=/dev/null -i "$deb" >"$tmp/dpkg.log" 2>&1
is "dpkg --root installs it" "$(dpkg --root="$r" -s berth 2>/dev/null | grep '^Status:')" \
	"Status: install ok installed"
missing=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { sub(/^\./, "", $6); print $6 }' |
	while read -r f; do [ -f "$r$f" ] || echo "$f"; done)
is "every file the package lists is there" "$missing" ""
for f in /usr/bin/berth /usr/share/man/man1/berth.1.gz /usr/share/berth/eol.tsv \
	/usr/share/berth/themes/default.theme /usr/share/bash-completion/completions/berth \
	/usr/share/zsh/vendor-completions/_berth /usr/share/fish/vendor_completions.d/berth.fish \
	/lib/systemd/system/berth-watch.service; do
	[ -f "$r$f" ] || echo "$f"
done >"$tmp/absent"
is "the binary, man page, data, themes, completions and watch unit" "$(cat "$tmp/absent")" ""
like "the unit runs the packaged berth" \
	"$(grep '^ExecStart=' "$r/lib/systemd/system/berth-watch.service")" '^ExecStart=/usr/bin/berth watch'
is "and starts nothing at install: no maintainer scripts" \
	"$(dpkg-deb -I "$deb" | grep -E '^ +[0-9]+ bytes, +[0-9]+ lines +[^ ]* *(postinst|prerm|postrm|preinst)')" ""
like "the installed berth --help runs" "$("$r/usr/bin/berth" --help 2>&1 | head -1)" '^usage: berth'
like "man berth reads the installed page" "$(MANPATH=$r/usr/share/man man berth 2>/dev/null | head -4)" \
	'berth - a terminal console for Docker'
comp=$(bash -c '. "$1"; complete -p berth; COMP_WORDS=(berth au); COMP_CWORD=1; _berth
	printf "%s\n" "${COMPREPLY[@]}"' _ "$r/usr/share/bash-completion/completions/berth")
is "its bash completion: complete -p, then berth au<TAB> is audit" \
	"$(printf '%s\n' "$comp" | tr '\n' ' ')" "complete -F _berth berth audit "
dpkg --root="$r" --log=/dev/null -r berth >/dev/null 2>&1
is "dpkg -r takes every file away again" "$(find "$r/usr" "$r/lib" -type f 2>/dev/null)" ""
tap_done
