#!/usr/bin/env bash
# The rules CIS Docker Benchmark 1.6.0 words with care, on real containers
# of the private engine, each verdict checked against what the docker CLI
# says of the same container, image or engine:
#   5.2/5.3  judged by the engine's own mandatory access control
#   5.27     a running container whose health the engine does not check
#   berth.health.unhealthy  one whose check fails (an alert, not 5.27)
#   5.30     only containers on the engine's default bridge, if it has one
#   4.6      the image's HEALTHCHECK;  4.7 an index update with no install
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
. tests/lib/images.sh
berth=${BERTH:-build/san/berth}
p=cis$$
d=$(mktemp -d /tmp/berth-cis.XXXXXX)
cleanup() {
	docker rm -f $(docker ps -aq --filter "name=^$p-") >/dev/null 2>&1
	docker rmi -f "$p/old:1" "$p/secret:1" "$p/clean:1" >/dev/null 2>&1
	docker rmi -f "$p/upd" "$p/ok" "$p/echo" "$p/hc" "$p/procs" \
		>/dev/null 2>&1
	rm -rf "$d"
}
trap cleanup EXIT

# ids NAME: the rule ids berth audit finds for the container NAME (its
# own findings, not its image's), sorted
ids() {
	$berth audit --format json --container "$1" |
		jq -r --arg n "$1" '.findings[] | select(.object == $n) | .id' |
		sort | tr '\n' ' '
}
has() { grep -qw -- "$2" <<<" $1 "; }
evidence() {
	$berth audit --format json --container "$1" |
		jq -r --arg n "$1" --arg r "$2" \
			'.findings[] | select(.object == $n and .id == $r) | .evidence'
}

