#!/usr/bin/env bash
# Update (U) and rebuild (B) from the console against an engine reached
# only over TCP with TLS and client certificates: once through the
# --tlscacert/--tlscert/--tlskey flags, once through a Docker context that
# carries its own TLS material.  The jobs run on the console's own
# connection, so what reaches the engine for the panes reaches it for the
# jobs.  Checked with the docker CLI on the engine's unix socket; the
# engine, its registry and its TLS port are all on loopback.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh
. tests/lib/tls.sh
. tests/lib/loopback.sh

p=tjt$$
d=$(mktemp -d /tmp/berth-tjt.XXXXXX)
port=$(free_port)
rport=$(free_port)
ref=127.0.0.1:$rport/berth/tls:latest
upd=$p-upd
rb=$p-rb
export XDG_STATE_HOME=$d/state
export DOCKER_CONFIG=$d/config
cleanup() {
	tm kill-server 2>/dev/null
	registry_stop
	scripts/engine.sh stop "$d/engine" >/dev/null 2>&1
	rm -rf "$d"
}
trap cleanup EXIT

tls_certs "$d" || not_ok "openssl made the certificates"
if ! BERTH_ENGINE_TLS="$port:$d" own_engine "$d/engine"; then
	not_ok "a private engine with TLS on 127.0.0.1:$port started"
	tap_done
	exit 1
fi
ok "a private engine with TLS on 127.0.0.1:$port started"
unix_host=$DOCKER_HOST
tcp_host=tcp://127.0.0.1:$port
tls_flags="--tlsverify --tlscacert $d/ca.pem --tlscert $d/client.pem --tlskey $d/client-key.pem"

registry_start "$d" "$rport" || not_ok "the registry answers on 127.0.0.1:$rport"

# version N of the image the update container runs, pushed to the registry
push_version() {
	printf 'FROM local/busybox:latest\nRUN echo %s > /version\n' "$1" |
		docker build -q -t "$ref" - >/dev/null 2>&1 &&
		docker push "$ref" >/dev/null 2>&1
}
push_version 1
docker run -d --name "$upd" --network none -e KEEP=me --stop-timeout 1 \
	"$ref" sleep 600 >/dev/null
rebuild_app "$d" "local/$p:1" "$rb"
env_upd=$(docker inspect -f '{{json .Config.Env}}' "$upd")
env_rb=$(docker inspect -f '{{json .Config.Env}}' "$rb")

# The headless rebuild once over TLS, so berth knows the context.
echo v2 >"$d/ctx/file.txt"
out=$(DOCKER_HOST= $BERTH -H "$tcp_host" $tls_flags rebuild --yes \
	--context "$d/ctx" "$rb" 2>&1)
is "headless rebuild over the TLS flags succeeds" "$?" 0
is "it ran the new image" "$(docker exec "$rb" cat /file.txt 2>&1)" v2

# select NAME, then press KEY and confirm; wait for WANT in the status
# line.  The console stays usable while the job runs.
run_key() {
	keys /
	keys C-u
	keys -l "$1"
	keys Enter
	sleep 0.3
	keys "$2"
	expect_screen "$3: $2 asks for confirmation" "$4" 10
	keys y
	keys j k
	expect_screen "$3: $2 ends with the summary" "$5" 90
}

# the console, reaching the engine only as its arguments say
console() {
	DOCKER_HOST= berth_start 160 40 "$@"
	DOCKER_HOST=$unix_host
}

check_round() { # HOW UPDATE_VERSION REBUILD_VERSION
	is "$1: the updated container runs the new image" \
		"$(docker exec "$upd" cat /version 2>&1)" "$2"
	is "$1: the update kept its settings" \
		"$(docker inspect -f '{{json .Config.Env}}' "$upd")" "$env_upd"
	is "$1: the rebuilt container runs the new build" \
		"$(docker exec "$rb" cat /file.txt 2>&1)" "v$3"
	is "$1: the rebuild kept its settings" \
		"$(docker inspect -f '{{json .Config.Env}}' "$rb")" "$env_rb"
	# every row again (no filter); the swap's events reach the pane
	# within a few seconds
	keys /
	keys C-u
	keys Enter
	for _ in $(seq 50); do
		[ "$(screen_states "$p")" = "$(engine_states "$p")" ] && break
		sleep 0.1
	done
	same_as_engine "$1: every row equals docker ps -a" "$p"
}

# 1: flags
push_version 2 && docker rmi "$ref" >/dev/null 2>&1
echo v2 >"$d/ctx/file.txt"
console -H "$tcp_host" $tls_flags
expect_screen "flags: the containers are listed" "$upd"
run_key "$upd" U flags "pull the image" "updated (new container"
echo v3 >"$d/ctx/file.txt"
run_key "$rb" B flags "$d/ctx" "rebuilt"
check_round flags 2 3
tm kill-server 2>/dev/null

# 2: a context with its own TLS material, made by the docker CLI
docker context create "$p" --docker \
	"host=$tcp_host,ca=$d/ca.pem,cert=$d/client.pem,key=$d/client-key.pem" \
	>/dev/null 2>&1
is "the docker CLI made the context" \
	"$(docker context inspect -f '{{.Name}}' "$p" 2>&1)" "$p"
push_version 4 && docker rmi "$ref" >/dev/null 2>&1
echo v4 >"$d/ctx/file.txt"
console --context "$p"
expect_screen "context: the containers are listed" "$upd"
run_key "$upd" U context "pull the image" "updated (new container"
run_key "$rb" B context "$d/ctx" "rebuilt"
check_round context 4 4
tm kill-server 2>/dev/null
if grep -q "Sanitizer" "$TM_LOG"; then
	not_ok "no sanitizer report"
else
	ok "no sanitizer report"
fi
tap_done
