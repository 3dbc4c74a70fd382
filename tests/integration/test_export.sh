#!/usr/bin/env bash
# berth export round trips: each container is exported, removed, recreated
# from the export, and its inspect compared field by field with the
# original's.  Fields that may differ are listed in IGNORE below.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=${BERTH:-build/san/berth}
pfx=berth-exp-$$
net=$pfx-net
vol=$pfx-vol
tmp=$(mktemp -d)
trap 'docker rm -f $(docker ps -aq --filter name=$pfx) >/dev/null 2>&1;
	docker network rm $net >/dev/null 2>&1; docker volume rm $vol >/dev/null 2>&1;
	rm -rf "$tmp"' EXIT
docker network create --internal --subnet 172.31.250.0/24 $net >/dev/null
docker volume create $vol >/dev/null

# compare ORIG.json NEW.json MODE: prints the differing fields, if any.
compare() {
	python3 - "$1" "$2" "$3" <<'PYEOF'
import json, sys
a = json.load(open(sys.argv[1]))[0]
b = json.load(open(sys.argv[2]))[0]
mode = sys.argv[3]
# May differ: identity, runtime state and the paths derived from the id.
IGNORE = {"Id", "Created", "State", "ResolvConfPath", "HostnamePath",
          "HostsPath", "LogPath", "RestartCount", "GraphDriver",
          "NetworkSettings", "SizeRw", "SizeRootFs", "Mounts", "Name",
          "Node", "ExecIDs"}
def clean(d):
    d = {k: v for k, v in d.items() if k not in IGNORE}
    c = d.get("Config", {})
    # Generated from the id; compose adds its own labels.
    if c.get("Hostname", "") == a["Id"][:12] or c.get("Hostname") == b["Id"][:12]:
        c.pop("Hostname", None)
    c["Labels"] = {k: v for k, v in (c.get("Labels") or {}).items()
                   if not k.startswith("com.docker.compose.")}
    h = d.get("HostConfig", {})
    # Order is not kept by the CLI (Env) nor by Compose (Binds).
    for m, k in ((c, "Env"), (h, "Binds")):
        if m.get(k):
            m[k] = sorted(m[k])
    if mode == "systemd":
        # The unit runs with --rm and restarts through systemd.
        h.pop("AutoRemove", None)
        h.pop("RestartPolicy", None)
    if mode == "compose":
        # Compose attaches the streams of what it creates, and writes
        # the default restart policy "no" out.
        for k in ("AttachStdin", "AttachStdout", "AttachStderr",
                  "StdinOnce"):
            c.pop(k, None)
        # Compose 1.29 has no uts key.
        h.pop("UTSMode", None)
        if (h.get("RestartPolicy") or {}).get("Name") == "no":
            h["RestartPolicy"]["Name"] = ""
    return d
def mounts(d):
    out = []
    for m in d.get("Mounts") or []:
        m = dict(m)
        if m.get("Type") == "volume" and len(m.get("Name", "")) == 64:
            m.pop("Name"); m.pop("Source")  # anonymous: a new one
        out.append(m)
    return sorted(out, key=lambda m: m.get("Destination", ""))
def nets(d):
    r = {}
    for k, v in (d.get("NetworkSettings", {}).get("Networks") or {}).items():
        al = [x for x in (v.get("Aliases") or [])
              if x not in (a["Id"][:12], b["Id"][:12],
                           a["Config"]["Hostname"], b["Config"]["Hostname"],
                           a["Name"].lstrip("/"))]
        r[k] = {"Aliases": sorted(al), "IPAMConfig": v.get("IPAMConfig")}
    return r
diff = []
def empty(x):
    return x is None or x == [] or x == {}
def walk(p, x, y):
    if empty(x) and empty(y):
        return
    if isinstance(x, dict) and isinstance(y, dict):
        for k in sorted(set(x) | set(y)):
            walk(p + "." + k if p else k, x.get(k), y.get(k))
    elif x != y:
        diff.append("%s: %r != %r" % (p, x, y))
walk("", clean(a), clean(b))
walk("Mounts", mounts(a), mounts(b))
walk("Networks", nets(a), nets(b))
print("\n".join(diff))
PYEOF
}

