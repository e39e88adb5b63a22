# The two commands of the README, and a few more. Each target sets up what it
# needs (Debian packages through scripts/setup.sh, idempotent) and builds with
# the CMake presets in CMakePresets.json.
JOBS ?= $(shell nproc)
SCENARIO ?= scenarios/demo/demo.json
OUT ?= out/demo.h5

.PHONY: setup build demo test test-release test-asan test-tsan test-fuzz bench clean

setup:
	./scripts/setup.sh

build: setup
	cmake --preset release
	cmake --build --preset release -j $(JOBS)

# Builds and runs the demo scenario: writes $(OUT) and prints the summary.
demo: build
	./build/release/app/campusflow run $(SCENARIO) -o $(OUT)

# Builds and runs every test: the release suite, then the unit tests under
# AddressSanitizer + UndefinedBehaviorSanitizer (the asan preset builds only them), the engine's, street's and
# sweep's tests on several threads under ThreadSanitizer, and each fuzzing harness
# for $(FUZZ_SECONDS) s from a fixed random seed (the same inputs each time,
# as far as the machine gets; fuzz/run.sh without FUZZ_SEED explores anew).
FUZZ_SECONDS ?= 60
test: test-release test-asan test-tsan test-fuzz

test-release: build
	ctest --preset release -j $(JOBS)

test-asan: setup
	cmake --preset asan
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

# ThreadSanitizer needs a oneTBB built with it (scripts/tsan_tbb.sh: the same
# Debian version, instrumented; the tests load it instead of the system's).
test-tsan: setup
	./scripts/tsan_tbb.sh
	cmake --preset tsan
	cmake --build --preset tsan -j $(JOBS)
	ctest --preset tsan -j $(JOBS)

test-fuzz: setup
	cmake --preset fuzz
	cmake --build --preset fuzz -j $(JOBS)
	FUZZ_SEED=1 ./fuzz/run.sh build/fuzz $(FUZZ_SECONDS)

bench: setup
	cmake --preset bench
	cmake --build --preset bench -j $(JOBS)
	./build/bench/bench/campusflow_bench

clean:
	rm -rf build out
