# soxcc: the compiler and driver; links the assembler and linker libraries (one process).
# soxcc is linked statically (not under SANITIZE=1): on the reference machine dynamic
# loading alone cost ~6 ms per run, more than compiling hello world.
SOXCC_SRCS := $(wildcard compiler/*.c)
SOXCC_STATIC := $(if $(filter 1,$(SANITIZE)),,-static)
bin/soxcc: $(SOXCC_SRCS:%.c=$(BUILD)/%.o) $(SOXAS_LIB) $(SOXLD_LIB) $(COMMON_LIB)
	@mkdir -p bin
	$(CC) $(ALL_LDFLAGS) $(SOXCC_STATIC) $^ -o $@
TOOLS += bin/soxcc
