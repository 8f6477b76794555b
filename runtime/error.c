/* error.c — runtime errors: the message, then the trace of SOX_LANGUAGE.md §12.2
 * built from the compiler's line table by walking the frame-pointer chain
 * ([fp] = caller's fp, [fp+8] = return address on both targets), stdout flushed
 * first, exit status 70.
 *
 * Messages are formatted into a fixed buffer so that "Out of memory." can be
 * reported without allocating. */
#include "runtime/rt.h"

const SoxProgramInfo *rt_program;
RtJmpBuf *rt_error_catch;
const char *rt_error_prefix = "";

#define MSG_MAX 1024
#define TRACE_HEAD 64     /* frames printed before eliding a deep trace ... */
#define TRACE_TAIL 16     /* ... and after */

typedef struct MsgBuf { char p[MSG_MAX]; size_t len; } MsgBuf;

static void msg_put(MsgBuf *m, const char *s, size_t n)
{
    if (n > MSG_MAX - 1 - m->len)
        n = MSG_MAX - 1 - m->len;
    memcpy(m->p + m->len, s, n);
    m->len += n;
    m->p[m->len] = 0;
}

static void msg_puts(MsgBuf *m, const char *s) { msg_put(m, s, rt_strlen(s)); }

static void msg_value(MsgBuf *m, Value v)
{
    if (IS_STRING(v)) {
        msg_put(m, AS_STRING(v)->chars, AS_STRING(v)->length);
    } else {
        RtStr s = { 0 };
        rt_value_to_str(&s, v);
        msg_put(m, s.p, s.len);
        rt_str_free(&s);
    }
}

/* printf subset: %s %.*s %d %ld %g %v (a Value) %% */
static void msg_format(MsgBuf *m, const char *fmt, va_list ap)
{
    char num[48];
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            msg_put(m, f, 1);
            continue;
        }
        f++;
        if (f[0] == '.' && f[1] == '*' && f[2] == 's') {
            int n = va_arg(ap, int);
            msg_put(m, va_arg(ap, const char *), (size_t)n);
            f += 2;
        } else if (*f == 's') {
            msg_puts(m, va_arg(ap, const char *));
        } else if (*f == 'd') {
            msg_put(m, num, (size_t)rt_format_int(va_arg(ap, int), num));
        } else if (f[0] == 'l' && f[1] == 'd') {
            msg_put(m, num, (size_t)rt_format_int(va_arg(ap, long), num));
            f++;
        } else if (*f == 'g') {
            msg_put(m, num, (size_t)sox_format_g(va_arg(ap, double), 6, num));
        } else if (*f == 'v') {
            msg_value(m, va_arg(ap, Value));
        } else if (*f == '%') {
            msg_put(m, "%", 1);
        } else if (*f == 0) {
            break;
        }
    }
}

void rt_format_v(RtStr *s, const char *fmt, va_list ap)
{
    MsgBuf m;
    m.len = 0;
    m.p[0] = 0;
    msg_format(&m, fmt, ap);
    rt_str_put(s, m.p, m.len);
}

/* ---- the trace -------------------------------------------------------------------- */

extern uintptr_t rt_stack_top;

static const SoxFuncDebug *find_func(uintptr_t pc)
{
    if (!rt_program || rt_program->nfuncs == 0)
        return 0;
    const SoxFuncDebug *f = rt_program->funcs;
    uint64_t lo = 0, hi = rt_program->nfuncs;
    while (lo < hi) {               /* first function starting after pc */
        uint64_t mid = lo + (hi - lo) / 2;
        if ((uintptr_t)f[mid].start <= pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0 || pc >= (uintptr_t)f[lo - 1].end)
        return 0;
    return &f[lo - 1];
}

static uint32_t find_line(const SoxFuncDebug *f, uintptr_t pc)
{
    uint64_t off = pc - (uintptr_t)f->start, lo = 0, hi = f->nlines;
    while (lo < hi) {
        uint64_t mid = lo + (hi - lo) / 2;
        if (f->lines[mid].offset <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? f->lines[lo - 1].line : 0;
}

typedef struct TraceFrame { const SoxFuncDebug *func; uint32_t line; } TraceFrame;

/* Calls visit for every compiled frame, innermost first; returns the count. */
static uint64_t walk_frames(uintptr_t fp, void (*visit)(TraceFrame, uint64_t, void *), void *ctx)
{
    uint64_t n = 0;
    while (fp && (fp & 7) == 0 && fp < rt_stack_top) {
        uintptr_t *rec = (uintptr_t *)fp;
        uintptr_t ra = rec[1];
        const SoxFuncDebug *f = ra ? find_func(ra - 1) : 0;
        if (f) {
            if (visit)
                visit((TraceFrame){ f, find_line(f, ra - 1) }, n, ctx);
            n++;
        }
        if (rec[0] <= fp)
            break;
        fp = rec[0];
    }
    return n;
}

static void put_line_number(uint32_t line)
{
    char num[24];
    rt_err_str("[line ");
    rt_err_write(num, (size_t)rt_format_int(line, num));
    rt_err_str("] in ");
}

static void print_frame(TraceFrame fr, uint64_t index, void *ctx)
{
    uint64_t total = *(uint64_t *)ctx;
    if (index == 0) {
        put_line_number(fr.line);
        rt_err_str("script\n");
    }
    if (total > TRACE_HEAD + TRACE_TAIL && index >= TRACE_HEAD && index < total - TRACE_TAIL) {
        if (index == TRACE_HEAD) {
            char num[24];
            rt_err_str("[... ");
            rt_err_write(num, (size_t)rt_format_int((int64_t)(total - TRACE_HEAD - TRACE_TAIL), num));
            rt_err_str(" more frames ...]\n");
        }
        return;
    }
    put_line_number(fr.line);
    if (fr.func->name && !(fr.func->name[0] == 's' && rt_strlen(fr.func->name) == 6 &&
                           memcmp(fr.func->name, "script", 6) == 0)) {
        rt_err_str(fr.func->name);
        rt_err_str("()\n");
    } else {
        rt_err_str("script\n");
    }
}

static void print_trace(uintptr_t fp)
{
    uint64_t total = walk_frames(fp, 0, 0);
    walk_frames(fp, print_frame, &total);
}

RT_NORETURN static void report(const MsgBuf *m)
{
    rt_out_flush();
    rt_err_str(rt_error_prefix);
    rt_err_write(m->p, m->len);
    rt_err_write("\n", 1);
    print_trace((uintptr_t)__builtin_frame_address(0));
    if (rt_error_catch) {
        RtJmpBuf *jb = rt_error_catch;
        rt_error_catch = 0;
        rt_longjmp(jb, 1);
    }
    sys_exit_group(70);
}

void rt_error_v(const char *fmt, va_list ap)
{
    MsgBuf m;
    m.len = 0;
    m.p[0] = 0;
    msg_format(&m, fmt, ap);
    report(&m);
}

void rt_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rt_error_v(fmt, ap);
}

void sox_runtime_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rt_error_v(fmt, ap);
}

void sox_stack_overflow(void) { rt_error("Stack overflow."); }

void sox_undefined_variable(Value name) { rt_error("Undefined variable '%v'.", name); }

void sox_assert_fail(Value message)
{
    if (message == SOX_UNDEF || message == SOX_NIL)
        rt_error("Assertion failed.");
    if (IS_STRING(message))
        rt_error("Assertion failed: %v", message);
    rt_error("Assertion failed: message must be a string.");
}
