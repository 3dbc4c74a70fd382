#!/usr/bin/env bash
# Export from the console: x on a container, Enter (run), the dialog
# shows the docker run line; a key closes it and the save prompt writes
# exactly what `berth export --as run NAME` prints.  Esc at the save
# prompt writes nothing; a wrong format is refused.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=texp$$
dir=$(mktemp -d /tmp/berth-texp.XXXXXX)
name=$p-web
cleanup() {
	tm kill-server 2>/dev/null
	docker rm -f "$name" >/dev/null 2>&1
	rm -rf "$dir"
}
trap cleanup EXIT
docker run -d --name "$name" --network none -e 'GREETING=hello world' \
	-l berth.test=export local/busybox:latest sleep 600 >/dev/null

berth_start 120 40
expect_screen "the container is listed" "$name"
keys /
keys -l "$name"
keys Enter
sleep 0.3
keys x
expect_screen "x asks for the format" "run, compose or systemd" 5
keys Enter
expect_screen "the dialog shows the docker run line" "docker run --detach" 15
like "the line names the container" "$(screen)" "--name $name"
like "and keeps its settings" "$(screen)" "GREETING=hello world"
keys Enter # closes the dialog; the save prompt is next
expect_screen "the save prompt offers a file name" "$name.sh" 5
keys C-u
keys -l "$dir/run.sh"
keys Enter
expect_screen "the status says what was written" "bytes written to" 5
want=$(${BERTH:-build/san/berth} export --as run "$name")
is "the file holds berth export's output" "$(cat "$dir/run.sh" 2>&1)" "$want"
like "with its size in the status line" "$(screen)" \
	"$(wc -c <"$dir/run.sh") bytes written"

keys x
expect_screen "x again" "run, compose or systemd" 5
keys -l systemd
keys Enter
expect_screen "systemd: the unit" "Requires=docker.service" 15
keys Enter
expect_screen "the unit's file name" "$name.service" 5
keys Escape
sleep 0.5
is "Esc at the save prompt writes nothing" \
	"$(ls "$dir" | tr '\n' ' ')" "run.sh "

keys x
expect_screen "x once more" "run, compose or systemd" 5
keys -l bogus
keys Enter
expect_screen "a wrong format is refused" "the format is run, compose or systemd" 5
berth_quit
tui_done
