#!/usr/bin/env bash
# An image's files read through the engine's export, against docker save
# of the same image unpacked with Python's tarfile (whiteouts applied the
# way the image spec says):
#   every layer's entries and sizes, the final file system's setuid and
#   setgid files, its OS from /etc/os-release, its dpkg packages;
#   CIS 4.8 (setuid/setgid) and berth.image.eol (a base OS past its end
#   of life) where they should fire and nowhere else; the disk cache.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=${BERTH:-build/san/berth}
p=imgc$$
d=$(mktemp -d /tmp/berth-imgc.XXXXXX)
export XDG_CACHE_HOME=$d/cache
cleanup() {
	docker rmi -f "$p/old:1" "$p/new:1" >/dev/null 2>&1
	rm -rf "$d"
}
trap cleanup EXIT

mkdir -p "$d/ctx"
cat >"$d/ctx/os9" <<'OS'
PRETTY_NAME="Debian GNU/Linux 9 (stretch)"
NAME="Debian GNU/Linux"
VERSION_ID="9"
VERSION_CODENAME=stretch
ID=debian
OS
sed -e 's/9 (stretch)/12 (bookworm)/; s/"9"/"12"/; s/stretch/bookworm/' "$d/ctx/os9" >"$d/ctx/os12"
cat >"$d/ctx/status" <<'ST'
Package: libc6
Status: install ok installed
Version: 2.24-11+deb9u4

Package: gone
Status: deinstall ok config-files
Version: 1.0

Package: bash
Status: install ok installed
Version: 4.4-5
ST
# old: an EOL release, packages, a setuid and a setgid file, a file
# overwritten and one removed in a later layer (hidden bytes)
cat >"$d/ctx/Dockerfile" <<'DF'
FROM local/busybox:latest
COPY os9 /usr/lib/os-release
RUN ln -s ../usr/lib/os-release /etc/os-release && mkdir -p /var/lib/dpkg
COPY status /var/lib/dpkg/status
RUN cp /bin/busybox /bin/suid && chmod 4755 /bin/suid && \
    cp /bin/busybox /bin/sgid && chmod 2755 /bin/sgid && \
    cp /bin/busybox /bin/gone && head -c 5000 /bin/busybox > /big
RUN rm /bin/gone && echo small > /big
DF
docker build -q -t "$p/old:1" "$d/ctx" >/dev/null 2>&1
printf 'FROM local/busybox:latest\nCOPY os12 /etc/os-release\n' >"$d/ctx/Dockerfile"
docker build -q -t "$p/new:1" "$d/ctx" >/dev/null 2>&1
if docker image inspect "$p/old:1" "$p/new:1" >/dev/null 2>&1; then
	ok "the images were built"
else
	not_ok "the images were built"
fi

