#!/usr/bin/env bash
# Installs what the build and the tests need, into project-local folders
# (.tools/ for cargo binaries, node_modules/ for npm packages), skipping what is
# already there. Safe to run again: a warm run takes a second.
#
#   scripts/setup.sh build   # toolchain target, wasm-bindgen CLI, wasm-pack, npm packages
#   scripts/setup.sh test    # the above, plus Debian's chromium and chromium-driver
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the `=` pin of wasm-bindgen in Cargo.toml
WASM_PACK_VERSION=0.15.1
TOOLS="$PWD/.tools"
mode="${1:-build}"

log() { printf '[setup] %s\n' "$*"; }

# 1. The wasm target of the pinned toolchain (rust-toolchain.toml). RUSTUP_AUTO_INSTALL=0
#    is set on these machines, so it is added explicitly.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen CLI, exactly the version of the library. Not --locked: one of its
#    pinned dependencies is missing from the registry.
if [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION into .tools/ (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS" --force
fi

# 3. wasm-pack, run later with --mode no-install so it uses the wasm-bindgen above.
if [ "$("$TOOLS/bin/wasm-pack" --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  log "installing wasm-pack $WASM_PACK_VERSION into .tools/"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --root "$TOOLS" --force
fi

# 3b. cargo-deny, for the dependency policy check in `make test` (licences, bans, sources;
#     offline — the advisory database would need the network).
CARGO_DENY_VERSION=0.20.2
if [ "$mode" = test ] && [ "$("$TOOLS/bin/cargo-deny" --version 2>/dev/null | awk '{print $2}')" != "$CARGO_DENY_VERSION" ]; then
  log "installing cargo-deny $CARGO_DENY_VERSION into .tools/ (a few minutes, once)"
  cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked --root "$TOOLS" --force
fi

# 4. npm packages (binaryen's wasm-opt, playwright-core, axe-core, vite, typescript...),
#    from package-lock.json. Re-installed only when the lock file changed.
if [ ! -f node_modules/.lock-stamp ] || ! cmp -s package-lock.json node_modules/.lock-stamp; then
  log "installing npm packages"
  # (npm ci refuses this lock file: npm 11 wants optional rollup builds for other platforms
  # that the registry here does not list; npm install with the same lock gives the same tree.)
  npm install --no-audit --no-fund --no-save --loglevel=error
  cp package-lock.json node_modules/.lock-stamp
fi

# 5. For the browser tests: Debian's Chromium and ChromeDriver (never a downloaded browser).
if [ "$mode" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
  fi
fi
log "ready"
