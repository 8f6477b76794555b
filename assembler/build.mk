# soxas: libsoxas.a (used by the driver too) + a thin main.
SOXAS_LIB_SRCS := $(filter-out assembler/main.c,$(wildcard assembler/*.c))
SOXAS_LIB := $(BUILD)/libsoxas.a
$(SOXAS_LIB): $(SOXAS_LIB_SRCS:%.c=$(BUILD)/%.o)
	@rm -f $@
	ar rcs $@ $^
bin/soxas: $(BUILD)/assembler/main.o $(SOXAS_LIB) $(COMMON_LIB)
	@mkdir -p bin
	$(CC) $(ALL_LDFLAGS) $^ -o $@
TOOLS += bin/soxas
