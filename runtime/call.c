/* call.c — calling anything callable (§7.3, §9): closures with their exact arity,
 * natives, classes (a new instance, then `init`), bound methods.  Compiled code
 * calls closures of the right arity directly; everything else comes here. */
#include "runtime/rt.h"

RT_NORETURN static void arity_error(uint64_t expected, uint64_t got)
{
    rt_error("Expected %ld arguments but got %ld.", (long)expected, (long)got);
}

typedef Value (*Code0)(Value);
typedef Value (*Code1)(Value, Value);
typedef Value (*Code2)(Value, Value, Value);
typedef Value (*Code3)(Value, Value, Value, Value);
typedef Value (*Code4)(Value, Value, Value, Value, Value);

/* code(closure, words...): up to four words are a direct C call (compiled code
 * follows the platform ABI with 64-bit integer arguments); more go through the
 * per-target trampoline, which also handles stack-passed words. */
static Value call_words(SoxClosure *c, uint64_t n, const Value *w)
{
    Value self = SOX_OBJ_VAL(c);
    switch (n) {
    case 0: return ((Code0)c->code)(self);
    case 1: return ((Code1)c->code)(self, w[0]);
    case 2: return ((Code2)c->code)(self, w[0], w[1]);
    case 3: return ((Code3)c->code)(self, w[0], w[1], w[2]);
    case 4: return ((Code4)c->code)(self, w[0], w[1], w[2], w[3]);
    default: return sox_call_code(c->code, self, n, w);
    }
}

/* A method with four or more arguments: the receiver goes in front of them.  Kept apart
 * so that the common calls above do not pay for the variable-length frame. */
__attribute__((noinline)) static Value call_method_words(SoxClosure *c, Value receiver,
                                                         uint64_t argc, const Value *args)
{
    Value words[argc + 1];
    words[0] = receiver;
    memcpy(words + 1, args, argc * sizeof(Value));
    return sox_call_code(c->code, SOX_OBJ_VAL(c), argc + 1, words);
}

Value rt_call_closure(SoxClosure *c, Value receiver, bool has_receiver, uint64_t argc, const Value *args)
{
    if (RT_UNLIKELY(c->arity != argc))
        arity_error(c->arity, argc);
    if (!has_receiver)
        return call_words(c, argc, args);
    Value self = SOX_OBJ_VAL(c);
    switch (argc) {
    case 0: return ((Code1)c->code)(self, receiver);
    case 1: return ((Code2)c->code)(self, receiver, args[0]);
    case 2: return ((Code3)c->code)(self, receiver, args[0], args[1]);
    case 3: return ((Code4)c->code)(self, receiver, args[0], args[1], args[2]);
    default: return call_method_words(c, receiver, argc, args);
    }
}

Value sox_instance_new(Value klass)
{
    return rt_instance_new(AS_CLASS(klass));
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
