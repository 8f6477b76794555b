/* strmap.c — linear-probing hash map, FNV-1a hashed, grown at 50% load. */
#include "compiler/strmap.h"
#include "common/buf.h"
#include <stdlib.h>
#include <string.h>

static uint32_t hash_bytes(const char *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)p[i]) * 16777619u;
    return h;
}

static StrMapEntry *find_slot(StrMapEntry *slots, size_t cap, const char *key, size_t len,
                              uint32_t h) {
    for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
        StrMapEntry *e = &slots[i];
        if (!e->key || (e->hash == h && e->len == len && memcmp(e->key, key, len) == 0))
            return e;
    }
}

int strmap_get(const StrMap *m, const char *key, size_t len) {
    if (!m->cap)
        return -1;
    StrMapEntry *e = find_slot(m->slots, m->cap, key, len, hash_bytes(key, len));
    return e->key ? e->value : -1;
}

static void grow(StrMap *m) {
    size_t cap = m->cap ? m->cap * 2 : 64;
    StrMapEntry *slots = xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            *find_slot(slots, cap, m->slots[i].key, m->slots[i].len, m->slots[i].hash) = m->slots[i];
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

void strmap_put(StrMap *m, const char *key, size_t len, int value) {
    if (2 * (m->count + 1) > m->cap)
        grow(m);
    uint32_t h = hash_bytes(key, len);
    StrMapEntry *e = find_slot(m->slots, m->cap, key, len, h);
    if (!e->key)
        m->count++;
    *e = (StrMapEntry){key, len, h, value};
}

void strmap_free(StrMap *m) {
    free(m->slots);
    *m = (StrMap){0};
}
