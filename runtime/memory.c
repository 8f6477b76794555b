/* memory.c — the allocator and the mark-sweep collector.
 *
 * All memory lives in a few large reserved segments (MAP_NORESERVE: only touched
 * pages cost RAM; segments start at 64 MiB and double, because QEMU's user mode
 * pays for every reserved page) cut into 64 KiB chunks, numbered across
 * segments.  A side table describes each chunk:
 *   - small chunks hold slots of one size class (16 B .. 8 KiB), either GC objects
 *     or raw buffers (array items, table entries, scratch strings);
 *   - larger blocks take a run of whole chunks (the head chunk says how many).
 * Because every chunk knows what it holds, "is this word a pointer into a live
 * object?" is a subtraction, a shift and a division, which is what the
 * conservative stack scan needs: any word on the machine stack (or in a
 * callee-saved register) that is a tagged object Value, or a raw pointer anywhere
 * inside a live object, keeps that object alive.  The heap itself is traced
 * precisely.  Free object slots have type byte 0 and are chained through the
 * header's `next` word.
 *
 * Collection is triggered when the bytes in use pass a threshold that doubles
 * from the live size after every collection (like clox) but is at least
 * GC_MIN_THRESHOLD, or on every allocation
 * with SOX_GC_STRESS=1. */
#include "runtime/rt.h"

#define CHUNK_SHIFT 16
#define CHUNK_SIZE ((size_t)1 << CHUNK_SHIFT)
#define HEAP_MAX ((size_t)32 << 30)
#define NCHUNKS (HEAP_MAX >> CHUNK_SHIFT)
#define SEGMENT_MIN_CHUNKS 1024u      /* 64 MiB */
#define SEGMENT_MAX_CHUNKS 16384u     /* 1 GiB */
#define MAX_SEGMENTS 128
#define SMALL_MAX 8192
/* Never collect below 8 MiB in use: a program with a small live set then does not
 * collect every few thousand allocations (binary_trees: 0.08 -> 0.04 s, maximum RSS
 * unchanged at 10 MB, since huge pages and the binary dominate it). */
#define GC_MIN_THRESHOLD ((size_t)8 << 20)

enum { CH_FREE, CH_SMALL_OBJ, CH_SMALL_RAW, CH_LARGE_OBJ, CH_LARGE_RAW, CH_CONT };

typedef struct Chunk {
    uint8_t kind;
    uint8_t cls;          /* small: size class */
    uint32_t n;           /* small: slots handed out so far; large: run length;
                             CONT: distance back to the head chunk */
} Chunk;

typedef struct FreeRun { uint32_t start, n; } FreeRun;

static const uint16_t class_size[] = {
    16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512,
    640, 768, 896, 1024, 1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096,
    5120, 6144, 7168, 8192,
};
#define NCLASSES (int)(sizeof class_size / sizeof class_size[0])

typedef struct SizeClass {
    void *free[2];        /* free-slot chains: [0] objects, [1] raw */
    uint32_t bump_chunk[2];  /* chunk being carved (0 = none; chunk 0 is never small) */
    char *bump_base[2];      /* its address */
} SizeClass;

typedef struct Segment { char *base; uint32_t first, n; } Segment;

static Segment segments[MAX_SEGMENTS];
static int nsegments;
static uintptr_t heap_lo = ~(uintptr_t)0, heap_hi;
static uint32_t next_segment_chunks = SEGMENT_MIN_CHUNKS;
static Chunk *chunks;
static uint32_t chunks_top = 1;     /* chunk 0 stays unused: 0 means "none" */
static uint32_t segment_end = 1;    /* end of the last segment's chunk numbers */
static SizeClass classes[NCLASSES];
static uint8_t class_of_size[SMALL_MAX / 16 + 1];
static FreeRun *free_runs;
static size_t nfree_runs, free_runs_cap;

static size_t bytes_in_use;
static size_t next_gc = GC_MIN_THRESHOLD;
static bool collecting;
static uintptr_t stack_base;
bool rt_gc_stress;
uint64_t rt_gc_count;

#define MAX_RUNTIME_ROOTS 64
static Value *runtime_roots[MAX_RUNTIME_ROOTS];
static int nruntime_roots;

