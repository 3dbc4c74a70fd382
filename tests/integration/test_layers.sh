#!/usr/bin/env bash
# make layers: the checker itself, on small trees made here, so that it is
# known to fail where it must (a forbidden include, a circle, a stale
# debt) and to pass the project's own tree.
cd "$(dirname "$0")/../.."
. tests/lib/tap.sh

t=$(mktemp -d /tmp/berth-layers.XXXXXX)
trap 'rm -rf "$t"' EXIT
mkdir -p "$t/api" "$t/posture" "$t/views" "$t/tui"
printf '#include "api/a.h"\n' >"$t/api/a.c"
printf '/* a */\n' >"$t/api/a.h"
printf '#include "api/a.h"\n' >"$t/posture/p.c"

out=$(python3 scripts/layers.py "$t")
is "a tree that points down is clean" "$?" 0

printf '#include <stdio.h>\n#include "views/v.h"\n' >"$t/api/b.c"
printf '/* v */\n' >"$t/views/v.h"
out=$(python3 scripts/layers.py "$t")
rc=$?
is "an include that points up fails" "$rc" 1
like "it names the file and line" "$out" '^api/b\.c:2: api/ may not include views/'
rm "$t/api/b.c"

# A module's private X_impl.h is part of it; from another folder it is
# refused.
printf '#include "views/x_impl.h"\n' >"$t/views/x.c"
printf '#include "views/x.h"\n' >"$t/views/x_impl.h"
printf '/* x */\n' >"$t/views/x.h"
printf '#include "views/x_impl.h"\n' >"$t/views/x_draw.c"
out=$(python3 scripts/layers.py "$t")
is "X.c, X.h and X_impl.h are one module, not a circle" "$?" 0
mkdir -p "$t/cli"
printf '#include "views/x_impl.h"\n' >"$t/cli/c.c"
out=$(python3 scripts/layers.py "$t")
like "X_impl.h from another folder fails" "$out" \
	'^cli/c\.c:1: views/x_impl\.h is private to views/'
rm -f "$t/cli/c.c" "$t/views/x.c" "$t/views/x_impl.h" \
	"$t/views/x.h" "$t/views/x_draw.c"

printf '#include "tui/t.h"\n' >"$t/views/w.c"
printf '#include "views/w.h"\n' >"$t/tui/t.h"
printf '/* w */\n' >"$t/views/w.h"
out=$(python3 scripts/layers.py "$t")
like "tui/ may not use views/" "$out" '^tui/t\.h:1: tui/ may not include views/'
like "a circle between folders is named" "$out" 'circle between folders: tui <-> views'
rm "$t/views/w.c" "$t/tui/t.h" "$t/views/w.h"

printf '#include "posture/y.h"\n' >"$t/posture/x.c"
printf '/* x */\n' >"$t/posture/x.h"
printf '#include "posture/x.h"\n' >"$t/posture/y.c"
printf '/* y */\n' >"$t/posture/y.h"
out=$(python3 scripts/layers.py "$t")
like "a circle between files is named" "$out" 'circle between files: posture/x <-> posture/y'
printf 'circle posture/x posture/y\n' >"$t/debt"
out=$(python3 scripts/layers.py --debt "$t/debt" "$t")
is "a listed debt passes" "$?" 0
rm "$t/posture/y.c"
out=$(python3 scripts/layers.py --debt "$t/debt" "$t")
like "a debt that was paid must leave the list" "$out" 'circle posture/x posture/y is gone'

out=$(make -s layers 2>&1)
is "the project's own tree passes make layers" "$?" 0
like "and says how many debts are left" "$out" 'known debts left'
tap_done
