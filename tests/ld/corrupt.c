/* corrupt.c — writes deterministic damaged copies of an ELF object or ar archive, for the
 * corrupted-input corpus of tests/ld.  Built by the host compiler at test time.
 *
 *   corrupt INPUT OUTDIR PREFIX      writes OUTDIR/PREFIX-<kind>-<n> files and lists them
 *
 * Kinds: "trunc" (cut at header boundaries and pseudo-random lengths), "flip" (1-3 random bit
 * flips, half of them aimed at the headers), "smash" (header, section-header, symbol and
 * relocation fields set to extreme values).  A fixed LCG seed makes the corpus repeatable. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t seed = 0x5eed;
static uint64_t next_random(void) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return seed >> 33;
}

static const char *outdir, *prefix;
static int count;

static void emit(const char *kind, const uint8_t *data, size_t len) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s-%s-%03d", outdir, prefix, kind, count++);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        perror(path);
        exit(2);
    }
    printf("%s\n", path);
}

static uint64_t get(const uint8_t *p, int n) {
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static void put(uint8_t *p, int n, uint64_t v) {
    for (int i = 0; i < n; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static void truncations(const uint8_t *data, size_t size) {
    size_t cuts[] = {0, 1, 7, 8, 16, 63, 64, 67, 100, size / 4, size / 2, size - 64, size - 8, size - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++)
        if (cuts[i] < size)
            emit("trunc", data, cuts[i]);
    for (int i = 0; i < 8; i++)
        emit("trunc", data, next_random() % size);
}

/* Half of the flips land in [lo, hi) (the headers), half anywhere. */
static void flips(const uint8_t *data, size_t size, size_t lo, size_t hi, int n) {
    uint8_t *copy = malloc(size);
    for (int i = 0; i < n; i++) {
        memcpy(copy, data, size);
        int bits = 1 + (int)(next_random() % 3);
        for (int b = 0; b < bits; b++) {
            size_t pos = (i & 1) && hi > lo ? lo + next_random() % (hi - lo) : next_random() % size;
            copy[pos] ^= (uint8_t)(1u << (next_random() % 8));
        }
        emit("flip", copy, size);
    }
    free(copy);
}

/* Sets a field of `width` bytes at `off` to each extreme value in turn. */
static void smash_field(const uint8_t *data, size_t size, size_t off, int width) {
    static const uint64_t values[] = {0xffffffffffffffffull, 0x7fffffff};
    if (off + width > size)
        return;
    uint8_t *copy = malloc(size);
    for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
        memcpy(copy, data, size);
        if (get(copy + off, width) == (values[v] & (width == 8 ? ~0ull : (1ull << (8 * width)) - 1)))
            continue;
        put(copy + off, width, values[v]);
        emit("smash", copy, size);
    }
    free(copy);
}

static void corrupt_elf(const uint8_t *d, size_t size) {
    truncations(d, size);
    uint64_t shoff = get(d + 0x28, 8), shnum = get(d + 0x3c, 2);
    flips(d, size, 0, 64, 12);
    if (shoff < size)
        flips(d, size, shoff, size, 12);
    static const struct { int off, width; } ehdr_fields[] = {
        {0x10, 2}, {0x12, 2}, {0x28, 8}, {0x3a, 2}, {0x3c, 2}, {0x3e, 2}};
    for (size_t i = 0; i < sizeof ehdr_fields / sizeof ehdr_fields[0]; i++)
        smash_field(d, size, ehdr_fields[i].off, ehdr_fields[i].width);
    for (uint64_t s = 1; s < shnum && shoff + (s + 1) * 64 <= size; s++) {
        const uint8_t *sh = d + shoff + s * 64;
        uint32_t type = (uint32_t)get(sh + 4, 4);
        if (s % 3 == 1) {
            smash_field(d, size, shoff + s * 64 + 0x18, 8); /* sh_offset */
            smash_field(d, size, shoff + s * 64 + 0x20, 8); /* sh_size */
        }
        if (type == 2 || type == 4) {                       /* symtab, rela */
            smash_field(d, size, shoff + s * 64 + 0x28, 4); /* sh_link */
            smash_field(d, size, shoff + s * 64 + 0x2c, 4); /* sh_info */
            smash_field(d, size, shoff + s * 64 + 0x38, 8); /* sh_entsize */
            uint64_t off = get(sh + 0x18, 8), len = get(sh + 0x20, 8);
            for (int k = 0; k < 2 && len >= 24 && off + len <= size; k++) {
                uint64_t e = off + 24 * (1 + next_random() % (len / 24 - (len > 24)));
                if (type == 2) {
                    smash_field(d, size, e, 4);             /* st_name */
                    smash_field(d, size, e + 6, 2);         /* st_shndx */
                } else {
                    smash_field(d, size, e, 8);             /* r_offset */
                    smash_field(d, size, e + 8, 8);         /* r_info */
                }
            }
        }
    }
}

static void corrupt_archive(const uint8_t *d, size_t size) {
    truncations(d, size);
    flips(d, size, 8, size < 4096 ? size : 4096, 16);
    /* member header fields: name, size and the magic at the end of the first few headers */
    size_t off = 8;
    for (int m = 0; m < 3 && off + 60 <= size; m++) {
        uint8_t *copy = malloc(size);
        static const char *sizes[] = {"9999999999", "-1        ", "          ", "1x        "};
        for (int k = 0; k < 4; k++) {
            memcpy(copy, d, size);
            memcpy(copy + off + 48, sizes[k], 10);
            emit("smash", copy, size);
        }
        memcpy(copy, d, size);
        memcpy(copy + off, "/999999         ", 16);      /* long name out of range */
        emit("smash", copy, size);
        memcpy(copy, d, size);
        copy[off + 58] = 'x';                             /* header magic */
        emit("smash", copy, size);
        if (m == 0 && off + 64 <= size) {                 /* symbol index count */
            memcpy(copy, d, size);
            put(copy + off + 60, 4, 0xffffff7f);
            emit("smash", copy, size);
        }
        free(copy);
        uint64_t len = strtoull((const char *)d + off + 48, NULL, 10);
        off += 60 + len + (len & 1);
    }
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: corrupt INPUT OUTDIR PREFIX\n");
        return 2;
    }
    outdir = argv[2];
    prefix = argv[3];
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    static uint8_t data[1 << 22];
    size_t size = fread(data, 1, sizeof data, f);
    fclose(f);
    if (size > 8 && memcmp(data, "!<arch>\n", 8) == 0)
        corrupt_archive(data, size);
    else if (size > 64)
        corrupt_elf(data, size);
    else
        return 2;
    return 0;
}
