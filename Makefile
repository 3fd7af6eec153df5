# mythosd: `make run` builds and starts the server with embedded defaults;
# `make test` installs what the tests need and runs them.

GO      ?= go
BIN     := bin/mythosd
ARGS    ?=
# Debian packages the build and the tests need (cgo for SQLite and -race;
# tmux renders the admin console in its golden test).
DEB_PKGS := gcc libc6-dev tmux tintin++ openssh-client

.PHONY: build run test deps vet bench fuzz clean

build:
	$(GO) build -o $(BIN) ./cmd/mythosd

run: build
	$(BIN) $(ARGS)

test: deps vet
	$(GO) test -race ./...

vet:
	$(GO) vet ./...

# deps installs what the tests need: Go modules, and the Debian packages
# above when any is missing (apt-get, as on the CI machines).
deps:
	$(GO) mod download
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# fuzz runs each fuzz target for FUZZTIME (default 1m).
FUZZTIME ?= 1m
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParser -fuzztime $(FUZZTIME) ./telnet/
	$(GO) test -run '^$$' -fuzz FuzzCleanInput -fuzztime $(FUZZTIME) ./ssh/
	$(GO) test -run '^$$' -fuzz FuzzNegotiation -fuzztime $(FUZZTIME) ./telnet/
	$(GO) test -run '^$$' -fuzz FuzzRender -fuzztime $(FUZZTIME) ./world/ansi/
	$(GO) test -run '^$$' -fuzz FuzzAppendASCII -fuzztime $(FUZZTIME) ./world/ansi/
	$(GO) test -run '^$$' -fuzz FuzzDecodeRoom -fuzztime $(FUZZTIME) ./world/worldfile/

clean:
	rm -rf bin
