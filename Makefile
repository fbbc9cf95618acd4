# 联看评 — build, run and test. `make run` and `make test` do all the set-up on a fresh
# Debian 12 machine (as root, or with sudo).

SHELL := /bin/bash
VERSION ?= 0.1.0
BUILD_DATE := $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS := -X liankanping/internal/version.Version=$(VERSION) -X liankanping/internal/version.BuildDate=$(BUILD_DATE)
WAILS := go tool wails
BIN := build/bin/liankanping
BRIDGE := build/bin/liankanping-bridge

.PHONY: all deps deps-test bindings frontend build bridge run test test-go test-frontend test-e2e test-smoke bench windows clean

all: build

deps:
	@.ci/deps

deps-test:
	@.ci/deps --test

# The TypeScript bindings of the bound Go methods (frontend/wailsjs), regenerated from app/.
bindings: deps
	$(WAILS) generate module

frontend: bindings
	cd frontend && npm run build

build: frontend
	$(WAILS) build -s -m -skipbindings -ldflags "$(LDFLAGS)" -o liankanping
	@ls -l $(BIN)

# A build with the loopback HTTP bridge for browser tests (never shipped).
bridge: frontend
	go build -tags bridge -ldflags "$(LDFLAGS)" -o $(BRIDGE) .

run: build
	./$(BIN)

# Everything CI runs. One make run for the four, so that the bindings and the frontend build
# they share are made once; the cheap checks come first, and -k runs the others even when one
# fails, so that one CI run shows every broken suite (make still exits non-zero).
test: deps-test
	$(MAKE) -k test-go test-frontend test-e2e test-smoke

# -short lets a test skip what is slow; fuzz targets run only their seed corpus. Each benchmark
# runs once, so that a broken one fails here and not first in `make bench`.
test-go: deps
	go vet ./...
	go test -short -count=1 ./...
	go test -short -count=1 -run '^$$' -bench . -benchtime 1x ./...

# Type-checks src (tests included) against the generated bindings, then the vitest unit tests.
test-frontend: bindings
	cd frontend && npm run typecheck && npx vitest run

# Browser tests (frontend/e2e/README.md) against the loopback bridge, in headless Chromium.
test-e2e: bridge
	cd frontend && node e2e/run.mjs

test-smoke: build
	.ci/smoke $(BIN)

bench: deps
	go test -run '^$$' -bench . -benchmem ./...

windows: frontend
	$(WAILS) build -s -m -skipbindings -platform windows/amd64 -ldflags "$(LDFLAGS)" -o liankanping.exe

clean:
	rm -rf build/bin frontend/dist
