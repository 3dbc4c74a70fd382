#!/usr/bin/env bash
# make dist: build/dist/berth-VERSION.tar.gz, the sources that build and
# test from an empty directory.  In a git checkout: the tracked files as
# they are in the work tree, and the commit (git describe) in
# .git-describe so a build from the tarball still says which it was.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(cat VERSION)
name=berth-$version
out=build/dist
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$out" "$stage/$name"
if [ -d .git ]; then
	git ls-files -z | xargs -0 cp --parents -t "$stage/$name"
	git describe --tags --always --dirty >"$stage/$name/.git-describe"
else
	# a tarball's own tree: everything but what a build made
	find . -mindepth 1 -maxdepth 1 ! -name build ! -name berth \
		-exec cp -a -t "$stage/$name" {} +
	rm -f "$stage/$name/man/berth.1"
fi
# the same bytes for the same tree: owner, order and times fixed
when=$(date -u -d "@$(git log -1 --format=%ct 2>/dev/null || stat -c %Y VERSION)" +%Y-%m-%dT%H:%M:%SZ)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$when" \
	-C "$stage" -czf "$out/$name.tar.gz" "$name"
echo "$out/$name.tar.gz"
