#!/usr/bin/env bash
# make demo: a private engine with a seeded workload, and berth on it.
# The engine lives under $BERTH_DEMO_DIR (default /tmp/berth-demo) and is
# stopped when berth exits, unless BERTH_DEMO_KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${BERTH_DEMO_DIR:-/tmp/berth-demo}
scripts/engine.sh start "$dir"
if [ "${BERTH_DEMO_KEEP:-0}" != 1 ]; then
	trap 'echo "demo: stopping the private engine (containers get their stop timeout)" >&2; scripts/engine.sh stop "$dir"' EXIT
fi
export DOCKER_HOST="unix://$dir/docker.sock"
echo "demo: seeding the private engine at $DOCKER_HOST" >&2
scripts/engine.sh seed "$dir"
scripts/demo-seed.sh
./berth "$@"
