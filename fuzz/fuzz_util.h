/* fuzz_util.h — small helpers shared by the libFuzzer harnesses.
 *
 * Harnesses call the tools' library entry points exactly as the tools' mains do.  Tools
 * that take paths get the input through a file in a private scratch directory (on
 * /dev/shm when there is one, to keep the file system out of the loop). */
#ifndef SOX_FUZZ_UTIL_H
#define SOX_FUZZ_UTIL_H
#include <stddef.h>
#include <stdint.h>

/* A fresh private directory, created on first use and removed at exit. */
const char *fuzz_scratch_dir(void);
/* Writes data to <scratch>/<name> and returns the path (static storage per name slot). */
const char *fuzz_write_file(const char *name, const uint8_t *data, size_t size);
/* The path <scratch>/<name> without creating it. */
const char *fuzz_path(const char *name);
/* A NUL-terminated copy (tools get NUL-terminated text from read_file). */
char *fuzz_strndup(const uint8_t *data, size_t size);
/* Called at the start of every input: resets the diagnostics error counter the tools read
 * to decide success.  The first call makes stderr fully buffered when it goes to /dev/null
 * (see fuzz_util.c). */
void fuzz_reset_diagnostics(void);
#endif
