#!/usr/bin/env bash
# Update from the console: U on a container whose image has a newer
# version in a loopback registry, confirm, keep moving, wait for the
# summary; the engine then runs the new image with the old settings.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh
. tests/lib/loopback.sh

p=tupd$$
dir=$(mktemp -d /tmp/berth-tupd.XXXXXX)
port=$(free_port)
ref=127.0.0.1:$port/berth/tui:latest
name=$p-app
cleanup() {
	tm kill-server 2>/dev/null
	docker rm -f "$name" >/dev/null 2>&1
	docker rmi -f "$ref" "$p-v1" "$p-v2" >/dev/null 2>&1
	registry_stop
	rm -rf "$dir"
}
trap cleanup EXIT
registry_start "$dir" "$port" || not_ok "the registry answers on 127.0.0.1:$port"
build() {
	printf 'FROM local/busybox:latest\nRUN echo %s > /version\n' "$2" |
		docker build -q -t "$1" - >/dev/null 2>&1
}
build "$p-v1" 1 && build "$p-v2" 2 &&
	docker tag "$p-v2" "$ref" && docker push "$ref" >/dev/null 2>&1 &&
	docker tag "$p-v1" "$ref"
docker run -d --name "$name" --network none -e KEEP=me --stop-timeout 1 \
	"$ref" sleep 600 >/dev/null
env_before=$(docker inspect -f '{{json .Config.Env}}' "$name")

berth_start 120 40
expect_screen "the container is listed" "$name"
keys /
keys -l "$name"
keys Enter
sleep 0.3
keys U
expect_screen "U asks for confirmation naming the container" "pull the image" 5
keys y
keys j k # the console stays usable while the update runs
expect_screen "the summary stays in the status line" "updated (new container" 60
is "the container runs the new image" \
	"$(docker exec "$name" cat /version 2>&1)" 2
is "its settings are kept" \
	"$(docker inspect -f '{{json .Config.Env}}' "$name")" "$env_before"
keys C
expect_screen "C checks for updates: up to date" "up to date" 20
tm kill-server 2>/dev/null
if grep -q "Sanitizer" "$TM_LOG"; then
	not_ok "no sanitizer report"
else
	ok "no sanitizer report"
fi
tap_done
