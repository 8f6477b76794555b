// cache.s — the same instruction text again and again (soxas keeps the bytes of symbol-free
// instructions by their text): texts whose meaning changes must not be reused; a symbol
// .set again keeps its old value for the uses before (GNU as clones it).
f:
add x0, x1, x2                           // => 8b020020
add x0, x1, x2                           // => 8b020020
.set N, 5
mov x3, #N                               // => d28000a3
add x7, x7, #N                           // => 910014e7
.set N, 300
add x7, x7, #N                           // => 9104b0e7
mov x3, #N                               // => d2802583
mov x3, #N                               // => d2802583
adr x4, .                                // => 10000004
adr x4, .                                // => 10000004
b 1f                                     // => 14000001
1: b 1f                                  // => 14000001
1: b 1b                                  // => 14000000
ldr x5, [x6, #8]                         // => f94004c5
ldr x5, [x6, #8]                         // => f94004c5
ldr x5, [x6, #8]                         // => f94004c5
.set N, 7
mov x3, #N                               // => d28000e3
ret                                      // => d65f03c0
