# ActorGraph — `make demo` renders the example graph, `make test` runs every test.
SHELL := /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local
VENV := .venv
PYTHON := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/actorgraph
SHARED := ../shared

.PHONY: all build release demo test deps pydeps browserdeps install eval bench benchdeps clean

all: build

## Install Graphviz's library (and the dot program used by read-back tests) when missing.
deps:
	@if ! pkg-config --exists libgvc 2>/dev/null || ! command -v dot >/dev/null; then \
	  echo "Installing libgraphviz-dev and graphviz…"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $(SUDO) apt-get install -y -q libgraphviz-dev graphviz pkg-config >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q libgraphviz-dev graphviz pkg-config; }; \
	fi
	@pkg-config --exists libgvc || { echo "error: libgvc is still missing after apt-get" >&2; exit 1; }

## A project-local Python environment for the read-back tests (NetworkX).
pydeps: $(VENV)/.ok
$(VENV)/.ok:
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q networkx==3.6.1
	touch $@

## Debian's Chromium and Playwright for the page's browser test (make demo never needs them).
browserdeps: pydeps
	@if ! command -v chromium >/dev/null; then \
	  echo "Installing chromium…"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $(SUDO) apt-get install -y -q chromium >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }; \
	fi
	@command -v chromium >/dev/null || { echo "error: chromium is still missing after apt-get" >&2; exit 1; }
	@$(PYTHON) -c 'import importlib.metadata as m, sys; sys.exit(m.version("playwright") != "1.65.2")' 2>/dev/null || \
	  $(PYTHON) -m pip install -q playwright==1.65.2

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## Render Examples/diplomacy into Graphs/.
EXTENSION := --gazetteer Examples/extension/afghanistan-2021.gazetteer --patterns Examples/extension/embassies.patterns

demo: release
	$(BIN) build Examples/diplomacy $(EXTENSION) -o Graphs/diplomacy.json
	$(BIN) render Graphs/diplomacy.json -o Graphs/diplomacy.svg --layout sfdp --title "Afghan peace process and withdrawal, 2020-2021 (Examples/diplomacy, sentence co-occurrence)"
	$(BIN) render Graphs/diplomacy.json -o Graphs/diplomacy.html --title "Afghan peace process and withdrawal, 2020-2021 (Examples/diplomacy, sentence co-occurrence)"
	$(BIN) export Graphs/diplomacy.json -o Graphs/diplomacy.dot
	$(BIN) export Graphs/diplomacy.json -o Graphs/diplomacy.graphml
	$(BIN) export Graphs/diplomacy.json -o Graphs/diplomacy.gexf
	$(BIN) export Graphs/diplomacy.json --format json -o Graphs/diplomacy.nodelink.json
	@echo "Wrote Graphs/diplomacy.{json,svg,html,dot,graphml,gexf,nodelink.json} (json: the graph file; nodelink.json: node-link JSON)"

## The whole test suite: unit tests, CLI tests on the built binary, read-back checks.
test: deps pydeps browserdeps
	$(SWIFT) build
	ACTORGRAPH_BIN=$$PWD/.build/debug/actorgraph ACTORGRAPH_PYTHON=$$PWD/$(PYTHON) $(SWIFT) test

## Installs the binary and, beside it, the resource bundle holding the default gazetteer and patterns.
## CONFIG=debug installs the debug build; NOBUILD=1 installs what is built (the install test uses both).
CONFIG ?= release
install:
	@[ -n "$(NOBUILD)" ] || $(SWIFT) build -c $(CONFIG) --product actorgraph
	install -d $(PREFIX)/bin
	install -m 755 .build/$(CONFIG)/actorgraph $(PREFIX)/bin/actorgraph
	rm -rf $(PREFIX)/bin/ActorGraph_ActorRecognition.resources
	cp -R .build/$(CONFIG)/ActorGraph_ActorRecognition.resources $(PREFIX)/bin/

## Recognition quality on the shared dev set and seeds; writes the table into BENCHMARKS.md.
eval: release
	scripts/eval.sh $(BIN) $(SHARED)

## Speed, memory, load and render times, and the peer matchers, in one run; writes BENCHMARKS.md between the
## bench markers. About 8 minutes on 2 cores (most of it neato on 5,000 nodes and spaCy on 50 MB); BENCH_FULL=1
## builds a 1 GB synthetic corpus instead of 250 MB (about 1.5 minutes more). Every command has a time limit.
## The peers come from PyPI into .venv-bench/, pinned (a new pin makes a new stamp, so it reinstalls).
BENCH_PINS := spacy==3.8.18 pyahocorasick==2.3.1
EMPTY :=
BENCH_STAMP := .venv-bench/.ok-$(subst ==,-,$(subst $(EMPTY) $(EMPTY),_,$(BENCH_PINS)))
benchdeps: $(BENCH_STAMP)
$(BENCH_STAMP):
	python3 -m venv .venv-bench
	.venv-bench/bin/python -m pip install -q $(BENCH_PINS)
	rm -f .venv-bench/.ok*
	touch $@

bench: release benchdeps
	python3 scripts/bench/bench.py

clean:
	rm -rf .build $(VENV) .venv-bench .bench

## libFuzzer targets in Fuzz/ (built with swiftc under ASan into .build-fuzz), SECONDS each (default 60).
.PHONY: fuzz test-sanitize
fuzz:
	scripts/fuzz.sh $(or $(SECONDS),60)

## The unit tests under AddressSanitizer and ThreadSanitizer (.build-asan, .build-tsan; CLI tests skipped).
test-sanitize: deps pydeps
	scripts/sanitize.sh
