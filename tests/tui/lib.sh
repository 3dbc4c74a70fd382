# Sourced by console tests: the real binary in a private tmux server,
# driven with send-keys and read with capture-pane, as a person would.
. tests/lib/tap.sh

BERTH=${BERTH:-build/san/berth}
TM_BASE="berth-tui-$$"
TM_N=0
TM_SOCK="$TM_BASE-0"
TM_LOG="build/test-logs/$(basename "$0" .sh).berth.log"
mkdir -p "$(dirname "$TM_LOG")"
: >"$TM_LOG"

tm() { tmux -L "$TM_SOCK" -f /dev/null "$@"; }

# berth_start COLS ROWS [berth args...]: berth's stderr goes to a log
# (sanitizer reports are checked at the end), and the pane stays after
# berth exits so the exit status and the terminal can be read.
berth_start() {
	local cols=$1 rows=$2
	shift 2
	# A fresh server each time: a dying one may still hold the socket.
	tm kill-server 2>/dev/null
	TM_N=$((TM_N + 1))
	TM_SOCK="$TM_BASE-$TM_N"
	tm new-session -d -x "$cols" -y "$rows" \
		"env TERM=screen-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 DOCKER_HOST=$DOCKER_HOST $BERTH $* 2>>$TM_LOG; echo \"EXITED:\$?\"; sleep 600"
	tm set-option -g status off >/dev/null
}

screen() { tm capture-pane -p -t 0; }

# wait_for TEXT [SECONDS]: until the screen shows TEXT (fixed string).
wait_for() {
	local text=$1 limit=${2:-10} t=0
	while [ "$t" -lt $((limit * 10)) ]; do
		screen | grep -qF -- "$text" && return 0
		sleep 0.1
		t=$((t + 1))
	done
	return 1
}

# wait_gone TEXT [SECONDS]
wait_gone() {
	local text=$1 limit=${2:-10} t=0
	while [ "$t" -lt $((limit * 10)) ]; do
		screen | grep -qF -- "$text" || return 0
		sleep 0.1
		t=$((t + 1))
	done
	return 1
}

# row_of NAME: the screen line that shows NAME
row_of() { screen | grep -F -- "$1" | head -1; }

keys() { tm send-keys -t 0 "$@"; }

# expect_screen DESC TEXT [SECONDS]
expect_screen() {
	if wait_for "$2" "${3:-10}"; then
		ok "$1"
	else
		not_ok "$1"
		screen | sed 's/^/#   /'
	fi
}

# engine_state NAME: what the engine says, through the docker CLI
engine_state() { docker inspect -f '{{.State.Status}}' "$1" 2>/dev/null; }

# wait_engine NAME STATE [SECONDS]
wait_engine() {
	local t=0 limit=${3:-15}
	while [ "$t" -lt $((limit * 10)) ]; do
		[ "$(engine_state "$1")" = "$2" ] && return 0
		sleep 0.1
		t=$((t + 1))
	done
	return 1
}

# berth_quit: q, then the pane shows berth's exit status.
berth_quit() {
	keys q
	wait_for "EXITED:" 10
}

tui_done() {
	tm kill-server 2>/dev/null
	if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$TM_LOG"; then
		not_ok "no sanitizer report from the console"
		sed 's/^/#   /' "$TM_LOG" | head -40
	else
		ok "no sanitizer report from the console"
	fi
	tap_done
}

# screen_states PREFIX: "NAME STATE" for each containers-pane row whose
# name starts with PREFIX, sorted; an exited row keeps its "(code)".
# Only table rows have a state word third ("NAME exited with code 3" on
# the status line does not).
screen_states() {
	screen | awk -v p="$1" 'index($1, p) == 1 &&
		$3 ~ /^(created|running|paused|restarting|removing|exited|dead)$/ {
		s = $3
		if ($4 ~ /^\([0-9-]+\)$/) s = s " " $4
		print $1, s
	}' | sort
}

# engine_states PREFIX: the same, as the docker CLI sees it.
engine_states() {
	docker ps -a --filter "name=^$1" \
		--format '{{.Names}}	{{.State}}	{{.Status}}' |
		awk -F'\t' '{
			s = $2
			if (s == "exited" && match($3, /\([0-9-]+\)/))
				s = s " " substr($3, RSTART, RLENGTH)
			print $1, s
		}' | sort
}

# same_as_engine DESC PREFIX: one check that the pane's rows (name and
# state) equal the engine's; the differences are printed.
same_as_engine() {
	local got want
	got=$(screen_states "$2")
	want=$(engine_states "$2")
	if [ "$got" = "$want" ]; then
		ok "$1"
	else
		not_ok "$1"
		diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") |
			sed 's/^/#   (< engine, > screen) /'
		return 1
	fi
}

# lines_container NAME FILE LAST: a container that prints FILE as its
# log (copied in, so any byte survives) and stays up; returns once
# docker logs has the line LAST.
lines_container() {
	docker create --name "$1" --network none local/busybox:latest \
		sh -c 'cat /lines; exec sleep 600' >/dev/null
	docker cp "$2" "$1:/lines"
	docker start "$1" >/dev/null
	for _ in $(seq 100); do
		docker logs "$1" 2>&1 | grep -qF -- "$3" && return 0
		sleep 0.1
	done
	return 1
}

# own_engine DIR: a private engine of the test's own, rooted at DIR, with
# the shared engine's busybox image; DOCKER_HOST names it afterwards and
# MAIN_HOST the shared one.  The test stops it: engine.sh stop DIR.
own_engine() {
	MAIN_HOST=$DOCKER_HOST
	scripts/engine.sh start "$1" >/dev/null 2>&1 || return 1
	export DOCKER_HOST=unix://$1/docker.sock
	DOCKER_HOST=$MAIN_HOST docker save local/busybox:latest |
		docker load -q >/dev/null
}

# rebuild_app DIR TAG NAME: a build context in DIR/ctx (its file.txt says
# v1), its image built as TAG and run as NAME, for the rebuild tests;
# write DIR/ctx/file.txt again to make the next build differ.
rebuild_app() {
	mkdir -p "$1/ctx"
	printf 'FROM local/busybox:latest\nCOPY file.txt /file.txt\nCMD ["sleep", "600"]\n' \
		>"$1/ctx/Dockerfile"
	echo v1 >"$1/ctx/file.txt"
	docker build -q -t "$2" "$1/ctx" >/dev/null 2>&1
	docker run -d --name "$3" --network none -e KEEP=me --stop-timeout 1 \
		"$2" >/dev/null
}
