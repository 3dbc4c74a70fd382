#!/usr/bin/env bash
# One judgement: berth posture --format json is berth audit's report
# (both run the posture pane's own scan, model/posture_batch.h), the
# same findings (scope, object, rule, severity, evidence, fix) for every
# container, the image it runs, the engine and its host: on
# the shared engine with its fixtures, and on an engine of this test's
# own started with --no-new-privileges, where 5.26 depends on the
# daemon's defaults that only the host's facts tell.
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

# Every finding: the containers', their images', the engine's and its
# host's.
findings() {
	jq -r '.findings[] |
		[.scope, .object, .id, .severity, .evidence, .fix] | @tsv' |
		sort
}

same() { # DESC
	local a p
	a=$($berth audit --format json | findings)
	p=$($berth posture --format json | findings)
	if [ -n "$a" ] && [ "$a" = "$p" ]; then
		ok "$1 ($(wc -l <<<"$a") findings)"
	else
		not_ok "$1"
		diff <(printf '%s\n' "$a") <(printf '%s\n' "$p") | head -20 |
			sed 's/^/#   (< audit, > posture) /'
	fi
}

# at least one container (and so one image) of the test's own
docker run -d --pull never --network none --name "same-main-$$" \
	local/busybox:latest sleep 600 >/dev/null
same "shared engine: berth posture and berth audit agree"
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
same "--no-new-privileges engine: berth posture and berth audit agree"
p=$($berth posture --format json)
is "the daemon's default covers a plain container (no 5.26)" \
	"$(jq -r '.findings[] | select(.object == "same-plain" and .id == "5.26") | .id' <<<"$p")" ""
is "one that opts out fails 5.26" \
	"$(jq -r '.findings[] | select(.object == "same-optout" and .id == "5.26") | .id' <<<"$p")" 5.26
docker rm -f same-plain same-optout >/dev/null 2>&1
tap_done
