#!/usr/bin/env bash
# Hostile input on screen: containers whose labels and env values carry
# terminal escape sequences (title, clear screen, OSC 52 clipboard),
# invalid UTF-8, right-to-left and combining characters, 10,000 labels and
# a 1 MB label value, and a container that prints escapes to its log.
# The screen must stay aligned and the terminal untouched; then a resize
# storm while data flows, 40x10 and 300x100.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=hx$$
SOCK=${DOCKER_HOST#unix://}
tmp=$(mktemp -d /tmp/berth-hostile.XXXXXX)
cleanup() {
	docker rm -f "$p-esc" "$p-many" "$p-log" >/dev/null 2>&1
	tm kill-server 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

# Created through the API: the CLI's label files stop at 64 KiB a line,
# and JSON lets every control character through.
api_create() { # NAME JSON-FILE
	curl -s --unix-socket "$SOCK" -H 'Content-Type: application/json' \
		--data-binary @"$2" \
		"http://localhost/v1.41/containers/create?name=$1" >/dev/null
	docker start "$1" >/dev/null
}
python3 - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
esc = {
    "title": "\x1b]0;pwned\x07",
    "clear": "\x1b[2J\x1b[H",
    "osc52": "\x1b]52;c;cHduZWQ=\x07",
    "rtl": "abc\u202edef\u202c-end",
    "combining": "e\u0301\u0301\u0301\u0301x",
    "csi-move": "\x1b[10;10Hmoved\x1b[31mred",
    "bell": "\x07\x08\x08\x08back",
    "wide": "\u4e16\u754c\u4e16\u754c\u4e16\u754c",
}
labels = {"hostile." + k: v for k, v in esc.items()}
labels["\x1b]0;keytitle\x07"] = "key-escape"
env = ["E_" + k.upper().replace("-", "_") + "=" + v for k, v in esc.items()]
c = {"Image": "local/busybox:latest", "Cmd": ["sleep", "600"],
     "Labels": labels, "Env": env, "HostConfig": {"NetworkMode": "none"}}
json.dump(c, open(d + "/esc.json", "w"))
many = {"l%05d" % i: "v%d" % i for i in range(10000)}
many["big"] = "B" * (1 << 20)
c = {"Image": "local/busybox:latest", "Cmd": ["sleep", "600"],
     "Labels": many, "HostConfig": {"NetworkMode": "none"}}
json.dump(c, open(d + "/many.json", "w"))
PY
api_create "$p-esc" "$tmp/esc.json"
api_create "$p-many" "$tmp/many.json"
docker run -d --name "$p-log" --network none local/busybox:latest sh -c \
	'while true; do printf "\033]0;logtitle\007\033[2J\033]52;c;eA==\007\377\376 line\n"; sleep 0.2; done' >/dev/null
is "the 10,000 labels reached the engine" \
	"$(docker inspect -f '{{len .Config.Labels}}' "$p-many")" 10001

COLS=120
ROWS=40
# sane DESC: the top bar on line 1, the key bar on the last line (the
# layout drops it below 12 rows), the right number of lines, none wider
# than the terminal.
sane() {
	local s rows cols n wide last=1
	s=$(screen)
	rows=$(tm display -p -t 0 '#{pane_height}')
	cols=$(tm display -p -t 0 '#{pane_width}')
	n=$(screen | wc -l)
	wide=$(printf '%s\n' "$s" | LC_ALL=C.UTF-8 wc -L)
	if [ "$rows" -ge 12 ]; then
		screen | tail -1 | grep -qE "quit|help|back" || last=0
	fi
	if printf '%s\n' "$s" | head -1 | grep -q "berth" && [ "$last" = 1 ] &&
		[ "$n" -eq "$rows" ] && [ "$wide" -le "$cols" ]; then
		ok "$1: aligned at ${cols}x$rows"
	else
		not_ok "$1: aligned at ${cols}x$rows (lines $n, widest $wide)"
		printf '%s\n' "$s" | sed 's/^/#   /'
	fi
}
untouched() {
	is "$1: the terminal title is unchanged" \
		"$(tm display -p -t 0 '#{pane_title}')" "$title0"
	is "$1: no clipboard write (OSC 52)" "$(tm list-buffers 2>/dev/null | wc -l)" 0
}

berth_start $COLS $ROWS
tm set-option -g set-clipboard on >/dev/null
title0=$(tm display -p -t 0 '#{pane_title}')
expect_screen "the hostile containers are listed" "$p-many" 15
sane "the list"
untouched "the list"

# Select a container by filtering to it, then walk its detail tabs.
pick() {
	keys Escape
	keys Escape
	keys 1
	sleep 0.2
	keys /
	keys C-u
	keys -l "$1"
	keys Enter
	sleep 0.5
}
pick "$p-esc"
keys Enter
for tab in Summary Env Mounts Ports Networks Labels; do
	sleep 0.4
	sane "escapes, tab $tab"
	keys ']'
done
untouched "escapes, detail tabs"
keys i
expect_screen "escapes: the inspect pane opens" "Id:" 10
for i in 1 2 3 4 5 6; do keys PgDn; done
sleep 0.5
sane "escapes, inspect"
untouched "escapes, inspect"
keys Escape
sleep 0.5

pick "$p-many"
keys Enter
for i in 1 2 3 4 5; do keys ']'; done
sleep 1
sane "10,000 labels, labels tab"
keys G
sleep 0.5
sane "10,000 labels, the end of the labels tab"
keys Escape
keys i
expect_screen "10,000 labels: the inspect pane opens" "/$p-many" 15
keys G
sleep 1
sane "10,000 labels, inspect at the bottom"
keys Escape
sleep 0.5

pick "$p-log"
keys l
sleep 2
sane "a container printing escapes, logs"
untouched "a container printing escapes, logs"
keys Escape
sleep 0.3

# Resize storm while stats and the log container's output flow.
pick ""
t0=$(date +%s%N)
for i in $(seq 1 50); do
	tm resize-window -t 0 -x $((30 + (i * 37) % 250)) -y $((6 + (i * 13) % 90))
	sleep 0.02
done
tm resize-window -t 0 -x $COLS -y $ROWS
sleep 1
sane "after a resize storm of 50"
ms=$((($(date +%s%N) - t0) / 1000000))
# 50 resizes with 20 ms pauses and a second's rest: the console keeps up
if [ "$ms" -le 15000 ]; then ok "resize storm over in $ms ms (at most 15 s)"; else not_ok "resize storm took $ms ms (over 15 s)"; fi
screen | grep -q "EXITED:" && not_ok "resize storm: berth still runs" || ok "resize storm: berth still runs"
tm resize-window -t 0 -x 40 -y 10
sleep 1
sane "at 40x10"
tm resize-window -t 0 -x 300 -y 100
sleep 1
sane "at 300x100"
expect_screen "300x100 lists the containers" "$p-log" 5
untouched "at the end"
berth_quit
like "q quits cleanly" "$(screen)" "EXITED:0"
tui_done
