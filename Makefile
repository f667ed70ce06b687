# Lotse – the two commands that matter: `make run` and `make test`.
# Every target installs only what is missing, so a second run is fast.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO_LEPTOS_VERSION := 0.3.10
# Must equal the `wasm-bindgen = "=…"` pin in Cargo.toml.
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
NODE_BIN := $(CURDIR)/end2end/node_modules/.bin
export PATH := $(NODE_BIN):$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: help run build build-debug test lint unit e2e bench tools tools-rust tools-node tools-chromium clean-e2e

help:
	@echo "make run    – build (release), migrate, import content/, serve on http://127.0.0.1:3000"
	@echo "make test   – fmt, clippy, unit + integration tests (SQLite, PostgreSQL if TEST_POSTGRES_URL), Playwright"
	@echo "make bench  – measured figures (load test, sizes)"

## ---- tools (installed only when missing) ---------------------------------

tools: tools-rust tools-node

tools-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@cargo leptos --version 2>/dev/null | grep -q " $(CARGO_LEPTOS_VERSION)$$" || \
		cargo install --locked cargo-leptos --version $(CARGO_LEPTOS_VERSION)
	@wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)$$" || \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

# npm brings Playwright, axe-core and binaryen's wasm-opt (Debian's binaryen breaks hydration).
tools-node: end2end/node_modules/.package-lock.json

end2end/node_modules/.package-lock.json: end2end/package.json end2end/package-lock.json
	cd end2end && npm ci --no-audit --no-fund --loglevel=error

tools-chromium:
	@command -v chromium >/dev/null || { \
		echo "Installing Debian's chromium for the browser tests"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

## ---- run ------------------------------------------------------------------

build: tools
	cargo leptos build --release
	./target/release/lotse precompress target/site/pkg

run: build
	@mkdir -p data
	@# On an empty database: a clearly marked demo office with one account per role.
	./target/release/lotse demo --if-empty
	./target/release/lotse serve

## ---- test -----------------------------------------------------------------

test: lint unit e2e

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

unit:
	cargo test --workspace

build-debug: tools
	cargo leptos build

clean-e2e:
	rm -rf target/e2e && mkdir -p target/e2e

e2e: build-debug tools-chromium clean-e2e
	cd end2end && npx playwright test

## ---- measurements -----------------------------------------------------------

bench: build
	./server/bench.sh
