#!/usr/bin/env bash
# berth rebuild: a context with a .dockerignore, a container from the
# built image, a changed file, rebuild; then a Compose-labelled container
# whose build: section has args and a target.  Checked with the docker CLI.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=${BERTH:-build/san/berth}
pfx=berth-rb-$$
dir=$(mktemp -d /tmp/berth-rb.XXXXXX)
ref=local/$pfx:1
cref=local/$pfx-compose:1
name=$pfx-web
cname=$pfx-compose
export XDG_STATE_HOME=$dir/state
cleanup() {
	docker rm -f "$name" "$cname" >/dev/null 2>&1
	docker rmi -f "$ref" "$cref" >/dev/null 2>&1
	rm -rf "$dir"
}
trap cleanup EXIT

ctx=$dir/ctx
mkdir -p "$ctx/logs"
printf 'FROM local/busybox:latest\nCOPY . /ctx/\nCMD ["sleep", "600"]\n' \
	>"$ctx/Dockerfile"
echo v1 >"$ctx/file.txt"
echo hush >"$ctx/secret.txt"
echo noise >"$ctx/logs/a.log"
echo kept >"$ctx/logs/keep.txt"
printf 'secret.txt\nlogs/\n!logs/keep.txt\n' >"$ctx/.dockerignore"
docker build -q -t "$ref" "$ctx" >/dev/null 2>&1
docker run -d --name "$name" --network none -e MODE=prod -l tier=web \
	--restart on-failure:2 --memory 48m --stop-timeout 1 "$ref" >/dev/null
fields='{{json .Config.Env}} {{json .Config.Labels}} {{json .Config.Cmd}} {{json .HostConfig.RestartPolicy}} {{.HostConfig.Memory}} {{.HostConfig.NetworkMode}} {{.Config.Image}}'
before=$(docker inspect -f "$fields" "$name")
old_id=$(docker inspect -f '{{.Id}}' "$name")

out=$($berth rebuild --yes "$name" 2>&1)
is "no context known yet: exit 3" "$?" 3
like "it says how to give one" "$out" "--context DIR"
out=$($berth --read-only rebuild --yes --context "$ctx" "$name" 2>&1)
is "refused in --read-only" "$?" 2
out=$($berth rebuild --context "$ctx" "$name" 2>&1 </dev/null)
is "without --yes and no terminal: refused" "$?" 2
like "the refusal names what would happen" "$out" "would build $ref"
n=$($berth lint --format json "$ctx/Dockerfile" | jq .summary.total)
like "and the Dockerfile's findings, as many as berth lint's ($n)" "$out" \
	"; Dockerfile: $n findings?:"

echo v2 >"$ctx/file.txt"
out=$($berth rebuild --yes --context "$ctx" "$name" 2>&1)
is "rebuild exits 0" "$?" 0
like "the build output is shown" "$out" "Step 2/3 : COPY"
like "a summary names the new container" "$out" "rebuilt .*new container"
is "the container runs the new image" \
	"$(docker exec "$name" cat /ctx/file.txt 2>&1)" v2
isnt_id=$(docker inspect -f '{{.Id}}' "$name")
[ "$isnt_id" != "$old_id" ] && ok "it is a new container" ||
	not_ok "it is a new container"
is "the container runs the image tagged as its reference" \
	"$(docker inspect -f '{{.Image}}' "$name")" \
	"$(docker image inspect -f '{{.Id}}' "$ref")"
files=$(docker run --rm --network none "$ref" find /ctx -type f | sort | tr '\n' ' ')
is "ignored files are absent, the exception and Dockerfile present" \
	"$files" "/ctx/.dockerignore /ctx/Dockerfile /ctx/file.txt /ctx/logs/keep.txt "
is "the configuration is unchanged" "$(docker inspect -f "$fields" "$name")" \
	"$before"

echo v3 >"$ctx/file.txt"
out=$($berth rebuild --yes --progress=machine "$name" 2>&1)
is "the context is remembered" "$?" 0
like "machine progress lines" "$out" "^step: $name: building"
like "machine summary line" "$out" "done: $name: rebuilt"
is "the remembered rebuild took the change" \
	"$(docker exec "$name" cat /ctx/file.txt 2>&1)" v3

mkdir -p "$dir/proj/app"
printf '%s\n' 'FROM local/busybox:latest AS base' 'ARG GREETING=none' \
	'RUN echo "$GREETING" > /greeting' 'CMD ["sleep", "600"]' \
	'FROM base AS dev' 'RUN echo dev > /stage' \
	'FROM base AS final' 'RUN echo final > /stage' \
	>"$dir/proj/app/Dockerfile.b"
cat >"$dir/proj/compose.yaml" <<YML
services:
  web:
    image: $cref
    build:
      context: ./app
      dockerfile: Dockerfile.b
      target: dev
      args:
        GREETING: hello from compose
YML
docker build -q -t "$cref" -f "$dir/proj/app/Dockerfile.b" \
	--target final "$dir/proj/app" >/dev/null 2>&1
docker run -d --name "$cname" --network none --stop-timeout 1 \
	-l com.docker.compose.project=rb \
	-l com.docker.compose.project.working_dir="$dir/proj" \
	-l com.docker.compose.project.config_files="$dir/proj/compose.yaml" \
	-l com.docker.compose.service=web "$cref" >/dev/null
out=$($berth rebuild --yes "$cname" 2>&1)
is "compose rebuild exits 0" "$?" 0
like "it names the compose source" "$out" "\\(compose\\)"
is "the build arg reached the image" \
	"$(docker exec "$cname" cat /greeting 2>&1)" "hello from compose"
is "the target stage was built" "$(docker exec "$cname" cat /stage 2>&1)" dev
tap_done