# The reference: docker save, every layer listed in manifest order with
# whiteouts applied by the spec, in the shape berth's JSON has.
reference() {
	docker save "$1" >"$d/save.tar"
	python3 - "$d/save.tar" <<'PY'
import json, sys, tarfile, io
outer = tarfile.open(sys.argv[1])
man = json.load(outer.extractfile("manifest.json"))[0]
layers = []
for key in man["Layers"]:
    t = tarfile.open(fileobj=io.BytesIO(outer.extractfile(key).read()))
    ents = []
    for m in t.getmembers():
        path = m.name.lstrip("./").rstrip("/") if m.name not in (".", "./") else ""
        if path == "":
            continue
        base = path.rsplit("/", 1)[-1]
        parent = path.rsplit("/", 1)[0] if "/" in path else ""
        if base == ".wh..wh..opq":
            ents.append({"path": parent, "type": "opaque"})
        elif base.startswith(".wh."):
            ents.append({"path": (parent + "/" if parent else "") + base[4:], "type": "whiteout"})
        else:
            typ = "dir" if m.isdir() else "symlink" if m.issym() else "link" if m.islnk() else "file" if m.isfile() else "other"
            ents.append({"path": path, "type": typ, "mode": "%04o" % (m.mode & 0o7777),
                         "size": m.size if m.isfile() else 0})
    layers.append(ents)
# the final file system, top layer first
gone, opaque, seen, final = set(), set(), {}, {}
def under(p, s):
    return any(p == x or p.startswith(x + "/") for x in s)
for i in range(len(layers) - 1, -1, -1):
    mine = []
    for e in layers[i]:
        if e["type"] in ("whiteout", "opaque"):
            continue
        p = e["path"]
        hid = p in gone or under(p, gone) or any(p.startswith(x + "/") for x in opaque) \
              or (p in seen and not (seen[p] == "dir" and e["type"] == "dir")) \
              or any(p.startswith(x + "/") and seen[x] != "dir" for x in seen)
        e["hidden"] = hid
        if not hid:
            mine.append(e)
            if p not in final:
                final[p] = (e, i)
    for e in layers[i]:
        if e["type"] == "whiteout": gone.add(e["path"])
        elif e["type"] == "opaque": opaque.add(e["path"])
    for e in mine:
        seen.setdefault(e["path"], e["type"])
suid = sorted("%s %s %d" % (p, e["mode"], i) for p, (e, i) in final.items()
              if e["type"] == "file" and int(e["mode"], 8) & 0o6000)
wasted = sum(e["size"] for l in layers for e in l if e.get("hidden") and e["type"] == "file")
# stacked bottom up: each layer's whiteouts take from the layers below,
# then its entries go on top; what leaves the stack is changed (at its
# own path) or removed by that layer, as berth counts them
content = lambda t: t not in ("dir", "whiteout", "opaque")
stack, counts, dive = {}, [], {}
def drop_under(p, L):
    gone = [q for q in stack if q.startswith(p + "/")]
    n = sum(1 for q in gone if content(stack[q]["type"]))
    for q in gone:
        del stack[q]
    return n
for L, ents in enumerate(layers):
    added = changed = removed = 0
    parents = set(e["path"].rsplit("/", 1)[0] for e in ents if "/" in e["path"])
    for e in ents:  # dive: every leaf of this layer's tree
        if e["type"] == "opaque" or (e["type"] == "dir" and e["path"] in parents):
            continue
        if e["type"] == "whiteout":
            prev = stack.get(e["path"])
            size = sum(stack[q].get("size", 0) for q in stack if q.startswith(e["path"] + "/")) \
                if prev and prev["type"] == "dir" else 0
        else:
            size = e["size"]
        d = dive.setdefault(e["path"], [0, None, 0])
        d[0] += size
        d[1] = size if d[1] is None else min(d[1], size)
        d[2] += 1
    for e in ents:
        if e["type"] == "whiteout":
            prev = stack.pop(e["path"], None)
            removed += (1 if prev and content(prev["type"]) else 0) + drop_under(e["path"], L)
        elif e["type"] == "opaque":
            removed += drop_under(e["path"], L)
    for e in ents:
        if e["type"] in ("whiteout", "opaque"):
            continue
        prev = stack.get(e["path"])
        if prev and content(prev["type"]):
            changed += 1
        elif prev and prev["type"] == "dir" and e["type"] != "dir":
            removed += drop_under(e["path"], L)
        if content(e["type"]) and not (prev and content(prev["type"])):
            added += 1
        stack[e["path"]] = e
    counts.append([added, changed, removed])
mins = sum(v[1] for v in dive.values())
cums = sum(v[0] for v in dive.values())
print(json.dumps({"layers": [[ [e["path"], e["type"], e.get("mode"), e.get("size"), e.get("hidden")]
                               for e in l] for l in layers],
                  "setuid": suid, "wasted": wasted,
                  "files": sum(1 for p, (e, i) in final.items() if e["type"] != "dir"),
                  "counts": counts,
                  "efficiency": "%.6f" % (mins / cums if cums else 1.0),
                  "dive_wasted": sum(v[0] for v in dive.values() if v[2] >= 2)}))
PY
}
mine() { # berth's JSON in the reference's shape
	jq -c '{layers: [.layers[].entries | map([.path, .type,
		(if .type == "whiteout" or .type == "opaque" then null else .mode end),
		(if .type == "whiteout" or .type == "opaque" then null else .size end),
		(if .type == "whiteout" or .type == "opaque" then null else .hidden end)])],
		setuid: ([.setuid[] | "\(.path) \(.mode) \(.layer)"] | sort),
		wasted: .wasted_bytes, files: .files,
		counts: [.layers[] | [.added, .changed, .removed]],
		efficiency: (.efficiency * 1000000 | round / 1000000 |
			tostring | .[0:8]), dive_wasted: .dive_wasted_bytes}'
}

$berth image --format json --files "$p/old:1" >"$d/old.json"
is "berth image exits 0" "$?" 0
ref=$(reference "$p/old:1")
got=$(mine <"$d/old.json")
is "every layer's entries, modes, sizes and hidden flags equal docker save's" \
	"$(jq -c .layers <<<"$got")" "$(jq -c .layers <<<"$ref")"
n=$(jq '[.layers[][]] | length' <<<"$ref")
[ "$n" -gt 250 ] && ok "the reference lists $n entries" || not_ok "the reference lists only $n entries"
is "the setuid and setgid files of the final file system" \
	"$(jq -c .setuid <<<"$got")" "$(jq -c .setuid <<<"$ref")"
