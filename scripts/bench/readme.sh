#!/usr/bin/env bash
# scripts/bench/readme.sh JSON [README]: the README's performance table
# (between its bench markers) made again from one `make bench` JSON, so
# the figures a reader sees are the last run's, never typed by hand.
set -euo pipefail
json=$1
readme=${2:-README.md}
begin='<!-- bench:begin (scripts/bench/readme.sh writes this table) -->'
end='<!-- bench:end -->'
if ! grep -qF "$begin" "$readme" || ! grep -qF "$end" "$readme"; then
	echo "readme.sh: no bench markers in $readme" >&2
	exit 1
fi

table=$(jq -r '
	def rows: [
	  ["first full list on screen, ms (vs docker ps -a in the same pane)", "first_list_ms", "cli_ps_screen_ms"],
	  ["docker ps -a alone, wall ms", null, "cli_ps_ms"],
	  ["RSS idle, MB (vs docker stats)", "berth_rss_mb", "cli_rss_mb"],
	  ["private dirty idle, MB", "berth_private_dirty_mb", "cli_private_dirty_mb"],
	  ["private dirty after the long sample, MB", "berth_long_private_dirty_mb", null],
	  ["own CPU idle, live stats, % of a core", "berth_cpu_pct", "cli_cpu_pct"],
	  ["engine connections idle", "berth_engine_conns", "cli_engine_conns"],
	  ["engine CPU with it, % (dockerd+containerd)", "berth_engine_cpu_pct", "cli_engine_cpu_pct"],
	  ["event to screen, ms (vs docker stop -t 0)", "event_ms", "cli_stop_ms"],
	  ["posture pass, ms (vs docker inspect of all)", "posture_ms", "cli_inspect_ms"],
	  ["engine CPU of that pass, ms", "posture_engine_cpu_ms", "cli_inspect_engine_cpu_ms"],
	  ["log flood shown, lines/s (vs docker logs -f of it)", "flood_lines_s", "flood_cli_lines_s"],
	  ["lines/s the engine logged meanwhile", null, "flood_produced_lines_s"],
	  ["q to exit, ms: containers pane (vs a program that exits on one key)", "quit_ms", "key_floor_ms"],
	  ["q to exit, ms: logs pane under the flood (vs the same)", "flood_quit_ms", "flood_key_floor_ms"]
	];
	def v($r; $k): if $k == null then "" else ($r[$k] // "n/a" | tostring) end;
	.results as $res | ($res | keys | sort_by(tonumber)) as $ns |
	"| figure | " + ($ns | map("N = \(.) (\($res[.].running // "?") running): berth | docker") | join(" | ")) + " |",
	"| --- |" + ($ns | map(" ---: | ---: |") | join("")),
	(rows[] as $row |
	  "| \($row[0]) | " + ($ns | map(v($res[.]; $row[1]) + " | " + (v($res[.]; $row[2]) | if . == "" then "—" else . end)) | join(" | ")) + " |"),
	"",
	"Measured \(.time) on \(.machine.cpus // "?") cores, \(.machine.mem_mb // "?") MB, load average \(.machine.load_start // "?") at the start and \(.machine.load_end // "?") at the end; idle windows \(.idle_s) s, long sample \(.long_s) s.",
	(.notes[] | "Note: " + .)
' "$json")

tmp=$(mktemp)
awk -v b="$begin" -v e="$end" -v t="$table" '
	$0 == b { print; print t; skip = 1; next }
	$0 == e { skip = 0 }
	!skip' "$readme" >"$tmp"
cat "$tmp" >"$readme"
rm -f "$tmp"
