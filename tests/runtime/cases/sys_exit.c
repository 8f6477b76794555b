// status: 3
/* sysExit runs the sysOnExit handlers LIFO; an error inside one is reported and
 * the others still run; buffered output is flushed; the status is the argument. */
#include "tests/runtime/harness.h"

static SoxFuncInfo h_info = { "handler", 7, 0, 0, 0, 0 };
static Value h1(Value c) { (void)c; say("handler 1"); return SOX_NIL; }
static Value h2(Value c) { (void)c; return sox_add(SOX_NIL, N(1)); }
static Value h3(Value c) { (void)c; say("handler 3"); return SOX_NIL; }

void sox_program_entry(void)
{
    sox_register_program(&program);
    CALL("sysOnExit", sox_closure_new(&h_info, (void *)h1));
    CALL("sysOnExit", sox_closure_new(&h_info, (void *)h2));
    CALL("sysOnExit", sox_closure_new(&h_info, (void *)h3));
    say("before exit");
    CALL("sysExit", N(3.9));
    say("not reached");
}
