/* start.c — process start-up and shutdown.  _start (crt1_<arch>.s) hands us the
 * initial stack pointer; we parse argc/argv/envp, set up the heap and stdout,
 * then move to a large runtime-allocated stack (128 MiB reserved, touched on
 * demand) so that deep recursion works, and call the program's entry there. */
#include "runtime/rt.h"

#define STACK_SIZE ((size_t)128 << 20)
#define STACK_GUARD ((size_t)64 << 10)
/* Room left below sox_stack_limit for the runtime itself: the error path, the
 * collector's frames, natives called from the deepest Sox frame. */
#define STACK_MARGIN ((size_t)1 << 20)

uintptr_t sox_stack_limit;
uintptr_t rt_stack_top;
int rt_argc;
char **rt_argv;
char **rt_envp;

const char *rt_getenv(const char *name)
{
    size_t n = rt_strlen(name);
    for (char **e = rt_envp; e && *e; e++)
        if (memcmp(*e, name, n) == 0 && (*e)[n] == '=')
            return *e + n + 1;
    return 0;
}

void rt_check_stack(void)
{
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    if (RT_UNLIKELY(sp < sox_stack_limit))
        sox_stack_overflow();
}

static void run_program(void)
{
    rt_gc_set_stack_base(rt_stack_top);
    sox_program_entry();
    sox_exit(0);
}

void sox_rt_start(uintptr_t *initial_sp)
{
    rt_argc = (int)initial_sp[0];
    rt_argv = (char **)(initial_sp + 1);
    rt_envp = rt_argv + rt_argc + 1;
    rt_out_init();
    rt_heap_init();
    const char *stress = rt_getenv("SOX_GC_STRESS");
    rt_gc_stress = stress && stress[0] && !(stress[0] == '0' && stress[1] == 0);

    char *stack = sys_mmap(0, STACK_SIZE, RT_PROT_RW, RT_MAP_PRIVATE_ANON | RT_MAP_NORESERVE, -1, 0);
    if (RT_MMAP_FAILED(stack)) {
        rt_err_str("sox: cannot allocate the program stack\n");
        sys_exit_group(70);
    }
    /* a guard at the bottom: anything that ever got past the limit check faults
     * instead of silently writing over other memory */
    sys_mprotect(stack, STACK_GUARD, RT_PROT_NONE);
    rt_stack_top = (uintptr_t)stack + STACK_SIZE;
    sox_stack_limit = (uintptr_t)stack + STACK_GUARD + STACK_MARGIN;
    rt_switch_stack(rt_stack_top, run_program);
}

void sox_register_program(const SoxProgramInfo *info) { rt_program = info; }

void sox_exit(int64_t status)
{
    rt_out_flush();
    sys_exit_group((int)status);
}

Value sox_argc_value(void) { return num_val(rt_argc); }

Value sox_argv_value(void)
{
    SoxArray *a = rt_array_new(rt_argc);
    Value v = SOX_OBJ_VAL(a);
    for (int i = 0; i < rt_argc; i++)
        a->items[a->count++] = rt_cstring_val(rt_argv[i]);
    return v;
}
