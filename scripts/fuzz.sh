#!/usr/bin/env bash
#! Builds and runs Adjoint's libFuzzer targets (fuzz/, targets in crates/fuzz) on stable
#! Rust: SanitizerCoverage is switched on with -C flags, no nightly and no cargo-fuzz.
#!   parse   random bytes as program text and values
#!   engine  grammar-generated programs through every mode, frames, exports, Hessian,
#!           optimiser, numeric/symbolic differentiation and the layout of the trace
#!   modes   the same grammar through every mode and the reverse/extended check only
#!           (the engine's core; ~50× faster per input than engine)
#!   tensor  tensor-program grammar with JSON inputs through the tensor engine
#! Usage: scripts/fuzz.sh TARGET [RUNS] [-- LIBFUZZER_FLAGS...]
#!   RUNS  inputs to run (default 20000); 0 means until stopped (-max_total_time works too)
#! The corpus grows in $FUZZ_WORK/corpus/TARGET (default target/fuzz-work); a crash is
#! written to $FUZZ_WORK/artifacts/TARGET and the script exits non-zero.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
target="${1:?usage: scripts/fuzz.sh TARGET [RUNS] [-- FLAGS] (targets: parse, engine, modes, tensor)}"
shift
runs=20000
if [ $# -gt 0 ] && [ "$1" != "--" ]; then runs="$1"; shift; fi
# libFuzzer reads -runs=0 as "only the corpus"; unlimited is -1.
[ "$runs" = 0 ] && runs=-1
[ "${1:-}" = "--" ] && shift
case "$target" in parse | engine | modes | tensor) ;; *) echo "fuzz.sh: unknown target '$target' (parse, engine, modes, tensor)" >&2; exit 2 ;; esac

TRIPLE="$(rustc -vV | sed -n 's/^host: //p')"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
FUZZ_WORK="${FUZZ_WORK:-$CARGO_TARGET_DIR/fuzz-work}"
# The flags cargo-fuzz passes (minus the nightly-only sanitizer). --target keeps them off
# build scripts and proc macros.
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cllvm-args=-sanitizer-coverage-stack-depth \
--cfg fuzzing -Cdebug-assertions -Coverflow-checks"
cargo build --manifest-path fuzz/Cargo.toml --release --target "$TRIPLE" --bin "$target"

corpus="$FUZZ_WORK/corpus/$target"
artifacts="$FUZZ_WORK/artifacts/$target"
mkdir -p "$corpus" "$artifacts"
# Seeds: the checked-in corpus (the lecture's programs).
# (modes reads the same grammar as engine, so it starts from engine's seeds.)
seeds="$target"; [ "$target" = modes ] && seeds=engine
cp -n fuzz/seeds/"$seeds"/* "$corpus"/ 2>/dev/null || true
# -max_len keeps each input small (a program of a few statements); -timeout catches
# inputs that take too long (hangs count as failures too); -rss_limit_mb catches blowups.
"$CARGO_TARGET_DIR/$TRIPLE/release/$target" "$corpus" \
  -runs="$runs" -max_len=512 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 "$@"
