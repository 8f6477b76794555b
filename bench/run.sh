#!/bin/bash
# make bench: everything timed side by side in one run on this machine, quoted as
# medians of REPEAT runs (CPU seconds) and as ratios (never as absolute pass/fail timings).
#   bench/run.sh [programs|compile|asm|ld|runtime ...]     REPEAT=5 by default
cd "$(dirname "$0")/.." || exit 1
export SOX_ROOT=$PWD
REPEAT=${REPEAT:-5}
out=bench/out
mkdir -p "$out"
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(programs compile asm ld runtime)

# median_time CMD...: median CPU time (user+sys, seconds) of REPEAT runs, stdout
# discarded.  CPU time rather than wall time: this 2-core machine is shared and noisy,
# and the programs measured here are single-threaded (soxcc is not: its compile time is
# also quoted as wall time).  BENCH_WALL=1 measures wall time.
median_time() {
  local times=() t
  for _ in $(seq "$REPEAT"); do
    if [ -n "$BENCH_WALL" ]; then
      local t0 t1; t0=$(date +%s.%N)
      "$@" > /dev/null 2>&1 || { echo nan; return; }
      t1=$(date +%s.%N); t=$(echo "$t1 - $t0" | bc -l)
    else
      t=$( { TIMEFORMAT='%3U %3S'; time "$@" > /dev/null 2>&1 || echo FAILED; } 2>&1 )
      case $t in *FAILED*) echo nan; return ;; esac
      t=$(echo "$t" | awk '{print $1 + $2}')
    fi
    times+=("$t")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || b == 0) print "-"; else printf "%.2f", a / b }'; }

bench_programs() {
  echo "== Sox programs: soxcc -O2 (host target) vs C (gcc -O2), Lua 5.4, LuaJIT -joff, LuaJIT"
  printf '%-16s %8s %8s %8s %8s %8s | %9s %9s %9s %8s\n' program soxcc C lua5.4 "lj-joff" luajit \
    "lua/sox" "ljoff/sox" "sox/lj" "sox/C"
  local geo_lj=0 n=0
  for src in bench/programs/*.sox; do
    local name; name=$(basename "$src" .sox)
    bin/soxcc -O2 "$src" -o "$out/$name.sox.exe" || { echo "$name: soxcc failed"; continue; }
    gcc -O2 "bench/programs/$name.c" -o "$out/$name.c.exe" -lm
    local ts tc tl tj tjo
    ts=$(median_time "$out/$name.sox.exe")
    tc=$(median_time "$out/$name.c.exe")
    tl=$(median_time lua5.4 "bench/programs/$name.lua")
    tjo=$(command -v luajit >/dev/null && median_time luajit -joff "bench/programs/$name.lua" || echo nan)
    tj=$(command -v luajit >/dev/null && median_time luajit "bench/programs/$name.lua" || echo nan)
    printf '%-16s %8.3f %8.3f %8.3f %8.3f %8.3f | %9s %9s %9s %8s\n' "$name" "$ts" "$tc" "$tl" "$tjo" "$tj" \
      "$(ratio "$tl" "$ts")" "$(ratio "$tjo" "$ts")" "$(ratio "$ts" "$tj")" "$(ratio "$ts" "$tc")"
    if [ "$ts" != nan ] && [ "$tj" != nan ]; then
      geo_lj=$(echo "$geo_lj + l($ts / $tj)" | bc -l); n=$((n + 1))
    fi
  done
  [ $n -gt 0 ] && printf 'geometric mean soxcc/luajit: %.2f (target <= 2)\n' "$(echo "e($geo_lj / $n)" | bc -l)"
  echo "targets: lua/sox >= 5 and ljoff/sox > 1 on every program; sox/C <= 3 for fib"
}

bench_compile() {
  echo "== Compile time (compile + assemble + link, host target)"
  local gen=$out/big.sox
  awk 'BEGIN {
    for (f = 0; f < 7143; f++) {
      printf "fn f%d(a, b) {\n  var x = a + b * %d\n  if x > %d { x = x - a }\n", f, f, f
      printf "  var t = {k: x, s: \"v%d\"}\n  for var i = 0; i < 3; i = i + 1 { x = x + i }\n", f
      printf "  while x > 1000000 { x = x / 2 }\n  var arr[] = {x, a, b}\n  push(arr, t.k)\n", f
      printf "  if len(arr) != 4 print \"bad\"\n  return x + arr[0]\n}\n"
      printf "var r%d = f%d(%d, 2)\n", f, f, f
      printf "if r%d < 0 print \"neg\"\n\n", f
    }
    print "print \"ok\""
  }' > "$gen"
  local lines; lines=$(wc -l < "$gen")
  # wall time is the target (the assembler runs on the second core beside the compiler);
  # CPU time (user+sys, both threads) is shown beside it
  local t tc; t=$(BENCH_WALL=1 median_time bin/soxcc -O1 "$gen" -o "$out/big.exe")
  tc=$(median_time bin/soxcc -O1 "$gen" -o "$out/big.exe")
  printf '%d-line program: %.3f s wall median, %.3f s CPU  (%.0f lines/s; target < 1 s)\n' \
    "$lines" "$t" "$tc" "$(echo "$lines / $t" | bc -l)"
  echo 'print "hello"' > "$out/hello.sox"
  local th thc; th=$(BENCH_WALL=1 REPEAT=21 median_time bin/soxcc "$out/hello.sox" -o "$out/hello.exe")
  thc=$(REPEAT=21 median_time bin/soxcc "$out/hello.sox" -o "$out/hello.exe")
  printf 'hello world end to end: %.1f ms wall median, %.1f ms CPU (target < 5 ms)\n' \
    "$(echo "$th * 1000" | bc -l)" "$(echo "$thc * 1000" | bc -l)"
}

for p in "${parts[@]}"; do
  case $p in
    programs) bench_programs ;;
    compile) bench_compile ;;
    asm|ld|runtime)
      script=bench/$p.sh; [ "$p" = runtime ] && script=bench/runtime/run.sh
      if [ -x "$script" ]; then echo "== $p"; "$script"; else echo "== $p: ($script not present)"; fi ;;
    *) echo "unknown part $p" >&2; exit 2 ;;
  esac
  echo
done