static SoxObj **gray;
static size_t ngray, gray_cap;

RT_NORETURN static void out_of_memory(void)
{
    collecting = false;
    rt_error("Out of memory.");
}

static void *map_or_die(size_t size)
{
    void *p = sys_mmap(0, size, RT_PROT_RW, RT_MAP_PRIVATE_ANON | RT_MAP_NORESERVE, -1, 0);
    if (RT_MMAP_FAILED(p))
        out_of_memory();
    return p;
}

void rt_heap_init(void)
{
    chunks = map_or_die(NCHUNKS * sizeof(Chunk));
    int c = 0;
    for (size_t i = 0; i <= SMALL_MAX / 16; i++) {
        while (class_size[c] < i * 16)
            c++;
        class_of_size[i] = (uint8_t)c;
    }
}

void rt_gc_set_stack_base(uintptr_t base) { stack_base = base; }

void rt_gc_push_root(Value *slot)
{
    if (nruntime_roots < MAX_RUNTIME_ROOTS)
        runtime_roots[nruntime_roots++] = slot;
}

static char *chunk_addr(uint32_t c)
{
    int lo = 0, hi = nsegments - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (segments[mid].first <= c)
            lo = mid;
        else
            hi = mid - 1;
    }
    return segments[lo].base + ((size_t)(c - segments[lo].first) << CHUNK_SHIFT);
}

/* The chunk number of heap address p, or 0 when p is not in the heap. */
static uint32_t chunk_of(uintptr_t p)
{
    if (p < heap_lo || p >= heap_hi)
        return 0;
    for (int i = nsegments - 1; i >= 0; i--) {
        uintptr_t off = p - (uintptr_t)segments[i].base;
        if (off < ((size_t)segments[i].n << CHUNK_SHIFT))
            return segments[i].first + (uint32_t)(off >> CHUNK_SHIFT);
    }
    return 0;
}

static void add_free_run(uint32_t start, uint32_t n);

static void new_segment(uint32_t min_chunks)
{
    uint32_t n = min_chunks > next_segment_chunks ? min_chunks : next_segment_chunks;
    if (nsegments == MAX_SEGMENTS || (size_t)segment_end + n > NCHUNKS)
        out_of_memory();
    /* one chunk more than needed, so the base can be aligned to a chunk: slot
     * arithmetic in object_at relies on it */
    char *base = sys_mmap(0, (size_t)(n + 1) << CHUNK_SHIFT, RT_PROT_RW,
                          RT_MAP_PRIVATE_ANON | RT_MAP_NORESERVE, -1, 0);
    if (RT_MMAP_FAILED(base))
        out_of_memory();
    base = (char *)(((uintptr_t)base + CHUNK_SIZE - 1) & ~(uintptr_t)(CHUNK_SIZE - 1));
    /* Transparent huge pages where the kernel offers them: a growing heap then
     * takes one page fault per 2 MiB instead of per 4 KiB. */
    sys_madvise(base, (size_t)n << CHUNK_SHIFT, RT_MADV_HUGEPAGE);
    if (chunks_top < segment_end)       /* the old segment's tail stays usable */
        add_free_run(chunks_top, segment_end - chunks_top);
    segments[nsegments++] = (Segment){ base, segment_end, n };
    if ((uintptr_t)base < heap_lo)
        heap_lo = (uintptr_t)base;
    if ((uintptr_t)base + ((size_t)n << CHUNK_SHIFT) > heap_hi)
        heap_hi = (uintptr_t)base + ((size_t)n << CHUNK_SHIFT);
    chunks_top = segment_end;
    segment_end += n;
    if (next_segment_chunks < SEGMENT_MAX_CHUNKS)
        next_segment_chunks *= 2;
}

/* ---- runs of whole chunks --------------------------------------------------- */

static void add_free_run(uint32_t start, uint32_t n)
{
    if (nfree_runs == free_runs_cap) {
        size_t cap = free_runs_cap ? free_runs_cap * 2 : 256;
        FreeRun *p = map_or_die(cap * sizeof(FreeRun));
        if (free_runs) {
            memcpy(p, free_runs, nfree_runs * sizeof(FreeRun));
            sys_munmap(free_runs, free_runs_cap * sizeof(FreeRun));
        }
        free_runs = p;
        free_runs_cap = cap;
    }
    free_runs[nfree_runs++] = (FreeRun){ start, n };
}

