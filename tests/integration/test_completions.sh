#!/usr/bin/env bash
# Shell completion made by `berth completions bash|zsh|fish` from
# berth's own tables: subcommands, options, option values, theme names,
# and container and image names asked of the engine (compared with the
# docker CLI's), quick and quiet when the engine is away.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh
berth=${BERTH:-build/san/berth}
tmp=$(mktemp -d)
pfx=berth-cmp-$$
trap 'docker rm -f "$pfx-one" "$pfx-two" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
# the scripts call `berth`: this one
ln -s "$(cd "$(dirname "$berth")" && pwd)/$(basename "$berth")" "$tmp/berth"
export PATH="$tmp:$PATH"
docker create --name "$pfx-one" --network none local/busybox:latest true >/dev/null
docker create --name "$pfx-two" --network none local/busybox:latest true >/dev/null

berth completions bash >"$tmp/berth.bash"
is "the bash script is made" "$?" 0
# comp WORDS...: what bash completes for the last word
comp() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _berth
		printf "%s\n" "${COMPREPLY[@]}"' _ "$tmp/berth.bash" "$@" | sort
}
is "complete -p: the function is bound" \
	"$(bash -c ". $tmp/berth.bash; complete -p berth")" "complete -F _berth berth"
is "berth au<TAB>: audit" "$(comp berth au)" audit
is "every command --help lists completes" \
	"$(comp berth '' | tr '\n' ' ')" \
	"$(berth --help | awk '/^Commands/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }' | sort | tr '\n' ' ')"
like "global options" "$(comp berth --th)" '^--theme$'
mkdir -p "$tmp/cfg/berth/themes"
cp themes/light.theme "$tmp/cfg/berth/themes/mine.theme"
is "--theme: default and the user's own themes" \
	"$(XDG_CONFIG_HOME=$tmp/cfg comp berth --theme '' | tr '\n' ' ')" "default mine "
is "audit --format: its formats" "$(comp berth audit --format '' | tr '\n' ' ')" "json sarif text "
is "export --as c: compose" "$(comp berth export --as c)" compose
is "a command's options" "$(comp berth logs --t)" "--tail"
# berth watch's own --help (its getopt table's usage) against what the
# completion offers: the command table must name every option it takes
want=$("$berth" watch --help | grep -oE -- '--[a-z-]+' | grep -v -- '^--help$' | sort -u)
got=$(comp berth watch -- | grep -oE -- '--[a-z-]+' | sort -u)
is "watch: every option of its --help completes" "$(comm -23 <(echo "$want") <(echo "$got"))" ""
is "logs NAME: the engine's containers of that prefix, as docker ps -a has them" \
	"$(comp berth logs "$pfx-")" "$(docker ps -a --format '{{.Names}}' | grep "^$pfx-" | sort)"
is "after global options too" "$(comp berth -H "$DOCKER_HOST" shell "$pfx-o")" "$pfx-one"
is "image NAME: the engine's images, as docker images has them" \
	"$(comp berth image local/)" "$(docker images --format '{{.Repository}}:{{.Tag}}' | grep '^local/' | sort)"
is "lint FILE: files" "$(comp berth lint tests/data/config_f)" "tests/data/config_full.conf"
out=$(berth ps -a --names 2>&1 >/dev/null)
is "ps --names writes nothing else (no sanitizer report either)" "$out" ""

# the engine away: nothing, at once, silently
t0=$(date +%s%N)
got=$(DOCKER_HOST=unix://$tmp/none.sock comp berth logs x 2>&1)
ms=$((($(date +%s%N) - t0) / 1000000))
is "engine away: no names and no message" "$got" ""
if [ "$ms" -lt 1500 ]; then ok "engine away: answered in $ms ms"; else not_ok "engine away: answered in $ms ms (over 1.5 s)"; fi

# zsh runs the same function through bashcompinit
berth completions zsh >"$tmp/berth.zsh"
if zsh -n "$tmp/berth.zsh"; then ok "the zsh script parses"; else not_ok "the zsh script parses"; fi
zcomp=$(zsh -c 'autoload -U +X compinit && compinit -u -d "$1/zcd"; . "$1/berth.zsh"
	setopt ksharrays; COMP_WORDS=(berth au); COMP_CWORD=1; _berth; print -l -- $COMPREPLY
	print -- ${_comps[berth]}' _ "$tmp")
is "zsh: berth au<TAB> is audit, bound to berth" "$(printf '%s\n' "$zcomp" | tr '\n' ' ')" "audit _bash_complete -F _berth "

# fish: its own complete lines, with descriptions
berth completions fish >"$tmp/berth.fish"
if fish -n "$tmp/berth.fish"; then ok "the fish script parses"; else not_ok "the fish script parses"; fi
like "fish: berth au<TAB> is audit, described" \
	"$(fish -c "source $tmp/berth.fish; complete -C 'berth au'")" $'^audit\tsecurity findings'
is "fish: logs NAME from the engine" \
	"$(fish -c "source $tmp/berth.fish; complete -C 'berth logs $pfx-t'" | cut -f1)" "$pfx-two"
is "fish: --format values" "$(fish -c "source $tmp/berth.fish; complete -C 'berth watch --format '" | cut -f1 | tr '\n' ' ')" "json text "
berth completions tcsh >/dev/null 2>&1
is "another shell: usage error" "$?" 2
tap_done
