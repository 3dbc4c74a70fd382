#!/usr/bin/env bash
# The container detail's Changes tab: what the container changed against
# its image, line for line what docker diff says (in path order); an
# exec that changes a file shows up without a key (its events name the
# container); the tab filters by kind and path; a container that changed
# nothing says so.  The rows agree
# with docker ps -a afterwards.
cd "$(dirname "$0")/../.." || exit 1
. tests/tui/lib.sh

p=chg$$
cleanup() {
	docker rm -f "$p-a" "$p-b" >/dev/null 2>&1
	tm kill-server 2>/dev/null
}
trap cleanup EXIT
docker run -d --name "$p-a" --network none local/busybox:latest sh -c \
	'echo x >>/etc/passwd; cp /bin/busybox /bin/nc2; rm /bin/true; touch /ready; exec sleep 600' >/dev/null
docker create --name "$p-b" --network none local/busybox:latest true >/dev/null
for _ in $(seq 50); do docker diff "$p-a" | grep -q ' /ready$' && break; sleep 0.1; done
# the tab's rows: letter and path, as the screen has them
# (the detail is the right-hand column: each row ends with its path)
rows() { screen | grep -oE '(^| )[ACD] /[^ ]+ *$' | sed -E 's/^ //; s/ *$//'; }
want() { docker diff "$p-a" | LC_ALL=C sort -k2,2; }

berth_start 200 60 containers "$p-a"
expect_screen "the container is selected" "$p-a" 15
keys '['
expect_screen "[ from the first tab: Changes" "C /etc/passwd" 10
is "every row is docker diff's, in path order" "$(rows)" "$(want)"
docker exec "$p-a" touch /added
expect_screen "an exec's change shows without a key" "A /added" 10
is "and the rows are docker diff's again" "$(rows)" "$(want)"
# the tab's own filter, with the detail in front (Enter): kinds, a path
keys Enter
keys /
keys -l D
keys Enter
expect_screen "/ D on the Changes tab: a filter line" "of $(want | wc -l) changes (/ D)" 5
is "only the deleted ones, as docker diff's D lines" "$(rows)" "$(want | grep '^D ')"
keys /
keys C-u
keys -l "AC /bin"
keys Enter
expect_screen "kinds and a path together" "(/ AC /bin)" 5
is "the added and changed ones under /bin, as docker diff's" "$(rows)" \
	"$(want | grep -E '^[AC] ' | grep ' /[^ ]*/bin\|^[AC] /bin')"
keys /
keys C-u
keys Enter
sleep 0.5
is "an empty filter shows every change again" "$(rows)" "$(want)"
keys Escape
sleep 0.3
# the other row, wherever the list put it
for k in g G; do
	keys $k
	sleep 0.5
	screen | grep -q "nothing changed against the image" && break
done
expect_screen "a container never started: nothing changed" "nothing changed against the image" 5
keys $([ "$k" = g ] && echo G || echo g)
expect_screen "back on the first" "A /added" 10
same_as_engine "the rows equal docker ps -a" "$p-"
berth_quit
tui_done
