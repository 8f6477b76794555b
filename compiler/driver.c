/* driver.c — soxcc's build pipeline: compile each .sox to Sox-format assembly,
 * assemble .s to .o, link with the runtime, and optionally run the result.
 *
 * All three steps run in this process (toolchain.c); -v prints each one as the
 * equivalent command line, -save-temps keeps the intermediate files in the current
 * directory (NAME.s, NAME.o).  Outputs are written atomically (common/diag.h), so a
 * failed build never leaves a partial file where the user asked for one. */
#include "compiler/driver.h"
#include "common/buf.h"
#include "common/diag.h"
#include "compiler/codegen.h"
#include "compiler/frontend.h"
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define EXIT_COMPILE_ERROR_RUN 65   /* the interpreter's status for compile errors */

/* ---- Temporary files (removed at exit unless -save-temps) ----
 * They go in one private directory made on first use, under plain names.  Writing
 * one (write_file_atomic) is then a rename to a fresh name, not over the file
 * mkstemps would have made, which on ext4 starts write-back of the data
 * (auto_da_alloc) of a file that is read once and deleted. */

static char *temp_dir;
static char **temps;
static int ntemps;

static void remove_temps(void) {
    for (int i = 0; i < ntemps; i++)
        unlink(temps[i]);
    if (temp_dir)
        rmdir(temp_dir);
}

static char *temp_path(const char *suffix) {
    if (!temp_dir) {
        const char *dir = getenv("TMPDIR");
        temp_dir = xformat("%s/soxcc-XXXXXX", dir && *dir ? dir : "/tmp");
        if (!mkdtemp(temp_dir))
            fatal("cannot create a temporary directory in '%s': %s", dir && *dir ? dir : "/tmp",
                  strerror(errno));
        atexit(remove_temps);
    }
    char *path = xformat("%s/t%d%s", temp_dir, ntemps, suffix);
    temps = xrealloc(temps, (size_t)(ntemps + 1) * sizeof *temps);
    temps[ntemps++] = path;
    return path;
}

/* ---- Names ---- */

static const char *extension(const char *path) {
    const char *base = strrchr(path, '/');
    const char *dot = strrchr(base ? base + 1 : path, '.');
    return dot ? dot : "";
}

/* "dir/prog.sox" + ".s" -> "prog.s" (in the current directory, like cc). */
static char *replace_extension(const char *path, const char *ext) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    int n = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
    return xformat("%.*s%s", n, base, ext);
}

/* Where intermediate files of `input` go: kept beside the user with -save-temps. */
static char *intermediate_path(const DriverOptions *o, const char *input, const char *ext) {
    return o->save_temps ? replace_extension(input, ext) : xstrdup(temp_path(ext));
}

