#!/usr/bin/env bash
# berth against Podman's Docker-compatible API (podman system service),
# rootful, vfs storage, in directories of its own.  Containers are only
# created: starting one needs rlimits some sandboxes refuse.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=${BERTH:-build/san/berth}
if ! command -v podman >/dev/null; then
	echo "ok 1 # SKIP podman is not installed (apt-get install podman)"
	echo "1..1"
	exit 0
fi
dir=$(mktemp -d /tmp/berth-podman.XXXXXX)
pm() { podman --root "$dir/root" --runroot "$dir/run" --storage-driver vfs "$@"; }
sock=unix://$dir/podman.sock
# Not through pm(): $! must be podman itself, not a subshell around it.
podman --root "$dir/root" --runroot "$dir/run" --storage-driver vfs \
	system service --time=0 "$sock" >"$dir/service.log" 2>&1 &
svc=$!
cleanup() {
	kill "$svc" 2>/dev/null
	wait "$svc" 2>/dev/null
	pkill -f "podman --root $dir/root " 2>/dev/null
	pm rm -af >/dev/null 2>&1
	rm -rf "$dir"
}
trap cleanup EXIT
for _ in $(seq 1 50); do
	[ -S "$dir/podman.sock" ] && break
	sleep 0.1
done
docker save local/busybox:latest 2>/dev/null | pm load -q >/dev/null 2>&1
pm create --name berth-pm-$$ --network none local/busybox:latest true \
	>/dev/null 2>&1

out=$(DOCKER_HOST=$sock "$berth" ps -a 2>&1)
like "berth ps -a lists podman's container" "$out" "berth-pm-$$"
is "and only it, like podman ps -a" \
	"$(printf '%s\n' "$out" | tail -n +2 | wc -l)" \
	"$(pm ps -a --format '{{.Names}}' | wc -l)"
out=$(DOCKER_HOST=$sock "$berth" info 2>&1)
like "berth info reads podman's version" "$out" \
	"Server version +$(pm version --format '{{.Server.Version}}' 2>/dev/null || pm version --format '{{.Version}}')"
tap_done
