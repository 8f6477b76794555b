#!/bin/bash
# DESIGN.md §6 goal: the sysroot can be built with soxas as its assembler (cc -S, then
# soxas), and programs linked against it behave the same.  Builds such a sysroot for both
# targets, then runs the examples and the Sox language tests against it.
. "$SOX_ROOT/tests/lib/common.sh"
out=$OUT_ROOT/sysroot-soxas
rm -rf "$out"; mkdir -p "$out"
B=$SOX_ROOT/bin
cd "$SOX_ROOT" || exit 1
# -fno-unwind-tables: aarch64 gcc still emits .cfi_* without it, which soxas does not take.
cflags="$(make -s print-RT_CFLAGS) -fno-unwind-tables"
sources=$(make -s print-RT_GENERIC_C)

build_sysroot() {  # target -> 0 on success, the reason on stdout otherwise
  local target=$1 arch=${1%%-*} cc=gcc ar=ar extra=
  [ "$arch" = aarch64 ] && { cc=aarch64-linux-gnu-gcc; ar=aarch64-linux-gnu-ar; }
  [ "$arch" = x86_64 ] && extra=-masm=intel
  local lib=$out/$target/lib objs=()
  mkdir -p "$lib" "$out/$target/obj"
  for src in $sources runtime/sys_$arch.c; do
    local base; base=$(basename "$src" .c)
    $cc $cflags $extra -S "$src" -o "$out/$target/obj/$base.s" 2> "$out/$target/obj/$base.err" ||
      { echo "$cc -S $src failed"; return 1; }
    "$B/soxas" -target "$target" "$out/$target/obj/$base.s" -o "$out/$target/obj/$base.o" \
      2> "$out/$target/obj/$base.err" || { echo "soxas $base.s: $(head -c 200 "$out/$target/obj/$base.err")"; return 1; }
    objs+=("$out/$target/obj/$base.o")
  done
  "$B/soxas" -target "$target" "runtime/arch_$arch.s" -o "$out/$target/obj/arch.o" 2> "$out/$target/err" ||
    { echo "soxas arch_$arch.s: $(head -c 200 "$out/$target/err")"; return 1; }
  "$B/soxas" -target "$target" "runtime/crt1_$arch.s" -o "$lib/crt1.o" 2> "$out/$target/err" ||
    { echo "soxas crt1_$arch.s: $(head -c 200 "$out/$target/err")"; return 1; }
  $ar rcs "$lib/libsoxrt.a" "${objs[@]}" "$out/$target/obj/arch.o"
}

for target in $TARGETS; do
  if ! can_run "$target"; then skip "sysroot-soxas/$target" "cannot run $target"; continue; fi
  if ! command -v "$( [ "${target%%-*}" = aarch64 ] && echo aarch64-linux-gnu-gcc || echo gcc)" > /dev/null; then
    skip "sysroot-soxas/$target" "no C compiler for $target"; continue
  fi
  reason=$(build_sysroot "$target")
  if [ $? -ne 0 ]; then fail "sysroot-soxas/$target/build" "$reason"; continue; fi
  pass "sysroot-soxas/$target/build"
  for src in examples/*.sox $(ls tests/sox/lang/*.sox 2>/dev/null); do
    expected=${src%.sox}.out
    [ -f "$expected" ] || continue
    [ -f "${src%.sox}.status" ] && continue      # error-path programs are covered by the main suite
    name=sysroot-soxas/$target/$(basename "$src" .sox)
    exe=$out/$target/$(basename "$src" .sox)
    if ! (cd "$(dirname "$src")" && "$B/soxcc" -target "$target" --sysroot "$out" "$(basename "$src")" -o "$exe") 2> "$exe.err"; then
      fail "$name" "compile: $(head -c 200 "$exe.err" | tr '\n' ' ')"; continue
    fi
    (cd "$(dirname "$src")" && run_timeout 60 "$target" "$exe") > "$exe.out" 2>/dev/null < /dev/null
    if cmp -s "$expected" "$exe.out"; then pass "$name"; else fail "$name" "stdout differs"; fi
  done
done
