#!/usr/bin/env bash
# Accepted risks, as a person writes them (config `accept` lines and
# container labels) and as every screen shows them: listed with their
# reason, out of the counts, the score and --fail-on; SARIF suppressions;
# an expired one counts again; a label the image carries accepts nothing;
# a malformed line is a FILE:LINE error.  What is checked against the
# engine is what docker inspect says the labels are.
cd "$(dirname "$0")/../.."
. tests/tui/lib.sh

p=acc$$
d=$(mktemp -d /tmp/berth-accept.XXXXXX)
cleanup() {
	docker rm -f $(docker ps -aq --filter "name=^$p-") >/dev/null 2>&1
	docker rmi -f "$p/labelled" >/dev/null 2>&1
	tm kill-server 2>/dev/null
	rm -rf "$d"
}
trap cleanup EXIT

run() { docker run -d --network none "$@" >/dev/null; }
# Three without a memory limit (5.11) or a CPU limit (5.12).
run --name "$p-cfg" local/busybox:latest sleep 600
run --name "$p-lab" --label berth.accept=5.11,5.12 \
	--label "berth.accept.reason=sized by the host's cgroup" \
	local/busybox:latest sleep 600
printf 'FROM local/busybox:latest\nLABEL berth.accept=5.11 berth.accept.reason="the image says so"\n' |
	docker build -q -t "$p/labelled" - >/dev/null 2>&1
run --name "$p-inh" "$p/labelled" sleep 600

cat >"$d/config" <<EOF
# accepted risks
accept 5.11 '$p-cfg' "a batch job, bounded by its queue"
accept 5.12 '$p-c*' "ran out" until 2020-01-01
EOF

json=$($BERTH --config "$d/config" audit --format json)
# acc NAME RULE: "accepted|expired|-" and the reason, from berth's JSON
acc() {
	jq -r --arg n "$1" --arg r "$2" '.findings[] |
		select(.object == $n and .id == $r) |
		if .acceptance == null then "-"
		else (if .acceptance.accepted then "accepted" else "expired" end)
			+ " " + .acceptance.reason + " @" + .acceptance.where end' \
		<<<"$json"
}
is "a config line accepts 5.11 for its subject" "$(acc "$p-cfg" 5.11)" \
	"accepted a batch job, bounded by its queue @$d/config:2"
is "one whose day has passed counts again, and says so" \
	"$(acc "$p-cfg" 5.12)" "expired ran out @$d/config:3"
lab=$(docker inspect -f '{{index .Config.Labels "berth.accept.reason"}}' "$p-lab")
is "the container's own label accepts, with its reason (docker inspect's)" \
	"$(acc "$p-lab" 5.11)" "accepted $lab @label berth.accept"
is "the label's list covers 5.12 too" "$(acc "$p-lab" 5.12 | cut -d' ' -f1)" accepted
is "docker inspect shows the image's label on the container" \
	"$(docker inspect -f '{{index .Config.Labels "berth.accept"}}' "$p-inh")" 5.11
is "a label inherited from the image accepts nothing" "$(acc "$p-inh" 5.11)" "-"
is "the summary counts the accepted ones" "$(jq .summary.accepted <<<"$json")" 3
is "the summary's counts leave them out" \
	"$(jq '[.findings[] | select(.acceptance.accepted | not) | select(.severity == "medium")] | length' <<<"$json")" \
	"$(jq .summary.medium <<<"$json")"
sarif=$($BERTH --config "$d/config" audit --format sarif)
sup() {
	jq -r --arg n "$1" --arg r "$2" '.runs[0].results[] |
		select(.ruleId == $r and .locations[0].logicalLocations[0].name == $n) |
		(.suppressions // [] | map(.kind + ": " + .justification) | join(";"))' <<<"$sarif"
}
is "SARIF: a config acceptance is an external suppression" "$(sup "$p-cfg" 5.11)" \
	"external: a batch job, bounded by its queue ($d/config:2)"
is "SARIF: a label is an inSource one" "$(sup "$p-lab" 5.11)" \
	"inSource: $lab (label berth.accept)"
is "SARIF: an expired one is not suppressed" "$(sup "$p-cfg" 5.12)" ""

# --fail-on: the same audit fails, and passes once everything is accepted.
$BERTH audit --fail-on medium --container "$p-cfg" >/dev/null
is "--fail-on medium fails with the findings counted" "$?" 1
printf 'accept * * "all of it, for this test"\n' >"$d/all"
$BERTH --config "$d/all" audit --fail-on medium --container "$p-cfg" >/dev/null
is "--fail-on medium passes when every finding is accepted" "$?" 0
all=$($BERTH --config "$d/all" audit --format json)
is "with every finding accepted the score is 100" "$(jq .score <<<"$all")" 100
is "and every finding is still listed" "$(jq '.findings | length' <<<"$all")" \
	"$(jq '.findings | length' <<<"$json")"

# The posture pane's own model says the same.
same() {
	jq -r '[.findings[] | select(.acceptance != null) |
		.object + " " + .id + " " + (.acceptance.accepted | tostring)] | sort | .[]' |
		grep -F "$p-"
}
is "berth posture --format json accepts what berth audit accepts" \
	"$($BERTH --config "$d/config" posture --format json | same)" "$(same <<<"$json")"

# Malformed lines stop every command with FILE:LINE.
printf 'theme = default\n\naccept 5.11 %s\n' "$p-cfg" >"$d/bad"
err=$($BERTH --config "$d/bad" audit 2>&1 >/dev/null)
rc=$?
is "a line without a reason stops berth audit (exit 2)" "$rc" 2
like "and says FILE:LINE" "$err" "$d/bad:3: expected 'accept RULE SUBJECT"
printf 'accept 5.11 x "y" until 2026-02-30\n' >"$d/bad"
like "a day that is not one is refused" \
	"$($BERTH --config "$d/bad" posture --format json 2>&1 >/dev/null)" \
	"$d/bad:1: accept: until '2026-02-30' is not a date"
printf 'accept 9.99 x "y"\n' >"$d/bad"
like "a rule that does not exist is refused" \
	"$($BERTH --config "$d/bad" watch --once 2>&1 >/dev/null)" \
	"$d/bad:1: accept: '9.99' names no rule"

# The pane: listed, dimmed, with the reason.
berth_start 200 60 --config "$d/config" posture "$p-cfg"
expect_screen "the pane shows the container's findings" "FINDINGS of $p-cfg" 15
expect_screen "an accepted finding says why it is accepted" \
	"accepted: a batch job, bounded by its queue ($d/config:2)" 10
expect_screen "an expired one says it ran out" "acceptance ran out: ran out" 5
# dimmed: in the attribute the theme gives the "why:" lines
raw=$(tm capture-pane -p -e -t 0)
dim=$(grep -o $'\e\\[[0-9;]*m *why: ' <<<"$raw" | head -1 | sed 's/ *why: $//')
acc_line=$(grep -F "5.11  No memory limit" <<<"$raw" | head -1)
if [ -n "$dim" ] && [[ $acc_line == *"${dim}medium"* ]]; then
	ok "the accepted finding is drawn dimmed"
else
	not_ok "the accepted finding is drawn dimmed"
	printf '#   dim %q line %q\n' "$dim" "$acc_line"
fi
berth_quit
tui_done
