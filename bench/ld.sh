#!/bin/bash
# bench/ld.sh — soxld against GNU ld (bfd), ld.lld and mold on a large generated input.
#
#   bench/ld.sh [x86_64|aarch64 ...]     env: OBJS (default 1000), FUNCS (per object, 400),
#                                             BLOB_KB (rodata per object, 40), RUNS (5)
# Generates OBJS assembly files with GNU as (so it does not depend on soxas): each has FUNCS
# small functions calling functions and loading data of other objects (PLT32/PC32 or
# CALL26/ADRP+ADD/LDST relocations), a .data table of absolute pointers (R_*_64) and a
# .rodata blob; about 100 MB of objects in all with the defaults.  Then each linker links
# them RUNS times; prints the median wall time, peak RSS and ratios to soxld.
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
OBJS=${OBJS:-1000} FUNCS=${FUNCS:-400} BLOB_KB=${BLOB_KB:-40} RUNS=${RUNS:-5}
OUT=$ROOT/bench/out/ld
mkdir -p "$OUT"
[ -x bin/soxld ] || make -s bin/soxld || exit 1
cp bin/soxld "$OUT/soxld" || exit 1    # a rebuild during the run must not change what is timed

gen_asm() {   # TARGET INDEX -> assembly text of object INDEX
  awk -v t="$1" -v me="$2" -v n="$OBJS" -v funcs="$FUNCS" -v blob="$BLOB_KB" 'BEGIN {
    srand(me + 1)
    print "\t.text"
    for (f = 0; f < funcs; f++) {
      other = int(rand() * n); of = int(rand() * funcs)
      printf "\t.globl f%d_%d\n\t.p2align 4\nf%d_%d:\n", me, f, me, f
      if (t == "x86_64") {
        printf "\tpush %%rbx\n\tmov d%d(%%rip), %%rbx\n\tcall f%d_%d\n\tlea r%d(%%rip), %%rax\n\tadd %%rbx, %%rax\n\tpop %%rbx\n\tret\n", other, other, of, me
      } else {
        printf "\tstp x29, x30, [sp, #-16]!\n\tadrp x1, d%d\n\tldr x1, [x1, :lo12:d%d]\n\tbl f%d_%d\n", other, other, other, of
        printf "\tadrp x0, r%d\n\tadd x0, x0, :lo12:r%d\n\tadd x0, x0, x1\n\tldp x29, x30, [sp], #16\n\tret\n", me, me
      }
    }
    printf "\t.data\n\t.globl d%d\n\t.p2align 3\nd%d:\n", me, me
    for (f = 0; f < funcs; f += 4) printf "\t.quad f%d_%d\n", int(rand() * n), int(rand() * funcs)
    printf "\t.section .rodata\n\t.globl r%d\nr%d:\n\t.fill %d, 8, 0x%x\n", me, me, blob * 128, me
    if (me == 0) {
      print "\t.text\n\t.globl _start\n_start:"
      if (t == "x86_64") print "\tmov $60, %eax\n\txor %edi, %edi\n\tsyscall"
      else print "\tmov x8, #93\n\tmov x0, #0\n\tsvc #0"
    }
  }'
}

generate() {   # TARGET AS
  local dir="$OUT/$1-$OBJS-$FUNCS-$BLOB_KB"
  if [ -f "$dir/done" ]; then echo "$dir"; return; fi
  mkdir -p "$dir"
  echo "generating $OBJS objects for $1 in $dir ..." >&2
  for ((i = 0; i < OBJS; i++)); do
    gen_asm "$1" $i | $2 -o "$dir/o$i.o" || return 1
  done
  touch "$dir/done"
  echo "$dir"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# measure NAME COMMAND...: RUNS links; prints "name median_wall_s peak_kb median_cpu_s"
# (CPU = user + system of the linker process; on a busy machine it is the steadier figure)
measure() {
  local name=$1; shift
  local times="" cpus="" rss=0 i t m u s
  for ((i = 0; i < RUNS; i++)); do
    rm -f "$OUT/a.out"
    /usr/bin/time -f "%e %M %U %S" -o "$OUT/time" "$@" >/dev/null 2>"$OUT/err" || { echo "$name failed: $(head -2 "$OUT/err")" >&2; return 1; }
    read -r t m u s < "$OUT/time"
    times="$times $t"
    cpus="$cpus $(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')"
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$name $(echo $times | tr ' ' '\n' | median) $rss $(echo $cpus | tr ' ' '\n' | median)"
}

bench_target() {
  local t=$1 as ld emu
  case $t in
  x86_64) as=as ld=ld emu=elf_x86_64 ;;
  aarch64) as=aarch64-linux-gnu-as ld=aarch64-linux-gnu-ld emu=aarch64linux ;;
  esac
  command -v $as >/dev/null || { echo "skipping $t: no $as"; return; }
  local dir; dir=$(generate $t $as) || return
  local objs=("$dir"/o*.o) mb
  mb=$(du -cm "${objs[@]}" | tail -1 | cut -f1)
  echo "== $t: ${#objs[@]} objects, $mb MB, median of $RUNS runs"
  {
    measure soxld "$OUT/soxld" -o "$OUT/a.out" "${objs[@]}"
    command -v $ld >/dev/null && measure ld.bfd $ld -static -o "$OUT/a.out" "${objs[@]}"
    command -v ld.lld >/dev/null && measure ld.lld ld.lld -m $emu -static -o "$OUT/a.out" "${objs[@]}"
    command -v mold >/dev/null && measure mold mold -m $emu -static -o "$OUT/a.out" "${objs[@]}"
  } > "$OUT/results-$t"
  awk 'NR == 1 { base = $2; base_m = $3; base_c = $4 }
       { printf "  %-8s wall %7.2f s (%5.2fx soxld)   cpu %6.2f s (%5.2fx)   peak RSS %7.1f MB (%4.2fx)\n",
                $1, $2, $2 / (base > 0 ? base : 0.001), $4, $4 / (base_c > 0 ? base_c : 0.001),
                $3 / 1024, $3 / base_m }' "$OUT/results-$t"
  echo "  (mold forks a worker that the shell does not wait for: its RSS and CPU are undercounted)"
}

for t in ${@:-x86_64 aarch64}; do bench_target $t; done
