/* testmode.c — `soxcc --test` programs (SOX_LANGUAGE.md §13).  Each #[test]
 * function runs in a fresh forked process: the file's top-level code, then the
 * test with a table `t` holding t.Error (report, mark failed, go on) and t.Fatal
 * (report, stop).  The parent prints one report line per test:
 * `sox/<stem>/<Name>` padded to 37 columns, then [ OK   ], [ FAIL ] or [ ERROR]. */
#include "runtime/rt.h"

enum { STATUS_OK = 0, STATUS_FAIL = 1, STATUS_ERROR = 70 };

static bool test_failed;

static void report_error_message(int argc, const Value *args)
{
    RtStr s = { 0 };
    rt_str_put(&s, "Error: ", 7);
    if (argc >= 1)
        rt_value_to_str(&s, args[0]);
    rt_str_putc(&s, '\n');
    rt_out_flush();
    rt_err_write(s.p, s.len);
    rt_str_free(&s);
}

static Value t_error(int argc, const Value *args)
{
    report_error_message(argc, args);
    test_failed = true;
    return SOX_NIL;
}

static Value t_fatal(int argc, const Value *args)
{
    report_error_message(argc, args);
    sox_exit(STATUS_FAIL);
}

static int run_one(void (*toplevel)(void), const SoxTestCase *tc)
{
    rt_error_prefix = "Error: ";
    test_failed = false;
    toplevel();
    Value t = sox_table_new();
    sox_set_property(t, rt_cstring_val("Error"), rt_native_new("Error", t_error), 0);
    sox_set_property(t, rt_cstring_val("Fatal"), rt_native_new("Fatal", t_fatal), 0);
    Value fn = *tc->slot;
    sox_call(fn, 1, &t);
    return test_failed ? STATUS_FAIL : STATUS_OK;
}

static void put_report(const char *stem, const char *name, int status)
{
    RtStr line = { 0 };
    rt_str_put(&line, "sox/", 4);
    size_t n = rt_strlen(stem);
    if (n > 5 && memcmp(stem + n - 5, "_test", 5) == 0)
        n -= 5;
    rt_str_put(&line, stem, n);
    rt_str_putc(&line, '/');
    rt_str_put(&line, name, rt_strlen(name));
    while (line.len < 37)
        rt_str_putc(&line, ' ');
    const char *verdict = status == STATUS_OK ? "[ OK   ]" : status == STATUS_FAIL ? "[ FAIL ]" : "[ ERROR]";
    rt_str_put(&line, verdict, 8);
    rt_str_putc(&line, '\n');
    rt_out_write(line.p, line.len);
    rt_out_flush();
    rt_str_free(&line);
}

int64_t sox_run_tests(const char *file_stem, void (*toplevel)(void),
                      const SoxTestCase *tests, uint64_t ntests)
{
    int64_t failures = 0;
    for (uint64_t i = 0; i < ntests; i++) {
        rt_out_flush();              /* the child must not inherit pending output */
        int64_t pid = sys_fork();
        if (pid == 0)
            sox_exit(run_one(toplevel, &tests[i]));
        int status = 0, verdict = STATUS_ERROR;
        if (pid > 0) {
            while (sys_wait4(pid, &status, 0) == -RT_EINTR)
                ;
            if ((status & 0x7f) == 0)            /* exited normally */
                verdict = (status >> 8) & 0xff;
        }
        if (verdict != STATUS_OK && verdict != STATUS_FAIL)
            verdict = STATUS_ERROR;
        if (verdict != STATUS_OK)
            failures++;
        put_report(file_stem, tests[i].name, (int)verdict);
    }
    return failures ? 1 : 0;
}
