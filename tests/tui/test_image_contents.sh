#!/usr/bin/env bash
# The console judges images by their files as berth audit does: with an
# empty cache it reads each image's export in the background, and the
# images pane's RISK cell and the posture pane change when the files are
# in (a base OS past its end of life, a setuid file); the cache is then
# filled, and q quits at once even while a large export is being read.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=imct$$
tmp=$(mktemp -d /tmp/berth-imct.XXXXXX)
export XDG_CACHE_HOME=$tmp/cache
cleanup() {
	docker rm -f "$p-run" >/dev/null 2>&1
	docker rmi -f "$p/eol:1" "$p/big:1" >/dev/null 2>&1
	tm kill-server 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

mkdir -p "$tmp/ctx"
printf 'ID=debian\nVERSION_ID="10"\nPRETTY_NAME="Debian GNU/Linux 10 (buster)"\n' >"$tmp/ctx/os"
printf 'FROM local/busybox:latest\nCOPY os /etc/os-release\nRUN cp /bin/busybox /bin/s && chmod 4755 /bin/s\nUSER 1000\nHEALTHCHECK CMD true\n' \
	>"$tmp/ctx/Dockerfile"
docker build -q -t "$p/eol:1" "$tmp/ctx" >/dev/null 2>&1
is "the image was built" "$(docker images -q "$p/eol:1" | grep -c .)" 1

# What berth audit says, with a cache of its own (the console's stays
# empty, so it must read the export itself).
audit=$(XDG_CACHE_HOME=$tmp/audit-cache $BERTH audit --format json)
worst=$(jq -r --arg n "$p/eol:1" '[.findings[] | select(.object == $n) | .severity] |
	if index("critical") then "crit" elif index("high") then "high"
	elif index("medium") then "med" elif index("low") then "low" else "ok" end' <<<"$audit")
is "berth audit's worst for the image is berth.image.eol's high" "$worst" high
cell() { screen | sed 's/│.*//' | awk -v n="$1" '$1 == n { print $NF }'; }

berth_start 160 40 images
expect_screen "the images pane lists the image" "$p/eol:1" 15
got=""
for _ in $(seq 1 100); do
	got=$(cell "$p/eol:1")
	[ "$got" = high ] && break
	sleep 0.2
done
is "its RISK cell becomes berth audit's worst once its files are read" "$got" "$worst"
id=$(docker image inspect -f '{{.Id}}' "$p/eol:1")
[ -s "$XDG_CACHE_HOME/berth/images/${id/:/-}.contents" ] &&
	ok "the console cached what it read" || not_ok "the console cached what it read"
berth_quit

# the posture pane, on a container of the image: its image's findings
docker run -d --name "$p-run" --network none "$p/eol:1" sleep 600 >/dev/null
berth_start 200 60 posture "$p-run"
expect_screen "the posture pane shows the container" "$p-run" 15
expect_screen "with its image's berth.image.eol (from the cache now)" "berth.image.eol" 20
expect_screen "and 4.8 naming the setuid file" "/bin/s (setuid, 4755)" 5
keys 1
expect_screen "the containers pane lists the container" "$p-run" 10
for _ in $(seq 1 25); do
	[ "$(screen_states "$p-")" = "$(engine_states "$p-")" ] && break
	sleep 0.2
done
same_as_engine "its row equals docker ps -a" "$p-"
berth_quit

# q while a large export is read: a 64 MB image, nothing cached
head -c 64000000 /dev/urandom >"$tmp/ctx/big"
printf 'FROM local/busybox:latest\nCOPY big /big\n' >"$tmp/ctx/Dockerfile"
docker build -q -t "$p/big:1" "$tmp/ctx" >/dev/null 2>&1
rm -rf "$XDG_CACHE_HOME"
berth_start 160 40 images
expect_screen "the images pane lists the large image" "$p/big:1" 15
t0=$(date +%s%N)
keys q
wait_for "EXITED:" 10
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
[ "$ms" -lt 1000 ] && ok "q quits in $ms ms while exports are read (< 1000)" ||
	not_ok "q quits in $ms ms while exports are read (< 1000)"
like "with status 0" "$(screen)" "EXITED:0"
tui_done
