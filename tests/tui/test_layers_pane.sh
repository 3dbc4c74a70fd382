#!/usr/bin/env bash
# The layers pane (dive's view, inside the console), on an image of
# three layers, against what docker says of the same image: one row per
# layer of docker inspect's RootFS, the setuid file's mode as stat in a
# container of it gives it, the selected layer's changes, a search, a
# folded directory; at 160x40 and 80x24.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=lyp$$
tmp=$(mktemp -d /tmp/berth-lyp.XXXXXX)
export XDG_CACHE_HOME=$tmp/cache
cleanup() {
	docker rmi -f "$p/img:1" >/dev/null 2>&1
	tm kill-server 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

printf 'FROM local/busybox:latest\nRUN cp /bin/busybox /bin/suidtool && chmod 4755 /bin/suidtool && echo 12345 > /big\nRUN echo 1 > /big && mkdir /newdir && echo x > /newdir/inner\n' |
	docker build -q -t "$p/img:1" - >/dev/null 2>&1
n=$(docker inspect -f '{{len .RootFS.Layers}}' "$p/img:1")
is "docker inspect counts three layers" "$n" 3
mode=$(docker run --rm --network none "$p/img:1" stat -c %A /bin/suidtool)
is "stat in a container gives the setuid mode" "$mode" "-rwsr-xr-x"

berth_start 160 40 images
expect_screen "the images pane lists the image" "$p/img:1" 15
keys / "$p/img" Enter
sleep 0.5
keys L
expect_screen "L opens the layers pane with dive's figures" "Efficiency" 20
rows=$(screen | awk '$1 ~ /^[0-9]+$/ && $3 ~ /^\+[0-9]+/' | wc -l)
is "one row per layer docker inspect has" "$rows" "$n"
like "the top layer's history line is shown" "$(screen)" "echo 1 > /big"
keys Tab
keys /
keys suidtool Enter
expect_screen "a search finds the setuid file" "suidtool" 10
row=$(screen | grep -- "── suidtool")
like "its mode is stat's, its layer the second" "$row" "$mode +[0-9.]+[kMG]?B +1 +.*suidtool"
keys Escape
expect_screen "Esc drops the search, the whole tree is back" "── busybox" 10
keys c
expect_screen "c: only the selected (top) layer's changes" "its changes only" 5
like "they hold the new directory" "$(screen)" "newdir"
if screen | grep -q -- "── busybox"; then not_ok "and nothing of the lower layers"; else ok "and nothing of the lower layers"; fi
keys c
keys g
# fold a directory: "bin" is the second row of the whole tree
keys g j
keys Enter
expect_screen "Enter folds the directory under the cursor" "bin/…" 5
expect_screen "the rows after it come up" "passwd" 5
if screen | grep -q -- "── busybox"; then not_ok "its files are hidden"; else ok "its files are hidden"; fi
berth_quit

berth_start 80 24 layers "$p/img:1"
expect_screen "at 80x24 the layers side shows first" "Efficiency" 20
keys Tab
expect_screen "Tab shows the files" "FILES up to layer 2" 5
keys q
wait_for "EXITED:" 10
like "q quits with status 0" "$(screen)" "EXITED:0"
tui_done
