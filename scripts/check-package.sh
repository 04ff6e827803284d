#!/usr/bin/env bash
# The crate as published: `cargo package` it (no network), unpack the .crate into a
# temporary folder, and type-check it there for wasm32 — the target whose code embeds files
# from outside src/ (www/types/api.d.ts). A file missing from Cargo.toml's `include` fails
# here as it would for someone building the published crate.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
version="$(cargo metadata --offline --locked --no-deps --format-version 1 | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages[0].version))')"
work="$(mktemp -d "${TMPDIR:-/tmp}/cc-package.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cargo fetch --locked --quiet
printf '[package] cargo package %s (no verify, offline)\n' "$version"
cargo package --allow-dirty --offline --no-verify --quiet
tar -xzf "target/package/conscription-check-$version.crate" -C "$work"
printf '[package] cargo check of the unpacked crate for wasm32-unknown-unknown\n'
# The target folder is shared with the main build, so the dependencies are not rebuilt.
( cd "$work/conscription-check-$version" && \
  CARGO_TARGET_DIR="$root/target" cargo check --offline --locked --quiet --lib --target wasm32-unknown-unknown )
printf '[package] ok: the packaged crate builds for wasm32\n'
