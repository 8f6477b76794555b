/* arena.c — one bump allocator per link, released in one call (the driver links in-process). */
#include "linker/ld.h"
#include "common/buf.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ArenaBlock {
    ArenaBlock *next;
    size_t used, cap;
    _Alignas(16) unsigned char bytes[];
};

/* Blocks start at 64 KiB and double up to 1 MiB: a small link (most links the driver does,
 * and every fuzzing input) then costs one small calloc, not a zeroed 1 MiB mapping. */
enum { ARENA_FIRST_BLOCK = 1 << 16, ARENA_BLOCK = 1 << 20 };

static size_t next_block_size(const ArenaBlock *head) {
    if (!head)
        return ARENA_FIRST_BLOCK;
    return head->cap >= ARENA_BLOCK / 2 ? ARENA_BLOCK : head->cap * 2;
}

void *arena_alloc(Arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    ArenaBlock *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t regular = next_block_size(b);
        size_t cap = n > regular / 4 ? n : regular;
        b = xcalloc(1, sizeof *b + cap);    /* zeroed once here, never reused */
        b->used = 0;
        b->cap = cap;
        /* Big one-off blocks go behind the current one so its free space is not wasted. */
        if (cap != regular && a->head) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = b->bytes + b->used;
    b->used += n;
    return p;
}

char *arena_strdup(Arena *a, const char *s) {
    size_t n = strlen(s) + 1;
    return memcpy(arena_alloc(a, n), s, n);
}

char *arena_printf(Arena *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

void arena_free(Arena *a) {
    while (a->head) {
        ArenaBlock *next = a->head->next;
        free(a->head);
        a->head = next;
    }
}

void vec_push(PtrVec *v, void *p) {
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 16;
        v->items = xrealloc(v->items, v->cap * sizeof *v->items);
    }
    v->items[v->len++] = p;
}

void vec_free(PtrVec *v) {
    free(v->items);
    *v = (PtrVec){0};
}
