# Sourced by shell tests: TAP output that tests/run.sh counts.
# ok/not ok lines; "check DESC cmd..." runs a command as one test.
tap_n=0
tap_failed=0

ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $*"
}

not_ok() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $*"
}

# is DESC GOT WANT
is() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1"
		printf '#   got:  %s\n#   want: %s\n' "$2" "$3"
		return 1
	fi
}

# like DESC TEXT PATTERN (grep -E)
like() {
	if printf '%s\n' "$2" | grep -qE -- "$3"; then
		ok "$1"
	else
		not_ok "$1"
		printf '#   no match for /%s/ in:\n' "$3"
		printf '%s\n' "$2" | head -40 | sed 's/^/#   /'
		return 1
	fi
}

tap_done() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

: "${DOCKER_HOST:?the private engine must be running (tests/run.sh)}"
case "$DOCKER_HOST" in
*/var/run/docker.sock | unix:///run/docker.sock)
	echo "refusing to test against the host's engine" >&2
	exit 1
	;;
esac