like "they are /bin/suid and /bin/sgid" "$(jq -c .setuid <<<"$got")" '"bin/sgid 2755 [0-9]+","bin/suid 4755 [0-9]+"'
is "the bytes upper layers hide" "$(jq .wasted <<<"$got")" "$(jq .wasted <<<"$ref")"
[ "$(jq .wasted <<<"$got")" -gt 5000 ] && ok "hidden bytes include the removed and the overwritten file" ||
	not_ok "hidden bytes include the removed and the overwritten file"
is "the final file count" "$(jq .files <<<"$got")" "$(jq .files <<<"$ref")"
is "each layer's files added, changed and removed" \
	"$(jq -c .counts <<<"$got")" "$(jq -c .counts <<<"$ref")"
is "dive's wasted space, computed as dive does" \
	"$(jq .dive_wasted <<<"$got")" "$(jq .dive_wasted <<<"$ref")"
eff=$(jq -r .efficiency <<<"$ref")
like "dive's efficiency score ($eff)" "$(jq -r .efficiency "$d/old.json")" "^${eff:0:6}"
is "the base OS through the /etc/os-release symlink" \
	"$(jq -r '.base_os | "\(.id) \(.version_id) \(.codename) \(.supported)"' "$d/old.json")" "debian 9 stretch false"
is "the installed dpkg packages (not the deinstalled one)" \
	"$(jq -r '[.packages.items[] | "\(.name)=\(.version)"] | join(" ")' "$d/old.json")" \
	"bash=4.4-5 libc6=2.24-11+deb9u4"

audit=$($berth audit --format json)
ev() { jq -r --arg o "$1" --arg r "$2" '.findings[] | select(.object == $o and .id == $r) | .evidence' <<<"$audit"; }
like "berth.image.eol names Debian 9's end of life" "$(ev "$p/old:1" berth.image.eol)" \
	"Debian GNU/Linux 9 \(stretch\) \(ID=debian VERSION_ID=9\), end of life 2022-06-30"
like "4.8 lists the setuid and the setgid file" "$(ev "$p/old:1" 4.8)" "/bin/suid \(setuid, 4755\); /bin/sgid \(setgid, 2755\)|/bin/sgid \(setgid, 2755\); /bin/suid \(setuid, 4755\)"
is "a supported release has no berth.image.eol" "$(ev "$p/new:1" berth.image.eol)" ""
is "busybox has neither finding" "$(ev local/busybox:latest 4.8)$(ev local/busybox:latest berth.image.eol)" ""
is "berth image has the findings berth audit has" \
	"$(jq -c '[.findings[] | [.id, .evidence]] | sort' "$d/old.json")" \
	"$(jq -c --arg o "$p/old:1" '[.findings[] | select(.object == $o) | [.id, .evidence]] | sort' <<<"$audit")"
is "berth posture judges the files as berth audit does" \
	"$($berth posture --format json | jq -c --arg o "$p/old:1" '[.findings[] | select(.object == $o) | [.id, .evidence]] | sort')" \
	"$(jq -c --arg o "$p/old:1" '[.findings[] | select(.object == $o) | [.id, .evidence]] | sort' <<<"$audit")"

# an end-of-life table of one's own: Debian 12 declared over
printf 'debian\t12\t2020-01-01\tDebian 12 (test)\thttps://example.invalid/eol\n' >"$d/eol.tsv"
like "--eol-file's line replaces the shipped one" \
	"$($berth --eol-file "$d/eol.tsv" audit --format json | jq -r --arg o "$p/new:1" '.findings[] | select(.object == $o and .id == "berth.image.eol") | .evidence')" \
	"end of life 2020-01-01 .*example.invalid"
printf 'debian\t12\tlater\n' >"$d/bad.tsv"
out=$($berth --eol-file "$d/bad.tsv" audit 2>&1)
is "a damaged table exits 2" "$?" 2
like "and names the file and line" "$out" "bad.tsv:1:"

# the cache: one file per image id, read again instead of the export
id=$(docker image inspect -f '{{.Id}}' "$p/old:1")
f=$XDG_CACHE_HOME/berth/images/${id/:/-}.contents
[ -s "$f" ] && ok "the contents are cached by image id" || not_ok "the contents are cached by image id"
is "a second look gives the same answer" "$($berth image --format json --files "$p/old:1" | mine)" "$got"
echo garbage >"$f"
is "a damaged cache file is read again from the engine" "$($berth image --format json --files "$p/old:1" | mine)" "$got"
like "and replaced" "$(head -1 "$f")" "^berth-contents 2$"
out=$($berth image --format json no-such-image:1 2>&1)
is "an unknown image exits 1" "$?" 1
like "and says so" "$out" "No such image|no such image"
tap_done
