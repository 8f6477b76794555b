/* call.c — calling anything callable (§7.3, §9): closures with their exact arity,
 * natives, classes (a new instance, then `init`), bound methods.  Compiled code
 * calls closures of the right arity directly; everything else comes here. */
#include "runtime/rt.h"

RT_NORETURN static void arity_error(uint64_t expected, uint64_t got)
{
    rt_error("Expected %ld arguments but got %ld.", (long)expected, (long)got);
}

/* code(closure, [receiver,] args...) through the per-target trampoline. */
Value rt_call_closure(SoxClosure *c, Value receiver, bool has_receiver, uint64_t argc, const Value *args)
{
    if (c->arity != argc)
        arity_error(c->arity, argc);
    if (!has_receiver)
        return sox_call_code(c->code, SOX_OBJ_VAL(c), argc, args);
    Value words[argc + 1];
    words[0] = receiver;
    if (argc)
        memcpy(words + 1, args, argc * sizeof(Value));
    return sox_call_code(c->code, SOX_OBJ_VAL(c), argc + 1, words);
}

static Value construct(SoxClass *k, uint64_t argc, const Value *args)
{
    Value instance = rt_instance_new(k);
    if (k->init == SOX_NIL) {
        if (argc != 0)
            arity_error(0, argc);
        return instance;
    }
    rt_call_closure(AS_CLOSURE(k->init), instance, true, argc, args);
    return instance;
}

Value sox_call(Value callee, uint64_t argc, const Value *args)
{
    if (SOX_IS_OBJ(callee)) {
        switch (OBJ_TYPE(callee)) {
        case SOX_OBJ_CLOSURE: {
            SoxClosure *c = AS_CLOSURE(callee);
            return rt_call_closure(c, SOX_NIL, false, argc, args);
        }
        case SOX_OBJ_NATIVE: return AS_NATIVE(callee)->fn((int)argc, args);
        case SOX_OBJ_CLASS: return construct(AS_CLASS(callee), argc, args);
        case SOX_OBJ_BOUND: {
            SoxBound *b = AS_BOUND(callee);
            return rt_call_closure(b->method, b->receiver, true, argc, args);
        }
        default: break;
        }
    }
    rt_error("Can only call functions and classes.");
}
