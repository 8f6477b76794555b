# soxcc: the compiler and driver; links the assembler and linker libraries (one process).
SOXCC_SRCS := $(wildcard compiler/*.c)
bin/soxcc: $(SOXCC_SRCS:%.c=$(BUILD)/%.o) $(SOXAS_LIB) $(SOXLD_LIB) $(COMMON_LIB)
	@mkdir -p bin
	$(CC) $(ALL_LDFLAGS) $^ -o $@
TOOLS += bin/soxcc
