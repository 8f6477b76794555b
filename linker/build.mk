# soxld: libsoxld.a (used by the driver too) + a thin main.
SOXLD_LIB_SRCS := $(filter-out linker/main.c,$(wildcard linker/*.c))
SOXLD_LIB := $(BUILD)/libsoxld.a
$(SOXLD_LIB): $(SOXLD_LIB_SRCS:%.c=$(BUILD)/%.o)
	@rm -f $@
	ar rcs $@ $^
bin/soxld: $(BUILD)/linker/main.o $(SOXLD_LIB) $(COMMON_LIB)
	@mkdir -p bin
	$(CC) $(ALL_LDFLAGS) $^ -o $@
TOOLS += bin/soxld
