#!/usr/bin/env bash
# Local images for the private engine.  No registry is reachable, so the base
# image is Debian's static busybox imported as a rootfs; the others are built
# FROM it.  Idempotent: images that exist are left alone.
set -euo pipefail

: "${DOCKER_HOST:?DOCKER_HOST must point at the private engine}"
export DOCKER_HOST

have() { docker image inspect "$1" >/dev/null 2>&1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! have local/busybox:latest; then
	bb=$(command -v busybox)
	mkdir -p "$work/rootfs/bin" "$work/rootfs/etc" "$work/rootfs/tmp" \
		"$work/rootfs/root" "$work/rootfs/home/app"
	cp "$bb" "$work/rootfs/bin/busybox"
	for app in $("$bb" --list); do
		[ "$app" = busybox ] || ln -sf busybox "$work/rootfs/bin/$app"
	done
	printf 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' \
		>"$work/rootfs/etc/passwd"
	printf 'root:x:0:\napp:x:1000:\nnogroup:x:65534:\n' >"$work/rootfs/etc/group"
	chmod 1777 "$work/rootfs/tmp"
	chown 1000:1000 "$work/rootfs/home/app"
	tar -C "$work/rootfs" -c . |
		docker import -c 'CMD ["/bin/sh"]' -c 'ENV PATH=/bin' - local/busybox:latest >/dev/null
fi

build() {
	local tag=$1
	have "$tag" && return 0
	mkdir -p "$work/$tag"
	cat >"$work/$tag/Dockerfile"
	docker build -q -t "$tag" "$work/$tag" >/dev/null
}

# A non-root image with a healthcheck (CIS 4.1 and 4.6 satisfied).
build local/app:1 <<'DOCKERFILE'
FROM local/busybox:latest
LABEL org.opencontainers.image.title="berth test app"
USER 1000
WORKDIR /home/app
HEALTHCHECK --interval=5s --timeout=2s --retries=3 CMD ["/bin/true"]
CMD ["/bin/sh", "-c", "while true; do echo tick; sleep 1; done"]
DOCKERFILE

# A plain image: root user, no healthcheck.
build local/plain:1 <<'DOCKERFILE'
FROM local/busybox:latest
RUN echo plain > /etc/plain-release
CMD ["/bin/sh", "-c", "while true; do echo plain; sleep 1; done"]
DOCKERFILE
