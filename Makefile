# Ronghe: two commands set everything up on a fresh Debian 12 machine with the Swift toolchain.
#   make demo   installs what is missing, builds, runs the whole flow, leaves a workbook in reports/
#   make test   installs what is missing, builds, runs every test (the robustness checks' quick part
#               among them: the malformed corpus, the unchanged database, a bounded fuzz run, the crashers)
#   make check-robustness   the long part: release build, the crash script, minutes of fuzzing per reader
#   make bench  times every step beside peers at 1,000, 10,000 and 100,000 enterprises (minutes);
#               make bench SIZES="1000 10000" for a quick run, REPEAT=3 for steadier figures (3 whole
#               passes, each figure the one of least CPU time; 3 times as long). Figures go to
#               scripts/bench/results.md.

PACKAGES := libsqlite3-dev libxlsxwriter-dev libminizip-dev
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT    ?= swift
RELEASE  := .build/release
PYTHON   ?= python3
SIZES    ?= 1000 10000 100000
REPEAT   ?= 1
RESULTS  ?= scripts/bench/results.md

# check-robustness: kills of import and score, and seconds of fuzzing per reader; the seeds are
# printed, so any failure can be run again (FUZZ_SEED=$$(date +%s) explores new cases).
CRASH_KILLS  ?= 24
CRASH_SEED   ?= 20260301
FUZZ_SECONDS ?= 180
FUZZ_SEED    ?= 1

.PHONY: all deps build demo test bench check-robustness clean

all: build

# apt-get update first: a fresh machine has no package lists yet.
deps:
	@missing=""; \
	for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product ronghe

demo: build
	$(RELEASE)/ronghe demo --out reports/demo.xlsx

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

check-robustness: deps
	$(SWIFT) build -c release --product ronghe
	$(SWIFT) build -c release --product ronghe-fuzz
	scripts/robustness/crash-test $(RELEASE)/ronghe --kills $(CRASH_KILLS) --seed $(CRASH_SEED)
	$(RELEASE)/ronghe-fuzz --seconds $(FUZZ_SECONDS) --cases 100000000 --seed $(FUZZ_SEED) --out .build/fuzz-findings

# The peers (pandas, numpy, XlsxWriter, openpyxl, python-calamine) are installed with pip when missing.
bench: deps
	$(SWIFT) build -c release --product ronghe
	$(SWIFT) build -c release --product ronghe-bench
	$(PYTHON) scripts/bench/bench.py --sizes "$(SIZES)" --repeat $(REPEAT) --results "$(RESULTS)"

clean:
	rm -rf .build