/* Best fit among freed runs, else fresh chunks from the last segment. */
static uint32_t alloc_run(uint32_t n)
{
    size_t best = nfree_runs;
    for (size_t i = 0; i < nfree_runs; i++)
        if (free_runs[i].n >= n && (best == nfree_runs || free_runs[i].n < free_runs[best].n)) {
            best = i;
            if (free_runs[i].n == n)
                break;
        }
    if (best < nfree_runs) {
        FreeRun r = free_runs[best];
        if (r.n == n)
            free_runs[best] = free_runs[--nfree_runs];
        else
            free_runs[best] = (FreeRun){ r.start + n, r.n - n };
        return r.start;
    }
    if (chunks_top + n > segment_end)
        new_segment(n);
    uint32_t start = chunks_top;
    chunks_top += n;
    return start;
}

static void release_run(uint32_t start, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        chunks[start + i] = (Chunk){ CH_FREE, 0, 0 };
    sys_madvise(chunk_addr(start), (size_t)n << CHUNK_SHIFT, RT_MADV_DONTNEED);
    add_free_run(start, n);
}

static void *alloc_large(size_t size, int kind)
{
    uint32_t n = (uint32_t)((size + CHUNK_SIZE - 1) >> CHUNK_SHIFT);
    uint32_t start = alloc_run(n);
    chunks[start] = (Chunk){ (uint8_t)kind, 0, n };
    for (uint32_t i = 1; i < n; i++)
        chunks[start + i] = (Chunk){ CH_CONT, 0, i };
    bytes_in_use += (size_t)n << CHUNK_SHIFT;
    return chunk_addr(start);   /* fresh or DONTNEED'ed: already zero */
}

/* ---- small slots ---------------------------------------------------------------- */

static void *alloc_small(int cls, int raw)
{
    SizeClass *sc = &classes[cls];
    size_t size = class_size[cls];
    bytes_in_use += size;
    void *p = sc->free[raw];
    if (p) {
        sc->free[raw] = ((SoxObj *)p)->next;
        for (size_t i = 0; i < size; i += 16) {   /* sizes are multiples of 16: no memset call */
            uint64_t *w = (uint64_t *)((char *)p + i);
            w[0] = w[1] = 0;
        }
        return p;
    }
    uint32_t c = sc->bump_chunk[raw];
    if (c == 0 || (chunks[c].n + 1) * size > CHUNK_SIZE) {
        c = alloc_run(1);
        chunks[c] = (Chunk){ (uint8_t)(raw ? CH_SMALL_RAW : CH_SMALL_OBJ), (uint8_t)cls, 0 };
        sc->bump_chunk[raw] = c;
        sc->bump_base[raw] = chunk_addr(c);
    }
    p = sc->bump_base[raw] + chunks[c].n * size;
    chunks[c].n++;
    return p;                   /* never used before: zero */
}

static void maybe_collect(size_t size)
{
    if (RT_UNLIKELY((rt_gc_stress || bytes_in_use + size > next_gc) && !collecting))
        rt_gc_collect();
}

SoxObj *rt_obj_alloc(uint8_t type, size_t size)
{
    maybe_collect(size);
    SoxObj *o = size <= SMALL_MAX ? alloc_small(class_of_size[(size + 15) / 16], 0)
                                  : alloc_large(size, CH_LARGE_OBJ);
    o->type = type;
    o->flags = 0;       /* a reused slot keeps its previous object's flags */
    return o;
}

void *rt_raw_alloc(size_t size)
{
    if (size == 0)
        size = 1;
    maybe_collect(size);
    return size <= SMALL_MAX ? alloc_small(class_of_size[(size + 15) / 16], 1)
                             : alloc_large(size, CH_LARGE_RAW);
}

void rt_raw_free(void *p, size_t size)
{
    (void)size;
    if (!p)
        return;
    uint32_t c = chunk_of((uintptr_t)p);
    if (chunks[c].kind == CH_SMALL_RAW) {
        SizeClass *sc = &classes[chunks[c].cls];
        ((SoxObj *)p)->type = 0;
        ((SoxObj *)p)->next = sc->free[1];
        sc->free[1] = p;
        bytes_in_use -= class_size[chunks[c].cls];
    } else {
        bytes_in_use -= (size_t)chunks[c].n << CHUNK_SHIFT;
        release_run(c, chunks[c].n);
    }
}

