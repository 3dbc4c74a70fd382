#!/usr/bin/env bash
# berth info's host figures against the docker CLI: CPUs and memory as
# docker info; the memory limits of the running and paused containers
# summed as docker inspect gives them, the unbounded ones counted, an
# overcommit said; each disk row as docker system df prints it; the data
# root's free space as df(1) on the same file system.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=$(realpath "${BERTH:-build/san/berth}")
p=hf$$
cleanup() { docker ps -aq --filter "name=^$p-" | xargs -r docker rm -f >/dev/null 2>&1; }
trap cleanup EXIT
img=local/busybox:latest
run() { docker run -d --network none "$@" >/dev/null; }

# field KEY: the value of berth info's row KEY (two spaces of indent kept)
field() { printf '%s\n' "$info" | awk -v k="$1" 'substr($0, 1, 19) == sprintf("%-18s ", k) { print substr($0, 20); exit }'; }

run --name "$p-a" -m 64m $img sleep 300
run --name "$p-b" -m 32m $img sleep 300
run --name "$p-c" $img sleep 300
run --name "$p-d" -m 16m $img sleep 300
docker pause "$p-d" >/dev/null
docker create --name "$p-e" --network none -m 1g $img true >/dev/null
info=$("$berth" info)
is "berth info runs" "$?" 0

read -r ncpu mem < <(docker info -f '{{.NCPU}} {{.MemTotal}}')
is "CPUs as docker info" "$(field CPUs)" "$ncpu"
is "memory as docker info" "$(field 'Memory (bytes)')" "$mem"

limits=$(docker ps -q --filter status=running --filter status=paused |
	xargs -r docker inspect -f '{{.HostConfig.Memory}}')
sum=$(printf '%s\n' "$limits" | awk '{ s += $1 } END { print s + 0 }')
limited=$(printf '%s\n' "$limits" | awk '$1 > 0' | wc -l)
unbounded=$(printf '%s\n' "$limits" | awk '$1 == 0' | wc -l)
is "the running and paused containers' limits summed, as docker inspect's" "$(field 'Limits (bytes)')" "$sum"
is "the limited ones counted (a created one holds nothing)" "$(field '  limited')" "$limited"
is "the unbounded ones counted" "$(field '  unbounded')" "$unbounded"
is "64+32+16 MiB on this host is no overcommit" "$(field Overcommitted)" no
like "the host line says the limits and the unbounded" "$(field Host)" \
	"^$ncpu CPU .*, limits [0-9.]+MiB \\($unbounded unbounded\\), disk "

while IFS='|' read -r type size rec; do
	case $type in
	Images) key="Disk images" ;;
	Containers) key="Disk containers" ;;
	"Local Volumes") key="Disk volumes" ;;
	"Build Cache") key="Disk build cache" ;;
	*) continue ;;
	esac
	is "$type as docker system df" "$(field "$key")" "$size, reclaimable $rec"
done < <(docker system df --format '{{.Type}}|{{.Size}}|{{.Reclaimable}}')

root=$(docker info -f '{{.DockerRootDir}}')
is "the data root as docker info" "$(field 'Data root')" "$root"
read -r avail size < <(df -B1 --output=avail,size "$root" | tail -1)
got=$(field '  free (bytes)')
# the disk moves a little between the two reads: within 64 MiB
if [ -n "$got" ] && [ $((got > avail ? got - avail : avail - got)) -le 67108864 ]; then
	ok "the data root's free space as df ($got against $avail)"
else
	not_ok "the data root's free space as df ($got against $avail)"
fi
is "and its size as df" "$(field '  size (bytes)')" "$size"

# More limits than memory: an overcommit.  A limit above the host's
# memory is refused by nothing; the container only sleeps.
run --name "$p-big" -m $((mem / 2 + 1048576)) $img sleep 300
run --name "$p-big2" -m $((mem / 2 + 1048576)) $img sleep 300
info=$("$berth" info)
is "limits past the host's memory are an overcommit" "$(field Overcommitted)" yes
like "and the host line says so" "$(field Host)" 'limits [0-9.]+GiB OVERCOMMIT'
tap_done