# build TAG: the Dockerfile on stdin, in a context holding a stand-in
# apt-get (busybox has none; the rule reads the history, not the tool)
mkdir -p "$d/ctx"
printf '#!/bin/sh\nexit 0\n' >"$d/ctx/apt-get"
chmod +x "$d/ctx/apt-get"
build() {
	cat >"$d/ctx/Dockerfile"
	docker build -q -t "$1" "$d/ctx" >/dev/null 2>&1
}
build "$p/upd" <<'DF'
FROM local/busybox:latest
COPY apt-get /bin/apt-get
RUN apt-get update
DF
build "$p/ok" <<'DF'
FROM local/busybox:latest
COPY apt-get /bin/apt-get
RUN apt-get update && apt-get install -y curl
DF
build "$p/echo" <<'DF'
FROM local/busybox:latest
RUN echo apt-get update > /note
DF
build "$p/hc" <<'DF'
FROM local/busybox:latest
HEALTHCHECK --interval=1s CMD true
DF
# programs named as sshd and supervisord are, doing nothing
printf '#!/bin/sh\nsleep 600\n' >"$d/ctx/idle"
build "$p/procs" <<'DF'
FROM local/busybox:latest
COPY idle /usr/sbin/sshd
COPY idle /usr/bin/supervisord
DF
is "the test images were built" \
	"$(docker images -q "$p/*" | wc -l | tr -d ' ')" 5

# --pull never: nothing is ever fetched from outside
run() {
	docker run -d --pull never --network none --name "$p-$1" "${@:2}" \
		>/dev/null
}
run plain local/busybox:latest sleep 600
run hc --health-cmd true --health-interval 1s local/busybox:latest sleep 600
run imghc "$p/hc" sleep 600
run nohc --no-healthcheck "$p/hc" sleep 600
run sick --health-cmd false --health-interval 1s --health-retries 1 \
	local/busybox:latest sleep 600
docker create --pull never --name "$p-created" local/busybox:latest \
	sleep 1 >/dev/null
run sshd "$p/procs" sh /usr/sbin/sshd
run superv "$p/procs" sh /usr/bin/supervisord
run multi local/busybox:latest sh -c \
	'sleep 600 & tail -f /dev/null & watch -n 60 true'
run upd "$p/upd" sleep 600
run ok "$p/ok" sleep 600
run echo "$p/echo" sleep 600
for _ in $(seq 100); do
	[ "$(docker inspect -f '{{.State.Health.Status}}' "$p-sick")" = unhealthy ] &&
		[ "$(docker inspect -f '{{.State.Health.Status}}' "$p-hc")" = healthy ] && break
	sleep 0.1
done

# 5.2 / 5.3: by the engine's SecurityOptions, as docker info shows them
sec=$(docker info --format '{{json .SecurityOptions}}')
aa=0
se=0
grep -q 'name=apparmor' <<<"$sec" && aa=1
grep -q 'name=selinux' <<<"$sec" && se=1
plain=$(ids "$p-plain")
if [ $aa = 0 ] && [ $se = 0 ]; then
	has "$plain" 5.2 && has "$plain" 5.3 &&
		ok "no AppArmor, no SELinux ($sec): a plain container fails 5.2 and 5.3" ||
		not_ok "no MAC on the engine, yet 5.2/5.3 missing: $plain"
	like "5.2's evidence is the engine's options" \
		"$(evidence "$p-plain" 5.2)" "neither apparmor nor selinux"
	like "the engine has its own finding" \
		"$($berth audit --format json | jq -r '.findings[] | select(.scope == "engine") | .id')" \
		"berth.engine.mac"
else
	is "an engine with MAC: a plain container is confined (5.2 and 5.3 pass)" \
		"$(has "$plain" 5.2 || has "$plain" 5.3 && echo fail || echo pass)" pass
	is "5.2 is judged only with AppArmor, 5.3 only with SELinux" \
		"$([ $aa = 1 ] && [ $se = 0 ] && has "$(ids "$p-plain")" 5.3 && echo wrong || echo right)" right
fi

# 5.27: State.Health, as docker inspect shows it
for c in plain hc imghc nohc sick created; do
	h=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.State.Running}}' "$p-$c")
	got=$(ids "$p-$c")
	want=absent
	[ "$h" = "none true" ] && want=present
	is "5.27 on $c (State.Health and Running: $h)" \
		"$(has "$got" 5.27 && echo present || echo absent)" "$want"
done
like "--no-healthcheck is named in 5.27's evidence" \
	"$(evidence "$p-nohc" 5.27)" "no-healthcheck"
got=$(ids "$p-sick")
is "an unhealthy container is its own alert" \
	"$(has "$got" berth.health.unhealthy && echo yes)" yes
is "4.6 is the image's rule: no container has it" \
	"$(for c in plain hc sick; do ids "$p-$c"; done | grep -cw 4.6)" 0

# 5.30: the engine's default bridge, as docker network ls shows it
if docker network ls --filter driver=bridge --format '{{.Name}} {{.ID}}' |
	grep -q .; then
	not_ok "the private engine has no bridge network (engine.sh runs it with --bridge=none)"
else
	nm=$(docker inspect -f '{{.HostConfig.NetworkMode}} {{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}' "$p-created")
	got=$(ids "$p-created")
	is "no default bridge on the engine: 5.30 never, not even for '$nm'" \
		"$(has "$got" 5.30 && echo present || echo absent)" absent
fi

# 5.7 and one application per container: from the processes, as docker
# top lists them
for c in sshd superv multi plain; do
	t=$(docker top "$p-$c" -o pid,args | tail -n +2 | sed 's/^ *[0-9]* *//' | tr '\n' ';')
	got=$(ids "$p-$c")
	want=absent
	grep -q 'sshd' <<<"$t" && want=present
	is "5.7 on $c (docker top: $t)" \
		"$(has "$got" 5.7 && echo present || echo absent)" "$want"
	want=absent
	[ "$c" = superv ] || [ "$c" = multi ] && want=present
	is "one application per container on $c" \
		"$(has "$got" berth.process.supervisor && echo present || echo absent)" "$want"
done

# 4.6 and 4.7: per image, from docker history and inspect
img_ids() {
	$berth audit --format json --container "$1" |
		jq -r '.findings[] | select(.scope == "image") | .id' | sort |
		tr '\n' ' '
}
is "4.7: an index update alone in a RUN" \
	"$(has "$(img_ids "$p-upd")" 4.7 && echo yes)" yes
is "4.7: update and install in one RUN is fine" \
	"$(has "$(img_ids "$p-ok")" 4.7 && echo yes || echo no)" no
is "4.7: 'update' in an echo is no update" \
	"$(has "$(img_ids "$p-echo")" 4.7 && echo yes || echo no)" no
hc=$(docker inspect -f '{{if .Config.Healthcheck}}set{{else}}none{{end}}' "$p/hc")
is "4.6 follows the image's Config.Healthcheck ($hc)" \
	"$(has "$(img_ids "$p-imghc")" 4.6 && echo yes || echo no)" no
is "4.6 on an image without HEALTHCHECK" \
	"$(has "$(img_ids "$p-plain")" 4.6 && echo yes || echo no)" yes

