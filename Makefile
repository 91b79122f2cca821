# The two commands of README.md:
#   make sample   set up, build, run eventmill on the bundled sample pages
#   make test     set up, build, run every test (what .ci/run calls)
# and, for hardening (docs/fuzzing.md):
#   make asan     build everything with ASan + UBSan (clang) into build-asan/ and run the whole
#                 suite there, a short run of each libFuzzer harness included
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: setup build sample test bench clean asan

setup:
	@tools/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

sample: build
	@tools/run_sample.sh

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	@tools/run_bench.sh

asan: setup
	@JOBS=$(JOBS) tools/asan_build.sh
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
