# mythosd: `make run` builds and starts the server with embedded defaults;
# `make test` installs what the tests need and runs them.

GO      ?= go
BIN     := bin/mythosd
ARGS    ?=
# Debian packages the build and the tests need (cgo for SQLite and -race;
# tmux renders the admin console in its golden test).
DEB_PKGS := gcc libc6-dev tmux tintin++ openssh-client

.PHONY: build run test deps vet bench fuzz load clean

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

# fuzz runs each fuzz target for FUZZTIME (default 1m), one after another.
FUZZTIME ?= 1m
FUZZ_TARGETS := \
	./telnet/:FuzzParser ./telnet/:FuzzNegotiation ./telnet/:FuzzDecoder ./telnet/:FuzzDeflate \
	./ssh/:FuzzCleanInput \
	./world/ansi/:FuzzRender ./world/ansi/:FuzzAppendASCII \
	./world/worldfile/:FuzzDecodeRoom ./world/worldfile/:FuzzLoad ./world/worldfile/:FuzzItemFile \
	./world/worldfile/:FuzzNPCFile ./world/worldfile/:FuzzSpawns \
	./world/:FuzzDispatch ./world/:FuzzCleanText ./world/:FuzzParseItemQuery ./world/:FuzzParseBanTarget \
	./world/:FuzzBanTerms ./world/:FuzzPromptAndBuyArgs ./world/:FuzzEditorLine ./world/:FuzzBuildCommands
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; echo "== $$fn ($$pkg)"; \
		$(GO) test -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	done

# load starts a server on fresh state on 127.0.0.1:4600 and runs the load
# generator against it: BOTS bots (default 100) that each send look once a
# second for 60 s, connected over RAMP (creating a character costs an
# argon2id hash: give 1,000 bots RAMP=150s). See docs/LOAD.md.
BOTS ?= 100
RAMP ?= 20s
load: build
	$(GO) build -o bin/mythosload ./cmd/mythosload
	@d=$$(mktemp -d); \
	bin/mythosd -data $$d -telnet 127.0.0.1:4600 -metrics 127.0.0.1:4680 -ssh off -admin off 2>$$d/server.log & pid=$$!; \
	sleep 2; \
	bin/mythosload -addr 127.0.0.1:4600 -bots $(BOTS) -ramp $(RAMP) -server-pid $$pid -metrics http://127.0.0.1:4680/metrics; \
	status=$$?; kill -INT $$pid; wait $$pid; echo "server log: $$d/server.log"; exit $$status

clean:
	rm -rf bin
