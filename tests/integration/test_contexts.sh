#!/usr/bin/env bash
# Docker contexts made by the docker CLI itself (in a scratch HOME), read by
# berth: --context, DOCKER_CONTEXT and currentContext, and -H/DOCKER_HOST
# winning over them, the way the docker CLI ranks them.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=${BERTH:-build/san/berth}
pfx=berth-ctx-$$
engine=$DOCKER_HOST

h=$(mktemp -d /tmp/berth-ctx.XXXXXX)
trap 'docker rm -f "$pfx-a" >/dev/null 2>&1; rm -rf "$h"' EXIT
docker create --name "$pfx-a" --network none local/busybox:latest true >/dev/null
want=$(docker ps -a --format '{{.Names}}' | sort)

export HOME=$h
unset DOCKER_CONFIG
docker context create "$pfx" --docker "host=$engine" >/dev/null
docker context create "$pfx-bad" --docker host=unix:///nonexistent/berth.sock >/dev/null
unset DOCKER_HOST

names() { "$@" ps -a | awk 'NR > 1 {print $2}' | sort; }

is "--context: ps -a equals docker ps -a" "$(names $berth --context "$pfx")" "$want"
is "DOCKER_CONTEXT: ps -a equals docker ps -a" \
	"$(DOCKER_CONTEXT=$pfx names $berth)" "$want"
docker context use "$pfx" >/dev/null
is "currentContext: ps -a equals docker ps -a" "$(names $berth)" "$want"
like "currentContext: info shows the context's engine" "$($berth info)" \
	"^Engine +$engine\$"

docker context use "$pfx-bad" >/dev/null
is "DOCKER_HOST wins over currentContext" \
	"$(DOCKER_HOST=$engine names $berth)" "$want"
is "-H wins over DOCKER_CONTEXT" \
	"$(DOCKER_CONTEXT=$pfx-bad names $berth -H "$engine")" "$want"
is "--context wins over DOCKER_HOST" \
	"$(DOCKER_HOST=unix:///nonexistent/x.sock names $berth --context "$pfx")" "$want"
out=$($berth ps 2>&1)
like "the current context's engine is the one tried" "$out" \
	'cannot connect to the engine at unix:///nonexistent/berth.sock'
out=$($berth --context nope ps 2>&1)
like "unknown context: clear message" "$out" \
	'^berth: context: context "nope" not found'
out=$($berth -H "$engine" --context "$pfx" ps 2>&1)
like "-H with --context: refused" "$out" 'cannot be used together'
docker context use default >/dev/null
is "default context: the default address" \
	"$(DOCKER_HOST=$engine names $berth)" "$want"

tap_done
