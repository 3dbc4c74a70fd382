#!/usr/bin/env bash
# Logs of several containers in one pane: the marked ones (Space, then
# l) interleaved by the engine's timestamps, compared line by line with
# docker logs -t of each; a colour per container; o shows one, h hides
# one; L follows every running container and a container that starts
# joins live.  The containers pane agrees with docker ps -a afterwards.
cd "$(dirname "$0")/../.." || exit 1
. tests/tui/lib.sh

p=mrg$$
d=$(mktemp -d /tmp/berth-merged.XXXXXX)
cleanup() {
	docker rm -f "$p-a" "$p-b" "$p-c" "$p-d" >/dev/null 2>&1
	tm kill-server 2>/dev/null
	rm -rf "$d"
}
trap cleanup EXIT
for n in a b c; do
	# shellcheck disable=SC2016 # the container's sh expands it
	docker create --name "$p-$n" --network none -e N="$n" local/busybox:latest sh -c '
		i=0; while [ $i -lt 30 ]; do
			echo "$N line $i"; i=$((i + 1)); sleep 0.0$((RANDOM % 4 + 1))
		done; exec sleep 600' >/dev/null
done
docker start "$p-a" "$p-b" "$p-c" >/dev/null
for n in a b c; do
	for _ in $(seq 100); do
		docker logs "$p-$n" 2>&1 | grep -q "$n line 29" && break
		sleep 0.1
	done
done
# the CLI's lines merged: by time in ns, then in the order marked
for n in a b c; do docker logs -t "$p-$n" >"$d/cli-$n"; done
python3 tests/lib/logs_merge.py "$p-a=$d/cli-a" "$p-b=$d/cli-b" "$p-c=$d/cli-c" >"$d/want"
log_rows() { screen | sed -n '3,$p' | grep " | "; }

berth_start 200 100
expect_screen "the containers are listed" "$p-c" 15
keys /
keys -l "$p-"
keys Enter
sleep 0.5
keys g
keys Space Space Space
expect_screen "three marked" "3 marked" 5
keys l
expect_screen "l on marked rows: their logs, merged" "3 containers, merged" 10
keys t
for _ in $(seq 50); do [ "$(log_rows | wc -l)" -ge 90 ] && break; sleep 0.1; done
log_rows >"$d/got"
is "every line of the three is on the screen" "$(wc -l <"$d/got")" 90
if cmp -s "$d/got" "$d/want"; then
	ok "in timestamp order, as docker logs -t of each says"
else
	not_ok "in timestamp order, as docker logs -t of each says"
	diff "$d/want" "$d/got" | head -10 | sed 's/^/#   /'
fi
changes=$(awk -F' [|] ' 'NR > 1 && $1 != prev { n++ } { prev = $1 } END { print n + 0 }' "$d/got")
if [ "$changes" -ge 6 ]; then ok "the three interleave ($changes changes)"; else not_ok "the three interleave ($changes changes)"; fi
sgr_of() { # NAME: the SGR parameters its prefix is drawn with
	local e=$'\e'
	tm capture-pane -e -p -t 0 | grep -a -oE "($e\\[[0-9;]*m)+$1 \\|" | head -1 |
		grep -aoE '\[[0-9;]*m' | tr -d '[m' | tr ';' '\n' | grep -xE '3[0-7]|9[0-7]' | tr '\n' ' '
}
ca=$(sgr_of "$p-a")
cb=$(sgr_of "$p-b")
if [ -n "$ca" ] && [ -n "$cb" ] && [ "$ca" != "$cb" ]; then
	ok "each container's name in its own colour ($ca/$cb)"
else
	not_ok "each container's name in its own colour ('$ca'/'$cb')"
fi

# o: only the current line's container (the newest on the screen)
newest=$(log_rows | tail -1 | cut -d' ' -f1)
keys o
expect_screen "o: only one" "2 hidden" 5
is "every row is $newest's" "$(log_rows | cut -d' ' -f1 | sort -u)" "$newest"
is "all its lines ($(grep -c "^$newest " "$d/want"))" "$(log_rows | wc -l)" "$(grep -c "^$newest " "$d/want")"
keys o
expect_screen "o again: every one" "3 containers, merged" 5
keys h
expect_screen "h: the current line's one hidden" "1 hidden" 5
hidden=$(comm -23 <(printf '%s\n' "$p-a" "$p-b" "$p-c") <(log_rows | cut -d' ' -f1 | sort -u))
is "one container's rows are gone" "$(printf '%s\n' "$hidden" | grep -c .)" 1
is "the others' rows all there" "$(log_rows | wc -l)" "$(grep -vc "^$hidden " "$d/want")"
keys Escape

# L: every running container; one that starts joins
keys Escape
expect_screen "back on the containers" "IMAGE" 5
keys /
keys C-u
keys Enter
keys L
running=$(docker ps -q | wc -l)
expect_screen "L: every running container ($running)" "$running containers, merged" 10
# shellcheck disable=SC2016
docker run -d --name "$p-d" --network none local/busybox:latest sh -c \
	'echo "d says hello"; exec sleep 600' >/dev/null
expect_screen "a container that starts joins the view" "d says hello" 10
like "under its own name" "$(screen | grep 'd says hello')" "^$p-d \\| "
expect_screen "and the header counts it" "$((running + 1)) containers, merged" 5
keys Escape
expect_screen "the containers pane again" "IMAGE" 10
same_as_engine "the pane's states equal docker ps -a" "$p-"
berth_quit
tui_done
