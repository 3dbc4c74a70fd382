# Sourced by tests that listen on loopback: a free port, and Debian's
# docker-registry on 127.0.0.1 (which the engine treats as an insecure
# registry it may use over plain HTTP).  Nothing here leaves 127.0.0.1.
#
#   free_port               a loopback TCP port nothing listens on
#   registry_start DIR PORT  a registry storing under DIR/registry; it
#                           answers /v2/ on return (1 if it never did);
#                           REGISTRY_PID names it
#   registry_stop

free_port() {
	local p
	for _ in $(seq 1 50); do
		p=$((20000 + RANDOM % 30000))
		if [ -z "$(ss -Htln "sport = :$p")" ]; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

REGISTRY_PID=
registry_start() {
	printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: %s/registry\nhttp:\n  addr: 127.0.0.1:%s\n' \
		"$1" "$2" >"$1/registry.yml"
	/usr/bin/docker-registry serve "$1/registry.yml" >"$1/registry.log" 2>&1 &
	REGISTRY_PID=$!
	for _ in $(seq 100); do
		curl -sf "http://127.0.0.1:$2/v2/" >/dev/null && return 0
		sleep 0.1
	done
	return 1
}

registry_stop() {
	[ -n "$REGISTRY_PID" ] || return 0
	kill "$REGISTRY_PID" 2>/dev/null
	wait "$REGISTRY_PID" 2>/dev/null
	REGISTRY_PID=
}
