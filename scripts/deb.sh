#!/usr/bin/env bash
# make deb: the Debian package, built from the release tarball (make
# dist) in build/deb, never in the work tree (dh's clean step would wipe
# the build directory there).  Prints the .deb's path; lintian's verdict
# goes to build/deb/lintian.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=$(scripts/dist.sh)
version=$(cat VERSION)
changelog=$(dpkg-parsechangelog -l debian/changelog -S Version)
if [ "$changelog" != "$version" ]; then
	echo "deb.sh: debian/changelog says $changelog, VERSION says $version" >&2
	exit 1
fi
work=build/deb
rm -rf "$work"
mkdir -p "$work"
tar -C "$work" -xzf "$tarball"
(cd "$work/berth-$version" && dpkg-buildpackage -us -uc -b -j2 >../build.log 2>&1) || {
	tail -30 "$work/build.log" >&2
	exit 1
}
deb=$(ls "$work"/berth_"$version"_*.deb)
lintian --info --display-info "$work"/*.changes >"$work/lintian.txt" 2>&1 || true
echo "$deb"
