#!/usr/bin/env bash
# One judgement, held against the engine: berth audit and berth posture
# --format json (one scan, model/posture_batch.h) judge every container
# docker ps -a lists and every image docker images lists, and nothing
# else; on an engine of this test's own started with
# --no-new-privileges, 5.26 follows the daemon's default that only the
# host's facts tell.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=${BERTH:-build/san/berth}
d=$(mktemp -d /tmp/berth-same.XXXXXX)
main=$DOCKER_HOST
cleanup() {
	DOCKER_HOST=$main
	docker rm -f "same-main-$$" >/dev/null 2>&1
	scripts/engine.sh stop "$d/engine" >/dev/null 2>&1
	rm -rf "$d"
}
trap cleanup EXIT

# judged DESC COMMAND...: the containers (scope container) and images
# (their ids) a report holds, against what docker ps -a and docker
# images list
judged() {
	local desc=$1 r c i
	shift
	r=$("$@")
	c=$(jq -r '[.findings[] | select(.scope == "container") | .object] | unique | .[]' <<<"$r")
	i=$(jq -r '[.findings[] | select(.scope == "image") | .object_id // empty] | unique | .[]' <<<"$r")
	is "$desc: every container docker ps -a lists, no other" \
		"$c" "$(docker ps -a --format '{{.Names}}' | sort -u)"
	is "$desc: every image docker images lists, no other" \
		"$i" "$(docker images -q --no-trunc | sort -u)"
}

# at least one container (and so one image) of the test's own
docker run -d --pull never --network none --name "same-main-$$" \
	local/busybox:latest sleep 600 >/dev/null
is "the images are judged in the pane's scan too" \
	"$($berth posture --format json | jq '[.findings[] | select(.scope == "image")] | length > 0')" true
like "berth posture --format text reads like audit's" \
	"$($berth posture --format text)" "score [0-9]+/100"
out=$($berth posture --format sarif 2>&1)
is "sarif is audit's alone: posture refuses it" "$?" 2

if ! BERTH_ENGINE_EXTRA=--no-new-privileges scripts/engine.sh start "$d/engine" \
	>"$d/engine.log" 2>&1; then
	not_ok "an engine with --no-new-privileges started"
	tap_done
	exit 1
fi
ok "an engine with --no-new-privileges started"
export DOCKER_HOST=unix://$d/engine/docker.sock
DOCKER_HOST=$main docker save local/busybox:latest | docker load -q >/dev/null
docker run -d --pull never --network none --name same-plain \
	local/busybox:latest sleep 600 >/dev/null
docker run -d --pull never --network none --name same-optout \
	--security-opt no-new-privileges=false local/busybox:latest \
	sleep 600 >/dev/null
judged "berth audit" $berth audit --format json
judged "berth posture --format json" $berth posture --format json
p=$($berth posture --format json)
is "the daemon's default covers a plain container (no 5.26)" \
	"$(jq -r '.findings[] | select(.object == "same-plain" and .id == "5.26") | .id' <<<"$p")" ""
is "one that opts out fails 5.26" \
	"$(jq -r '.findings[] | select(.object == "same-optout" and .id == "5.26") | .id' <<<"$p")" 5.26
docker rm -f same-plain same-optout >/dev/null 2>&1
tap_done
