#!/usr/bin/env bash
# berth watch on a second private engine: a crash, an OOM kill, a health
# check turning unhealthy, a restart loop and a privileged container are
# each reported once, and the watch survives the engine being killed.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=$(realpath "${BERTH:-build/san/berth}")
main=$DOCKER_HOST
dir=/tmp/berth-watch-$$
out=$dir.out
wpid=
cleanup() {
	[ -n "$wpid" ] && kill "$wpid" 2>/dev/null
	scripts/engine.sh stop "$dir" >/dev/null 2>&1
	rm -rf "$dir" "$out"
}
trap cleanup EXIT
scripts/engine.sh start "$dir" >/dev/null || { not_ok "second engine"; tap_done; exit 1; }
export DOCKER_HOST=unix://$dir/docker.sock
DOCKER_HOST=$main docker save local/busybox:latest | docker load >/dev/null
img=local/busybox:latest
run() { docker run -d --network none "$@" >/dev/null; }

"$berth" watch --restarts 3 --window 1 >"$out" 2>&1 &
wpid=$!
sleep 1
run --name crash $img sh -c 'exit 3'
run --name oom -m 8m --memory-swap 8m $img sh -c 'x=a; while :; do x=$x$x; done'
run --name unh --health-cmd false --health-interval 1s --health-retries 1 $img sleep 60
run --name loop --restart always $img sh -c 'exit 1'
docker create --name priv --network none --privileged $img >/dev/null
sleep 6
docker update --restart no loop >/dev/null
n() { grep -c "\"event\":\"$1\"${2:+,\"container\":\"$2\"}" "$out"; }
is "crash reported once" "$(n died crash)" 1
is "crash exit code" "$(grep -o '"container":"crash".*"exit_code":[0-9]*' "$out" | grep -o '[0-9]*$')" 3
is "OOM kill reported once" "$(n oom oom)" 1
is "OOM kill not also a crash" "$(n died oom)" 0
is "unhealthy reported once" "$(n unhealthy unh)" 1
is "restart loop reported once" "$(n restart_loop loop)" 1
is "privileged finding reported once" "$(grep '"container":"priv"' "$out" | grep -c '"rule":"5.5"')" 1
is "no finding for the others" "$(grep '"event":"finding"' "$out" | grep -vc '"container":"priv"')" 0

kill -9 "$(cat "$dir/dockerd.pid")"
sleep 3
scripts/engine.sh start "$dir" >/dev/null
sleep 5
is "engine_down reported" "$(n engine_down)" 1
is "engine_up reported" "$(n engine_up)" 1
docker rm -f crash >/dev/null 2>&1
run --name crash2 $img sh -c 'exit 4'
sleep 3
is "a crash after the restart is reported" "$(n died crash2)" 1
is "nothing repeated after resubscribing" "$(n died crash)" 1
kill "$wpid"
wait "$wpid" 2>/dev/null
wpid=
sed 's/^/# /' "$out"

once=$("$berth" watch --once --since 2m)
is "--once: the crash since 2m" "$(printf '%s\n' "$once" | grep -c '"container":"crash2"')" 1

# The image rules too, as berth audit judges the image: each finding of
# the image a container runs is said once, under the first container.
low=$("$berth" watch --once --since 2m --min-severity low)
want=$("$berth" audit --format json | jq -r --arg i "$img" \
	'[.findings[] | select(.scope == "image" and .object == $i and
		(.severity != "info")) | .id] | unique | sort | join(" ")')
got=$(printf '%s\n' "$low" | jq -r --arg i "$img" \
	'select(.event == "finding" and .image == $i) | .rule' | sort | tr '\n' ' ' | sed 's/ $//')
is "--once --min-severity low: the image's findings, each once, as audit ($want)" "$got" "$want"
tap_done
