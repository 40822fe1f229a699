#!/usr/bin/env bash
#! Checks the README's serve command end to end: starts scripts/serve.sh in the
#! background, waits (up to ADJOINT_SERVE_WAIT seconds, default 180) for
#! http://127.0.0.1:8080 to answer, loads it in headless Chromium and checks that the
#! graph shows without console errors or non-local requests (tests/e2e/smoke.cjs), then
#! stops the server it started. Needs the browser tools (scripts/install-tools.sh).
#! ADJOINT_SERVE_PORT serves on another port (scripts/test.sh's `serve` stage picks a free
#! one). Usage: scripts/check-serve.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TOOLS="${ADJOINT_TOOLS:-$HOME/.adjoint-tools}"
PORT="${ADJOINT_SERVE_PORT:-8080}"
URL="http://127.0.0.1:$PORT/"
WAIT="${ADJOINT_SERVE_WAIT:-180}"
LOG="$(mktemp "${TMPDIR:-/tmp}/adjoint-serve.XXXXXX.log")"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

port_busy() {
  python3 -c 'import socket, sys; s = socket.socket(); sys.exit(s.connect_ex(("127.0.0.1", int(sys.argv[1]))) != 0)' "$PORT"
}
if port_busy; then
  echo "check-serve.sh: something already listens on 127.0.0.1:$PORT; stop it first" >&2
  exit 1
fi

bash scripts/install-tools.sh
# A dist/ left by an earlier build would be served even if this build failed.
rm -rf dist

# Own process group, so stopping it stops trunk and the cargo/wasm-bindgen it runs.
setsid bash scripts/serve.sh --port "$PORT" >"$LOG" 2>&1 &
SERVE_PID=$!
stop_server() {
  kill -TERM -- "-$SERVE_PID" 2>/dev/null || true
  wait "$SERVE_PID" 2>/dev/null || true
}
trap stop_server EXIT

say "waiting up to $WAIT s for scripts/serve.sh (pid $SERVE_PID) to answer on $URL (log: $LOG)"
t0=$SECONDS
until python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2).read()' "$URL" 2>/dev/null; do
  if ! kill -0 "$SERVE_PID" 2>/dev/null; then
    tail -n 30 "$LOG"
    echo "check-serve.sh: scripts/serve.sh exited before it served the app" >&2
    exit 1
  fi
  if [ $((SECONDS - t0)) -ge "$WAIT" ]; then
    tail -n 30 "$LOG"
    echo "check-serve.sh: $URL did not answer within $WAIT s" >&2
    exit 1
  fi
  sleep 2
done
if grep -q "error from build pipeline" "$LOG"; then
  grep -v '^ *[0-9]*: \|^ *at ' "$LOG" | tail -n 30
  echo "check-serve.sh: the serve build failed" >&2
  exit 1
fi
say "served after $((SECONDS - t0)) s; loading it in headless Chromium"
NODE_PATH="$TOOLS/node_modules" node tests/e2e/smoke.cjs "$URL"
say "check-serve: ok"
