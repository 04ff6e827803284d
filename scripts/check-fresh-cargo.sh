#!/usr/bin/env bash
# The offline steps of `make test`, run against an EMPTY cargo home, as on a new machine.
#
# CI runs on a machine whose cargo cache is warm from the developer's own work; a step with
# --offline that relies on that cache passes there and fails for a newcomer (it did once:
# `cargo deny --offline` on a fresh machine could not find wasm-bindgen-test, a dev-dependency
# nothing had fetched yet). Here CARGO_HOME is a new temporary folder (the toolchain is still
# found through rustup, whose home is separate), so each offline step sees only what the
# steps before it fetched — exactly what `make test` does.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/bin:$PATH"

fresh="$(mktemp -d "${TMPDIR:-/tmp}/cc-cargo-home.XXXXXX")"
trap 'rm -rf "$fresh"' EXIT
export CARGO_HOME="$fresh"
log() { printf '[fresh cargo home] %s\n' "$*"; }

log "CARGO_HOME=$CARGO_HOME (empty)"
[ -z "$(ls -A "$CARGO_HOME")" ] || { echo "not empty: $CARGO_HOME" >&2; exit 1; }

# 1. What `make test` does before its offline steps: fetch every crate of the lock file,
#    for every target (the library, its dev-dependencies, the wasm32-only ones).
log "cargo fetch --locked"
cargo fetch --locked --quiet
# 2. The offline steps themselves.
log "cargo metadata --offline --locked"
cargo metadata --offline --locked --format-version 1 >/dev/null
log "cargo deny --offline (licences, bans, sources)"
cargo deny --offline --log-level error check licenses bans sources
log "cargo package --list --offline"
cargo package --list --allow-dirty --offline >/dev/null
log "ok: every offline step works from an empty cargo home"
