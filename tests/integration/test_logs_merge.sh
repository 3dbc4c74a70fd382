#!/usr/bin/env bash
# berth logs NAME...: several containers' logs merged in the engine's
# time order, compared with docker logs -t of each; one container to a
# pipe byte for byte as docker logs; --tail, --since, --follow; a name
# the engine does not know.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=${BERTH:-build/san/berth}
pfx=berth-lm-$$
tmp=$(mktemp -d)
trap 'docker rm -f $(docker ps -aq --filter name=$pfx) >/dev/null 2>&1; rm -rf "$tmp"' EXIT

# three writers started together, each a line every few ms
for n in a b c; do
	# shellcheck disable=SC2016 # the container's sh expands it
	docker create --name "$pfx-$n" --network none -e N="$n" local/busybox:latest sh -c '
		i=0; while [ $i -lt 60 ]; do
			echo "$N line $i"; i=$((i + 1)); sleep 0.0$((RANDOM % 4 + 1))
		done' >/dev/null
done
docker start "$pfx-a" "$pfx-b" "$pfx-c" >/dev/null
docker wait "$pfx-a" "$pfx-b" "$pfx-c" >/dev/null

# what the CLI says, merged: by time (in ns), then by the order named
for n in a b c; do docker logs -t "$pfx-$n" >"$tmp/cli-$n"; done
python3 tests/lib/logs_merge.py --pad "$pfx-a=$tmp/cli-a" "$pfx-b=$tmp/cli-b" "$pfx-c=$tmp/cli-c" >"$tmp/want"
"$berth" logs -t "$pfx-a" "$pfx-b" "$pfx-c" >"$tmp/got" 2>"$tmp/err"
is "exit status" "$?" 0
is "every line of the three, once" "$(wc -l <"$tmp/got")" "$(cat "$tmp"/cli-? | wc -l)"
if cmp -s "$tmp/got" "$tmp/want"; then
	ok "merged in time order, as docker logs -t of each says"
else
	not_ok "merged in time order, as docker logs -t of each says"
	diff "$tmp/want" "$tmp/got" | head -10 | sed 's/^/#   /'
fi
interleaved=$(awk -F' [|] ' 'NR > 1 && $1 != prev { n++ } { prev = $1 } END { print n + 0 }' "$tmp/got")
if [ "$interleaved" -ge 6 ]; then ok "the containers interleave ($interleaved changes)"; else not_ok "the containers interleave ($interleaved changes)"; fi
"$berth" logs "$pfx-a" "$pfx-b" "$pfx-c" | sed 's/^[^|]*| //' >"$tmp/got-plain"
is "without -t: the same order, prefixed, no times" "$(md5sum <"$tmp/got-plain")" \
	"$(cut -d' ' -f3- "$tmp/want" | sed 's/^[^ ]* //' | md5sum)"

# one container to a pipe: what docker logs gives, byte for byte, each
# stream on its own
# shellcheck disable=SC2016
docker run --name "$pfx-e" --network none local/busybox:latest sh -c \
	'echo out1; echo err1 >&2; printf "raw \033[31mred\033[0m\tTAB\n"; printf "no newline"' >/dev/null 2>&1
"$berth" logs "$pfx-e" >"$tmp/e-out" 2>"$tmp/e-err"
docker logs "$pfx-e" >"$tmp/d-out" 2>"$tmp/d-err"
if cmp -s "$tmp/e-out" "$tmp/d-out"; then ok "stdout byte for byte as docker logs"; else not_ok "stdout byte for byte as docker logs"; od -c "$tmp/e-out" | head -5 | sed 's/^/#   /'; fi
if cmp -s "$tmp/e-err" "$tmp/d-err"; then ok "stderr byte for byte as docker logs"; else not_ok "stderr byte for byte as docker logs"; fi
is "--tail 5 as docker logs --tail 5" "$("$berth" logs --tail 5 "$pfx-a" | md5sum)" "$(docker logs --tail 5 "$pfx-a" | md5sum)"
is "--since a time after every line: nothing" "$("$berth" logs --since "$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)" "$pfx-a" | wc -l)" 0

# --follow: lines of both while they run; it ends when both have stopped
for n in f g; do
	# shellcheck disable=SC2016
	docker run -d --name "$pfx-$n" --network none -e N="$n" local/busybox:latest sh -c \
		'trap "exit 0" TERM; i=0; while :; do echo "$N tick $i"; i=$((i + 1)); sleep 0.2; done' >/dev/null
done
"$berth" logs -f --prefix "$pfx-f" "$pfx-g" >"$tmp/follow" 2>&1 &
bp=$!
sleep 2
like "following: lines of the first while it runs" "$(grep -c "^$pfx-f | f tick" "$tmp/follow")" '^([3-9]|[1-9][0-9]+)$'
like "following: and of the second" "$(grep -c "^$pfx-g | g tick" "$tmp/follow")" '^([3-9]|[1-9][0-9]+)$'
docker stop -t 5 "$pfx-f" "$pfx-g" >/dev/null
for _ in $(seq 50); do kill -0 $bp 2>/dev/null || break; sleep 0.1; done
if kill -0 $bp 2>/dev/null; then
	not_ok "berth logs -f ends once every followed container stopped"
	kill $bp
else
	ok "berth logs -f ends once every followed container stopped"
fi
wait $bp 2>/dev/null
last=$(docker logs "$pfx-g" | tail -1)
is "with the last line docker logs has" "$(grep -c "| $last\$" "$tmp/follow")" 1
is "the state is the engine's: both exited" \
	"$(docker ps -a --filter name="$pfx-[fg]" --format '{{.State}}' | sort -u)" exited

out=$("$berth" logs "$pfx-a" "$pfx-nosuch" 2>"$tmp/err")
is "an unknown name: exit 1" "$?" 1
is "and nothing printed" "$out" ""
like "and the engine's reason" "$(cat "$tmp/err")" "[Nn]o such container"
tap_done
