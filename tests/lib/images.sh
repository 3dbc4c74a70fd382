# Sourced by tests that need images with properties a build cannot give.
#
#   load_dated TAG DATE DIR   local/busybox loaded again as TAG with a
#                             config whose created time is DATE (the
#                             engine takes Created from the config);
#                             DIR is scratch room

load_dated() {
	local tag=$1 date=$2 dir=$3/dated.$$ cfg
	mkdir -p "$dir"
	docker save local/busybox:latest | tar -x -C "$dir"
	cfg=$(jq -r '.[0].Config' "$dir/manifest.json")
	jq --arg c "$date" '.created = $c' "$dir/$cfg" >"$dir/c.json"
	mv "$dir/c.json" "$dir/$cfg"
	jq --arg t "$tag" '.[0].RepoTags = [$t]' "$dir/manifest.json" >"$dir/m.json"
	mv "$dir/m.json" "$dir/manifest.json"
	rm -f "$dir/repositories"
	tar -c -C "$dir" . | docker load -q >/dev/null
	rm -rf "$dir"
}
