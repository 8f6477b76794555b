/* Bit tricks: popcount, clz/ctz, bit reversal, rotations, Gray code, parity, power-of-two. */
#include <stdint.h>

int popcount64(uint64_t x) {
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return (int)((x * 0x0101010101010101ull) >> 56);
}

int clz64(uint64_t x) { return x ? __builtin_clzll(x) : 64; }
int ctz32(uint32_t x) { return x ? __builtin_ctz(x) : 32; }

uint32_t reverse32(uint32_t x) {
    x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
    return __builtin_bswap32(x);
}

uint64_t rotl64(uint64_t x, int r) { return (x << (r & 63)) | (x >> (-r & 63)); }
uint32_t rotr32(uint32_t x, unsigned r) { return (x >> (r & 31)) | (x << (-r & 31)); }
uint32_t gray(uint32_t x) { return x ^ (x >> 1); }
int parity(uint64_t x) { return __builtin_parityll(x); }
int is_pow2(uint64_t x) { return x && !(x & (x - 1)); }
uint64_t next_pow2(uint64_t x) { return x <= 1 ? 1 : 1ull << (64 - __builtin_clzll(x - 1)); }
int64_t sign_extend(uint64_t v, int bits) { int s = 64 - bits; return (int64_t)(v << s) >> s; }
uint8_t saturate_u8(int v) { return v < 0 ? 0 : v > 255 ? 255 : (uint8_t)v; }
int16_t mul_hi16(int16_t a, int16_t b) { return (int16_t)(((int32_t)a * b) >> 16); }
unsigned udiv7(unsigned x) { return x / 7; }
long smod13(long x) { return x % 13; }
int bit_test(const uint64_t *set, unsigned i) { return (set[i >> 6] >> (i & 63)) & 1; }
void bit_set(uint64_t *set, unsigned i) { set[i >> 6] |= 1ull << (i & 63); }
static const uint8_t table[16] = { 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4 };
int nibble_count(uint32_t x) { int n = 0; while (x) { n += table[x & 15]; x >>= 4; } return n; }
