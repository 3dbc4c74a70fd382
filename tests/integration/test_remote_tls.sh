#!/usr/bin/env bash
# tcp:// with TLS and client certificates against a SECOND private engine
# that listens on 127.0.0.1 with --tlsverify, checked with the docker CLI
# on that engine's unix socket.  No traffic leaves loopback.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
. tests/lib/tls.sh
. tests/lib/loopback.sh
berth=${BERTH:-build/san/berth}

d=$(mktemp -d /tmp/berth-tls.XXXXXX)
stop_engine() {
	if [ -f "$d/dockerd.pid" ]; then
		pid=$(cat "$d/dockerd.pid")
		kill "$pid" 2>/dev/null
		for _ in $(seq 1 50); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.2
		done
		kill -9 "$pid" 2>/dev/null
	fi
	{ grep -F " $d" /proc/mounts || true; } | awk '{print $2}' | sort -r |
		while read -r m; do umount -l "$m" 2>/dev/null; done
	rm -rf "$d"
}
trap stop_engine EXIT

tls_certs "$d"
is "openssl made the certificates" "$(ls "$d/certs" | tr '\n' ' ')" \
	"ca.pem cert.pem key.pem "

port=$(free_port)

# The flags of scripts/engine.sh, plus TLS on loopback TCP.
mkdir -p "$d/data" "$d/exec"
dockerd --host "unix://$d/docker.sock" \
	--host "tcp://127.0.0.1:$port" --tlsverify \
	--tlscacert "$d/ca.pem" --tlscert "$d/server.pem" \
	--tlskey "$d/server-key.pem" \
	--data-root "$d/data" --exec-root "$d/exec" \
	--pidfile "$d/dockerd.pid" \
	--bridge=none --iptables=false --ip6tables=false \
	--ip-masq=false --userland-proxy=false --storage-driver=vfs \
	--log-level warn >"$d/dockerd.log" 2>&1 &
dk() { docker -H "unix://$d/docker.sock" "$@"; }
for _ in $(seq 1 150); do
	dk version >/dev/null 2>&1 && break
	sleep 0.2
done
if ! dk version >/dev/null 2>&1; then
	not_ok "the TLS engine started"
	sed 's/^/#   /' "$d/dockerd.log" | tail -20
	tap_done
	exit 1
fi
ok "the TLS engine started on 127.0.0.1:$port"

# An empty image is enough for containers that are only created.
tar -cf - --files-from /dev/null | dk import - local/empty:1 >/dev/null
dk create --name berth-tls-a --network none local/empty:1 /x >/dev/null
dk create --name berth-tls-b --network none local/empty:1 /y >/dev/null
want=$(dk ps -a --format '{{.Names}} {{.State}}' | sort)
addr="tcp://127.0.0.1:$port"

got=$($berth -H "$addr" --tlsverify --tlscacert "$d/ca.pem" \
	--tlscert "$d/client.pem" --tlskey "$d/client-key.pem" ps -a |
	awk 'NR > 1 {print $2, $3}' | sort)
is "flags: ps -a equals docker ps -a on the TLS engine" "$got" "$want"

got=$(DOCKER_HOST=$addr DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=$d/certs \
	$berth ps -a | awk 'NR > 1 {print $2, $3}' | sort)
is "DOCKER_TLS_VERIFY + DOCKER_CERT_PATH: ps -a equals docker" "$got" "$want"

info=$(DOCKER_HOST=$addr DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=$d/certs \
	$berth info)
like "info names TLS in use" "$info" '^Transport +TLS \(verified\)$'
like "info names the tcp engine" "$info" "^Engine +tcp://127.0.0.1:$port\$"

out=$($berth -H "$addr" --tlsverify --tlscacert "$d/wrongca.pem" \
	--tlscert "$d/client.pem" --tlskey "$d/client-key.pem" ps -a 2>&1)
rc=$?
is "wrong CA: fails" "$rc" 1
like "wrong CA: clear message" "$out" \
	"^berth: TLS: cannot verify the engine at $addr \\(check --tlscacert"

# --tls alone still verifies: the untrusted CA must fail the same way.
out=$($berth -H "$addr" --tls --tlscacert "$d/wrongca.pem" \
	--tlscert "$d/client.pem" --tlskey "$d/client-key.pem" ps -a 2>&1)
like "verification is on by default" "$out" "TLS: cannot verify"

out=$($berth -H "$addr" --tlsverify --tlscacert "$d/ca.pem" ps -a 2>&1)
is "no client certificate: refused by the engine" \
	"$([ -n "$out" ] && ! printf '%s' "$out" | grep -q berth-tls-a && echo refused)" refused

# Plain tcp:// to another host: refused before any connection is tried
# (192.0.2.0/24 is TEST-NET-1; nothing is sent there).
out=$(ASAN_OPTIONS=detect_leaks=0 strace -f -e trace=connect \
	-o "$d/strace" $berth -H tcp://192.0.2.1:2375 ps 2>&1)
like "plain tcp beyond loopback: refused with a clear message" "$out" \
	'plain tcp:// to another host is unencrypted.*--allow-insecure-tcp'
is "plain tcp beyond loopback: no connection attempted" \
	"$(grep -c '192\.0\.2\.1' "$d/strace")" 0

tap_done
