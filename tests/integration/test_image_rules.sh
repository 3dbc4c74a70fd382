#!/usr/bin/env bash
# Where an image comes from and how it was built, on images of the
# private engine, each verdict against what docker inspect and docker
# history say of the same image:
#   berth.image.unofficial  pulled from a registry the policy does not trust
#   berth.image.age         built longer ago than image_max_age days
#   berth.image.unpinned    packages installed without a version
#   berth.image.copyall     a whole folder copied into the image
# and a clean image with none of them.  The risky RUN lines never run
# their tools (true || ...): the build stays offline.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
. tests/lib/images.sh
. tests/lib/loopback.sh
berth=${BERTH:-build/san/berth}
p=imgr$$
d=$(mktemp -d /tmp/berth-imgr.XXXXXX)
port=$(free_port)
reg=127.0.0.1:$port
cleanup() {
	docker rmi -f "$p/pkgs:1" "$p/clean:1" "$p/old:1" "$reg/$p/app:1" \
		>/dev/null 2>&1
	registry_stop
	rm -rf "$d"
}
trap cleanup EXIT

printf '' >"$d/empty.conf"
audit() { # CONFIG: every image finding as "object id evidence"
	$berth --config "$1" audit --format json |
		jq -r '.findings[] | select(.scope == "image") |
			"\(.object)\t\(.id)\t\(.evidence)"'
}
ev() { # FINDINGS OBJECT RULE
	awk -F'\t' -v o="$2" -v r="$3" '$1 == o && $2 == r { print $3 }' <<<"$1"
}
rules_of() { # FINDINGS OBJECT: the berth.image.* ids but the tag rule
	awk -F'\t' -v o="$2" '$1 == o && $2 ~ /^berth\.image\./ &&
		$2 != "berth.image.tag" { print $2 }' <<<"$1" | sort | tr '\n' ' '
}

mkdir -p "$d/ctx/conf"
echo a >"$d/ctx/conf/a"
echo one >"$d/ctx/one"
cat >"$d/ctx/Dockerfile" <<'DF'
FROM local/busybox:latest
RUN true || apt-get install -y --no-install-recommends curl jq=1.6-2
RUN true || pip install flask==3.0 requests
COPY . /app
DF
docker build -q -t "$p/pkgs:1" "$d/ctx" >/dev/null 2>&1
cat >"$d/ctx/Dockerfile" <<'DF'
FROM local/busybox:latest
RUN true || apt-get install -y curl=8.0 && echo fine > /f
COPY one /etc/one
DF
docker build -q -t "$p/clean:1" "$d/ctx" >/dev/null 2>&1
if docker image inspect "$p/pkgs:1" "$p/clean:1" >/dev/null 2>&1; then
	ok "the images were built"
else
	not_ok "the images were built"
fi

# an image pulled from the loopback registry: its RepoDigests name it
# (an image of its own: one tag per image keeps every object apart)
printf 'FROM local/busybox:latest\nCOPY one /etc/one\nRUN echo pulled > /p\n' \
	>"$d/ctx/Dockerfile"
if registry_start "$d" "$port" &&
	docker build -q -t "$reg/$p/app:1" "$d/ctx" >/dev/null 2>&1 &&
	docker push "$reg/$p/app:1" >/dev/null 2>&1 &&
	docker rmi "$reg/$p/app:1" >/dev/null &&
	docker pull -q "$reg/$p/app:1" >/dev/null; then
	ok "pushed to and pulled from the registry on $reg"
else
	not_ok "pushed to and pulled from the registry on $reg"
fi

# an image built in 2020: busybox loaded again with a config that says so
load_dated "$p/old:1" 2020-01-01T00:00:00Z "$d"

f=$(audit "$d/empty.conf")
hist=$(docker history --no-trunc --format '{{.CreatedBy}}' "$p/pkgs:1")
like "docker history has the unpinned installs" "$hist" "apt-get install -y --no-install-recommends curl jq=1.6-2"
like "berth.image.unpinned names curl, not jq=1.6-2" \
	"$(ev "$f" "$p/pkgs:1" berth.image.unpinned)" "1 without a version: curl(;|$)"
like "berth.image.unpinned names requests, not flask==3.0" \
	"$(ev "$f" "$p/pkgs:1" berth.image.unpinned)" "1 without a version: requests(;|$)"
n=$(grep -c "COPY dir:" <<<"$hist")
like "berth.image.copyall: the folder copy docker history records ($n)" \
	"$(ev "$f" "$p/pkgs:1" berth.image.copyall)" "dir:[0-9a-f]+ in /app"
is "the clean image has no berth.image finding" "$(rules_of "$f" "$p/clean:1")" ""
is "the pulled image has only berth.image.unofficial" "$(rules_of "$f" "$reg/$p/app:1")" "berth.image.unofficial "

digest=$(docker inspect -f '{{index .RepoDigests 0}}' "$reg/$p/app:1")
is "berth.image.unofficial names the registry docker inspect gives ($digest)" \
	"$(ev "$f" "$reg/$p/app:1" berth.image.unofficial)" \
	"RepoDigests=${digest%@*}: a registry not in trusted_registries"
is "a pulled image is the only one judged unofficial" \
	"$(awk -F'\t' '$2 == "berth.image.unofficial" { print $1 }' <<<"$f" | grep -c "$p")" 1

created=$(docker inspect -f '{{.Created}}' "$p/old:1")
days=$(( ($(date +%s) - $(date -d "$created" +%s)) / 86400 ))
is "berth.image.age counts the days since docker inspect's Created ($created)" \
	"$(ev "$f" "$p/old:1" berth.image.age)" \
	"Created=2020-01-01 ($days days ago, limit 90)"
is "the images built today are not old" \
	"$(ev "$f" "$p/pkgs:1" berth.image.age)$(ev "$f" "$p/clean:1" berth.image.age)" ""

# the policy: the registry trusted, a longer limit
printf 'trusted_registries = "127.0.0.1:*"\nimage_max_age = %d\n' \
	$((days + 1)) >"$d/policy.conf"
f=$(audit "$d/policy.conf")
is "with 127.0.0.1:* trusted the pulled image is not unofficial" \
	"$(ev "$f" "$reg/$p/app:1" berth.image.unofficial)" ""
is "with image_max_age = $((days + 1)) the 2020 image is not old" \
	"$(ev "$f" "$p/old:1" berth.image.age)" ""
printf 'image_max_age = 0\n' >"$d/bad.conf"
out=$($berth --config "$d/bad.conf" audit 2>&1)
is "a bad image_max_age exits 2" "$?" 2
like "and says why" "$out" "image_max_age"
imgf='[.findings[] | select(.id | startswith("berth.image.")) | [.object, .id, .evidence]] | sort'
a=$($berth audit --format json | jq -c "$imgf")
like "berth audit's image findings hold the unofficial one" "$a" "berth.image.unofficial"
like "berth posture's image findings hold the unofficial one" \
	"$($berth posture --format json | jq -c "$imgf")" "berth.image.unofficial"
tap_done
