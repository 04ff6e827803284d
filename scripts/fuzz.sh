#!/usr/bin/env bash
# make fuzz: runs the cargo-fuzz target for a bounded time (FUZZ_SECONDS, default 60), seeded
# with the golden scenarios. Needs the nightly toolchain (present on these machines) and
# cargo-fuzz (installed into .tools/ on first use). A crash is saved under
# fuzz/artifacts/; turn it into a regression case under tests/fuzz-regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/bin:$PATH"
SECONDS_BUDGET="${FUZZ_SECONDS:-60}"
if ! rustup toolchain list | grep -q '^nightly'; then
  echo "make fuzz needs a nightly toolchain (rustup toolchain list shows none); nothing fuzzed." >&2
  exit 2
fi
if ! command -v cargo-fuzz >/dev/null; then
  cargo +nightly install cargo-fuzz --locked --root .tools
fi
corpus=fuzz/corpus/assess
mkdir -p "$corpus"
for f in tests/scenarios/*.json; do
  node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); process.stdout.write(JSON.stringify({asOf:s.asOf,lang:s.lang||"en",...(s.options||{})})+"\n"+JSON.stringify(s.input))' "$f" > "$corpus/$(basename "$f" .json)"
done
mkdir -p target
cargo +nightly fuzz run assess "$corpus" -- -max_total_time="$SECONDS_BUDGET" -max_len=4096 -print_final_stats=1 2>&1 | tee target/fuzz.log | tail -25
