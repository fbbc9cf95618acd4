# 联看评 — build, run and test. `make run` and `make test` do all the set-up on a fresh
# Debian 12 machine (as root, or with sudo).

SHELL := /bin/bash
# The version lives in wails.json (info.productVersion): Wails writes it into the Windows exe's
# version information and the installer, and the .deb and `liankanping version` take it from here.
VERSION := $(shell sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
BUILD_DATE := $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS := -X liankanping/internal/version.Version=$(VERSION) -X liankanping/internal/version.BuildDate=$(BUILD_DATE)
WAILS := go tool wails
BIN := build/bin/liankanping
BRIDGE := build/bin/liankanping-bridge
WIN_EXE := build/bin/liankanping.exe
WIN_INSTALLER := build/bin/liankanping-$(VERSION)-amd64-installer.exe
DEB := build/bin/liankanping_$(VERSION)_amd64.deb

.PHONY: all deps deps-test bindings frontend build bridge run test test-go test-frontend test-e2e test-smoke bench windows deb release-check clean

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

# Everything CI runs. One make run for the five, so that the bindings and the frontend build
# they share are made once; the cheap checks come first, and -k runs the others even when one
# fails, so that one CI run shows every broken suite (make still exits non-zero).
test: deps-test
	$(MAKE) -k test-go test-frontend test-e2e test-smoke release-check

# -short lets a test skip what is slow; fuzz targets run only their seed corpus. Each benchmark
# runs once, so that a broken one fails here and not first in `make bench`.
test-go: deps
	go vet ./...
	go test -short -count=1 ./...
	go test -count=1 -tags bridge ./app/
	# A short run of the importer's fuzz test (see internal/exchange/fuzz_test.go).
	go test -run '^$$' -fuzz FuzzImport -fuzztime 20s -fuzzminimizetime 0 ./internal/exchange
	go test -short -count=1 -run '^$$' -bench . -benchtime 1x ./...

# Type-checks src (tests included) against the generated bindings, then the vitest unit tests.
test-frontend: bindings
	cd frontend && npm run typecheck && npx vitest run

# Browser tests (frontend/e2e/README.md) against the loopback bridge, in headless Chromium.
test-e2e: bridge
	cd frontend && node e2e/run.mjs

test-smoke: build
	.ci/smoke $(BIN)

# The Go benchmarks (services, the window's own import path), then the commands a user runs as
# whole processes at three scales with the openpyxl peer in the same run (.ci/bench).
bench: deps
	go test -run '^$$' -bench . -benchmem ./...
	.ci/bench

# The Windows exe (cross-compiled, no cgo) and its Chinese NSIS installer (build/windows/installer).
# A WebView2 fixed-version runtime in build/windows/WebView2 goes into the installer (docs/release.md).
windows: frontend
	@.ci/deps --release
	$(WAILS) build -s -m -skipbindings -platform windows/amd64 -nsis -ldflags "$(LDFLAGS)" -o liankanping.exe
	@ls -l $(WIN_EXE) $(WIN_INSTALLER)

# The Debian 12 package of the Linux build (build/linux): `sudo apt install ./$(DEB)`.
deb: build
	@.ci/deps --release
	build/linux/mkdeb.sh $(BIN) $(VERSION) $(DEB)

# Builds both releases, installs the .deb on this machine (root or sudo), runs the installed
# binary's `version` and the window smoke test on it, removes the package, and checks that the
# Windows exe and installer are PE files.
release-check: build windows deb
	.ci/release-check $(VERSION)

clean:
	rm -rf build/bin frontend/dist
