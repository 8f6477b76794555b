/* harness.h — helpers for the runtime's unit tests.  Each case is a freestanding
 * C program linked against crt1.o + libsoxrt.a; it defines sox_program_entry,
 * registers a program, exercises the runtime and prints results.  run.sh
 * compares stdout+stderr (errors go to stderr, stdout is flushed first, so the
 * order is kept) with NAME.out and the exit status with NAME.status (default 0). */
#ifndef SOX_TEST_HARNESS_H
#define SOX_TEST_HARNESS_H
#include "runtime/rt.h"

#define NROOTS 64
static Value roots[NROOTS];
static SoxProgramInfo program = { SOX_ABI_VERSION, roots, NROOTS, 0, 0, 1, 0 };

static inline Value S(const char *s) { return sox_string_intern(s, rt_strlen(s)); }
static inline Value N(double d) { return num_val(d); }
static inline Value NATIVE(const char *name) { return sox_native_lookup(name, rt_strlen(name)); }
static inline void say(const char *s) { rt_out_write(s, rt_strlen(s)); rt_out_write("\n", 1); }

/* Runs stmt; a runtime error inside prints its message (stderr) and continues. */
#define TRY(stmt)                                  \
    do {                                           \
        RtJmpBuf jb_;                              \
        if (rt_setjmp(&jb_) == 0) {                \
            rt_error_catch = &jb_;                 \
            stmt;                                  \
            rt_error_catch = 0;                    \
            say("(no error)");                     \
        }                                          \
        rt_error_catch = 0;                        \
    } while (0)

/* Calls a native by name with the given arguments. */
#define CALL(name, ...) sox_call(NATIVE(name), sizeof((Value[]){ __VA_ARGS__ }) / sizeof(Value), (Value[]){ __VA_ARGS__ })
#define CALL0(name) sox_call(NATIVE(name), 0, 0)

#endif
