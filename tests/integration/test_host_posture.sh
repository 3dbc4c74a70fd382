#!/usr/bin/env bash
# Host posture (CIS 1-3) on a second private engine started with loose
# settings, then restarted with other flags: the exact host findings of
# `berth audit --format json`.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=build/san/berth
dir=/tmp/berth-hostposture-$$
sock=$dir/docker.sock
grp=berthhp$$
usr=berthhpu$$
pid=

if [ "$(id -u)" != 0 ]; then
	echo "1..0 # SKIP needs root to start dockerd and add a group"
	exit 0
fi

stop_engine() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null
		for _ in $(seq 1 100); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -9 "$pid" 2>/dev/null
		pid=
	fi
	{ grep -F " $dir/" /proc/mounts || true; } | awk '{print $2}' |
		sort -r | while read -r m; do umount -l "$m" 2>/dev/null; done
}

cleanup() {
	stop_engine
	rm -rf "$dir"
	userdel "$usr" 2>/dev/null
	groupdel "$grp" 2>/dev/null
}
trap cleanup EXIT

# The flags of scripts/engine.sh, less the ones a case sets itself.
start_engine() {
	mkdir -p "$dir/data" "$dir/exec"
	dockerd --host "unix://$sock" --data-root "$dir/data" \
		--exec-root "$dir/exec" --pidfile "$dir/dockerd.pid" \
		--bridge=none --iptables=false --ip6tables=false \
		--ip-masq=false --storage-driver=vfs "$@" \
		>"$dir/dockerd.log" 2>&1 &
	pid=$!
	for _ in $(seq 1 150); do
		curl -s --max-time 2 --unix-socket "$sock" \
			http://localhost/_ping 2>/dev/null | grep -q OK && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.2
	done
	tail -5 "$dir/dockerd.log" | sed 's/^/# /'
	return 1
}

# The ids of the host-scope findings, sorted, on one line.
host_ids() {
	$berth audit --format json -H "unix://$sock" "$@" |
		awk '/"id":/ { gsub(/[",]/, "", $2); id = $2 }
		     /"scope":[ \t]*"host"/ { print id }' | sort | tr '\n' ' '
}

severity_of() {
	$berth audit --format json -H "unix://$sock" |
		awk -v want="$1" '/"id":/ { gsub(/[",]/, "", $2); id = $2 }
		     /"severity":/ && id == want { gsub(/[",]/, "", $2); print $2; exit }'
}

evidence_of() {
	$berth audit --format json -H "unix://$sock" |
		awk -v want="$1" '/"id":/ { gsub(/[",]/, "", $2); id = $2 }
		     /"evidence":/ && id == want { sub(/^[^:]*:[ \t]*/, ""); print; exit }'
}

# Case 1: loose.  daemon.json with icc, live-restore and log level (not
# also on the command line, or dockerd refuses to start), world-writable
# socket owned by a group with a member, daemon.json writable by all.
mkdir -p "$dir"
printf '{"icc": true, "live-restore": false, "log-level": "debug"}\n' \
	>"$dir/daemon.json"
chmod 666 "$dir/daemon.json"
groupadd "$grp" && useradd -M -N -G "$grp" "$usr"
if start_engine --config-file "$dir/daemon.json" --userland-proxy=false; then
	ok "loose engine started"
else
	not_ok "loose engine started"
	tap_done
	exit 1
fi
chgrp "$grp" "$sock" && chmod 666 "$sock"
ids=$(host_ids)
# 1.1.x and 1.2.2 depend on the host (audit rules, partitions, the
# engine's age): judged below on their own
s23=$(printf '%s\n' $ids | grep -E '^(2|3)\.|^berth\.host\.config' | tr '\n' ' ')
is "loose: section 2 and 3 ids" "$s23" \
	"2.12 2.14 2.3 2.4 2.8 3.15 3.16 3.18 "
like "loose: 1.1.2 lists the group's member" \
	"$(evidence_of 1.1.2)" "$usr in group $grp"
is "loose: world-writable socket is critical" "$(severity_of 3.16)" critical
is "loose: world-writable daemon.json is high" "$(severity_of 3.18)" high
like "loose: log level from daemon.json" "$(evidence_of 2.3)" \
	'log-level=debug \(daemon.json\)'
like "loose: socket group" "$(evidence_of 3.15)" "root:$grp"
# dockerd bind-mounts its data root onto itself: the device tells
if [ "$(stat -c %d "$dir/data")" = "$(stat -c %d /)" ]; then
	like "1.1.1: data root on the root device" "$ids" '1\.1\.1 '
else
	is "1.1.1: data root on its own device" \
		"$(printf '%s\n' $ids | grep -cx '1\.1\.1')" 0
fi
if ! ls /etc/audit/audit.rules /etc/audit/rules.d/*.rules >/dev/null 2>&1; then
	like "no audit rules file: berth.host.audit" "$ids" 'berth\.host\.audit'
fi
is "--no-host-checks: no host findings" "$(host_ids --no-host-checks)" ""
stop_engine

# Case 2: flags flipped on the command line, no daemon.json, socket back
# to dockerd's own root:root 660 (this host has no docker group) or
# root:docker.
if start_engine --log-level info --no-new-privileges \
	--default-ulimit nofile=1024:2048 --cgroup-parent /berthtest; then
	ok "strict engine started"
else
	not_ok "strict engine started"
	tap_done
	exit 1
fi
ids=$(host_ids)
s23=$(printf '%s\n' $ids | grep -E '^(2|3)\.|^berth\.host\.config' | tr '\n' ' ')
is "strict: section 2 and 3 ids" "$s23" "2.10 2.12 2.16 2.4 "
like "strict: cgroup parent named" "$(evidence_of 2.10)" \
	'cgroup-parent=/berthtest \(command line\)'
like "strict: userland proxy default" "$(evidence_of 2.16)" \
	'userland-proxy=\(unset, true\)'
is "strict: no 1.1.2 without members" \
	"$(printf '%s\n' $ids | grep -cx '1\.1\.2')" 0
stop_engine
tap_done
