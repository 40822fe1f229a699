#!/usr/bin/env bash
#! Installs Adjoint's offline toolchain idempotently: every tool is checked at its
#! exact version first, so a repeat run costs seconds (a brand-new machine pays about
#! 15 minutes once). Tools live outside the repository: cargo tools in ~/.cargo/bin,
#! npm tools (wasm-opt, playwright-core) in $ADJOINT_TOOLS (default ~/.adjoint-tools).
#! Every tool comes from a package registry (crates.io, npm, Debian): nothing is
#! downloaded from anywhere else. See /work/shared/docs/TOOLCHAIN.md.
#!
#! Usage: scripts/install-tools.sh [--no-browser]
#!   --no-browser  skip Chromium, chromium-driver and the CJK fonts (not needed to serve)
#! Scripts that source nothing from here still need the PATH below:
#!   export PATH="$HOME/.cargo/bin:$HOME/.adjoint-tools/node_modules/.bin:$PATH"
set -euo pipefail

TRUNK_VERSION="0.22.1"
BINARYEN_VERSION="132.0.0"
WASM_OPT_VERSION="132"
PLAYWRIGHT_VERSION="1.64.1"
TOOLS="${ADJOINT_TOOLS:-$HOME/.adjoint-tools}"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

want_browser=1
for arg in "$@"; do
  case "$arg" in
    --no-browser) want_browser=0 ;;
    -h | --help) sed -n -e 's/^#! //p' -e 's/^#!$//p' "$0"; exit 0 ;;
    *) echo "install-tools.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

step() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'install-tools.sh: error: %s\n' "$*" >&2; exit 1; }
export PATH="$CARGO_BIN:$TOOLS/node_modules/.bin:$PATH"

# Two scripts started at once (serve.sh and test.sh) must not install the same tool
# twice: hold a lock for the whole run.
mkdir -p "$TOOLS"
exec 9>"$TOOLS/.install.lock"
if ! flock -n 9; then
  step "another install is running; waiting for it to finish"
  flock 9
fi

# The wasm-bindgen CLI must match the crate version in Cargo.lock exactly. Without a
# lockfile yet, fall back to the exact pin in the workspace Cargo.toml (`=X.Y.Z`).
wasm_bindgen_version() {
  local v=""
  if [ -f "$ROOT/Cargo.lock" ]; then
    v="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
  fi
  if [ -z "$v" ]; then
    v="$(sed -n 's/^wasm-bindgen *= *"=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml" | head -n 1)"
  fi
  printf '%s' "$v"
}

timed() { # label command... — runs the command and says how long it took
  local label="$1" t0=$SECONDS
  shift
  "$@"
  step "$label done in $((SECONDS - t0)) s"
}

command -v rustup >/dev/null || die "rustup not found: install Rust (rustup) first"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  die "node and npm not found: install Node.js 20 (Debian: apt-get install nodejs npm)"
fi

# No `producer | grep -q` here: with pipefail, grep -q closing the pipe early can make
# the producer die of SIGPIPE and the test fail at random. Match whole captured outputs.
if ! grep -qx wasm32-unknown-unknown <<<"$(rustup target list --installed)"; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# cargo-fmt and cargo-clippy exist as rustup proxies even without the components, so
# ask rustup what is really installed.
components="$(rustup component list --installed)"
if ! grep -q '^rustfmt' <<<"$components" || ! grep -q '^clippy' <<<"$components"; then
  step "adding the rustfmt and clippy components"
  rustup component add rustfmt clippy
fi

WB="$(wasm_bindgen_version)"
[ -n "$WB" ] || die "cannot tell the wasm-bindgen version from Cargo.lock or Cargo.toml"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB" ]; then
  step "installing wasm-bindgen-cli $WB (about 3 minutes the first time)"
  # --locked fails against the registry mirror (its lockfile pins a webpki-roots
  # version the mirror lacks, see TOOLCHAIN.md), so it is left out here.
  timed "wasm-bindgen-cli" cargo install wasm-bindgen-cli --version "$WB" --force
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (about 10 minutes the first time)"
  # trunk declares rustc 1.96.1 but builds and runs on 1.95.
  timed "trunk" cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version --force
fi

if [ ! -f "$TOOLS/package.json" ]; then
  printf '{ "name": "adjoint-tools", "private": true }\n' >"$TOOLS/package.json"
fi
npm_has() { # name version
  [ "$(node -p "require(process.argv[1]).version" "$TOOLS/node_modules/$1/package.json" 2>/dev/null)" = "$2" ]
}
if ! npm_has binaryen "$BINARYEN_VERSION" || ! npm_has playwright-core "$PLAYWRIGHT_VERSION"; then
  step "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) and playwright-core@$PLAYWRIGHT_VERSION into $TOOLS"
  # playwright-core never downloads a browser; the tests use Debian's Chromium.
  timed "npm tools" npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error \
    "binaryen@$BINARYEN_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"
fi
grep -q "version $WASM_OPT_VERSION " <<<"$(wasm-opt --version 2>/dev/null)" \
  || die "wasm-opt on PATH is not version $WASM_OPT_VERSION: $(command -v wasm-opt || echo none)"

if [ "$want_browser" = 1 ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] \
    || ! grep -qi 'noto sans cjk' <<<"$(fc-list 2>/dev/null)"; then
    step "installing Debian chromium, chromium-driver and fonts-noto-cjk (a few minutes the first time)"
    [ "$(id -u)" = 0 ] || die "installing Debian packages needs root: run 'sudo apt-get install chromium chromium-driver fonts-noto-cjk'"
    export DEBIAN_FRONTEND=noninteractive
    timed "apt-get update" apt-get update -qq
    timed "Debian packages" apt-get install -y -qq \
      chromium chromium-driver fonts-noto-cjk >/dev/null
  fi
fi

browser="no browser"
[ "$want_browser" = 1 ] && browser="$(/usr/bin/chromium --version 2>/dev/null | awk '{print $1, $2}')"
step "toolchain ready: $(trunk --version), wasm-bindgen $WB, $(wasm-opt --version | awk '{print $1, $3}'), playwright-core $PLAYWRIGHT_VERSION, $browser"
