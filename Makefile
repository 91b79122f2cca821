# The two commands of README.md:
#   make sample   set up, build, run eventmill on the bundled sample pages
#   make test     set up, build, run every test (what .ci/run calls)
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: setup build sample test bench clean

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

clean:
	rm -rf $(BUILD)
