// stdout: closed
/* Writing to a pipe whose reader has gone ends the program quietly (status 0,
 * nothing on stderr) instead of crashing on SIGPIPE. */
#include "tests/runtime/harness.h"

void sox_program_entry(void)
{
    sox_register_program(&program);
    for (int i = 0; i < 200000; i++)
        sox_print(S("a line of output that nobody reads"));
    rt_err_str("still running after the reader left\n");
}
