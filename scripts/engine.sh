#!/usr/bin/env bash
# The project's private Docker engine: its own dockerd with its own socket,
# data-root, exec-root and pidfile under one directory, so tests and the demo
# never touch the host's engine.
#
#   scripts/engine.sh start [DIR]   start (or reuse) an engine rooted at DIR
#   scripts/engine.sh stop  [DIR]   stop it and remove everything under DIR
#   scripts/engine.sh env   [DIR]   print "export DOCKER_HOST=..." for DIR
#   scripts/engine.sh seed  [DIR]   build the local test images
#
# DIR defaults to $BERTH_ENGINE_DIR or /tmp/berth-engine.
# BERTH_ENGINE_TLS=PORT:CERTDIR also listens on tcp://127.0.0.1:PORT with
# --tlsverify and CERTDIR's ca.pem, server.pem, server-key.pem (as
# tests/lib/tls.sh makes them).  BERTH_ENGINE_EXTRA adds dockerd flags
# (a test's own engine: "--no-new-privileges").
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
cmd=${1:-}
dir=${2:-${BERTH_ENGINE_DIR:-/tmp/berth-engine}}
sock="$dir/docker.sock"
pidfile="$dir/dockerd.pid"
capfilter="$top/build/tools/berth-capfilter"

die() { echo "engine.sh: $*" >&2; exit 1; }

alive() {
	[ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

ping_ok() {
	curl -s --max-time 2 --unix-socket "$sock" http://localhost/_ping 2>/dev/null | grep -q OK
}

start() {
	[ "$(id -u)" = 0 ] || die "must run as root to start dockerd"
	command -v dockerd >/dev/null || die "dockerd not found (run scripts/deps.sh)"
	if alive && ping_ok; then
		return 0
	fi
	# A dockerd killed hard leaves its pidfile, and a new one refuses to
	# start over it.
	if [ -f "$pidfile" ] && ! alive; then
		rm -f "$pidfile"
		# ...and its containerd, which a new dockerd would wait on.
		pkill -f "containerd --config $dir/exec/containerd/" 2>/dev/null || true
		sleep 0.5
	fi
	[ -x "$capfilter" ] || make -s -C "$top" "build/tools/berth-capfilter" >/dev/null
	mkdir -p "$dir/data" "$dir/exec"
	local tls=()
	if [ -n "${BERTH_ENGINE_TLS:-}" ]; then
		local port=${BERTH_ENGINE_TLS%%:*} certs=${BERTH_ENGINE_TLS#*:}
		tls=(--host "tcp://127.0.0.1:$port" --tlsverify
			--tlscacert "$certs/ca.pem" --tlscert "$certs/server.pem"
			--tlskey "$certs/server-key.pem")
	fi
	# containerd's own state must be private too, or two engines collide.
	# The wrapper runtime drops only capabilities this host cannot grant,
	# so --privileged and --cap-add ALL still run where root lacks some.
	dockerd \
		--host "unix://$sock" "${tls[@]}" \
		--data-root "$dir/data" \
		--exec-root "$dir/exec" \
		--pidfile "$pidfile" \
		--bridge=none --iptables=false --ip6tables=false \
		--ip-masq=false --userland-proxy=false \
		--storage-driver=vfs \
		--add-runtime "berth-runc=$capfilter" \
		--default-runtime berth-runc \
		--log-level warn ${BERTH_ENGINE_EXTRA:-} \
		>"$dir/dockerd.log" 2>&1 &
	local i
	for i in $(seq 1 150); do
		if ping_ok; then
			return 0
		fi
		if ! kill -0 $! 2>/dev/null; then
			tail -20 "$dir/dockerd.log" >&2
			die "dockerd exited while starting"
		fi
		sleep 0.2
	done
	tail -20 "$dir/dockerd.log" >&2
	die "dockerd did not answer /_ping within 30 s"
}

stop() {
	if alive; then
		local pid
		pid=$(cat "$pidfile")
		kill "$pid" 2>/dev/null || true
		local i
		for i in $(seq 1 100); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.2
		done
		kill -9 "$pid" 2>/dev/null || true
	fi
	# Container processes and shims can outlive a killed dockerd.
	pkill -f "containerd-shim.*$dir/exec/" 2>/dev/null || true
	pkill -f "containerd.*--root $dir/" 2>/dev/null || true
	pkill -f "containerd --config $dir/exec/containerd/" 2>/dev/null || true
	if [ -d "$dir" ]; then
		awk -v d="$dir" '$2 == d || index($2, d "/") == 1 {print $2}' /proc/mounts | sort -r |
			while read -r m; do umount -l "$m" 2>/dev/null || true; done
		rm -rf "$dir"
	fi
}

case "$cmd" in
start) start ;;
stop) stop ;;
env) echo "export DOCKER_HOST=unix://$sock" ;;
seed) DOCKER_HOST="unix://$sock" "$here/seed-images.sh" ;;
*) die "usage: engine.sh start|stop|env|seed [DIR]" ;;
esac
