#!/usr/bin/env bash
#! Where the bytes of the app's wasm go (a benchmark aid for BENCHMARKS.md, not a test).
#! Builds adjoint-web for wasm32 with v0 symbol mangling (generic functions then name
#! the crates of their type arguments) into its own target dir, then runs
#! scripts/wasm-size.py on cargo's wasm (before wasm-bindgen/wasm-opt strip the names):
#! code per crate, generic families compiled most often, biggest functions, data split.
#! Usage: scripts/wasm-size.sh [--top N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target/wasm-size}"
RUSTFLAGS="-Csymbol-mangling-version=v0" \
  cargo build --release --target wasm32-unknown-unknown -p adjoint-web
python3 scripts/wasm-size.py "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/adjoint-web.wasm" "$@"
