# Fuzzing (issue #7): libFuzzer harnesses built with clang into fuzz/out/ (never part of
# `make all`).  `make fuzz FUZZ_SECONDS=N` builds every harness whose library exists and
# runs each for N seconds over fuzz/corpus/<harness>/, printing executions, coverage and
# findings per harness (fuzz/run.sh).  Needs clang and libclang-rt (ci/install-deps.sh
# with FUZZ=1).
FUZZ_CC ?= $(firstword $(shell command -v clang-14 clang 2>/dev/null) clang)
FUZZ_SECONDS ?= 10
FUZZ_OUT := fuzz/out
FUZZ_OBJ := $(FUZZ_OUT)/obj
FUZZ_BIN := $(FUZZ_OUT)/bin
# UBSan stays recoverable so that known, already-reported findings in other parts can be
# suppressed (fuzz/suppressions/); run.sh makes every other report fatal (halt_on_error).
FUZZ_SANITIZE := -fsanitize=address,undefined
FUZZ_CFLAGS := -std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer -I. $(FUZZ_SANITIZE) \
  -fsanitize=fuzzer-no-link
FUZZ_LINK = @mkdir -p $(dir $@) && $(FUZZ_CC) $(FUZZ_SANITIZE) -fsanitize=fuzzer $^ -o $@

$(FUZZ_OBJ)/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

fuzz_objs = $(patsubst %.c,$(FUZZ_OBJ)/%.o,$(1))
fuzz_lib = $(call fuzz_objs,$(filter-out $(1)/main.c,$(wildcard $(1)/*.c)))
FUZZ_COMMON := $(call fuzz_objs,$(COMMON_SRCS) fuzz/fuzz_util.c)
FUZZ_NUMFMT_SRC := runtime/numfmt.c

# Each harness is built only once its tool's library interface exists.
FUZZ_HARNESSES := objdump
FUZZ_HARNESSES += $(if $(wildcard assembler/soxas.h),soxas_x86_64 soxas_aarch64)
FUZZ_HARNESSES += $(if $(wildcard linker/soxld.h),soxld)
FUZZ_HARNESSES += $(if $(wildcard compiler/frontend.h compiler/codegen.h),soxcc)
FUZZ_HARNESSES += $(if $(and $(wildcard runtime/numfmt.h),$(FUZZ_NUMFMT_SRC)),numfmt)

$(FUZZ_BIN)/objdump: $(FUZZ_OBJ)/fuzz/objdump_fuzz.o $(call fuzz_lib,objdump) $(FUZZ_COMMON)
	$(FUZZ_LINK) -lcapstone

$(FUZZ_OBJ)/fuzz/soxas_x86_64_fuzz.o: fuzz/soxas_fuzz.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -DFUZZ_TARGET=TARGET_X86_64 -MMD -MP -c $< -o $@
$(FUZZ_OBJ)/fuzz/soxas_aarch64_fuzz.o: fuzz/soxas_fuzz.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -DFUZZ_TARGET=TARGET_AARCH64 -MMD -MP -c $< -o $@
$(FUZZ_BIN)/soxas_%: $(FUZZ_OBJ)/fuzz/soxas_%_fuzz.o $(call fuzz_lib,assembler) $(FUZZ_COMMON)
	$(FUZZ_LINK)

$(FUZZ_BIN)/soxld: $(FUZZ_OBJ)/fuzz/soxld_fuzz.o $(call fuzz_lib,linker) $(FUZZ_COMMON)
	$(FUZZ_LINK)

# The driver reaches the assembler and linker too, so they are linked in.
$(FUZZ_BIN)/soxcc: $(FUZZ_OBJ)/fuzz/soxcc_fuzz.o $(call fuzz_lib,compiler) $(call fuzz_lib,assembler) \
    $(call fuzz_lib,linker) $(FUZZ_COMMON)
	$(FUZZ_LINK)

$(FUZZ_BIN)/numfmt: $(FUZZ_OBJ)/fuzz/numfmt_fuzz.o $(call fuzz_objs,$(FUZZ_NUMFMT_SRC))
	$(FUZZ_LINK)

.PHONY: fuzz-build
fuzz-build: $(FUZZ_HARNESSES:%=$(FUZZ_BIN)/%)

# A harness whose code does not compile right now (another part mid-edit) is reported as
# not built; the others still run.
fuzz:
	-@$(MAKE) --no-print-directory -k fuzz-build
	fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

-include $(shell find $(FUZZ_OBJ) -name '*.d' 2>/dev/null)
