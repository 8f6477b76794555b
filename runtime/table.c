/* table.c — the Sox hash table, simulating the reference's bucket order exactly
 * (SOX_LANGUAGE.md §8.4): FNV-1a hash, linear probing, capacity 0 -> 8 -> 16 ...,
 * and the growth check `count + 1 > capacity * 0.75` made before *every* set,
 * updates included.  Growth re-inserts keys in ascending old-slot order.  Keys
 * are interned strings, so they compare by address.  Nothing is ever deleted. */
#include "runtime/rt.h"

static RtEntry *find_slot(RtEntry *entries, int64_t capacity, SoxString *key)
{
    uint64_t mask = (uint64_t)capacity - 1, i = key->hash & mask;
    while (entries[i].key && entries[i].key != key)
        i = (i + 1) & mask;
    return &entries[i];
}

static void grow(RtTable *t)
{
    int64_t cap = t->capacity < 8 ? 8 : t->capacity * 2;
    RtEntry *entries = rt_raw_alloc((size_t)cap * sizeof(RtEntry));   /* zeroed */
    for (int64_t i = 0; i < t->capacity; i++)
        if (t->entries[i].key)
            *find_slot(entries, cap, t->entries[i].key) = t->entries[i];
    rt_raw_free(t->entries, (size_t)t->capacity * sizeof(RtEntry));
    t->entries = entries;
    t->capacity = cap;
}

RtEntry *rt_table_set(RtTable *t, SoxString *key, Value v)
{
    /* count+1 > capacity*0.75, in integers */
    if ((t->count + 1) * 4 > t->capacity * 3)
        grow(t);
    RtEntry *e = find_slot(t->entries, t->capacity, key);
    if (!e->key) {
        e->key = key;
        t->count++;
    }
    e->value = v;
    return e;
}

void rt_table_free(RtTable *t)
{
    rt_raw_free(t->entries, (size_t)t->capacity * sizeof(RtEntry));
    t->entries = 0;
    t->count = t->capacity = 0;
}
