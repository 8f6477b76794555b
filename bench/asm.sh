#!/bin/bash
# bench/asm.sh — soxas against GNU as on a large generated input, per ISA.
#
#   bench/asm.sh [x86_64|aarch64 ...]      env: MB (input size, default 20), RUNS (default 3)
# The inputs come from the random instruction generators of the differential tests
# (tests/asm/*/gen.c: every operand form, labels, relaxable branches, data), so the work is
# representative of compiler output. Each assembler runs RUNS times on the same file; the
# table shows median wall time, median CPU time (user+sys, robust on a busy machine), peak
# RSS, and the ratios GNU as / soxas. The goal is CPU ratio >= 5 and peak RSS < 3x input.
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
MB=${MB:-20} RUNS=${RUNS:-3}
OUT=$ROOT/bench/out/asm
mkdir -p "$OUT"
[ -x bin/soxas ] || make -s bin/soxas || exit 1
[ -x /usr/bin/time ] || { echo "bench/asm.sh: needs /usr/bin/time (package 'time')"; exit 1; }

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# measure CMD...: prints "wall cpu rss_kb" medians over RUNS runs
measure() {
  local walls=() cpus=() rsss=() line
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %U %S %M' -o "$OUT/time.txt" "$@" > /dev/null 2>&1 || { echo "nan nan nan"; return; }
    read -r w u s m < "$OUT/time.txt"
    walls+=("$w"); cpus+=("$(echo "$u + $s" | bc -l)"); rsss+=("$m")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${cpus[@]}" | median) $(printf '%s\n' "${rsss[@]}" | median)"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || b == 0) print "-"; else printf "%.2f", a / b }'; }

printf '%-8s %7s | %8s %8s %8s | %8s %8s %8s | %9s %9s %9s | %s\n' isa "in MB" "as wall" "as cpu" "as MB" \
  "sox wall" "sox cpu" "sox MB" "wall x" "cpu x" "sox/in" "objects"
isas=("$@")
[ ${#isas[@]} -eq 0 ] && isas=(x86_64 aarch64)
for isa in "${isas[@]}"; do
  case $isa in
    x86_64) gas=as; target=x86_64-linux; per=22 ;;
    aarch64) gas=aarch64-linux-gnu-as; target=aarch64-linux; per=20 ;;
    *) echo "unknown isa $isa" >&2; continue ;;
  esac
  command -v "$gas" > /dev/null || { echo "$isa: $gas not installed"; continue; }
  [ -f "tests/asm/$isa/gen.c" ] || { echo "$isa: no generator"; continue; }
  cc -O2 -o "$OUT/gen-$isa" "tests/asm/$isa/gen.c" || continue
  src=$OUT/big-$isa.s
  # about MB megabytes of input: chunks of 3000 instructions (the AArch64 generator's branches
  # must stay in range), each chunk's symbols renamed apart
  : > "$src"
  chunks=$((MB * 1000000 / per / 3000 + 1))
  for k in $(seq "$chunks"); do
    "$OUT/gen-$isa" "$k" 3000 | sed -E "s/(^|[^A-Za-z0-9_.\$])(f|d|glob_f|local_f|data_v)(\$|[^A-Za-z0-9_])/\1\2_$k\3/g; s/\.L([A-Za-z0-9_]+)/.L\1_$k/g; s/\.file.*//"
  done >> "$src"
  # drop the few generated lines GNU as rejects (the generators target seeds 1-4)
  if ! "$gas" "$src" -o "$OUT/gnu-$isa.o" 2> "$OUT/gnu-$isa.err"; then
    sed -n 's/^[^:]*:\([0-9]*\): Error.*/\1d/p' "$OUT/gnu-$isa.err" > "$OUT/drop.sed"
    sed -i -f "$OUT/drop.sed" "$src"
    "$gas" "$src" -o "$OUT/gnu-$isa.o" 2> "$OUT/gnu-$isa.err" || { echo "$isa: GNU as rejects the input"; continue; }
  fi
  read -r gw gc gm <<< "$(measure "$gas" "$src" -o "$OUT/gnu-$isa.o")"
  read -r sw sc sm <<< "$(measure bin/soxas -target "$target" "$src" -o "$OUT/sox-$isa.o")"
  insize=$(stat -c %s "$src")
  same=identical; cmp -s "$OUT/gnu-$isa.o" "$OUT/sox-$isa.o" || same=DIFFERENT
  printf '%-8s %7.1f | %8s %8s %8.1f | %8s %8s %8.1f | %9s %9s %9s | %s\n' "$isa" "$(echo "$insize / 1000000" | bc -l)" \
    "$gw" "$gc" "$(echo "$gm / 1024" | bc -l)" "$sw" "$sc" "$(echo "$sm / 1024" | bc -l)" \
    "$(ratio "$gw" "$sw")" "$(ratio "$gc" "$sc")" "$(ratio "$((sm * 1024))" "$insize")" "$same"
done
