#!/usr/bin/env bash
# Installs what berth's build, tests and demo need on Debian 12, as root.
# Quick and silent when everything is present.
set -euo pipefail

pkgs=(
	build-essential pkg-config make gcc clang libclang-rt-14-dev
	clang-format cppcheck curl procps time tmux
	libncurses-dev libcurl4-openssl-dev libcjson-dev libarchive-dev
	libyaml-dev libcmocka-dev
	docker.io busybox-static docker-registry docker-compose podman
	openssl openssh-client openssh-server strace groff-base man-db python3 iproute2
	bash-completion zsh fish debhelper lintian
)

missing=()
for p in "${pkgs[@]}"; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[ "$st" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "deps.sh: missing packages: ${missing[*]}" >&2
	echo "deps.sh: run as root (or install them) and try again" >&2
	exit 1
fi
echo "deps.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq "${missing[@]}" >/dev/null
