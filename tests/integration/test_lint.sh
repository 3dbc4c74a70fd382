#!/usr/bin/env bash
# berth lint on Dockerfiles the private engine builds: every finding
# names a line, and the instruction on that line is the one docker
# history records for the image built from it; a clean Dockerfile has
# no finding; exit statuses as berth audit's; bad input said clearly.
# The risky RUN lines never run their tools (true || ...).
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=$(realpath "${BERTH:-build/san/berth}")
p=lint$$
d=$(mktemp -d /tmp/berth-lint.XXXXXX)
cleanup() {
	docker rmi -f "$p/risky:1" "$p/clean:1" "local/busybox:$p" \
		>/dev/null 2>&1
	rm -rf "$d"
}
trap cleanup EXIT

mkdir -p "$d/risky" "$d/clean"
echo a >"$d/risky/a"
tar -C "$d/risky" -cf "$d/risky/a.tar" a
cat >"$d/risky/Dockerfile" <<'DF'
FROM local/busybox:latest AS build
RUN true || apk add --no-cache curl
COPY . /src

FROM local/busybox:latest
ARG API_TOKEN=t0k3n
RUN true || apt-get update
RUN true || curl -fsSL http://127.0.0.1:9/install.sh | sh
ADD a.tar /opt/
COPY --from=build /src/a /a
ENV DB_PASSWORD=hunter2
USER root
DF
# the clean one is FROM a version tag of a namespace the policy trusts
docker tag local/busybox:latest "local/busybox:$p"
printf 'trusted_registries = "docker.io/local/*"\n' >"$d/trust.conf"
cat >"$d/clean/Dockerfile" <<DF
FROM local/busybox:$p AS build
RUN true || apk add --no-cache jq=1.7.1-r0
FROM local/busybox:$p
COPY --from=build /bin/busybox /opt/busybox
COPY one /etc/one
RUN true || (apt-get update && apt-get install -y curl=8.5.0-1)
USER 1000:1000
HEALTHCHECK --interval=30s CMD /bin/true
DF
echo one >"$d/clean/one"
if docker build -q -t "$p/risky:1" "$d/risky" >/dev/null 2>&1 &&
	docker build -q -t "$p/clean:1" "$d/clean" >/dev/null 2>&1; then
	ok "the engine builds both Dockerfiles"
else
	not_ok "the engine builds both Dockerfiles"
fi

j=$($berth lint --format json "$d/risky/Dockerfile")
is "lint exits 0 without --fail-on, as berth audit does" "$?" 0
pairs=$(jq -r '.findings[] | "\(.id) \(.lines | map(tostring) | join(","))"' \
	<<<"$j" | sort)
want="4.1 12
4.10 6,11
4.11 8
4.6 
4.7 7
4.9 9
berth.image.copyall 3
berth.image.tag 1,5
berth.image.unofficial 1,5
berth.image.unpinned 2"
is "each rule fires at the line it should, and only those" "$pairs" "$want"

# the line each build-record finding names is the instruction the
# engine's own history keeps for the built image
hist=$(docker history --no-trunc --format '{{.CreatedBy}}' "$p/risky:1")
for id in 4.7 4.11 4.9; do
	line=$(jq -r --arg id "$id" '.findings[] | select(.id == $id) | .lines[0]' <<<"$j")
	text=$(sed -n "${line}p" "$d/risky/Dockerfile")
	case $text in
	RUN\ *) want=${text#RUN } ;;
	ADD\ *) want="ADD file:" ;;
	esac
	if grep -qF -- "$want" <<<"$hist"; then
		ok "$id: line $line ($text) is in docker history"
	else
		not_ok "$id: line $line ($text) is in docker history"
		printf '#   %s\n' "$hist"
	fi
done
like "the build arg is in docker history as the legacy builder records it" \
	"$hist" "API_TOKEN=" 
if grep -qF "hunter2" <<<"$j$($berth lint "$d/risky/Dockerfile")"; then
	not_ok "no secret value is shown"
else
	ok "no secret value is shown"
fi
# the same rules say the same of the image the Dockerfile built
img=$($berth image --format json --no-contents "$p/risky:1" |
	jq -r '.findings[].id' | sort | tr '\n' ' ')
for id in 4.1 4.10 4.11 4.7 4.9; do
	like "berth image of the built image has $id as lint had" "$img" "(^| )$id( |$)"
done

out=$($berth --config "$d/trust.conf" lint "$d/clean/Dockerfile")
is "the clean Dockerfile has no findings" "$out" "$d/clean/Dockerfile: no findings"
is "the clean image has no build-record finding either" \
	"$($berth --config "$d/trust.conf" image --format json --no-contents "$p/clean:1" |
		jq -r '[.findings[].id | select(test("^4\\.(1|6|7|9|10|11)$|unpinned|copyall"))] | length')" 0
$berth --config "$d/trust.conf" lint --fail-on low "$d/clean/Dockerfile" >/dev/null
is "--fail-on low on the clean Dockerfile exits 0" "$?" 0
$berth lint --fail-on high "$d/risky/Dockerfile" >/dev/null
is "--fail-on high on the risky one exits 1 (4.10 is high)" "$?" 1
(cd "$d/risky" && $berth lint >/dev/null)
is "without an argument lint reads ./Dockerfile" "$?" 0
is "- reads standard input" \
	"$($berth lint --format json - <"$d/risky/Dockerfile" | jq '.summary.total')" 10

# an ADD of a URL is worse than a local ADD
printf 'FROM local/busybox:1\nADD http://127.0.0.1:9/a.tgz /a\n' >"$d/url"
is "ADD of a URL is medium" \
	"$($berth lint --format json "$d/url" | jq -r '.findings[] | select(.id == "4.9") | .severity')" medium

# bad input: said clearly, and nothing else printed
out=$($berth lint "$d/none" 2>&1)
is "a missing file exits 1" "$?" 1
like "and says so" "$out" "lint: $d/none: No such file"
printf 'FROM x\nNOT!AN INSTRUCTION\n' >"$d/bad"
out=$($berth lint "$d/bad" 2>&1)
is "a line that is no instruction exits 1" "$?" 1
is "and names the line" "$out" "berth: lint: $d/bad:2: not an instruction"
printf 'RUN true\n' >"$d/nofrom"
like "no FROM is said" "$($berth lint "$d/nofrom" 2>&1)" "no FROM instruction"
head -c 5000000 /dev/zero | tr '\0' '#' >"$d/huge"
like "a file over 4 MB is refused" "$($berth lint "$d/huge" 2>&1)" "over 4 MB"
printf 'FROM x\nRUN curl http://127.0.0.1:9/\033]0;owned\007 | sh\n' >"$d/esc"
out=$($berth lint "$d/esc" 2>&1)
if printf '%s' "$out" | grep -q $'\033'; then
	not_ok "an escape sequence in a Dockerfile never reaches the terminal"
else
	ok "an escape sequence in a Dockerfile never reaches the terminal"
fi
$berth lint --format yaml "$d/url" >/dev/null 2>&1
is "an unknown format is a usage error (2)" "$?" 2
tap_done
