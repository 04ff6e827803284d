# The project's interface. `make serve` and `make test` are all a newcomer needs: each
# installs what is missing (into .tools/ and node_modules/, both git-ignored) first.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8080
HOST ?= 127.0.0.1
export PATH := $(CURDIR)/.tools/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CARGO_TERM_COLOR ?= never
# Headless Chromium as these machines allow it (no sandbox as root, no background traffic).
export CHROMIUM ?= /usr/bin/chromium
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: all setup setup-test fetch build pkg dist serve test test-fresh-cargo test-package test-rust test-wasm test-js test-pkg test-e2e test-budget lint bench fuzz clean

all: build

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

## build: pkg/ (the npm package) and dist/ (the page, the offline single file, the element)
build: setup pkg dist

pkg:
	@scripts/build-pkg.sh
	@echo "built pkg/ ($$(wc -c < pkg/conscription_check_bg.wasm) bytes of wasm)"

dist: pkg
	@node scripts/build-dist.mjs

## serve: build, then serve dist/ on http://$(HOST):$(PORT)/
serve: build
	@node scripts/serve.mjs --dir dist --host $(HOST) --port $(PORT)

## test: every test layer
test: setup-test test-fresh-cargo lint test-rust build test-package test-wasm test-js test-pkg test-e2e test-budget
	@echo "make test: all layers passed"

# Every crate of the lock file, for every target, before any step that runs --offline.
fetch:
	cargo fetch --locked

# The offline steps against an empty cargo home, so that a step relying on a warm cache
# fails here and not on a newcomer's machine (scripts/check-fresh-cargo.sh).
test-fresh-cargo:
	@scripts/check-fresh-cargo.sh

# The crate as `cargo package` ships it, unpacked and checked for wasm32.
test-package:
	@scripts/check-package.sh

lint: fetch
	cargo fmt --check
	cargo clippy --all-targets --quiet -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --quiet -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --quiet -- -D warnings
	cargo deny --offline --log-level error check licenses bans sources

test-rust:
	cargo test --quiet

# wasm-bindgen-test: once in Node, once in headless Chromium (through chromedriver). Built as the
# package's wasm is, without the texts compiled in (the tests load them).
test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --no-default-features --test wasm
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner WASM_BINDGEN_USE_BROWSER=1 \
	  cargo test --target wasm32-unknown-unknown --no-default-features --test wasm

# The built package in Node: scenarios, determinism, hostile input, README snippets, types.
test-js:
	node --test tests/js/

# The package as a JavaScript developer gets it: npm pack, install, import (Node, Vite).
test-pkg:
	node --test tests/pkg/

# The page in Chromium, driven by playwright-core.
test-e2e: dist
	node --test --test-concurrency=1 tests/e2e/

test-budget:
	node scripts/budget.mjs

## bench: one table of medians and ratios (also written to bench-results/bench.json)
bench: build
	node bench/run.mjs

## fuzz: cargo fuzz for a bounded time (FUZZ_SECONDS, default 60)
fuzz:
	@scripts/fuzz.sh

clean:
	rm -rf target pkg dist bench-results test-results