# 6.1: an image no container runs, created long ago, is named.  The
# engine takes the created time from the image's config, so an old one
# is busybox loaded again with a config that says 2020.
load_dated "$p/old:1" 2020-01-01T00:00:00Z "$d"
created=$(docker inspect -f '{{.Created}}' "$p/old:1" 2>/dev/null)
is "the engine says the loaded image was created in 2020" "${created:0:10}" 2020-01-01
days=$(( ($(date +%s) - $(date -d "$created" +%s)) / 86400 ))
used=$(docker ps -aq --no-trunc | xargs -r docker inspect -f '{{.Image}}' | sort -u)
total=$(docker images -q --no-trunc | sort -u | wc -l)
inuse=$(comm -12 <(docker images -q --no-trunc | sort -u) <(printf '%s\n' "$used" | sort -u) | grep -c .)
ev=$($berth audit --format json | jq -r '.findings[] | select(.id == "6.1") | .evidence')
like "6.1 counts the images and those in use as docker images and docker ps say ($total, $inuse)" \
	"$ev" "^Images=$total, in use=$inuse"
like "6.1 names the unused old image with its age ($days days)" "$ev" \
	"unused $p/old:1, created $days days ago"
like "berth posture's 6.1 counts as docker images and docker ps say" \
	"$($berth posture --format json | jq -r '.findings[] | select(.id == "6.1") | .evidence')" \
	"^Images=$total, in use=$inuse.*unused $p/old:1"
docker run -d --name "$p-old" --network none "$p/old:1" sleep 600 >/dev/null
ev=$($berth audit --format json | jq -r '.findings[] | select(.id == "6.1") | .evidence')
if [[ $ev == *"$p/old:1"* ]]; then
	not_ok "6.1 leaves the image out once a container runs it"
else
	ok "6.1 leaves the image out once a container runs it"
fi
ev=$($berth posture --format json | jq -r '.findings[] | select(.id == "6.1") | .evidence')
if [[ $ev == *"$p/old:1"* ]]; then
	not_ok "berth posture's 6.1 leaves out the image a container runs"
else
	ok "berth posture's 6.1 leaves out the image a container runs"
fi

# 4.10 and 4.11 on images built here: the risky text sits in RUN lines
# that never run it (true || ...), so the build stays offline.
mkdir -p "$d/sec"
cat >"$d/sec/Dockerfile" <<'DF'
FROM local/busybox:latest
ENV DB_PASSWORD=hunter2 PASSWORD_FILE=/run/secrets/db
ARG API_TOKEN
RUN true || wget -O- http://127.0.0.1:9/x | sh
RUN true || wget http://127.0.0.1:9/y.tgz
RUN true || (wget http://127.0.0.1:9/z.tgz && sha256sum -c z.sha)
DF
docker build -q --build-arg API_TOKEN=tok-$p -t "$p/secret:1" "$d/sec" >/dev/null 2>&1
printf 'FROM local/busybox:latest\nENV PASSWORD_FILE=/run/secrets/db\nRUN echo fine > /f\n' |
	docker build -q -t "$p/clean:1" - >/dev/null 2>&1
hist=$(docker history --no-trunc --format '{{.CreatedBy}}' "$p/secret:1")
ijson=$($berth audit --format json)
iev() { jq -r --arg n "$1" --arg r "$2" '.findings[] | select(.object == $n and .id == $r) | .evidence' <<<"$ijson"; }
like "docker history keeps the build arg's value" "$hist" "API_TOKEN=tok-$p"
like "docker inspect keeps the password" \
	"$(docker inspect -f '{{json .Config.Env}}' "$p/secret:1")" "DB_PASSWORD=hunter2"
like "4.10 names the Env password" "$(iev "$p/secret:1" 4.10)" "Env DB_PASSWORD is set"
like "4.10 names the build arg" "$(iev "$p/secret:1" 4.10)" "build arg API_TOKEN"
if grep -qE "hunter2|tok-$p" <<<"$ijson"; then
	not_ok "no secret's value in berth audit's output"
else
	ok "no secret's value in berth audit's output"
fi
e411=$(iev "$p/secret:1" 4.11)
n=$(grep -c "wget -O- http://127.0.0.1:9/x | sh" <<<"$hist")
like "4.11: the download piped into sh (docker history has it: $n)" "$e411" \
	"a download piped into a shell: true \|\| wget -O- http://127.0.0.1:9/x \| sh"
like "4.11: the download with no check" "$e411" "no checksum or signature check: true \|\| wget http://127.0.0.1:9/y.tgz"
if [[ $e411 == *z.tgz* ]]; then
	not_ok "4.11: a download checked with sha256sum in the same RUN passes"
else
	ok "4.11: a download checked with sha256sum in the same RUN passes"
fi
is "the clean image has neither 4.10 nor 4.11" \
	"$(iev "$p/clean:1" 4.10)$(iev "$p/clean:1" 4.11)" ""
tap_done
