# Two entry points for a fresh machine: `make run` and `make test`.
SWIFT ?= swift
BIN := .build/release/sharesim
# The Swift runtime and Foundation linked in: a process starts in about half the time
# (measured: `sharesim --version` 13.9 ms dynamic, 6.2 ms static), which is most of a
# small command's time. Only libedit and the C libraries stay shared.
RELEASE := -c release --static-swift-stdlib
DEFAULT_SCENARIO := scenarios/ofac-easing.scn
TEST_LOG := .build/swift-test.log
# `make bench`'s Monte Carlo batch (huawei-substitution.scn, every step): 100,000 runs take
# seconds; issue 10's ten million (`make bench BENCH_BATCH_RUNS=10000000`) take minutes.
BENCH_BATCH_RUNS ?= 100000

# pipefail: `swift test | tee` fails when the tests do.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c

.PHONY: run test test-failures test-tools build setup bench fuzz clean

## Install what is missing (libedit's headers) — apt-get needs root, as on CI.
setup:
	@if ! [ -f /usr/include/histedit.h ]; then \
	  echo "installing libedit-dev"; \
	  (apt-get install -y libedit-dev >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y libedit-dev)) ; \
	fi

## The browser and the XML checker the chart tests use, from Debian's packages, when missing.
## Where they cannot be installed (no root, no network) one line says so and those tests are skipped.
test-tools:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v xmllint >/dev/null 2>&1 || missing="$$missing libxml2-utils"; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  (apt-get install -y $$missing >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y $$missing >/dev/null 2>&1)) \
	    || echo "skipping the browser and XML checks of charts: could not install$$missing"; \
	fi

build: setup
	$(SWIFT) build $(RELEASE) --product sharesim

## Build in release and run the default bundled scenario: an interactive session when
## standard input is a terminal, the share table otherwise.
run: build
	@if [ -t 0 ]; then $(BIN) repl $(DEFAULT_SCENARIO); else $(BIN) run $(DEFAULT_SCENARIO); fi

## Build, then every test: unit, conformance, golden, end-to-end, the bundled scenarios' expect lines.
test: build test-tools
	$(SWIFT) build --build-tests
	SHARESIM_BIN=$(CURDIR)/$(BIN) $(SWIFT) test --skip-build 2>&1 | tee $(TEST_LOG) || $(MAKE) --no-print-directory test-failures
	$(BIN) test scenarios
	$(BIN) replay Tests/Transcripts/*.txt

## Speed (release): vendor-steps per second, whole-process time per bundled scenario,
## Monte Carlo against numpy, and the REPL's first prompt and timed run.
bench: build
	$(SWIFT) build $(RELEASE) --product sharesim-bench
	.build/release/sharesim-bench --batch-runs $(BENCH_BATCH_RUNS)
	python3 bench/montecarlo_numpy.py --bench $(BIN)
	python3 bench/repl_latency.py $(BIN) $(DEFAULT_SCENARIO)

## Fuzzing (libFuzzer with AddressSanitizer) of the loader `sharesim check` uses, scenario text
## and resolved JSON alike, for FUZZ_SECONDS (default 10 minutes). Seeds: the bundled scenarios
## and the malformed catalogue; inputs it finds worth keeping go to $(FUZZ_DIR)/corpus. A crash,
## hang or leak is added to the catalogue by Fuzz/keep-findings, and `make fuzz` fails.
## `make test` replays the seeds (FuzzCorpusTests), not the fuzzing.
FUZZ_SECONDS ?= 600
FUZZ_DIR := .build/fuzz
MALFORMED := Tests/ShareSimCoreTests/Malformed
SWIFTC ?= swiftc
CLANG ?= clang
FUZZ_SWIFTC = $(SWIFTC) -sanitize=fuzzer,address -O -parse-as-library -package-name sharesim -suppress-warnings -I $(FUZZ_DIR) -I $(FUZZ_DIR)/CInterrupt
# The sanitizers' runtime exports symbols ld.gold cannot; harmless, and hundreds of lines.
LINK_NOISE := grep -v "Cannot export local symbol" || true

fuzz: setup $(FUZZ_DIR)/fuzz-loader
	mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/findings
	$(FUZZ_DIR)/fuzz-loader $(FUZZ_DIR)/corpus scenarios $(MALFORMED) -dict=Fuzz/scenario.dict \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
	  -artifact_prefix=$(FUZZ_DIR)/findings/; status=$$?; \
	  Fuzz/keep-findings $(FUZZ_DIR)/findings $(MALFORMED); exit $$status

$(FUZZ_DIR)/AtomicFiles.o: $(wildcard Sources/AtomicFiles/*.swift)
	mkdir -p $(FUZZ_DIR)
	$(FUZZ_SWIFTC) -module-name AtomicFiles -emit-module -emit-module-path $(FUZZ_DIR)/AtomicFiles.swiftmodule -wmo -c $^ -o $@

# The core's C module (Ctrl-C's flag), compiled with the same sanitizers, and a module map
# for it as SwiftPM would generate.
$(FUZZ_DIR)/CInterrupt.o: Sources/CInterrupt/interrupt.c Sources/CInterrupt/include/CInterrupt.h
	mkdir -p $(FUZZ_DIR)/CInterrupt
	printf 'module CInterrupt {\n  header "%s"\n  export *\n}\n' "$(CURDIR)/Sources/CInterrupt/include/CInterrupt.h" > $(FUZZ_DIR)/CInterrupt/module.modulemap
	$(CLANG) -O1 -fsanitize=fuzzer-no-link,address -I Sources/CInterrupt/include -c $< -o $@

$(FUZZ_DIR)/ShareSimCore.o: $(FUZZ_DIR)/AtomicFiles.o $(FUZZ_DIR)/CInterrupt.o $(shell find Sources/ShareSimCore -name '*.swift' | sort)
	$(FUZZ_SWIFTC) -module-name ShareSimCore -emit-module -emit-module-path $(FUZZ_DIR)/ShareSimCore.swiftmodule -wmo \
	  -c $(filter %.swift,$^) -o $@

$(FUZZ_DIR)/fuzz-loader: $(FUZZ_DIR)/ShareSimCore.o Tests/ShareSimTestSupport/LoaderFuzzing.swift Fuzz/LoaderFuzzTarget.swift
	$(FUZZ_SWIFTC) -module-name LoaderFuzzTarget $(filter %.swift,$^) $(FUZZ_DIR)/ShareSimCore.o $(FUZZ_DIR)/AtomicFiles.o $(FUZZ_DIR)/CInterrupt.o -o $@ 2>&1 | { $(LINK_NOISE); }

## The failures of the last `swift test` again, one line each, after its own summary: in
## sight at the end of a long log (a CI page shows only its tail). Ends with status 1.
test-failures:
	@echo; echo "swift test failed; its failures (the whole log is $(TEST_LOG)):"
	@grep -a -A1 'recorded an issue' $(TEST_LOG) | grep -av '^--$$' | cut -c1-700 | head -n 14 || true
	@grep -a 'Test run with' $(TEST_LOG) || echo "swift test ended without its summary"
	@exit 1

clean:
	rm -rf .build
