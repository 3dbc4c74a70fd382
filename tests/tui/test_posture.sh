#!/usr/bin/env bash
# The posture pane as a person sees it: a privileged container, one with
# the engine's socket mounted and a hardened one, judged by the real
# binary in tmux against the private engine; then a privileged container
# started from outside must show its badge by itself.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=tp$$
sock=${DOCKER_HOST#unix://}
cleanup() {
	docker rm -f "$p-priv" "$p-sock" "$p-hard" "$p-late" >/dev/null 2>&1
	tm kill-server 2>/dev/null
}
trap cleanup EXIT
docker run -d --name "$p-priv" --network none --privileged \
	local/busybox:latest sleep 600 >/dev/null
docker run -d --name "$p-sock" --network none \
	-v "$sock:/var/run/docker.sock" local/busybox:latest sleep 600 >/dev/null
docker run -d --name "$p-hard" --network none --user 1000 --read-only \
	--security-opt no-new-privileges --cap-drop ALL --memory 64m \
	--cpus 0.5 --pids-limit 100 --restart on-failure:5 local/app:1 >/dev/null

# unlike DESC TEXT PATTERN: the opposite of like
unlike() {
	if printf '%s\n' "$2" | grep -qE -- "$3"; then
		not_ok "$1"
		printf '#   unexpected /%s/ in: %s\n' "$3" "$2"
	else
		ok "$1"
	fi
}

# cell TITLE NAME: the word under column TITLE in NAME's row
cell() {
	local head row
	head=$(screen | grep -E '^NAME ' | head -1)
	row=$(row_of "$2")
	awk -v h="$head " -v r="$row" -v t=" $1 " 'BEGIN {
		i = index(h, t); if (!i) exit
		s = substr(r, i + 1); sub(/ .*/, "", s); print s }'
}

berth_start 120 40 posture "$p-sock"
expect_screen "berth posture lists the containers" "$p-hard"
if wait_for "judged" 15; then ok "every container judged"; else not_ok "every container judged"; fi
is "the privileged row shows PRIV" "$(cell PRIV "$p-priv")" PRIV
is "the privileged row is critical" "$(cell WORST "$p-priv")" critical
like "the PRIV badge is drawn in the critical slot (white on red)" \
	"$(tm capture-pane -p -e -t 0 | grep -F "$p-priv" | head -1)" \
	$'\e\\[41mPRIV'
is "the socket row shows SOCK under MOUNTS" "$(cell MOUNTS "$p-sock")" SOCK
is "the socket row is not privileged" "$(cell PRIV "$p-sock")" ok
# On an engine with neither AppArmor nor SELinux (docker info says) no
# container is confined: even the hardened one fails 5.2 and 5.3 (CIS
# "if applicable"), and nothing else.
if docker info --format '{{json .SecurityOptions}}' | grep -qE 'apparmor|selinux'; then
	is "the hardened row is clean" "$(cell WORST "$p-hard")" clean
else
	is "no MAC on the engine: the hardened row is medium (5.2/5.3)" \
		"$(cell WORST "$p-hard")" medium
	like "its CONFINE cell names the missing MAC" \
		"$(cell CONFINE "$p-hard")" "APPARMOR|SELINUX"
fi
unlike "the hardened row has no critical or high badge" \
	"$(row_of "$p-hard")" "critical|high|PRIV|SOCK|ESCAPE|SECCOMP"
expect_screen "NAME on the command line selects that container" \
	"FINDINGS of $p-sock" 5
expect_screen "the detail says why and how to fix" "fix: " 5
like "the detail names the socket rule" "$(screen)" "5.32 +Docker socket mounted"
like "the summary has a score" "$(screen)" "score [0-9]+/100"

# Started from outside: judged from the events stream, no key pressed.
docker run -d --name "$p-late" --network none --privileged \
	local/busybox:latest sleep 600 >/dev/null
t0=$(date +%s%N)
seen=""
for i in $(seq 1 40); do
	[ "$(cell PRIV "$p-late")" = PRIV ] && seen=1 && break
	sleep 0.05
done
if [ -n "$seen" ]; then
	ok "a privileged container run with the CLI shows PRIV by itself ($((($(date +%s%N) - t0) / 1000000)) ms)"
else
	not_ok "a privileged container run with the CLI shows PRIV within 2 s"
	screen | sed 's/^/#   /'
fi

# f cycles the minimum severity: four presses leave the critical ones.
keys f f f f
if wait_gone "$p-hard" 5; then ok "critical only hides the clean container"; else not_ok "critical only hides the clean container"; fi
like "critical only keeps the privileged one" "$(screen)" "$p-priv"
keys f
expect_screen "f once more shows every container again" "$p-hard" 5

# Removed from outside: the row goes.
docker rm -f "$p-late" >/dev/null
gone=""
for i in $(seq 1 30); do
	# the status line may still name it (its death is an alert)
	screen | grep -qE "^$p-late .* (critical|high|medium|low|info|clean|…)\$" ||
		{ gone=1; break; }
	sleep 0.1
done
if [ -n "$gone" ]; then ok "a removed container leaves the table"; else
	not_ok "a removed container leaves the table"
	screen | sed "s/^/#   /"
fi
berth_quit
like "berth exits cleanly" "$(screen)" "EXITED:0"

# The containers pane's RISK column, from the same background scan: the
# worst at a glance, as docker inspect has it.  Columns are counted in
# characters (the cells before it hold multi-byte text).
risk() {
	screen | python3 -c '
import sys
lines = sys.stdin.read().splitlines()
head = next((l for l in lines if l.startswith("NAME ")), "")
row = next((l for l in lines if l.startswith(sys.argv[1] + " ")), "")
i = head.find(" RISK")
print(row[i + 1:].split()[0] if i >= 0 and len(row) > i + 1 and row[i + 1:].split() else "")
' "$1"
}
berth_start 200 40
expect_screen "the containers pane lists them" "$p-hard"
for _ in $(seq 50); do
	[ "$(risk "$p-sock")" = SOCK ] && [ "$(risk "$p-priv")" = PRIV ] && break
	sleep 0.1
done
is "RISK: $(docker inspect -f 'Privileged={{.HostConfig.Privileged}}' "$p-priv") shows PRIV" \
	"$(risk "$p-priv")" PRIV
is "RISK: the engine's socket mounted shows SOCK" "$(risk "$p-sock")" SOCK
like "RISK: the PRIV badge is drawn in the critical slot" \
	"$(tm capture-pane -p -e -t 0 | grep -F "$p-priv" | head -1)" $'\e\\[41mPRIV'
hard=$(risk "$p-hard")
if docker info --format '{{json .SecurityOptions}}' | grep -qE 'apparmor|selinux'; then
	is "RISK: the hardened one is ok" "$hard" ok
else
	is "RISK: the hardened one is medium (no MAC on the engine)" "$hard" med
fi
berth_quit

# P opens the pane from the containers pane; 40x10 degrades cleanly.
berth_start 40 10
expect_screen "the console starts on containers" "$p-hard"
keys P
expect_screen "P opens the posture pane" "PRIV" 15
berth_quit
like "berth exits cleanly at 40x10" "$(screen)" "EXITED:0"

tui_done
