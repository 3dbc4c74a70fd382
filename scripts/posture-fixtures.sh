#!/usr/bin/env bash
# Creates on the private engine (DOCKER_HOST) one container per posture
# setting, named PREFIX-<setting>, for the posture tests:
#   scripts/posture-fixtures.sh PREFIX          create them
#   scripts/posture-fixtures.sh PREFIX --clean  remove them (and the mount)
# Started containers run with --network none (the host-network one only
# sleeps); those with published ports are only created, since an engine
# without a bridge cannot start them.
set -euo pipefail

prefix=${1:?usage: posture-fixtures.sh PREFIX [--clean]}
case "${DOCKER_HOST:-}" in
unix:///var/run/docker.sock | "") echo "posture-fixtures: set DOCKER_HOST to a private engine" >&2; exit 1 ;;
esac
sock=${DOCKER_HOST#unix://}
shared=/tmp/$prefix-shared
img=local/busybox:latest
names=(privileged sysadmin netadmin capall capdrop root docksock etcro
	port80 portlo hostnet hostpid hostipc hostuts userns limits ronnp
	seccomp user1000 always onfail5 restartno device ulimit shared
	health hardened)

if [ "${2:-}" = --clean ]; then
	for n in "${names[@]}"; do
		docker rm -f "$prefix-$n" >/dev/null 2>&1 || true
	done
	if mountpoint -q "$shared" 2>/dev/null; then umount "$shared" || true; fi
	rm -rf "$shared"
	exit 0
fi

run() { # setting, docker run options...
	local n=$1
	shift
	docker run -d --name "$prefix-$n" "$@" >/dev/null
}
none() { # setting, options...: started, no network
	local n=$1
	shift
	run "$n" --network none "$@" $img sleep 3600
}

none privileged --privileged
none sysadmin --cap-add SYS_ADMIN
none netadmin --cap-add NET_ADMIN
none capall --cap-add ALL
none capdrop --cap-drop ALL
none root -v /:/host:ro
none docksock -v "$sock:/var/run/docker.sock"
none etcro -v /etc:/hostetc:ro
docker create --name "$prefix-port80" -p 80:80 $img sleep 3600 >/dev/null
docker create --name "$prefix-portlo" -p 127.0.0.1:8080:80 $img sleep 3600 >/dev/null
run hostnet --network host $img sleep 3600
none hostpid --pid host
none hostipc --ipc host
none hostuts --uts host
none userns --userns host
none limits --memory 64m --cpus 0.5 --pids-limit 100
none ronnp --read-only --security-opt no-new-privileges
none seccomp --security-opt seccomp=unconfined
none user1000 --user 1000
none always --restart always
none onfail5 --restart on-failure:5
none restartno --restart no
none device --device /dev/null:/dev/xnull
none ulimit --ulimit nofile=1024:2048
mkdir -p "$shared"
if mountpoint -q "$shared" || mount --bind "$shared" "$shared"; then
	mount --make-shared "$shared"
	none shared -v "$shared:/x:shared"
else
	echo "posture-fixtures: no shared mount possible here; skipping 'shared'" >&2
fi
run health --network none local/app:1
run hardened --network none --user 1000 --read-only \
	--security-opt no-new-privileges --cap-drop ALL --memory 64m \
	--cpus 0.5 --pids-limit 100 --restart on-failure:5 \
	--log-opt max-size=10m --log-opt max-file=3 local/app:1
