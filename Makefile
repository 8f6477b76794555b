# soxcc — one entry point: make, make test, make bench, make demo, make install.
# Each tool contributes a small build.mk fragment; the generic rules live here.

CC      ?= cc
CFLAGS  ?= -O2 -g
SANITIZE ?=
PREFIX  ?= /usr/local
DESTDIR ?=

ALL_CFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra $(CFLAGS) -I.
ALL_LDFLAGS := $(LDFLAGS)
BUILD := build
ifeq ($(SANITIZE),1)
  ALL_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
  ALL_LDFLAGS += -fsanitize=address,undefined
  BUILD := build-san
endif

# Sanitized and plain tools share bin/: when the mode changes, drop the old binaries so
# they are relinked from the other build directory instead of being silently reused.
BUILD_MODE := $(if $(filter 1,$(SANITIZE)),sanitize,plain)
ifneq ($(shell cat bin/.mode 2>/dev/null),$(BUILD_MODE))
  $(shell rm -f bin/soxcc bin/soxas bin/soxld bin/soxobjdump; mkdir -p bin; echo $(BUILD_MODE) > bin/.mode)
endif

TOOLS :=
.PHONY: all tools sysroot test bench demo install clean deps fuzz
all: tools sysroot

COMMON_SRCS := $(wildcard common/*.c)
COMMON_LIB  := $(BUILD)/libcommon.a

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(COMMON_LIB): $(COMMON_SRCS:%.c=$(BUILD)/%.o)
	@rm -f $@
	ar rcs $@ $^

include assembler/build.mk
include linker/build.mk
include objdump/build.mk
include compiler/build.mk
include runtime/build.mk
-include fuzz/build.mk

tools: $(TOOLS)

deps:
	ci/install-deps.sh

test: deps all
	tests/run.sh

bench: all
	BENCH=1 ci/install-deps.sh
	bench/run.sh

demo: deps all
	examples/demo.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(TOOLS) $(DESTDIR)$(PREFIX)/bin/
	for t in x86_64-linux aarch64-linux; do \
	  install -d $(DESTDIR)$(PREFIX)/lib/soxcc/sysroot/$$t/lib; \
	  install -m 644 sysroot/$$t/lib/* $(DESTDIR)$(PREFIX)/lib/soxcc/sysroot/$$t/lib/; \
	done
	if ls docs/*.1 >/dev/null 2>&1; then install -m 644 docs/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/; fi

clean:
	rm -rf build build-san bin sysroot

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# `make -s print-VAR` prints a make variable (tests reuse the build's own flags).
print-%:
	@echo '$($*)'
