#!/usr/bin/env bash
# berth cp both ways against docker cp: the same files, modes, sizes,
# times and links, for files and folders, into existing directories and
# to new names, "DIR/." for contents, a stopped container too; errors
# and --read-only refuse and leave both sides as they were.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=${BERTH:-build/san/berth}
pfx=berth-cp-$$
tmp=$(mktemp -d)
trap 'docker rm -f $(docker ps -aq --filter name=$pfx) >/dev/null 2>&1; rm -rf "$tmp"' EXIT
for n in src a b; do
	docker run -d --name "$pfx-$n" --network none local/busybox:latest sh -c \
		'mkdir -p /srv/app/conf && echo hello >/srv/app/conf/x.conf && chmod 640 /srv/app/conf/x.conf && ln -s conf/x.conf /srv/app/link && exec sleep 600' >/dev/null
done
docker create --name "$pfx-stopped" --network none local/busybox:latest true >/dev/null
for _ in $(seq 50); do docker exec "$pfx-src" test -L /srv/app/link 2>/dev/null && break; sleep 0.1; done

# listing DIR: every entry below it with what a copy keeps
# (a directory made beforehand is left out: its time is when the copy
# wrote into it)
listing() { (cd "$1" && find . -mindepth 1 -printf '%P %y %m %s %T@ %l\n' | LC_ALL=C sort |
	grep -v "^${2:-/} d "); }
same_out() { # DESC SRC DESTNAME [PRE]: docker cp vs berth cp out of src
	local d=$tmp/out-$RANDOM
	mkdir -p "$d/docker" "$d/berth"
	[ -n "${4:-}" ] && mkdir -p "$d/docker/$4" "$d/berth/$4"
	docker cp "$pfx-src:$2" "$d/docker/$3" 2>"$d/derr"
	"$berth" cp "$pfx-src:$2" "$d/berth/$3" 2>"$d/berr"
	local rc=$?
	if [ "$rc" = 0 ] && [ "$(listing "$d/docker" "${4:-}")" = "$(listing "$d/berth" "${4:-}")" ] &&
		diff -r --no-dereference "$d/docker" "$d/berth" >/dev/null; then
		ok "$1"
	else
		not_ok "$1 (rc $rc: $(cat "$d/berr"))"
		diff <(listing "$d/docker" "${4:-}") <(listing "$d/berth" "${4:-}") | head -5 | sed 's/^/#   /'
	fi
}
same_out "a folder to a new name, as docker cp" /srv/app app2
same_out "a folder into an existing directory" /srv/app into into
same_out "a folder's contents (DIR/.) into an existing directory" /srv/app/. into into
same_out "a folder's contents (DIR/.) to a new name" /srv/app/. fresh
same_out "a file to a new name, its mode kept" /srv/app/conf/x.conf y.conf
same_out "a file into an existing directory" /srv/app/conf/x.conf into into
same_out "a symlink as a symlink" /srv/app/link l
same_out "/bin: hard and symbolic links as docker cp makes them" /bin bin
same_out "/etc" /etc etc

d=$tmp/stopped
mkdir -p "$d/docker" "$d/berth"
docker cp "$pfx-stopped:/etc/passwd" "$d/docker/passwd"
"$berth" cp "$pfx-stopped:/etc/passwd" "$d/berth/passwd"
if cmp -s "$d/docker/passwd" "$d/berth/passwd"; then ok "out of a stopped container"; else not_ok "out of a stopped container"; fi

# into containers: a with docker cp, b with berth cp, compared inside
h=$tmp/host
mkdir -p "$h/tree/sub" "$h/dst"
printf 'one\n' >"$h/tree/a.txt"
printf 'two\n' >"$h/tree/sub/b.sh"
chmod 755 "$h/tree/sub/b.sh"
chmod 600 "$h/tree/a.txt"
ln -s a.txt "$h/tree/alias"
touch -h -d '2020-01-02 03:04:05' "$h/tree/a.txt" "$h/tree/sub/b.sh" "$h/tree/alias" "$h/tree/sub" "$h/tree"
inside() { # NAME PATH MINDEPTH: what stat says of PATH and below, and the bytes
	docker exec "$pfx-$1" sh -c "find $2 -mindepth $3 | sort | while read -r f; do
		stat -c '%n %F %a %s %Y %u %g' \"\$f\"; done; cat \$(find $2 -mindepth $3 -type f | sort)"
}
same_in() { # DESC SRC DST CHECK MINDEPTH [MKDIR]: CHECK compared in both
	if [ -n "${6:-}" ]; then
		docker exec "$pfx-a" mkdir -p "$6"
		docker exec "$pfx-b" mkdir -p "$6"
	fi
	docker cp "$2" "$pfx-a:$3" 2>/dev/null
	"$berth" cp "$2" "$pfx-b:$3" 2>"$tmp/berr"
	local rc=$?
	if [ "$rc" = 0 ] && [ -n "$(inside a "$4" "$5")" ] &&
		[ "$(inside a "$4" "$5")" = "$(inside b "$4" "$5")" ]; then
		ok "$1"
	else
		not_ok "$1 (rc $rc: $(cat "$tmp/berr"))"
		diff <(inside a "$4" "$5") <(inside b "$4" "$5") | head -16 | sed 's/^/#   /'
	fi
}
same_in "a folder to a new name in the container, as docker cp" "$h/tree" /srv/tree /srv/tree 0
same_in "a folder into an existing directory" "$h/tree" /mnt/in /mnt/in/tree 0 /mnt/in
same_in "a folder's contents (DIR/.)" "$h/tree/." /mnt/c /mnt/c 1 /mnt/c
same_in "a file to a new name" "$h/tree/a.txt" /root/renamed.txt /root/renamed.txt 0
same_in "a file over an existing one" "$h/tree/sub/b.sh" /srv/app/conf/x.conf /srv/app/conf/x.conf 0

# refusals
out=$("$berth" cp "$pfx-src:/nowhere" "$tmp/x" 2>"$tmp/err")
is "a path the container lacks: exit 1" "$?" 1
like "and says so" "$(cat "$tmp/err")" "could not find /nowhere"
[ -e "$tmp/x" ] && not_ok "nothing made" || ok "nothing made"
"$berth" cp "$h/tree/a.txt" "$pfx-b:/no/such/dir/f" 2>"$tmp/err"
is "into a directory the container lacks: exit 1" "$?" 1
like "and says which" "$(cat "$tmp/err")" "/no/such/dir: no such directory"
"$berth" --read-only cp "$h/tree/a.txt" "$pfx-b:/root/ro.txt" 2>"$tmp/err"
is "--read-only refuses a copy into a container" "$?" 1
like "naming the docker command" "$(cat "$tmp/err")" "docker cp .*a.txt $pfx-b:/root/ro.txt"
is "and the container is untouched" "$(docker exec "$pfx-b" ls /root/ro.txt 2>/dev/null)" ""
"$berth" cp "$h/tree/a.txt" "$tmp/local" 2>/dev/null
is "two local paths: usage error" "$?" 2
is "the containers stay as the engine has them" \
	"$(docker ps -a --filter name="$pfx-" --format '{{.Names}} {{.State}}' | sort | tr '\n' ' ')" \
	"$pfx-a running $pfx-b running $pfx-src running $pfx-stopped created "
tap_done
