#!/usr/bin/env bash
# Compose projects get project actions: on a project's group header, stop,
# start and restart act on exactly the project's containers (another
# project and a lone container are left as they are), each after one
# confirmation that names them; remove asks too and takes them all; the
# screen equals docker ps -a after each.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=pa$$
cleanup() {
	docker ps -aq --filter "name=^$p" | xargs -r docker rm -f >/dev/null 2>&1
	tm kill-server 2>/dev/null
}
trap cleanup EXIT
img=local/busybox:latest
# svc PROJECT SERVICE: a container as compose would label it
svc() {
	docker run -d --network none --name "$p-$1-$2-1" \
		--label com.docker.compose.project="$p$1" \
		--label com.docker.compose.service="$2" \
		--label com.docker.compose.container-number=1 \
		$img sleep 600 >/dev/null
}
svc shop web
svc shop db
svc shop cache
svc blog web
docker run -d --network none --name "$p-lone" $img sleep 600 >/dev/null

# on_screen: "name state" of every row whose container is one of this
# test's, as the pane shows them: a compose row under its project's
# header shows the service, so it is named back as svc() names it
on_screen() {
	screen | awk -v p="$p" '
		/^(▾|▸) / { proj = $2; next }
		{
			name = $1
			if (proj != "" && index(proj, p) == 1 && index(name, p) != 1)
				name = p "-" substr(proj, length(p) + 1) "-" name "-1"
			else if (index(name, p) != 1)
				proj = ""
			if (index(name, p) == 1 && $3 ~ /^(created|running|paused|restarting|removing|exited|dead)$/) {
				st = $3
				if ($4 ~ /^\([0-9-]+\)$/) st = st " " $4
				print name, st
			}
		}' | sort
}
# same_rows DESC: on_screen equals the engine's rows (engine_states)
same_rows() {
	local got want
	got=$(on_screen)
	want=$(engine_states "$p")
	if [ "$got" = "$want" ]; then
		ok "$1"
	else
		not_ok "$1"
		diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | sed 's/^/#   (< engine, > screen) /'
	fi
}
# select_project: the project's group header selected (filtered to it,
# then the first line)
select_project() {
	keys /
	keys -l "${p}shop"
	keys Enter
	keys Home
	sleep 0.3
}
# settled DESC: a second later, the filter cleared, the rows as the engine's
settled() {
	sleep 1
	keys Escape
	sleep 0.3
	same_rows "$1"
}
# states NAME...: "name state" of each, as docker inspect says
states() { for n in "$@"; do echo "$n $(engine_state "$n")"; done; }
shop=("$p-shop-web-1" "$p-shop-db-1" "$p-shop-cache-1")
others=("$p-blog-web-1" "$p-lone")

berth_start 160 45
expect_screen "the console is up" "$p-lone" 15
expect_screen "the project is a group" "${p}shop" 10
# the group header: filter to the project, then the first line
select_project

keys s
expect_screen "stop on the project asks first" "Stop project ${p}shop" 5
s=$(screen)
like "the question names every container of it" "$s" "all 3 containers"
for n in "${shop[@]}"; do like "it names $n" "$s" "$n"; done
is "nothing is stopped before the answer" "$(docker ps -q --filter "name=^$p-shop" | wc -l)" 3
keys y
for n in "${shop[@]}"; do wait_engine "$n" exited 20; done
is "y stops exactly the project's containers" "$(states "${shop[@]}" "${others[@]}")" \
	"$(printf '%s exited\n' "${shop[@]}"; printf '%s running\n' "${others[@]}")"
settled "the screen equals docker ps -a after the project stop"

select_project
keys S
expect_screen "start on the project asks too" "Start project ${p}shop" 5
keys n
sleep 1
is "n starts nothing" "$(docker ps -q --filter "name=^$p-shop" | wc -l)" 0
keys S
expect_screen "asked again" "Start project ${p}shop" 5
keys y
for n in "${shop[@]}"; do wait_engine "$n" running 20; done
is "y starts exactly the project's containers" "$(states "${shop[@]}" "${others[@]}")" \
	"$(printf '%s running\n' "${shop[@]}" "${others[@]}")"
settled "the screen equals docker ps -a after the project start"
select_project

started=$(docker inspect -f '{{.State.StartedAt}}' "${shop[@]}" | sort | tail -1)
keys r
expect_screen "restart on the project asks" "Restart project ${p}shop" 5
keys y
t=0
until [ "$(docker inspect -f '{{.State.StartedAt}}' "${shop[@]}" | sort | head -1)" \> "$started" ] || [ $t -ge 200 ]; do
	sleep 0.1
	t=$((t + 1))
done
for n in "${shop[@]}"; do
	if [ "$(docker inspect -f '{{.State.StartedAt}}' "$n")" \> "$started" ]; then
		ok "restart restarted $n"
	else
		not_ok "restart restarted $n"
	fi
done
is "and not the others" "$(docker inspect -f '{{.RestartCount}} {{.State.Status}}' "${others[@]}" | sort -u)" "0 running"

keys D
expect_screen "remove on the project asks" "Remove project ${p}shop" 5
like "and says the running ones are killed first" "$(screen)" "killed first"
keys y
t=0
until [ "$(docker ps -aq --filter "name=^$p-shop" | wc -l)" = 0 ] || [ $t -ge 200 ]; do
	sleep 0.1
	t=$((t + 1))
done
is "y removes every container of the project" "$(docker ps -aq --filter "name=^$p-shop" | wc -l)" 0
is "and no other" "$(states "${others[@]}")" "$(printf '%s running\n' "${others[@]}")"
settled "the screen equals docker ps -a after the project's removal"
tui_done
