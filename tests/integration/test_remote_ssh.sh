#!/usr/bin/env bash
# ssh:// against a real OpenSSH server on 127.0.0.1 in front of the private
# engine (docker system dial-stdio on the "remote" side), checked with the
# docker CLI; then a plain tcp:// view of the same engine (an ssh port
# forward on loopback) for the no-TLS warnings.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh
berth=$BERTH
sock=${DOCKER_HOST#unix://}

if [ ! -x /usr/sbin/sshd ]; then
	echo "# /usr/sbin/sshd missing (scripts/deps.sh installs openssh-server)"
	not_ok "sshd is installed"
	tap_done
	exit 1
fi

d=$(mktemp -d /tmp/berth-ssh-test.XXXXXX)
pfx=berth-ssh-$$
cleanup() {
	tm kill-server 2>/dev/null
	[ -n "${fwd_pid:-}" ] && kill "$fwd_pid" 2>/dev/null
	[ -f "$d/sshd.pid" ] && kill "$(cat "$d/sshd.pid")" 2>/dev/null
	[ -n "${sshd_pid:-}" ] && kill "$sshd_pid" 2>/dev/null
	docker rm -f "$pfx-up" "$pfx-new" >/dev/null 2>&1
	rm -rf "$d"
}
trap cleanup EXIT

free_port() {
	local p
	for _ in $(seq 1 50); do
		p=$((20000 + RANDOM % 30000))
		[ -z "$(ss -Htln "sport = :$p")" ] && echo "$p" && return
	done
}

ssh-keygen -q -t ed25519 -N '' -f "$d/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$d/user_key"
ssh-keygen -q -t ed25519 -N '' -f "$d/other_key"
cp "$d/user_key.pub" "$d/authorized_keys"
port=$(free_port)
# The "remote" docker CLI finds the engine through DOCKER_HOST, as a
# remote user's environment would.
cat >"$d/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $port
HostKey $d/host_key
AuthorizedKeysFile $d/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
StrictModes no
UsePAM no
UseDNS no
PidFile $d/sshd.pid
SetEnv DOCKER_HOST=unix://$sock
CONF
mkdir -p /run/sshd
/usr/sbin/sshd -D -f "$d/sshd_config" -E "$d/sshd.log" &
sshd_pid=$!
for _ in $(seq 1 50); do
	[ -n "$(ss -Htln "sport = :$port")" ] && break
	sleep 0.1
done

base_opts="-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR"
export BERTH_SSH_OPTS="-i $d/user_key $base_opts"
addr="ssh://root@127.0.0.1:$port"

docker run -d --name "$pfx-up" --network none local/busybox:latest sleep 300 >/dev/null
docker create --name "$pfx-new" --network none local/busybox:latest true >/dev/null

got=$($berth -H "$addr" ps -a | awk 'NR > 1 {print $1, $2, $3}' | sort)
want=$(docker ps -a --format '{{printf "%.12s" .ID}} {{.Names}} {{.State}}' | sort)
is "ssh: ps -a equals docker ps -a" "$got" "$want"

info=$($berth -H "$addr" info)
like "ssh: info names the transport" "$info" '^Transport +ssh$'
got=$(printf '%s\n' "$info" | awk '$1 == "Containers" {print $2}')
is "ssh: info Containers equals docker info" "$got" \
	"$(docker info --format '{{.Containers}}')"

# A hijacked exec connection goes through ssh as well.
out=$(timeout 30 script -qc "$berth -H $addr shell $pfx-up -- echo exec-over-ssh" \
	/dev/null </dev/null 2>&1)
like "ssh: exec (hijacked connection) works" "$out" 'exec-over-ssh'

out=$(BERTH_SSH_OPTS="-i $d/other_key $base_opts" $berth -H "$addr" ps 2>&1)
rc=$?
is "ssh: a key the server refuses fails" "$rc" 1
like "ssh: the reason is ssh's own" "$out" 'Permission denied \(publickey\)'

is "ssh: no ssh left running" \
	"$(pgrep -f "ssh .*-p $port .*dial-stdio" | wc -l)" 0

out=$($berth -H 'ssh://-oProxyCommand=x' ps 2>&1)
like "ssh: an option in place of a host is refused" "$out" \
	'expected ssh://\[user@\]host\[:port\]'

# The console over ssh shows the containers.
berth_start 120 30 -H "$addr"
expect_screen "console over ssh: shows the containers" "$pfx-up" 20
expect_screen "console over ssh: connected" "connected" 10
berth_quit
like "console over ssh: quits cleanly" "$(screen)" 'EXITED:0'

# Plain tcp on loopback (an ssh port forward to the engine's socket): the
# top bar warns and the posture rule berth.engine.tls fires.
tport=$(free_port)
ssh -N -p "$port" $BERTH_SSH_OPTS -L "127.0.0.1:$tport:$sock" root@127.0.0.1 &
fwd_pid=$!
for _ in $(seq 1 50); do
	[ -n "$(ss -Htln "sport = :$tport")" ] && break
	sleep 0.1
done
out=$($berth -H "tcp://127.0.0.1:$tport" audit --no-host-checks 2>&1)
like "plain tcp: posture berth.engine.tls fires" "$out" \
	'CRITICAL +berth\.engine\.tls +Engine reached over TCP without TLS'
out=$($berth -H "$addr" audit --no-host-checks 2>&1)
is "ssh: posture berth.engine.tls does not fire" \
	"$(printf '%s\n' "$out" | grep -c 'Engine reached over TCP')" 0
berth_start 120 30 -H "tcp://127.0.0.1:$tport"
expect_screen "plain tcp: the top bar warns" "NO TLS" 15
berth_quit

tui_done
