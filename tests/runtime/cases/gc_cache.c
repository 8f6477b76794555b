/* A per-site SoxCache stays correct across collections: after the class it
 * remembers is collected, a new class (very likely at the same address, since
 * freed slots are reused) must not hit the stale entry. */
#include "tests/runtime/harness.h"

static SoxFuncInfo info = { "who", 3, 0, SOX_FN_METHOD, 0, 0 };
static Value who_a(Value c, Value this) { (void)c; (void)this; return S("A.who"); }
static Value who_b(Value c, Value this) { (void)c; (void)this; return S("B.who"); }

static uintptr_t last_class;
static int reused;

__attribute__((noinline)) static void use_temporary_class(SoxCache *cache, void *code, const char *name)
{
    Value k = sox_class_new(S(name));
    reused += (uintptr_t)SOX_AS_OBJ(k) == last_class;
    last_class = (uintptr_t)SOX_AS_OBJ(k);
    sox_class_add_method(k, S("who"), sox_closure_new(&info, code));
    Value in = sox_call(k, 0, 0);
    sox_print(sox_invoke(in, S("who"), 0, 0, cache));
    sox_print(sox_get_property(in, S("who"), cache));
}

__attribute__((noinline)) static void clobber_stack(void)
{
    volatile uintptr_t junk[512];
    for (int i = 0; i < 512; i++)
        junk[i] = 0;
}

void sox_program_entry(void)
{
    sox_register_program(&program);
    static SoxCache cache;
    for (int round = 0; round < 20; round++) {
        use_temporary_class(&cache, round & 1 ? (void *)who_b : (void *)who_a, round & 1 ? "B" : "A");
        clobber_stack();
        rt_gc_collect();
    }
    /* the test only means something if a new class did reuse a dead one's slot */
    say(reused > 0 ? "class slots were reused" : "CLASS SLOTS NEVER REUSED");
}
