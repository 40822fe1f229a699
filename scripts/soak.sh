#!/usr/bin/env bash
#! The volume run of a fuzz target: COUNT seeded random inputs through the target without
#! SanitizerCoverage (crates/fuzz/src/bin/soak.rs), built with optimisations plus debug
#! assertions and overflow checks (like the libFuzzer build). Complements scripts/fuzz.sh,
#! whose coverage guidance finds deep inputs but runs each several times slower.
#! Usage: scripts/soak.sh TARGET COUNT [SEED]   (TARGET: parse, engine, modes, tensor)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[ $# -ge 2 ] || { echo "usage: scripts/soak.sh TARGET COUNT [SEED]" >&2; exit 2; }
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export CARGO_PROFILE_RELEASE_NATIVE_DEBUG_ASSERTIONS=true
export CARGO_PROFILE_RELEASE_NATIVE_OVERFLOW_CHECKS=true
cargo build --quiet --profile release-native -p adjoint-fuzz --bin soak
"$CARGO_TARGET_DIR/release-native/soak" "$@"
