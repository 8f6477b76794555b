# The Sox runtime, built freestanding for both targets into sysroot/<target>/lib:
# crt1.o (the _start code) and libsoxrt.a (one object per source file, so a static
# link pulls only what a program needs).  Objects go under $(BUILD)/runtime/<target>/.
RT_TARGETS := x86_64-linux aarch64-linux
RT_ARCH_x86_64-linux := x86_64
RT_ARCH_aarch64-linux := aarch64
RT_CC_x86_64-linux := gcc
RT_CC_aarch64-linux := aarch64-linux-gnu-gcc
RT_AR_x86_64-linux := ar
RT_AR_aarch64-linux := aarch64-linux-gnu-ar
# Frame pointers are required: error traces and nothing else walk the frame chain.
# -fno-tree-loop-distribute-patterns keeps gcc from turning memset/memcpy's own
# loops into calls to themselves.
RT_CFLAGS := -std=c11 -ffreestanding -nostdlib -fno-pic -fno-pie -fno-stack-protector \
  -fno-omit-frame-pointer -O2 -Wall -Wextra -fno-strict-aliasing \
  -fno-tree-loop-distribute-patterns -fno-asynchronous-unwind-tables -fno-unwind-tables -I.
# `make sysroot RT_AS=soxas` assembles the runtime with our own assembler instead
# (cc -S, then bin/soxas; x86-64 in Intel syntax): DESIGN.md §6's self-hosting check.
RT_AS ?=
RT_MASM_x86_64-linux := -masm=intel
RT_MASM_aarch64-linux :=
RT_OBJDIR := $(BUILD)/runtime$(if $(filter soxas,$(RT_AS)),-soxas)
# Where the sysroot goes; tests/sysroot-soxas builds a second one beside the first.
SYSROOT_DIR ?= sysroot

RT_ALL_C := $(wildcard runtime/*.c)
RT_GENERIC_C := $(filter-out runtime/sys_%.c,$(RT_ALL_C))

define RT_TARGET_RULES
RT_OBJS_$(1) := $$(patsubst runtime/%.c,$(RT_OBJDIR)/$(1)/%.o,$$(RT_GENERIC_C) runtime/sys_$$(RT_ARCH_$(1)).c) \
  $(RT_OBJDIR)/$(1)/arch_$$(RT_ARCH_$(1)).o

ifeq ($(RT_AS),soxas)
$(RT_OBJDIR)/$(1)/%.o: runtime/%.c bin/soxas
	@mkdir -p $$(dir $$@)
	$$(RT_CC_$(1)) $$(RT_CFLAGS) $$(RT_MASM_$(1)) -MMD -MP -MT $$@ -S $$< -o $$@.s
	bin/soxas -target $(1) $$@.s -o $$@

$(RT_OBJDIR)/$(1)/%.o: runtime/%.s bin/soxas
	@mkdir -p $$(dir $$@)
	bin/soxas -target $(1) $$< -o $$@
else
$(RT_OBJDIR)/$(1)/%.o: runtime/%.c
	@mkdir -p $$(dir $$@)
	$$(RT_CC_$(1)) $$(RT_CFLAGS) -MMD -MP -c $$< -o $$@

$(RT_OBJDIR)/$(1)/%.o: runtime/%.s
	@mkdir -p $$(dir $$@)
	$$(RT_CC_$(1)) -c $$< -o $$@
endif

$(SYSROOT_DIR)/$(1)/lib/libsoxrt.a: $$(RT_OBJS_$(1)) $(RT_OBJDIR)/.stamp-$(1)
	@mkdir -p $$(dir $$@)
	@rm -f $$@
	$$(RT_AR_$(1)) rcs $$@ $$(filter %.o,$$^)

$(SYSROOT_DIR)/$(1)/lib/crt1.o: $(RT_OBJDIR)/$(1)/crt1_$$(RT_ARCH_$(1)).o $(RT_OBJDIR)/.stamp-$(1)
	@mkdir -p $$(dir $$@)
	cp $$< $$@

# Switching RT_AS must relink even when the other assembler's objects are newer.
$(RT_OBJDIR)/.stamp-$(1):
	@mkdir -p $$(dir $$@)
	@rm -f $(BUILD)/runtime*/.stamp-$(1)
	@touch $$@

sysroot: $(SYSROOT_DIR)/$(1)/lib/libsoxrt.a $(SYSROOT_DIR)/$(1)/lib/crt1.o
endef

$(foreach t,$(RT_TARGETS),$(eval $(call RT_TARGET_RULES,$(t))))
