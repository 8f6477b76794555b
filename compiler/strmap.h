/* strmap.h — a small open-addressing map from byte strings to ints (names, globals,
 * module paths).  Keys are not copied: they must outlive the map. */
#ifndef SOX_STRMAP_H
#define SOX_STRMAP_H
#include <stddef.h>
#include <stdint.h>

typedef struct StrMapEntry { const char *key; size_t len; uint32_t hash; int value; } StrMapEntry;
typedef struct StrMap { StrMapEntry *slots; size_t cap, count; } StrMap;

/* Returns the value stored for key, or -1. */
int strmap_get(const StrMap *m, const char *key, size_t len);
void strmap_put(StrMap *m, const char *key, size_t len, int value);
void strmap_free(StrMap *m);
#endif
