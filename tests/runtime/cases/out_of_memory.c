// status: 70
/* An allocation the heap cannot satisfy is the runtime error `Out of memory.`
 * (exit 70), with buffered output flushed first, never a crash. */
#include "tests/runtime/harness.h"

void sox_program_entry(void)
{
    sox_register_program(&program);
    say("before");
    Value a = roots[0] = sox_array_new(0, 0);
    sox_array_push(a, N(1));
    rt_raw_alloc((size_t)64 << 30);      /* 64 GiB: more than the heap may ever hold */
    say("not reached");
}