static void print_step(const DriverOptions *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void print_step(const DriverOptions *o, const char *fmt, ...) {
    if (!o->verbose)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* ---- Sysroot ---- */

static bool is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* <dir of soxcc>/../sysroot in a build tree, <prefix>/lib/soxcc/sysroot when installed. */
static char *default_sysroot(const char *argv0) {
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0)
        self[n] = '\0';
    else if (!realpath(argv0, self))
        snprintf(self, sizeof self, "%s", argv0);
    char *slash = strrchr(self, '/');
    const char *dir = slash ? (*slash = '\0', self) : ".";
    char *parent = xformat("%s/..", dir), canon[PATH_MAX];
    /* /proc/self/exe is already canonical: its parent is plain text, without
     * realpath's readlink per component (hello world counts microseconds) */
    char *up = self[0] == '/' ? strrchr(self, '/') : NULL;
    if (up)
        dir = up == self ? "/" : (*up = '\0', self);
    else if (realpath(parent, canon))
        dir = canon;
    char *tree = xformat("%s/sysroot", dir);
    char *installed = xformat("%s/lib/soxcc/sysroot", dir);
    free(parent);
    bool use_tree = is_dir(tree) || !is_dir(installed);
    free(use_tree ? installed : tree);
    return use_tree ? tree : installed;
}

static char *runtime_dir(const DriverOptions *o) {
    char *root = o->sysroot ? xstrdup(o->sysroot) : default_sysroot(o->argv0);
    char *lib = xformat("%s/%s/lib", root, target_name(o->target));
    char *crt1 = xformat("%s/crt1.o", lib);
    if (access(crt1, R_OK) != 0) {
        error("cannot find the %s runtime in sysroot '%s' (no %s); build it with 'make sysroot' "
              "or pass --sysroot DIR", target_name(o->target), root, crt1);
        free(lib);
        lib = NULL;
    }
    free(crt1);
    free(root);
    return lib;
}

/* ---- Steps ---- */

typedef struct Build {
    const DriverOptions *o;
    char **objects;             /* link inputs, in command-line order */
    int nobjects;
    bool compile_error;         /* a Sox compile error (65 under --run) */
} Build;

static void add_object(Build *b, char *path) {
    b->objects = xrealloc(b->objects, (size_t)(b->nobjects + 1) * sizeof *b->objects);
    b->objects[b->nobjects++] = path;
}

/* Sox source -> assembly text in *out (or through sink).  Returns 0 or 1. */
static int compile_sox(Build *b, const char *input, Buf *out, const CodegenSink *sink) {
    const DriverOptions *o = b->o;
    FrontendOptions fo = {.test_mode = o->test};
    Program *prog = frontend_parse_program(input, &fo);
    if (!prog) {
        b->compile_error = true;
        return 1;
    }
    if (o->dump_ast || o->syntax_only) {
        if (o->dump_ast)
            ast_dump(prog, out);
        program_free(prog);
        return 0;
    }
    int rc = codegen_program(prog, o->target, o->opt_level, o->test, out, sink) ? 1 : 0;
    program_free(prog);
    return rc;
}

/* "-" is standard output (soxcc -S prog.sox -o -). */
static int write_text(const char *path, const Buf *text) {
    if (!strcmp(path, "-")) {
        fwrite(text->data, 1, text->len, stdout);
        return fflush(stdout) == 0 ? 0 : (error("cannot write the output: %s", strerror(errno)), 1);
    }
    return write_file_atomic(path, text->data, text->len, 0) ? 1 : 0;
}

static int assemble(Build *b, const char *name, const Buf *text, const char *obj) {
    print_step(b->o, "soxas -target %s %s -o %s", target_name(b->o->target), name, obj);
    return tool_assemble(b->o->target, name, (const char *)text->data, text->len, obj);
}

/* The assembler takes the compiler's text a piece at a time, while it is still in the
 * cache, rather than the whole program at the end (a big program's assembly runs to tens
 * of megabytes).  With a second core it runs beside the compiler, on its own thread,
 * fed through a short queue (SOXCC_JOBS=1: in step, on one thread).  The stream is begun
 * at the first piece: a compile error never gets that far. */
typedef struct Piece {
    struct Piece *next;
    size_t len;
    char text[];
} Piece;

enum { MAX_QUEUED = 16 };   /* pieces of CODEGEN_SINK_CHUNK bytes */

typedef struct Streamed {
    Build *b;
    const char *name;
    struct SoxasStream *stream;
    bool failed;
    bool threaded;          /* the thread below is running */
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t has_piece, has_room;
    Piece *head, **tail;
    int queued;
    bool done;              /* no more pieces will come */
    bool last;              /* the piece being taken is the last one */
} Streamed;

static void *assembler_thread(void *arg) {
    Streamed *st = arg;
    pthread_mutex_lock(&st->lock);
    for (;;) {
        while (!st->head && !st->done) pthread_cond_wait(&st->has_piece, &st->lock);
        Piece *p = st->head;
        if (!p) break;
        st->head = p->next;
        if (!st->head) st->tail = &st->head;
        st->queued--;
        pthread_cond_signal(&st->has_room);
        pthread_mutex_unlock(&st->lock);
        tool_assemble_feed(st->stream, p->text, p->len);
        free(p);
        pthread_mutex_lock(&st->lock);
    }
    pthread_mutex_unlock(&st->lock);
    return NULL;
}

static bool assembler_thread_wanted(void) {
    const char *jobs = getenv("SOXCC_JOBS");
    if (jobs && *jobs) return atoi(jobs) > 1;
    return sysconf(_SC_NPROCESSORS_ONLN) > 1;
}

static void stream_begin(Streamed *st) {
    st->stream = tool_assemble_begin(st->b->o->target, st->name);
    st->failed = !st->stream;
    /* a program that fits in one piece (hello world) is not worth a thread */
    if (st->failed || st->last || !assembler_thread_wanted()) return;
    pthread_mutex_init(&st->lock, NULL);
    pthread_cond_init(&st->has_piece, NULL);
    pthread_cond_init(&st->has_room, NULL);
    st->tail = &st->head;
    st->threaded = pthread_create(&st->thread, NULL, assembler_thread, st) == 0;
}

static void take_assembly(void *arg, const char *text, size_t len) {
    Streamed *st = arg;
    if (!st->stream && !st->failed) stream_begin(st);
    if (!st->stream || !len) return;
    if (!st->threaded) {
        tool_assemble_feed(st->stream, text, len);
        return;
    }
    Piece *p = xmalloc(sizeof *p + len);
    p->next = NULL;
    p->len = len;
    memcpy(p->text, text, len);
    pthread_mutex_lock(&st->lock);
    while (st->queued >= MAX_QUEUED) pthread_cond_wait(&st->has_room, &st->lock);
    *st->tail = p;
    st->tail = &p->next;
    st->queued++;
    pthread_cond_signal(&st->has_piece);
    pthread_mutex_unlock(&st->lock);
}

/* Waits for the assembler thread to take every piece. */
static void stream_drain(Streamed *st) {
    if (!st->threaded) return;
    pthread_mutex_lock(&st->lock);
    st->done = true;
    pthread_cond_signal(&st->has_piece);
    pthread_mutex_unlock(&st->lock);
    pthread_join(st->thread, NULL);
    pthread_cond_destroy(&st->has_room);
    pthread_cond_destroy(&st->has_piece);
    pthread_mutex_destroy(&st->lock);
    st->threaded = false;
}

/* Sox source -> object file obj, compiled and assembled in step. */
static int compile_and_assemble(Build *b, const char *input, const char *obj) {
    Buf text = {0};
    Streamed st = {.b = b, .name = input};
    CodegenSink sink = {take_assembly, &st};
    int rc = compile_sox(b, input, &text, &sink);
    st.last = true;
    if (rc == 0) take_assembly(&st, (const char *)text.data, text.len);
    buf_free(&text);
    stream_drain(&st);
    if (!st.stream) return 1;
    return tool_assemble_end(st.stream, rc == 0 ? obj : NULL);
}

/* What a .sox input becomes: NAME.s (-S), NAME.o (-c), or a link input. */
static int build_sox(Build *b, const char *input) {
    const DriverOptions *o = b->o;
    if ((o->mode == MODE_OBJECT || o->mode == MODE_LINK) && !o->save_temps && !o->verbose
        && !o->dump_ast && !o->syntax_only) {
        char *obj = o->mode == MODE_OBJECT
            ? (o->output ? xstrdup(o->output) : replace_extension(input, ".o"))
            : intermediate_path(o, input, ".o");
        int rc = compile_and_assemble(b, input, obj);
        if (rc == 0 && o->mode == MODE_LINK)
            add_object(b, obj);
        else
            free(obj);
        return rc;
    }
    Buf text = {0};
    int rc = compile_sox(b, input, &text, NULL);
    if (rc == 0 && (o->dump_ast || o->syntax_only)) {
        if (text.len) fwrite(text.data, 1, text.len, stdout);   /* data is NULL when empty */
    } else if (rc == 0 && o->mode == MODE_ASSEMBLY) {
        char *out = o->output ? xstrdup(o->output) : replace_extension(input, ".s");
        print_step(o, "soxcc -S -target %s -O%d %s -o %s", target_name(o->target), o->opt_level,
                   input, out);
        rc = write_text(out, &text);
        free(out);
    } else if (rc == 0) {
        char *s = (o->save_temps || o->verbose) ? intermediate_path(o, input, ".s") : NULL;
        print_step(o, "soxcc -S -target %s -O%d%s %s -o %s", target_name(o->target),
                   o->opt_level, o->test ? " --test" : "", input, s ? s : "-");
        if (s)
            rc = write_text(s, &text);
        char *obj = o->mode == MODE_OBJECT
            ? (o->output ? xstrdup(o->output) : replace_extension(input, ".o"))
            : intermediate_path(o, input, ".o");
        if (rc == 0)
            rc = assemble(b, s ? s : input, &text, obj);
        if (rc == 0 && o->mode == MODE_LINK)
            add_object(b, obj);
        else
            free(obj);
        free(s);
    }
    buf_free(&text);
    return rc;
}

static int build_asm(Build *b, const char *input) {
    const DriverOptions *o = b->o;
    if (o->mode == MODE_ASSEMBLY) {
        error("'%s': an assembly input has nothing to do with -S", input);
        return 1;
    }
    size_t len;
    char *src = read_file(input, &len);
    if (!src)
        return 1;
    Buf text = {(uint8_t *)src, len, len};
    char *obj = o->mode == MODE_OBJECT
        ? (o->output ? xstrdup(o->output) : replace_extension(input, ".o"))
        : intermediate_path(o, input, ".o");
    int rc = assemble(b, input, &text, obj);
    if (rc == 0 && o->mode == MODE_LINK)
        add_object(b, obj);
    else
        free(obj);
    free(src);
    return rc;
}

static int build_input(Build *b, const char *input) {
    const char *ext = extension(input);
    if (strcmp(input, "-") != 0 && access(input, R_OK) != 0) {   /* "-": Sox source on stdin */
        error("cannot open '%s': %s", input, strerror(errno));
        return 1;
    }
    if (!strcmp(ext, ".s"))
        return build_asm(b, input);
    if (!strcmp(ext, ".o") || !strcmp(ext, ".a")) {
        if (b->o->mode == MODE_LINK)
            add_object(b, xstrdup(input));
        return 0;
    }
    return build_sox(b, input);   /* .sox, or any other name: Sox source */
}

static int link_program(Build *b, const char *output) {
    const DriverOptions *o = b->o;
    char *lib = runtime_dir(o);
    if (!lib)
        return 1;
    if (o->verbose) {
        fprintf(stderr, "soxld -o %s %s/crt1.o", output, lib);
        for (int i = 0; i < b->nobjects; i++)
            fprintf(stderr, " %s", b->objects[i]);
        fprintf(stderr, " -L%s -lsoxrt\n", lib);
    }
    int rc = tool_link(o->target, lib, (const char *const *)b->objects, b->nobjects, output);
    free(lib);
    return rc;
}

/* ---- Running (--run, --test) ---- */

static bool in_path(const char *prog) {
    const char *path = getenv("PATH");
    if (!path)
        return false;
    for (const char *p = path; *p;) {
        const char *colon = strchr(p, ':');
        int n = colon ? (int)(colon - p) : (int)strlen(p);
        char *candidate = xformat("%.*s/%s", n, n ? p : ".", prog);
        bool ok = access(candidate, X_OK) == 0;
        free(candidate);
        if (ok)
            return true;
        p += n + (colon ? 1 : 0);
    }
    return false;
}

/* Runs exe (under qemu-<arch> for a foreign target) with argv[0] = the Sox file, so
 * the program sees the same argv whatever the temporary name.  Returns its exit
 * status, 128+N for a signal. */
static int run_program(const DriverOptions *o, const char *exe, const char *argv0) {
    bool foreign = o->target != target_host();
    char *qemu = xformat("qemu-%s", target_arch(o->target));
    if (foreign && !in_path(qemu)) {
        error("cannot run %s programs here: '%s' was not found in PATH (install it with "
              "'apt-get install qemu-user')", target_name(o->target), qemu);
        free(qemu);
        return 1;
    }
    int n = 0;
    const char **args = xcalloc((size_t)o->nrun_args + 6, sizeof *args);
    if (foreign) {
        args[n++] = qemu;
        args[n++] = "-0";
        args[n++] = argv0;
        args[n++] = exe;
    } else {
        args[n++] = argv0;
    }
    for (int i = 0; i < o->nrun_args; i++)
        args[n++] = o->run_args[i];
    if (o->verbose) {
        for (int i = 0; i < n; i++)
            fprintf(stderr, "%s%s", i ? " " : "", i == 0 && !foreign ? exe : args[i]);
        fputc('\n', stderr);
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        error("cannot start '%s': %s", exe, strerror(errno));
        return 1;
    }
    if (pid == 0) {
        if (foreign)
            execvp(qemu, (char *const *)args);
        else
            execv(exe, (char *const *)args);
        fprintf(stderr, "soxcc: error: cannot run '%s': %s\n", foreign ? qemu : exe,
                strerror(errno));
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return 1;
    free(args);
    free(qemu);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

/* ---- The whole build ---- */

static int check_inputs(const DriverOptions *o) {
    int sox = 0;
    for (int i = 0; i < o->ninputs; i++)
        sox += strcmp(extension(o->inputs[i]), ".s") && strcmp(extension(o->inputs[i]), ".o") &&
               strcmp(extension(o->inputs[i]), ".a");
    if (o->output && o->mode != MODE_LINK && o->ninputs > 1) {
        error("cannot specify '-o' with '-S' or '-c' and several input files");
        return 1;
    }
    if ((o->run || o->test) && sox != 1) {
        error("'%s' needs exactly one Sox program", o->test ? "--test" : "--run");
        return 1;
    }
    if (o->mode == MODE_LINK && sox > 1) {
        error("several Sox programs cannot be linked into one executable");
        return 1;
    }
    return 0;
}

int driver_run(const DriverOptions *o) {
    if (check_inputs(o))
        return 1;
    bool running = o->run || o->test;
    Build b = {.o = o};
    int rc = 0;
    for (int i = 0; i < o->ninputs && rc == 0; i++)
        rc = build_input(&b, o->inputs[i]);
    if (rc == 0 && o->mode == MODE_LINK && !o->dump_ast && !o->syntax_only) {
        const char *exe = running ? temp_path("") : o->output ? o->output : "a.out";
        rc = link_program(&b, exe);
        if (rc == 0 && running) {
            const char *prog = NULL;
            for (int i = 0; i < o->ninputs && !prog; i++)
                if (strcmp(extension(o->inputs[i]), ".o") && strcmp(extension(o->inputs[i]), ".a") &&
                    strcmp(extension(o->inputs[i]), ".s"))
                    prog = o->inputs[i];
            rc = run_program(o, exe, prog ? prog : exe);
        }
    }
    for (int i = 0; i < b.nobjects; i++)
        free(b.objects[i]);
    free(b.objects);
    if (rc != 0 && b.compile_error && running)
        return EXIT_COMPILE_ERROR_RUN;
    return rc;
}
