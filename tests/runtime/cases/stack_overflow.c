// status: 70
/* Deep recursion works (100 000 frames of a function that checks the stack limit
 * the way compiled prologues do); unbounded recursion is `Stack overflow.`,
 * exit 70, never a crash. */
#include "tests/runtime/harness.h"

__attribute__((noinline)) static Value rec(double n)
{
    if ((uintptr_t)__builtin_frame_address(0) < sox_stack_limit)
        sox_stack_overflow();
    if (n == 0)
        return N(0);
    Value r = rec(n - 1);
    return N(num_of(r) + 1);
}

void sox_program_entry(void)
{
    sox_register_program(&program);
    sox_print(rec(100000));
    /* printing a container that contains itself recurses in the runtime */
    Value a = roots[0] = sox_array_new(0, 0);
    sox_array_push(a, a);
    TRY(sox_print(a));
    sox_print(rec(1e15));
    say("not reached");
}
