#!/usr/bin/env bash
#! Serves the Adjoint app at http://127.0.0.1:8080 (loopback only) and rebuilds it when a
#! source file changes. Installs whatever tools are missing first (the first run on a
#! new machine takes about 15 minutes; after that, seconds). No browser is installed.
#! Extra arguments go to `trunk serve` (for example --port 8081 or --release).
#! Usage: scripts/serve.sh [trunk serve options]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TOOLS="${ADJOINT_TOOLS:-$HOME/.adjoint-tools}"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$TOOLS/node_modules/.bin:$PATH"
# Trunk would otherwise ask crates.io for its own updates at every start.
export TRUNK_SKIP_VERSION_CHECK=true

bash scripts/install-tools.sh --no-browser
# Trunk.toml sets offline = true, which passes --offline to cargo: fetch crates first.
printf '\033[1m==> %s\033[0m\n' "cargo fetch --locked" >&2
cargo fetch --locked
printf '\033[1m==> %s\033[0m\n' "trunk serve: open http://127.0.0.1:8080 once the first build finishes (Ctrl-C stops it)" >&2
exec trunk serve "$@"