# The containers: the run arguments after `docker create --name NAME`.
cases=(
	"full|--network $net --network-alias web --ip 172.31.250.9 \
-e FOO=a\ b -e Q=it\'s -e D=\$HOME -l lab=1 -l 'sp=x y' \
-p 127.0.0.1:8080:80 -p 53:53/udp -v $vol:/data:ro -v /tmp:/host:rw \
-v /anon --tmpfs /run:size=1m --mount type=volume,source=$vol,target=/m2,readonly \
--restart on-failure:3 -u 1000:1000 --cap-add NET_ADMIN --cap-drop ALL \
--security-opt no-new-privileges --read-only -m 64m --memory-swap 128m \
--cpus 0.5 --cpu-shares 512 --cpuset-cpus 0 --pids-limit 100 \
--ulimit nofile=1024:2048 --log-opt max-size=1m --log-opt max-file=2 \
--hostname myhost --init --stop-signal SIGINT --stop-timeout 7 \
--health-cmd 'test -e /' --health-interval 5s --health-retries 2 \
--add-host foo:10.0.0.1 --dns 10.0.0.2 -w /tmp --entrypoint sh \
local/busybox:latest -c 'sleep 1000'"
	"app|--network none --restart always -e EXTRA=1 --privileged \
--device /dev/null:/dev/xnull:r --pid host --ipc private --uts host \
--no-healthcheck --shm-size 32m local/app:1"
	"plain|--network none -t -i --oom-kill-disable --memory 32m \
--user root --group-add 10 --sysctl net.ipv4.ip_forward=1 \
--security-opt label=disable local/plain:1 sh -c 'echo \"\$x\"'"
)

for c in "${cases[@]}"; do
	tag=${c%%|*}
	args=${c#*|}
	name=$pfx-$tag
	eval "docker create --name $name $args" >/dev/null ||
		{ not_ok "$tag: create"; continue; }
	docker inspect $name >"$tmp/$tag.json"
	for as in run compose systemd; do
		out=$($berth export --as $as $name) ||
			{ not_ok "$tag: export --as $as"; continue; }
		docker rm -f $name >/dev/null
		case $as in
		run)
			# Created, not started: the same config either way.
			line=${out/docker run --detach /docker create }
			eval "$line" >/dev/null 2>"$tmp/err" ;;
		compose)
			printf '%s\n' "$out" >"$tmp/docker-compose.yml"
			docker-compose -p $pfx -f "$tmp/docker-compose.yml" \
				up --no-start >/dev/null 2>"$tmp/err" ;;
		systemd)
			line=$(printf '%s\n' "$out" | sed -n 's/^ExecStart=//p')
			line=${line/\/usr\/bin\/docker run --rm /docker create }
			# The unit's quoting: "..." with \" and \\, and $$.
			line=${line//\$\$/\\\$}
			eval "$line" >/dev/null 2>"$tmp/err" ;;
		esac
		if [ $? -ne 0 ]; then
			not_ok "$tag: $as export recreates"
			sed 's/^/#   /' "$tmp/err"
			printf '%s\n' "$out" | sed 's/^/#   /'
			docker rm -f $name >/dev/null 2>&1
			eval "docker create --name $name $args" >/dev/null
			continue
		fi
		docker inspect $name >"$tmp/new.json"
		d=$(compare "$tmp/$tag.json" "$tmp/new.json" $as)
		is "$tag: $as export round-trips (inspect equal)" "$d" ""
		[ -n "$d" ] && printf '%s\n' "$out" | sed 's/^/#   /'
		docker rm -f $name >/dev/null
		eval "docker create --name $name $args" >/dev/null
	done
done

# A run line that really runs: started, its output as the original's.
docker run -d --name $pfx-live --network none local/busybox:latest \
	sh -c 'echo "it'\''s \$HOME"; sleep 30' >/dev/null
sleep 1
want=$(docker logs $pfx-live)
out=$($berth export $pfx-live)
docker rm -f $pfx-live >/dev/null
eval "$out" >/dev/null
sleep 1
is "run line runs: same output" "$(docker logs $pfx-live)" "$want"

# Quoting of hostile values: a newline and a quote survive the shell.
docker create --name $pfx-q --network none -e "NL=a
b'c" -l 'x=$(id)' local/busybox:latest >/dev/null
out=$($berth export $pfx-q)
like "control characters quoted with \$'...'" "$out" "\\\$'NL=a\\\\x0ab\\\\'c'"
docker rm -f $pfx-q >/dev/null
eval "${out/docker run --detach /docker create }" >/dev/null
is "hostile env round-trips" "$(docker inspect -f '{{index .Config.Env 0}}' $pfx-q)" "NL=a
b'c"
is "label not expanded" "$(docker inspect -f '{{index .Config.Labels "x"}}' $pfx-q)" '$(id)'

tap_done
