#!/usr/bin/env bash
# The images pane's RISK column: every image judged by the image rules,
# those no container runs too, each cell the worst of what berth audit
# finds for that image, and docker images' rows all there.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=imr$$
cleanup() {
	docker rm -f "$p-run" >/dev/null 2>&1
	docker rmi -f "$p/root:1" "$p/user:1" >/dev/null 2>&1
	tm kill-server 2>/dev/null
}
trap cleanup EXIT

printf 'FROM local/busybox:latest\nRUN echo root\n' |
	docker build -q -t "$p/root:1" - >/dev/null 2>&1
printf 'FROM local/busybox:latest\nUSER 1000\nHEALTHCHECK CMD true\n' |
	docker build -q -t "$p/user:1" - >/dev/null 2>&1
docker run -d --name "$p-run" --network none "$p/user:1" sleep 600 >/dev/null
is "docker images lists both test images" \
	"$(docker images --format '{{.Repository}}:{{.Tag}}' | grep -c "^$p/")" 2

# word IMAGE: the RISK word berth audit's findings for IMAGE call for
word() {
	$BERTH audit --format json | jq -r --arg n "$1" '
		[.findings[] | select(.scope == "image" and .object == $n and
			(.acceptance.accepted | not)) | .severity] as $s |
		if ($s | index("critical")) then "crit"
		elif ($s | index("high")) then "high"
		elif ($s | index("medium")) then "med"
		elif ($s | index("low")) then "low"
		elif ($s | index("info")) then "info" else "ok" end'
}
# cell IMAGE: the RISK cell of IMAGE's row (the table's last column,
# left of the history's border)
cell() { screen | sed 's/│.*//' | awk -v n="$1" '$1 == n { print $NF }'; }

berth_start 160 40 images
expect_screen "the images pane lists the test images" "$p/root:1" 15
expect_screen "the pane has a RISK column" "RISK" 5
for img in "$p/root:1" "$p/user:1"; do
	want=$(word "$img")
	got=""
	for i in $(seq 1 50); do
		got=$(cell "$img")
		[ "$got" = "$want" ] && break
		sleep 0.2
	done
	is "RISK of $img is berth audit's worst for it" \
		"$got" "$want"
done
if [ "$(cell "$p/root:1")" != "$(cell "$p/user:1")" ]; then
	ok "the two images are judged differently (USER and HEALTHCHECK)"
else
	not_ok "the two images are judged differently (USER and HEALTHCHECK)"
fi
berth_quit
tui_done
