#!/usr/bin/env bash
# Rebuild from the console: B on a container whose context berth knows,
# confirm, keep moving, wait for the summary; the engine then runs the
# new image with the old settings.  A container with no known context is
# refused with how to give one.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=trb$$
dir=$(mktemp -d /tmp/berth-trb.XXXXXX)
ref=local/$p:1
name=$p-app
other=$p-none
export XDG_STATE_HOME=$dir/state
cleanup() {
	tm kill-server 2>/dev/null
	docker rm -f "$name" "$other" >/dev/null 2>&1
	docker rmi -f "$ref" >/dev/null 2>&1
	rm -rf "$dir"
}
trap cleanup EXIT
rebuild_app "$dir" "$ref" "$name"
docker run -d --name "$other" --network none local/busybox:latest \
	sleep 600 >/dev/null
env_before=$(docker inspect -f '{{json .Config.Env}}' "$name")
# The headless command once, so berth knows the context.
echo v2 >"$dir/ctx/file.txt"
${BERTH:-build/san/berth} rebuild --yes --context "$dir/ctx" "$name" \
	>/dev/null 2>&1
echo v3 >"$dir/ctx/file.txt"

berth_start 120 40
expect_screen "the containers are listed" "$other"
keys /
keys -l "$other"
keys Enter
sleep 0.3
keys B
expect_screen "no known context: says how to give one" "--context DIR" 5
keys Escape
keys /
keys C-u
keys -l "$name"
keys Enter
sleep 0.3
keys B
expect_screen "B asks for confirmation naming the context" "$dir/ctx" 5
n=$(${BERTH:-build/san/berth} lint --format json "$dir/ctx/Dockerfile" |
	jq .summary.total)
expect_screen "the confirmation counts the Dockerfile's findings as berth lint ($n)" \
	"Dockerfile: $n findings" 5
keys y
keys j k # the console stays usable while the rebuild runs
expect_screen "the summary stays in the status line" "rebuilt" 60
is "the container runs the new image" \
	"$(docker exec "$name" cat /file.txt 2>&1)" v3
is "its settings are kept" \
	"$(docker inspect -f '{{json .Config.Env}}' "$name")" "$env_before"
tm kill-server 2>/dev/null
if grep -q "Sanitizer" "$TM_LOG"; then
	not_ok "no sanitizer report"
else
	ok "no sanitizer report"
fi
tap_done
