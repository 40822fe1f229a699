#!/usr/bin/env bash
#! Runs every benchmark that this machine can run and prints one table at the end
#! (a benchmark, not a test: figures go in BENCHMARKS.md with the command). Sections:
#!   engine    engine_times on chain, product, mlp (forward+reverse, extended graph)
#!   memory    peak RSS of a 1e6-op chain with its extended graph alive, bytes per node
#!   compare   micrograd 0.1.0 and PyTorch CPU side by side with ours (bench/compare.py),
#!             if either is importable by python3
#!   wasm      the same engine built for wasm32 and run in Node vs native
#!             (bench/wasm_vs_native.cjs), if node and wasm-bindgen are installed
#!   layout    our layout vs Graphviz dot (crates/layout/examples/compare_dot), if dot is
#!   web       transfer size and keypress → paint (scripts/bench-web.sh), if dist/ and
#!             Chromium exist
#! Usage: scripts/bench.sh [--quick] [--only SECTION[,SECTION...]]
#!   --quick  sizes up to 1e5 only, fewer web steps (minutes instead of ~half an hour)
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TOOLS="${ADJOINT_TOOLS:-$HOME/.adjoint-tools}"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$TOOLS/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

QUICK=0
ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1; shift ;;
    --only) ONLY=",${2:?--only needs sections},"; shift 2 ;;
    -h | --help) sed -n -e 's/^#! //p' -e 's/^#!$//p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
if [ "$QUICK" = 1 ]; then SIZES="1000,10000,100000"; else SIZES="1000,10000,100000,1000000"; fi

LOG="$(mktemp -d "${TMPDIR:-/tmp}/adjoint-bench-all.XXXXXX")"
SUMMARY=()
bold() { printf '\033[1m%s\033[0m\n' "$*"; }
want() { [ -z "$ONLY" ] || [[ "$ONLY" == *",$1,"* ]]; }
note() { SUMMARY+=("$(printf '%-9s %s' "$1" "$2")"); }

NATIVE="$CARGO_TARGET_DIR/release-native/engine_times"
build_native() {
  [ -x "$NATIVE" ] && [ -z "${REBUILD:-}" ] && return 0
  cargo build --quiet --profile release-native -p adjoint-bench --bin engine_times
}

if want engine; then
  bold "==> [engine] engine_times (ns per op node, medians)"
  if build_native; then
    specs=()
    for n in ${SIZES//,/ }; do specs+=("chain:$n" "product:$n"); done
    specs+=("mlp:100000")
    "$NATIVE" "${specs[@]}" >"$LOG/engine.jsonl"
    python3 bench/engine_table.py <"$LOG/engine.jsonl" | tee "$LOG/engine.txt"
    note engine "$(awk 'NR > 1 { printf "%s%s %s: %s/%s ns", sep, $1, $2, $4, $5; sep = "; " }' "$LOG/engine.txt") (fwd+bwd/extend per op)"
  else
    note engine "FAILED to build engine_times"
  fi
fi

if want memory; then
  bold "==> [memory] 1e6-op chain + extended graph, peak RSS"
  if cargo build --quiet --profile bench -p adjoint-engine --example memory; then
    /usr/bin/time -v "$CARGO_TARGET_DIR/release/examples/memory" 1000000 >"$LOG/memory.txt" 2>&1
    cat "$LOG/memory.txt" | grep -E "chain N|ns/op|Maximum resident"
    rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$LOG/memory.txt")
    nodes=$(sed -n 's/.*forward nodes \([0-9]*\), extended nodes \([0-9]*\).*/\2/p' "$LOG/memory.txt")
    if [ -n "$rss_kb" ] && [ -n "$nodes" ]; then
      note memory "$(awk -v k="$rss_kb" -v n="$nodes" 'BEGIN { printf "peak %.0f MB for %d extended-graph nodes (forward graph alive too): %.0f bytes per node", k / 1024, n, k * 1024 / n }')"
    else
      note memory "no figure (see $LOG/memory.txt)"
    fi
  else
    note memory "FAILED to build examples/memory"
  fi
fi

if want compare; then
  bold "==> [compare] micrograd and PyTorch, same run"
  if python3 -c 'import micrograd' 2>/dev/null || python3 -c 'import torch' 2>/dev/null; then
    if build_native && python3 bench/compare.py --sizes "$SIZES" --engine "$NATIVE" | tee "$LOG/compare.txt"; then
      note compare "$(awk '/^(chain|product) 1,000 / { printf "%s%s 1e3: %s vs micrograd, %s vs torch; ", "", $1, $7, $8 } /^product 1,000,000 / { printf "product 1e6: %s vs torch (bwd), %s vs create_graph", $8, $12 }' "$LOG/compare.txt")"
    else
      note compare "FAILED (see above)"
    fi
  else
    note compare "skipped: neither micrograd nor torch importable (pip install micrograd==0.1.0 torch)"
  fi
fi

if want wasm; then
  bold "==> [wasm] the engine in wasm (Node) vs native"
  if command -v node >/dev/null && command -v wasm-bindgen >/dev/null; then
    if build_native && cargo build --quiet --profile release-native --target wasm32-unknown-unknown -p adjoint-bench --lib \
      && wasm-bindgen --target nodejs --out-dir "$LOG/wasm-pkg" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release-native/adjoint_bench.wasm"; then
      node bench/wasm_vs_native.cjs "$LOG/wasm-pkg" "$NATIVE" | tee "$LOG/wasm.txt"
      note wasm "$(awk 'NR > 2 { printf "%s%s %s: %s / %s", sep, $1, $2, $5, $8; sep = "; " }' "$LOG/wasm.txt") (wasm/native, fwd+bwd / extend)"
    else
      note wasm "FAILED to build the wasm bench"
    fi
  else
    note wasm "skipped: node or wasm-bindgen missing (scripts/install-tools.sh)"
  fi
fi

if want layout; then
  bold "==> [layout] ours vs Graphviz dot"
  if command -v dot >/dev/null; then
    if DOT_TIMEOUT_SECS="${DOT_TIMEOUT_SECS:-60}" cargo run --quiet --profile release-native -p adjoint-layout --example compare_dot -- 10 30 100 | tee "$LOG/layout.txt"; then
      note layout "see the table above (crates/layout/examples/compare_dot)"
    else
      note layout "FAILED"
    fi
  else
    note layout "skipped: Graphviz dot not installed (apt-get install graphviz)"
  fi
fi

if want web; then
  bold "==> [web] transfer size and keypress → paint"
  if [ -f dist/index.html ] && [ -x /usr/bin/chromium ]; then
    steps=120
    [ "$QUICK" = 1 ] && steps=60
    if bash scripts/bench-web.sh --steps "$steps" | tee "$LOG/web.txt"; then
      note web "$(grep -E '^total' "$LOG/web.txt" | head -1 | awk '{ printf "transfer %s KB gzipped", $4 }'); step latency: see above"
    else
      note web "FAILED"
    fi
  else
    note web "skipped: needs dist/ (trunk build --release) and /usr/bin/chromium"
  fi
fi

echo
bold "==> summary (details above; raw files in $LOG)"
printf '  %s\n' "${SUMMARY[@]}"
