#!/usr/bin/env bash
# berth update against a real registry (Debian's docker-registry on
# loopback, which the engine treats as insecure-allowed): push v1, run a
# container, push v2 under the same tag, update; checked with docker CLI.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
. tests/lib/loopback.sh
berth=${BERTH:-build/san/berth}
pfx=berth-upd-$$
dir=$(mktemp -d /tmp/berth-upd.XXXXXX)
port=$(free_port)
ref=127.0.0.1:$port/berth/app:latest
name=$pfx-app

cleanup() {
	docker rm -f "$name" >/dev/null 2>&1
	docker rmi -f "$ref" "$pfx-v1" "$pfx-v2" >/dev/null 2>&1
	registry_stop
	rm -rf "$dir"
}
trap cleanup EXIT
registry_start "$dir" "$port" || not_ok "the registry answers on 127.0.0.1:$port"

build() { # tag version
	printf 'FROM local/busybox:latest\nRUN echo %s > /version\n' "$2" |
		docker build -q -t "$1" - >/dev/null 2>&1
}
build "$pfx-v1" 1 && docker tag "$pfx-v1" "$ref" &&
	docker push "$ref" >/dev/null 2>&1
if docker image inspect "$ref" >/dev/null 2>&1; then ok "v1 pushed"; else not_ok "v1 pushed"; fi

docker run -d --name "$name" --network none -e MODE=prod -l tier=web \
	--restart on-failure:2 --memory 48m --stop-timeout 1 "$ref" \
	sleep 600 >/dev/null
fields='{{json .Config.Env}} {{json .Config.Labels}} {{json .Config.Cmd}} {{json .HostConfig.RestartPolicy}} {{.HostConfig.Memory}} {{.HostConfig.NetworkMode}} {{.Config.Image}}'
before=$(docker inspect -f "$fields" "$name")
old_id=$(docker inspect -f '{{.Id}}' "$name")

out=$($berth update --check "$name" 2>&1)
like "check before the push of v2: up to date" "$out" "up to date"

out=$($berth update "$name" </dev/null 2>&1)
is "update without --yes and without a terminal refuses" "$?" 2
like "the refusal names what would happen" "$out" "would pull"
out=$($berth --read-only update --yes "$name" 2>&1)
is "update refused in --read-only" "$?" 2

build "$pfx-v2" 2 && docker tag "$pfx-v2" "$ref" &&
	docker push "$ref" >/dev/null 2>&1
docker tag "$pfx-v1" "$ref" # the local tag still points at v1
out=$($berth update --check "$name" 2>&1)
like "check after the push of v2: an update is available" "$out" \
	"update available"

out=$($berth update --yes --progress=machine "$name" 2>&1)
is "update --yes exits 0" "$?" 0
like "machine progress has layer lines" "$out" "^layer: "
like "machine progress has a done line" "$out" "^done: $name: updated"
is "the container runs the new image" \
	"$(docker exec "$name" cat /version 2>&1)" 2
is "with its old configuration" "$(docker inspect -f "$fields" "$name")" \
	"$before"
new_id=$(docker inspect -f '{{.Id}}' "$name")
[ "$new_id" != "$old_id" ] && ok "a new container" || not_ok "a new container"

out=$($berth update --yes "$name" 2>&1)
like "a second update is up to date" "$out" "up to date"

out=$($berth update --yes "$name" "$pfx-missing" 2>&1)
is "one failure among several exits 1" "$?" 1
like "the others still report" "$out" "$name: up to date"
tap_done