static size_t block_size(void *p)
{
    uint32_t c = chunk_of((uintptr_t)p);
    if (chunks[c].kind == CH_SMALL_RAW || chunks[c].kind == CH_SMALL_OBJ)
        return class_size[chunks[c].cls];
    return (size_t)chunks[c].n << CHUNK_SHIFT;
}

void *rt_raw_realloc(void *p, size_t old_size, size_t new_size)
{
    if (p && new_size <= block_size(p))
        return p;
    void *q = rt_raw_alloc(new_size);
    if (p) {
        memcpy(q, p, old_size < new_size ? old_size : new_size);
        rt_raw_free(p, old_size);
    }
    return q;
}

/* ---- marking ---------------------------------------------------------------------- */

static void gray_push(SoxObj *o)
{
    if (ngray == gray_cap) {
        size_t cap = gray_cap ? gray_cap * 2 : 4096;
        SoxObj **p = sys_mmap(0, cap * sizeof *p, RT_PROT_RW, RT_MAP_PRIVATE_ANON, -1, 0);
        if (RT_MMAP_FAILED(p))
            out_of_memory();
        if (gray) {
            memcpy(p, gray, ngray * sizeof *p);
            sys_munmap(gray, gray_cap * sizeof *p);
        }
        gray = p;
        gray_cap = cap;
    }
    gray[ngray++] = o;
}

static inline void mark_obj(SoxObj *o)
{
    if (!o || o->mark)
        return;
    o->mark = 1;
    if (o->type != SOX_OBJ_STRING && o->type != SOX_OBJ_NATIVE)
        gray_push(o);
}

static inline void mark_value(Value v)
{
    if (SOX_IS_OBJ(v))
        mark_obj(SOX_AS_OBJ(v));
}

static void mark_table(const RtTable *t)
{
    const RtEntry *e = t->entries, *end = e + t->capacity;
    for (; e < end; e++)
        if (e->key) {
            e->key->obj.mark = 1;   /* a string: nothing to trace */
            mark_value(e->value);
        }
}

static void trace(SoxObj *o)
{
    switch (o->type) {
    case SOX_OBJ_CLOSURE: {
        SoxClosure *c = (SoxClosure *)o;
        for (uint32_t i = 0; i < c->ncells; i++)
            mark_obj((SoxObj *)c->cells[i]);
        break;
    }
    case SOX_OBJ_CELL: mark_value(((SoxCell *)o)->value); break;
    case SOX_OBJ_CLASS: {
        SoxClass *k = (SoxClass *)o;
        mark_obj(&k->name->obj);
        mark_table(&k->methods);
        mark_table(&k->field_index);
        mark_value(k->init);
        break;
    }
    case SOX_OBJ_INSTANCE: {
        SoxInstance *in = (SoxInstance *)o;
        mark_obj(&in->klass->obj);
        for (uint32_t i = 0; i < instance_room(in); i++)
            mark_value(in->values[i]);
        break;
    }
    case SOX_OBJ_BOUND:
        mark_value(((SoxBound *)o)->receiver);
        mark_obj(&((SoxBound *)o)->method->obj);
        break;
    case SOX_OBJ_ARRAY: {
        SoxArray *a = (SoxArray *)o;
        for (int64_t i = 0; i < a->count; i++)
            mark_value(a->items[i]);
        break;
    }
    case SOX_OBJ_TABLE: mark_table(&((SoxTable *)o)->t); break;
    default: break;
    }
}

/* The object containing address p, or NULL: the conservative-scan test. */
static SoxObj *object_at(uintptr_t p)
{
    uint32_t c = chunk_of(p);
    if (c == 0)
        return 0;
    Chunk ch = chunks[c];
    if (ch.kind == CH_CONT) {
        c -= ch.n;
        ch = chunks[c];
    }
    SoxObj *o;
    if (ch.kind == CH_SMALL_OBJ) {
        size_t size = class_size[ch.cls];
        size_t slot = (p & (CHUNK_SIZE - 1)) / size;
        if (slot >= ch.n)
            return 0;
        o = (SoxObj *)(chunk_addr(c) + slot * size);
    } else if (ch.kind == CH_LARGE_OBJ) {
        o = (SoxObj *)chunk_addr(c);
    } else {
        return 0;
    }
    return o->type ? o : 0;
}

