#!/usr/bin/env bash
# A workload for the demo and the console tests: a dozen containers in
# several states, two compose-labelled projects, and a few containers that
# the security posture must flag.  Idempotent: existing ones are kept.
# Every container runs with --network none (no bridge, no traffic).
set -euo pipefail

: "${DOCKER_HOST:?DOCKER_HOST must point at the private engine}"
export DOCKER_HOST
sock=${DOCKER_HOST#unix://}

exists() { docker container inspect "$1" >/dev/null 2>&1; }

# run NAME [docker run args...] : create and start unless it exists
run() {
	local name=$1
	shift
	exists "$name" || docker run -d --name "$name" --network none "$@" >/dev/null
}

# compose PROJECT SERVICE N [docker run args...]: a container labelled as
# docker compose labels them, so the console groups it.
compose() {
	local project=$1 service=$2 n=$3
	shift 3
	run "$project-$service-$n" \
		--label com.docker.compose.project="$project" \
		--label com.docker.compose.service="$service" \
		--label com.docker.compose.container-number="$n" \
		--label com.docker.compose.project.working_dir="/srv/$project" \
		--label com.docker.compose.project.config_files="/srv/$project/compose.yaml" \
		--label com.docker.compose.oneoff=False \
		"$@"
}

tick='while true; do echo "$(date) $0 tick"; sleep 1; done'

compose shop web 1 -m 64m --cpus 0.5 --pids-limit 64 --read-only \
	--security-opt no-new-privileges --restart on-failure:5 local/app:1
compose shop db 1 -m 128m -v shop-data:/data local/plain:1 \
	sh -c 'while true; do echo "db: checkpoint"; sleep 2; done'
compose shop cache 1 -m 32m local/busybox:latest sh -c "$tick"
docker pause shop-cache-1 >/dev/null 2>&1 || true

compose blog app 1 -m 64m local/app:1
compose blog worker 1 local/busybox:latest sh -c 'echo working; sleep 1; echo "failed: disk full" >&2; exit 3'
compose blog worker 2 local/busybox:latest sh -c "$tick"

run logger local/busybox:latest sh -c 'i=0; while true; do i=$((i+1)); echo "line $i"; [ $((i % 5)) -eq 0 ] && echo "warn $i" >&2; sleep 0.5; done'
run debug-shell --privileged local/busybox:latest sleep infinity
run engine-agent -v "$sock:/var/run/docker.sock" local/busybox:latest sleep infinity
run host-etc-reader -v /etc:/host-etc:ro --cap-add SYS_ADMIN local/busybox:latest sleep infinity
run unhealthy --health-cmd false --health-interval 2s --health-retries 1 local/app:1
run crashloop --restart always local/busybox:latest sh -c 'echo starting; sleep 2; exit 2'
run nightly-backup local/busybox:latest sh -c 'echo backup done'
exists never-started || docker create --name never-started --network none \
	local/plain:1 >/dev/null
exists web-legacy || docker create --name web-legacy -p 80:80 \
	local/plain:1 >/dev/null 2>&1 || true
