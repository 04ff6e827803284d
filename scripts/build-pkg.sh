#!/usr/bin/env bash
# Builds pkg/ (the npm package): wasm-pack --target web with the project's wasm-bindgen,
# then wasm-opt from the npm binaryen package, then the package.json fields a JavaScript
# developer expects.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/bin:$PWD/node_modules/.bin:$PATH"

# --no-typescript: wasm-bindgen writes no .d.ts for the raw exports (nor the @ts-self-types
# comment that points at one); the package declares its API in www/types/api.d.ts.
# Without the default `embedded-texts` feature: the module carries logic, values and ids; each
# language's texts are a file of their own (pkg/texts/<lang>.bin, issue 15).
wasm-pack build --target web --release --mode no-install --no-typescript \
  --out-dir pkg --out-name conscription_check --no-pack -- --no-default-features >/dev/null 2>pkg-build.log || { cat pkg-build.log; exit 1; }
rm -f pkg-build.log

# The texts files build.rs wrote for that same build (its OUT_DIR, which cargo names).
texts_dir="$(cargo build --release --lib --target wasm32-unknown-unknown --no-default-features \
  --message-format=json --quiet | node scripts/texts-dir.mjs)"
rm -rf pkg/texts && mkdir -p pkg/texts
cp "$texts_dir"/{en,fr,de,ru}.bin pkg/texts/

# Size: -Oz with the features the Rust wasm32 target emits. (Debian's binaryen v108 breaks
# the module; this is binaryen 132 from npm.)
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/conscription_check_bg.wasm -o pkg/conscription_check_bg.wasm

node scripts/finish-pkg.mjs