static void scan_words(const uintptr_t *lo, const uintptr_t *hi)
{
    for (const uintptr_t *w = lo; w < hi; w++) {
        uintptr_t v = *w;
        SoxObj *o = object_at(SOX_IS_OBJ(v) ? v & ~SOX_OBJ_TAG : v);
        if (o)
            mark_obj(o);
    }
}

static void mark_roots(uintptr_t sp)
{
    if (rt_program)
        for (uint64_t i = 0; i < rt_program->nroots; i++)
            mark_value(rt_program->roots[i]);
    for (int i = 0; i < nruntime_roots; i++)
        mark_value(*runtime_roots[i]);
    if (stack_base > sp)
        scan_words((const uintptr_t *)(sp & ~(uintptr_t)7), (const uintptr_t *)stack_base);
}

/* ---- sweeping ---------------------------------------------------------------------- */

static void free_object_contents(SoxObj *o)
{
    switch (o->type) {
    case SOX_OBJ_ARRAY: rt_raw_free(((SoxArray *)o)->items, ((SoxArray *)o)->capacity * sizeof(Value)); break;
    case SOX_OBJ_TABLE: rt_table_free(&((SoxTable *)o)->t); break;
    case SOX_OBJ_CLASS:
        rt_table_free(&((SoxClass *)o)->methods);
        rt_table_free(&((SoxClass *)o)->field_index);
        break;
    case SOX_OBJ_INSTANCE: {
        SoxInstance *in = (SoxInstance *)o;
        if (in->values != in->inline_values)
            rt_raw_free(in->values, instance_room(in) * sizeof(Value));
        break;
    }
    default: break;
    }
}

static void sweep_small_chunk(uint32_t c)
{
    Chunk ch = chunks[c];
    size_t size = class_size[ch.cls];
    SizeClass *sc = &classes[ch.cls];
    char *base = chunk_addr(c);
    for (uint32_t i = 0; i < ch.n; i++) {
        SoxObj *o = (SoxObj *)(base + i * size);
        if (o->type && o->mark) {
            o->mark = 0;
            continue;
        }
        if (o->type) {
            free_object_contents(o);
            o->type = 0;
            bytes_in_use -= size;
        }
        o->next = sc->free[0];
        sc->free[0] = o;
    }
}

static void sweep(void)
{
    for (int i = 0; i < NCLASSES; i++)
        classes[i].free[0] = 0;
    for (uint32_t c = 1; c < chunks_top; c++) {
        if (chunks[c].kind == CH_SMALL_OBJ) {
            sweep_small_chunk(c);
        } else if (chunks[c].kind == CH_LARGE_OBJ) {
            SoxObj *o = (SoxObj *)chunk_addr(c);
            uint32_t n = chunks[c].n;
            if (o->mark) {
                o->mark = 0;
            } else {
                free_object_contents(o);
                bytes_in_use -= (size_t)n << CHUNK_SHIFT;
                release_run(c, n);
            }
            c += n - 1;
        }
    }
}

/* Kept out of line so that its frame lies below everything it must scan: the
 * caller's register spill area and every frame above. */
__attribute__((noinline)) static void collect_with_registers_spilled(void)
{
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    mark_roots(sp);
    while (ngray > 0)
        trace(gray[--ngray]);
    rt_strings_sweep();
    sweep();
}

void rt_gc_collect(void)
{
    if (collecting)
        return;
    collecting = true;
    uintptr_t regs[RT_SPILL_WORDS];
    rt_spill_registers(regs);
    collect_with_registers_spilled();
    __asm__ volatile("" : : "r"(regs) : "memory");   /* keep regs alive until here */
    rt_gc_count++;
    next_gc = bytes_in_use * 2;
    if (next_gc < GC_MIN_THRESHOLD)
        next_gc = GC_MIN_THRESHOLD;
    collecting = false;
}

