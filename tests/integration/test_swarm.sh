#!/usr/bin/env bash
# Swarm on an engine of its own (so no swarm state leaks into the shared
# one): the API test (test_swarm.c) as a manager, then the console's
# services pane scaling a service with its key, checked with the CLI.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh
dir=/tmp/berth-swarm-$$
svc=berth-sw-$$
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
	tm kill-server 2>/dev/null
	docker swarm leave --force >/dev/null 2>&1
	scripts/engine.sh stop "$dir" >/dev/null 2>&1
}
trap cleanup EXIT

if ! scripts/engine.sh start "$dir" >/dev/null 2>&1 ||
	! scripts/engine.sh seed "$dir" >/dev/null 2>&1; then
	echo "ok 1 # SKIP a private engine for swarm could not start"
	echo "1..1"
	exit 0
fi
export DOCKER_HOST=unix://$dir/docker.sock
docker swarm init --advertise-addr 127.0.0.1 \
	--listen-addr "127.0.0.1:$port" >/dev/null 2>&1
is "the engine is a swarm manager" \
	"$(docker info -f '{{.Swarm.ControlAvailable}}')" "true"

if build/san/tests/integration/test_swarm >"$dir.api.log" 2>&1 &&
	! grep -q SKIPPED "$dir.api.log"; then
	ok "nodes, services, tasks and scale agree with the docker CLI"
else
	not_ok "nodes, services, tasks and scale agree with the docker CLI"
	sed 's/^/#   /' "$dir.api.log" | tail -30
fi
rm -f "$dir.api.log"

docker service create --detach --name "$svc" --replicas 1 \
	local/busybox:latest sleep 3600 >/dev/null 2>&1
berth_start 120 30 services
expect_screen "the services pane lists the service" "$svc"
# Select the service's row: it is the only one, whatever the order.
keys /
keys "$svc" Enter
expect_screen "the filter narrows to it" "1/1"
keys s
expect_screen "scale prompts for the replicas" "replicas:"
keys BSpace 3 Enter
expect_screen "the status line reports the scale" "scaled $svc to 3"
t=0
while [ "$t" -lt 100 ]; do
	r=$(docker service ls --filter "name=$svc" --format '{{.Replicas}}')
	[ "$r" = "3/3" ] && break
	sleep 0.2
	t=$((t + 1))
done
is "docker service ls agrees" "$r" "3/3"
expect_screen "the pane shows 3/3" "3/3" 15
keys Enter
expect_screen "Enter opens the service's tasks" "$svc.3"
berth_quit
berth_start 120 30 --read-only services
expect_screen "read-only: the pane lists the service" "$svc"
keys D
expect_screen "read-only refuses remove" "read-only"
berth_quit

# A privileged-equivalent service: its findings in berth audit, named by
# the service; then its tasks' output in the logs pane.
risky=berth-swr-$$
docker service create --detach --name "$risky" --cap-add SYS_ADMIN \
	--mount type=bind,src=/etc,dst=/host-etc --limit-memory 64M \
	local/busybox:latest sh -c "echo berth-svc-hello-$$; sleep 3600" \
	>/dev/null 2>&1
ids=$($BERTH audit --format json --no-host-checks 2>/dev/null |
	jq -r --arg s "$risky" '[.findings[] | select(.scope == "service"
		and .object == $s) | .id + "=" + .severity] | sort | join(" ")')
like "audit: escape-grade cap (critical)" "$ids" \
	'berth.service.caps=critical'
like "audit: /etc bind mounted rw (high)" "$ids" \
	'berth.service.sensitive_mount=high'
like "audit: no pids limit, runs as root (image user)" "$ids" \
	'berth.service.pids=medium .*berth.service.root=low'
if printf '%s' "$ids" | grep -q 'berth.service.memory'; then
	not_ok "audit: --limit-memory is a memory limit"
else
	ok "audit: --limit-memory is a memory limit"
fi
berth_start 120 30 services
expect_screen "the services pane lists the risky service" "$risky"
keys /
keys "$risky" Enter
expect_screen "the filter narrows to it" "1/1"
keys l
expect_screen "l shows the service's logs" "berth-svc-hello-$$" 20
berth_quit
docker service rm "$risky" >/dev/null 2>&1
tui_done
