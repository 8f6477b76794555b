#!/bin/bash
# Runtime microbenchmarks vs Lua 5.4, side by side in one run: median of 3 runs
# each, CPU milliseconds, and the ratio Lua/Sox (> 1 means the Sox runtime is faster).
cd "$(dirname "$0")/../.." || exit 2
OUT=bench/out/runtime
mkdir -p "$OUT"
make -s sysroot >/dev/null || exit 1
lib=sysroot/x86_64-linux/lib
gcc -std=c11 -ffreestanding -nostdlib -fno-pic -fno-pie -fno-stack-protector -fno-omit-frame-pointer \
  -fno-tree-loop-distribute-patterns -O2 -I. -c bench/runtime/micro.c -o "$OUT/micro.o" &&
  ld -static -o "$OUT/micro" "$lib/crt1.o" "$OUT/micro.o" "$lib/libsoxrt.a" || exit 1
command -v lua5.4 >/dev/null || { echo "lua5.4 not installed (BENCH=1 ci/install-deps.sh)"; exit 1; }

# CPU time (user+sys), not wall time: the build machine is shared, and CPU time
# is what the runtime itself costs.
median_ms() {   # command... -> median CPU time of 3 runs in ms
  local t=()
  for _ in 1 2 3; do
    /usr/bin/time -f '%U %S' -o "$OUT/time" "$@" >/dev/null
    t+=($(awk '{printf "%d", ($1 + $2) * 1000}' "$OUT/time"))
  done
  printf '%s\n' "${t[@]}" | sort -n | sed -n 2p
}

printf '%-8s %10s %10s %8s\n' bench sox_ms lua_ms lua/sox
for b in alloc concat table; do
  sox=$(median_ms "$OUT/micro" "$b")
  lua=$(median_ms lua5.4 bench/runtime/micro.lua "$b")
  printf '%-8s %10d %10d %8s\n' "$b" "$sox" "$lua" "$(awk -v l="$lua" -v s="$sox" 'BEGIN{printf "%.2f", l/(s?s:1)}')"
done
