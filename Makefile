# PgDesk: `make demo` and `make test` are all a fresh Debian 12 machine needs.
BUILD      ?= build
ASAN_BUILD ?= build-asan
CMAKE_GEN  ?= -G Ninja
JOBS       ?= $(shell nproc)
CTEST_ARGS ?=

.PHONY: all deps configure build demo test test-asan format bench package screenshots clean

all: build

deps:
	@scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo $(BUILD)

# Release build + every test through CTest, then the core and CLI tests again under ASan+UBSan.
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)
	@$(MAKE) --no-print-directory test-asan

test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DPGDESK_SANITIZE=ON -DPGDESK_BUILD_UI=OFF >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest --output-on-failure -j $(JOBS) -L 'core|cli' $(CTEST_ARGS)

# Benchmarks against psql and the other peers (not part of `make test`); see README.
bench: build
	@bench/run $(BUILD)

# Release build, then build/pgdesk_<version>-1_<arch>.deb (CPack; Depends from dpkg-shlibdeps):
# `sudo apt install ./build/pgdesk_*.deb`. `cmake --install build --prefix DIR` installs the same files.
package: build
	cd $(BUILD) && cpack -G DEB

format:
	@scripts/check-format --fix

screenshots: build
	@scripts/screenshot $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
