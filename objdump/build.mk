# soxobjdump: Capstone for disassembly.
SOXOBJDUMP_SRCS := $(wildcard objdump/*.c)
bin/soxobjdump: $(SOXOBJDUMP_SRCS:%.c=$(BUILD)/%.o) $(COMMON_LIB)
	@mkdir -p bin
	$(CC) $(ALL_LDFLAGS) $^ -lcapstone -o $@
TOOLS += bin/soxobjdump
