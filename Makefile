# The two commands of the README, and a few more. Each target sets up what it
# needs (Debian packages through scripts/setup.sh, idempotent) and builds with
# the CMake presets in CMakePresets.json.
JOBS ?= $(shell nproc)
SCENARIO ?= scenarios/demo/demo.json
OUT ?= out/demo.h5

.PHONY: setup build demo test test-release test-asan bench clean

setup:
	./scripts/setup.sh

build: setup
	cmake --preset release
	cmake --build --preset release -j $(JOBS)

# Builds and runs the demo scenario: writes $(OUT) and prints the summary.
demo: build
	./build/release/app/campusflow run $(SCENARIO) -o $(OUT)

# Builds and runs every test: the release suite, then the unit tests under
# AddressSanitizer + UndefinedBehaviorSanitizer.
test: test-release test-asan

test-release: build
	ctest --preset release -j $(JOBS)

test-asan: setup
	cmake --preset asan
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

bench: setup
	cmake --preset bench
	cmake --build --preset bench -j $(JOBS)
	./build/bench/bench/campusflow_bench

clean:
	rm -rf build out
