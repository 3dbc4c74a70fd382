#!/usr/bin/env bash
# berth diff NAME against docker diff NAME, and berth audit --drift: a
# running container that changed its programs or /etc is a berth.drift
# finding whose evidence is what docker diff says (less the directories
# listed only because of what they hold); one that wrote only /tmp is
# not; without --drift nothing is read.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=${BERTH:-build/san/berth}
pfx=berth-diff-$$
trap 'docker rm -f $(docker ps -aq --filter name=$pfx) >/dev/null 2>&1' EXIT

docker run -d --name "$pfx-bad" --network none local/busybox:latest sh -c \
	'echo x >>/etc/passwd; cp /bin/busybox /bin/nc2; rm /bin/true; echo y >/tmp/t; touch /ready; exec sleep 600' >/dev/null
docker run -d --name "$pfx-tmp" --network none local/busybox:latest sh -c \
	'echo y >/tmp/t; touch /ready; exec sleep 600' >/dev/null
docker create --name "$pfx-new" --network none local/busybox:latest true >/dev/null
for n in bad tmp; do
	for _ in $(seq 50); do
		docker diff "$pfx-$n" | grep -q ' /ready$' && break
		sleep 0.1
	done
done

for n in bad tmp new; do
	got=$("$berth" diff "$pfx-$n")
	is "berth diff $n: exit 0" "$?" 0
	is "berth diff $n equals docker diff, in path order" "$got" \
		"$(docker diff "$pfx-$n" | LC_ALL=C sort -k2,2)"
done
is "a container never started changed nothing" "$("$berth" diff "$pfx-new" | wc -l)" 0
out=$("$berth" diff "$pfx-nosuch" 2>"$pfx.err")
is "an unknown name: exit 1" "$?" 1
is "nothing on stdout" "$out" ""
like "the engine's reason on stderr" "$(cat "$pfx.err")" "[Nn]o such container"
rm -f "$pfx.err"

# drift: what docker diff lists under the trees an image owns, without
# a directory that is listed because something under it changed
want=$(docker diff "$pfx-bad" | LC_ALL=C sort -k2,2 | awk '
	{ k[NR] = $1; p[NR] = $2 }
	END {
		for (i = 1; i <= NR; i++) {
			if (p[i] !~ "^/(bin|sbin|usr|lib|lib32|lib64|libx32|etc)(/|$)") continue
			parent = 0
			for (j = 1; j <= NR; j++)
				if (j != i && index(p[j], p[i] "/") == 1) parent = 1
			if (parent && k[i] == "C") continue
			printf "%s%s %s", n++ ? "; " : "", k[i], p[i]
		}
	}')
finding() { # NAME [audit options]: the berth.drift finding as "sev|evidence"
	local n=$1
	shift
	"$berth" audit --format json --no-contents --container "$pfx-$n" "$@" 2>/dev/null |
		python3 -c 'import json, sys
for f in json.load(sys.stdin)["findings"]:
    if f["id"] == "berth.drift":
        print(f["severity"] + "|" + f["evidence"])'
}
is "audit --drift: the changed programs and /etc, as docker diff lists them" \
	"$(finding bad --drift)" "high|$want"
is "a container that wrote only /tmp has no drift" "$(finding tmp --drift)" ""
is "without --drift the changes are not read" "$(finding bad)" ""
is "the containers stay as the engine has them" \
	"$(docker ps -a --filter name="$pfx-" --format '{{.Names}} {{.State}}' | sort | tr '\n' ' ')" \
	"$pfx-bad running $pfx-new created $pfx-tmp running "
tap_done
