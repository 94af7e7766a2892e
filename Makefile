# SPDX-License-Identifier: GPL-3.0-or-later
# PgDesk: `make demo` and `make test` are all a fresh Debian 12 machine needs.
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 30
CMAKE_GEN  ?= -G Ninja
JOBS       ?= $(shell nproc)
CTEST_ARGS ?=
# ccache keyed on paths relative to the checkout, so every clone of the repository shares one cache.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1
# Qt6::Test's -DQT_TESTCASE_SOURCEDIR="/abs/path" is used by QFINDTESTDATA alone (cmake/ProjectOptions.cmake).
export CCACHE_IGNOREOPTIONS := -DQT_TESTCASE_SOURCEDIR=*

.PHONY: all deps configure build demo test test-asan fuzz format bench package package-check screenshots clean

all: build

deps:
	@scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo $(BUILD)

# Release build + every test through CTest, then the core, CLI and GUI tests again under ASan+UBSan (leaks
# fail them, except those tests/support/lsan.supp puts down to system libraries), then the fuzz targets for
# FUZZ_SECONDS each.
# The sanitizer build keeps line tables only (-g1), so reports still name file and line, and links core,
# paint and the UI as shared libraries, so its test programs share one instrumented copy (statically each
# linked its own: 38 GB of disk).
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)
	@$(MAKE) --no-print-directory test-asan
	@$(MAKE) --no-print-directory fuzz

test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 \
		-DPGDESK_SANITIZE=ON -DPGDESK_BUILD_UI=ON -DPGDESK_LIBRARY_TYPE=SHARED >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/support/lsan.supp:print_suppressions=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest --output-on-failure -j $(JOBS) -L 'core|cli|ui' $(CTEST_ARGS)

# libFuzzer (clang, ASan+UBSan) on the DSN parser, the filter/sort/paging arguments and the change-set
# reader: FUZZ_SECONDS per target from the seeds in tests/fuzz/corpus; a crash fails (scripts/fuzz).
fuzz: deps
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug \
		-DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DPGDESK_FUZZ=ON -DPGDESK_BUILD_UI=OFF -DBUILD_TESTING=OFF >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target pgdesk_fuzz_targets
	@scripts/fuzz $(FUZZ_BUILD) $(FUZZ_SECONDS)

# Benchmarks against psql and the other peers (not part of `make test`); see docs/BENCHMARKS.md.
bench: build
	@bench/run $(BUILD)

# Release build, then build/pgdesk_<version>-1_<arch>.deb (CPack; Depends from dpkg-shlibdeps):
# `sudo apt install ./build/pgdesk_*.deb`. `cmake --install build --prefix DIR` installs the same files.
package: build
	cd $(BUILD) && cpack -G DEB

# The .deb installed with apt into a clean Debian 12 (debootstrap; needs root and Debian's archive), then
# pgdesk-cli run and pgdesk started on Xvfb there: packaging/check-clean-install.sh.
package-check: package
	@packaging/check-clean-install.sh $(BUILD)

format:
	@scripts/check-format --fix

screenshots: build
	@scripts/screenshot $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
