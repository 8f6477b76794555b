/* Hosted, independent model of the §8.4 bucket order for table_order.c: a plain
 * array of slots, modulo arithmetic and the 0.75 load test in floating point. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>

typedef struct { char key[16]; int value; int used; const char *svalue; } Slot;
static Slot *slots;
static int capacity, count;

static uint32_t fnv(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int find(Slot *sl, int cap, const char *key)
{
    int i = (int)(fnv(key) % (uint32_t)cap);
    while (sl[i].used && strcmp(sl[i].key, key) != 0) i = (i + 1) % cap;
    return i;
}

static void set(const char *key, int value, const char *svalue)
{
    if (count + 1 > capacity * 0.75) {
        int cap = capacity < 8 ? 8 : capacity * 2;
        Slot *n = calloc((size_t)cap, sizeof *n);
        for (int i = 0; i < capacity; i++)
            if (slots[i].used) n[find(n, cap, slots[i].key)] = slots[i];
        free(slots);
        slots = n;
        capacity = cap;
    }
    int i = find(slots, capacity, key);
    if (!slots[i].used) { count++; slots[i].used = 1; strcpy(slots[i].key, key); }
    slots[i].value = value;
    slots[i].svalue = svalue;
}

static void print(void)
{
    printf("<table>{");
    int first = 1;
    for (int i = 0; i < capacity; i++) {
        if (!slots[i].used) continue;
        printf("%s{\"%s\":\"", first ? "" : ",", slots[i].key);
        if (slots[i].svalue) printf("%s", slots[i].svalue); else printf("%d", slots[i].value);
        printf("\"}");
        first = 0;
    }
    printf("}\n");
}

static void reset(void) { free(slots); slots = NULL; capacity = count = 0; }

static uint32_t rng = 12345;
static uint32_t next_rand(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

int main(void)
{
    set("hello", 0, "world"); set("after", 0, "goodbye"); print(); reset();
    const char *keys[] = { "a", "b", "c", "d", "e", "f" };
    for (int i = 0; i < 6; i++) set(keys[i], i, NULL);
    print();
    set("a", 9, NULL); print();
    printf("%d\n", count);
    set("g", 0, "nil"); print();
    printf("%d\n", count);
    for (int round = 0; round < 40; round++) {
        reset();
        int ops = 1 + (int)(next_rand() % 120);
        for (int i = 0; i < ops; i++) {
            char key[16];
            snprintf(key, sizeof key, "k%u", next_rand() % 60);
            set(key, i, NULL);
        }
        print();
    }
    return 0;
}
