#!/usr/bin/env bash
# Installs what the build and the tests need, into project-local folders
# (.tools/ for cargo binaries, node_modules/ for npm packages), skipping what is
# already there. Safe to run again: a warm run takes a second or two.
#
#   scripts/setup.sh build   # toolchain target, crates, wasm-bindgen CLI, wasm-pack, npm packages
#   scripts/setup.sh test    # the above, plus cargo-deny and Debian's chromium and chromium-driver, poppler-utils
#
# A first run on a new machine compiles three cargo tools from source; it prints one line
# per step with the time since it started, so it does not look hung (README: "Quick start").
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the `=` pin of wasm-bindgen in Cargo.toml
WASM_PACK_VERSION=0.15.1
CARGO_DENY_VERSION=0.20.2
TOOLS="$PWD/.tools"
mode="${1:-build}"
case "$mode" in build | test) ;; *) echo "usage: $0 build|test" >&2; exit 2 ;; esac

start=$SECONDS
total=5; [ "$mode" = test ] && total=7
n=0
step() { n=$((n + 1)); printf '[setup %3ss] (%d/%d) %s\n' "$((SECONDS - start))" "$n" "$total" "$*"; }
note() { printf '[setup %3ss]       %s\n' "$((SECONDS - start))" "$*"; }
version_of() { "$TOOLS/bin/$1" --version 2>/dev/null | awk '{print $2}'; }

# 1. The wasm target of the pinned toolchain (rust-toolchain.toml). RUSTUP_AUTO_INSTALL=0
#    is set on these machines, so it is added explicitly.
step "wasm32-unknown-unknown target for Rust $(rustc --version | awk '{print $2}')"
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  note "already installed"
else
  rustup target add wasm32-unknown-unknown
fi

# 2. Every crate of Cargo.lock, for every target (library, dev-dependencies, wasm32-only
#    ones), so that the later --offline steps find them on a new machine too.
step "crates of Cargo.lock (cargo fetch --locked)"
cargo fetch --locked --quiet

# 3. wasm-bindgen CLI, exactly the version of the library. Not --locked: one of its
#    pinned dependencies is missing from the registry.
step "wasm-bindgen-cli $WASM_BINDGEN_VERSION in .tools/"
if [ "$(version_of wasm-bindgen)" = "$WASM_BINDGEN_VERSION" ]; then
  note "already installed"
else
  note "compiling from crates.io (about 4 minutes on 2 cores, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS" --force --quiet
fi

# 4. wasm-pack, run later with --mode no-install so it uses the wasm-bindgen above.
step "wasm-pack $WASM_PACK_VERSION in .tools/"
if [ "$(version_of wasm-pack)" = "$WASM_PACK_VERSION" ]; then
  note "already installed"
else
  note "compiling from crates.io (about 3 minutes on 2 cores, once)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --root "$TOOLS" --force --quiet
fi

# 5. cargo-deny, for the dependency policy check in `make test` (licences, bans, sources;
#    offline — the advisory database would need the network).
if [ "$mode" = test ]; then
  step "cargo-deny $CARGO_DENY_VERSION in .tools/"
  if [ "$(version_of cargo-deny)" = "$CARGO_DENY_VERSION" ]; then
    note "already installed"
  else
    note "compiling from crates.io (about 4 minutes on 2 cores, once)"
    cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked --root "$TOOLS" --force --quiet
  fi
fi

# 6. npm packages (binaryen's wasm-opt, playwright-core, axe-core, vite, typescript...),
#    from package-lock.json. Re-installed only when the lock file changed.
step "npm packages in node_modules/"
if [ -f node_modules/.lock-stamp ] && cmp -s package-lock.json node_modules/.lock-stamp; then
  note "already installed"
else
  # (npm ci refuses this lock file: npm 11 wants optional rollup builds for other platforms
  # that the registry here does not list; npm install with the same lock gives the same tree.)
  npm install --no-audit --no-fund --no-save --loglevel=error
  cp package-lock.json node_modules/.lock-stamp
fi

# 7. For the browser tests: Debian's Chromium and ChromeDriver (never a downloaded browser), and
#    poppler-utils (pdftotext reads the printed memo, tests/e2e/print.test.mjs).
if [ "$mode" = test ]; then
  step "Debian's chromium, chromium-driver and poppler-utils"
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v pdftotext >/dev/null; then
    note "already installed ($(chromium --version 2>/dev/null | awk '{print $2}'))"
  else
    note "apt-get install (about a minute)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium chromium-driver poppler-utils >/dev/null
  fi
fi

printf '[setup %3ss] ready\n' "$((SECONDS - start))"
