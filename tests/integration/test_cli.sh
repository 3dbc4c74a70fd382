#!/usr/bin/env bash
# Headless commands against the private engine, checked with the docker CLI.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=build/san/berth
pfx=berth-cli-$$

docker run -d --name "$pfx-up" --network none local/busybox:latest sleep 300 >/dev/null
docker create --name "$pfx-new" --network none local/busybox:latest true >/dev/null
trap 'docker rm -f "$pfx-up" "$pfx-new" >/dev/null 2>&1' EXIT

got=$($berth ps -a | awk 'NR > 1 {print $2, $3}' | sort)
want=$(docker ps -a --format '{{.Names}} {{.State}}' | sort)
is "ps -a: names and states equal docker ps -a" "$got" "$want"

got=$($berth ps | awk 'NR > 1 {print $2}' | sort)
want=$(docker ps --format '{{.Names}}' | sort)
is "ps: running containers equal docker ps" "$got" "$want"

got=$($berth ps -a | awk 'NR > 1 {print $1}' | sort)
want=$(docker ps -aq | sort)
is "ps -a: short ids equal docker ps -aq" "$got" "$want"

info=$($berth info)
for f in Containers:Containers running:ContainersRunning \
	paused:ContainersPaused stopped:ContainersStopped Images:Images; do
	key=${f%%:*}
	tmpl=${f#*:}
	got=$(printf '%s\n' "$info" | awk -v k="$key" '$1 == k {print $2}')
	want=$(docker info --format "{{.$tmpl}}")
	is "info: $key equals docker info .$tmpl" "$got" "$want"
done
got=$(printf '%s\n' "$info" | awk '$1 == "Server" {print $3}')
is "info: server version" "$got" "$(docker version --format '{{.Server.Version}}')"

out=$($berth -H unix:///nonexistent/berth.sock info 2>&1)
rc=$?
is "unreachable engine: non-zero exit" "$([ $rc -ne 0 ] && echo yes)" yes
like "unreachable engine: one-line reason" "$out" '^berth: cannot connect to the engine at unix:///nonexistent/berth.sock: No such file or directory$'
is "unreachable engine: exactly one line" "$(printf '%s\n' "$out" | wc -l)" 1

out=$($berth -H 'ftp://x' info 2>&1)
like "bad address: clear message" "$out" 'unsupported engine address'

out=$($berth frobnicate 2>&1)
rc=$?
is "unknown command: exit 2" "$rc" 2

ver=$($berth --version)
like "--version: berth's version (VERSION, and the commit in a checkout)" \
	"$(printf '%s\n' "$ver" | head -1)" "^berth $(cat VERSION)(\\+g[0-9a-f]+(\\.dirty)?)?\$"
like "--version: the API versions it speaks" "$ver" "Engine API 1\\.40 to 1\\.47"
like "--version: the libraries, as they report themselves" "$ver" \
	"libcurl $(curl-config --version 2>/dev/null | cut -d' ' -f2 || echo '[0-9.]+')"
like "--version: ncurses and cJSON and libarchive" "$(printf '%s\n' "$ver" | tail -3 | tr '\n' ' ')" \
	"^ncurses [0-9.]+ cJSON [0-9.]+ libarchive [0-9.]+ \$"
like "--help lists commands" "$($berth --help)" 'ps \[-a\]'

tap_done
