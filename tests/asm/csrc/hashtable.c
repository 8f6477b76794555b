/* Open-addressing hash table with string keys (FNV-1a), growth and deletion. */
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

typedef struct Entry { char *key; long value; uint32_t hash; int used; } Entry;
typedef struct Table { Entry *slots; size_t cap, count; } Table;

static uint32_t fnv1a(const char *s) {
    uint32_t h = 2166136261u;
    while (*s) h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

static Entry *find_slot(Entry *slots, size_t cap, const char *key, uint32_t h) {
    size_t i = h & (cap - 1);
    for (;;) {
        Entry *e = &slots[i];
        if (!e->used || (e->hash == h && strcmp(e->key, key) == 0)) return e;
        i = (i + 1) & (cap - 1);
    }
}

static void grow(Table *t) {
    size_t cap = t->cap ? t->cap * 2 : 16;
    Entry *slots = calloc(cap, sizeof *slots);
    for (size_t i = 0; i < t->cap; i++) {
        Entry *e = &t->slots[i];
        if (e->used) *find_slot(slots, cap, e->key, e->hash) = *e;
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
}

int table_set(Table *t, const char *key, long value) {
    if ((t->count + 1) * 4 > t->cap * 3) grow(t);
    uint32_t h = fnv1a(key);
    Entry *e = find_slot(t->slots, t->cap, key, h);
    int is_new = !e->used;
    if (is_new) {
        e->key = strdup(key);
        e->hash = h;
        e->used = 1;
        t->count++;
    }
    e->value = value;
    return is_new;
}

int table_get(const Table *t, const char *key, long *out) {
    if (!t->count) return 0;
    Entry *e = find_slot(t->slots, t->cap, key, fnv1a(key));
    if (!e->used) return 0;
    *out = e->value;
    return 1;
}

long table_sum(const Table *t) {
    long sum = 0;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].used) sum += t->slots[i].value;
    return sum;
}

static const char *const words[] = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta" };

long table_demo(void) {
    Table t = {0};
    for (int i = 0; i < 1000; i++) table_set(&t, words[i % 6], i);
    long v = 0;
    table_get(&t, "gamma", &v);
    return v + table_sum(&t);
}
