/* soxas.h — the assembler as a library (used by soxas's main and by the soxcc driver). */
#ifndef SOX_SOXAS_H
#define SOX_SOXAS_H
#include <stddef.h>
#include "common/target.h"
#include "common/buf.h"

/* Assembles `text` (len bytes; input_name is used in diagnostics) for target t and writes
 * the ELF64 relocatable object to output_path atomically. Returns 0 on success, 1 after
 * reporting errors (no output file is left behind). */
int soxas_assemble(Target t, const char *input_name, const char *text, size_t len,
                   const char *output_path);
/* Same, reading the input file itself ("-" = stdin) and freeing it as soon as it is parsed
 * (lower peak memory for large inputs). */
int soxas_assemble_file(Target t, const char *input_path, const char *output_path);
/* Same as soxas_assemble, appending the object to *out instead of writing a file. */
int soxas_assemble_buf(Target t, const char *input_name, const char *text, size_t len, Buf *out);

/* The same in pieces, for a producer (the compiler) that hands its text over as it writes
 * it, while it is still in the cache: begin (NULL after an error), feed whole lines any
 * number of times, then end, which assembles the rest, writes the object atomically and
 * frees the stream (0 on success, 1 after errors, as soxas_assemble; output_path NULL
 * discards everything and returns 1). */
typedef struct SoxasStream SoxasStream;
SoxasStream *soxas_stream_begin(Target t, const char *input_name);
void soxas_stream_feed(SoxasStream *s, const char *text, size_t len);
int soxas_stream_end(SoxasStream *s, const char *output_path);
#endif
