#!/usr/bin/env bash
# The log configuration rules against docker inspect: a container whose
# LogConfig is json-file without max-size (or -1) is berth.logs.unbounded,
# one with the none driver berth.logs.none, bounded or remote ones
# neither; what the script expects is read from the engine, not berth.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=${BERTH:-build/san/berth}
pfx=berth-logr-$$
trap 'docker rm -f $(docker ps -aq --filter name=$pfx) >/dev/null 2>&1' EXIT
img=local/busybox:latest
docker create --name "$pfx-default" --network none $img true >/dev/null
docker create --name "$pfx-bounded" --network none --log-opt max-size=10m --log-opt max-file=3 $img true >/dev/null
docker create --name "$pfx-minus" --network none --log-opt max-size=-1 $img true >/dev/null
docker create --name "$pfx-none" --network none --log-driver none $img true >/dev/null
docker create --name "$pfx-local" --network none --log-driver local $img true >/dev/null
docker create --name "$pfx-syslog" --network none --log-driver syslog \
	--log-opt syslog-address=udp://127.0.0.1:1 $img true >/dev/null

# what the engine says each one's logging is, judged by the rule's words
expect() {
	docker inspect -f '{{.HostConfig.LogConfig.Type}} {{index .HostConfig.LogConfig.Config "max-size"}}' "$1" |
		awk '{ t = $1; s = $2 }
		END {
			if (t == "json-file" && (s == "" || s == "-1")) print "berth.logs.unbounded"
			else if (t == "local" && s == "-1") print "berth.logs.unbounded"
			else if (t == "none") print "berth.logs.none"
		}'
}
got=$("$berth" audit --format json --no-contents 2>/dev/null | python3 -c 'import json, sys
for f in json.load(sys.stdin)["findings"]:
    if f["id"].startswith("berth.logs."):
        print(f["object"], f["id"])' | grep "^$pfx-" | sort)
want=$(for n in default bounded minus none local syslog; do
	e=$(expect "$pfx-$n")
	[ -n "$e" ] && echo "$pfx-$n $e"
done | sort)
is "the engine's log configuration, judged as its LogConfig says" "$got" "$want"
like "the default (json-file, no max-size) is unbounded" "$got" "$pfx-default berth.logs.unbounded"
like "none keeps nothing" "$got" "$pfx-none berth.logs.none"
is "max-size set is bounded" "$(printf '%s\n' "$got" | grep -c "^$pfx-bounded ")" 0
is "local rotates by itself" "$(printf '%s\n' "$got" | grep -c "^$pfx-local ")" 0
tap_done
