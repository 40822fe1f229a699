#!/usr/bin/env bash
#! Measures the web app (figures for BENCHMARKS.md (web section)); a benchmark, not a test.
#!   1. the transfer size of the release build: each dist/ file raw and gzip -9, and the
#!      total of wasm + JS + CSS (+ index.html) gzipped (target ≤ 350 KB)
#!   2. tests/perf/next_to_paint.cjs: keypress → next painted frame over ≥ 60 steps,
#!      p50/p95, for the lecture example and ~300-node programs (target p95 ≤ 16 ms):
#!      back to back, at a random phase of the frame interval, from a trusted key, and
#!      Chromium's Event Timing duration; in headless Chromium's 60 Hz frames, or with
#!      --unthrottled in frames produced as soon as they are ready (the app's own time);
#!      and the same for a control page that changes one text node (tests/perf/floor.html,
#!      served as perf-floor.html): the floor the browser and the frame rate set
#! It serves a copy of dist/ (so a concurrent `trunk build` cannot swap files under it)
#! with python3 on a free 127.0.0.1 port and stops that server on exit.
#! Usage: scripts/bench-web.sh [--build] [--dist DIR] [--steps N] [--json FILE]
#!                             [--only REGEX] [--motion no-preference] [--ab DIR --rounds N]
#!                             [--unthrottled | --both] [--seed N] [--from K] [--gap MS]
#!   --build   run `trunk build --release` first (otherwise dist/ must exist)
#!   --dist    measure another build directory instead of dist/
#!   --steps   timed steps per workload (default 120)
#!   --json    also write the raw per-workload results to FILE (the unthrottled run: X.unthrottled.json)
#!   --only    only the workloads whose name matches (e.g. 'lecture|chain 37')
#!   --motion  no-preference: measure with the animations (default: reduced motion)
#!   --ab DIR  A/B: serve DIR too and measure both in alternating rounds (A = --dist,
#!             B = DIR), printing each round and the medians; --rounds N (default 3)
#!   --unthrottled  Chromium with --disable-gpu-vsync --disable-frame-rate-limit
#!   --both    measure at 60 Hz, then unthrottled
#!   --seed    seed of the random delays before the keys (default 1)
#!   --from K  time the steps from step K on (default 0; late steps show more table rows)
#!   --gap MS  trusted keys paced like a person's: MS more before each, held until painted
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TOOLS="${ADJOINT_TOOLS:-$HOME/.adjoint-tools}"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$TOOLS/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

BUILD=0
DIST=dist
AB=""
NODE_ARGS=()
VSYNC=("")
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=1; shift ;;
    --dist) DIST="${2:?--dist needs a directory}"; shift 2 ;;
    --steps) NODE_ARGS+=(--steps "${2:?--steps needs a number}"); shift 2 ;;
    --json) NODE_ARGS+=(--json "${2:?--json needs a file}"); shift 2 ;;
    --only) NODE_ARGS+=(--only "${2:?--only needs a pattern}"); shift 2 ;;
    --motion) NODE_ARGS+=(--motion "${2:?--motion needs reduce or no-preference}"); shift 2 ;;
    --rounds) NODE_ARGS+=(--rounds "${2:?--rounds needs a number}"); shift 2 ;;
    --ab) AB="${2:?--ab needs a build directory}"; shift 2 ;;
    --unthrottled) VSYNC=(--unthrottled); shift ;;
    --both) VSYNC=("" --unthrottled); shift ;;
    --seed) NODE_ARGS+=(--seed "${2:?--seed needs a number}"); shift 2 ;;
    --from) NODE_ARGS+=(--from "${2:?--from needs a step number}"); shift 2 ;;
    --gap) NODE_ARGS+=(--gap "${2:?--gap needs milliseconds}"); shift 2 ;;
    -h | --help) sed -n -e 's/^#! //p' -e 's/^#!$//p' "$0"; exit 0 ;;
    *) echo "bench-web.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

if [ "$BUILD" = 1 ]; then
  cargo fetch --locked
  trunk build --release
fi
[ -f "$DIST/index.html" ] || { echo "$DIST/index.html missing: run trunk build --release (or pass --build)" >&2; exit 1; }

[ -z "$AB" ] || [ -f "$AB/index.html" ] || { echo "$AB/index.html missing (--ab needs a built dist)" >&2; exit 1; }

COPY="$(mktemp -d "${TMPDIR:-/tmp}/adjoint-bench.XXXXXX")"
COPY_B="$COPY-b"
SERVER_PID=""
SERVER_B=""
cleanup() {
  for pid in $SERVER_PID $SERVER_B; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$COPY" "$COPY_B" "$COPY.http.log" "$COPY_B.http.log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cp -r "$DIST"/. "$COPY"/
# The control page next_to_paint.cjs measures as the floor (not part of the app).
cp tests/perf/floor.html "$COPY/perf-floor.html"

echo "== transfer size of $DIST (what the page downloads)"
total_raw=0
total_gz=0
printf '%-44s %10s %10s\n' "file" "raw" "gzip -9"
for f in "$COPY"/*.wasm "$COPY"/*.js "$COPY"/*.css "$COPY"/index.html; do
  [ -e "$f" ] || continue
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  awk -v f="$(basename "$f")" -v r="$raw" -v g="$gz" 'BEGIN { printf "%-44s %7.1f KB %7.1f KB\n", f, r / 1024, g / 1024 }'
done
awk -v r="$total_raw" -v g="$total_gz" 'BEGIN { printf "%-44s %7.1f KB %7.1f KB   (target: <= 350 KB gzipped)\n", "total", r / 1024, g / 1024 }'

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
wait_up() {
  for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$1/', timeout=1)" 2>/dev/null && return 0
    sleep 0.2
  done
}
port="$(free_port)"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$COPY" >"$COPY.http.log" 2>&1 &
SERVER_PID=$!
wait_up "$port"
echo
if [ -n "$AB" ]; then
  mkdir -p "$COPY_B"
  cp -r "$AB"/. "$COPY_B"/
  cp tests/perf/floor.html "$COPY_B/perf-floor.html"
  port_b="$(free_port)"
  python3 -m http.server "$port_b" --bind 127.0.0.1 --directory "$COPY_B" >"$COPY_B.http.log" 2>&1 &
  SERVER_B=$!
  wait_up "$port_b"
  for v in "${VSYNC[@]}"; do
    echo "== next_to_paint A/B ${v:-(60 Hz)}: A = $DIST on :$port, B = $AB on :$port_b (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    NODE_PATH="$TOOLS/node_modules" node tests/perf/next_to_paint.cjs "${NODE_ARGS[@]}" $v \
      --ab "http://127.0.0.1:$port/,http://127.0.0.1:$port_b/"
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  exit 0
fi
for v in "${VSYNC[@]}"; do
  echo "== next_to_paint ${v:-(60 Hz)} (served on http://127.0.0.1:$port/, python3 pid $SERVER_PID; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  ADJOINT_E2E_URL="http://127.0.0.1:$port/" NODE_PATH="$TOOLS/node_modules" \
    node tests/perf/next_to_paint.cjs "${NODE_ARGS[@]}" $v
done
