#!/bin/bash
# DESIGN.md §6 goal: the sysroot can be built with soxas as its assembler (cc -S, then
# soxas), and programs linked against it behave the same.  Builds such a sysroot for both
# targets, then runs the examples and the Sox language tests against it.
. "$SOX_ROOT/tests/lib/common.sh"
out=$OUT_ROOT/sysroot-soxas
rm -rf "$out"; mkdir -p "$out"
B=$SOX_ROOT/bin
cd "$SOX_ROOT" || exit 1
# The runtime's own RT_AS=soxas build (runtime/build.mk: cc -S, then bin/soxas), put in
# a second sysroot so the one the other suites use is left alone.
build_sysroot() {  # -> 0 on success, the reason on stdout otherwise
  make -s -C "$SOX_ROOT" sysroot RT_AS=soxas SYSROOT_DIR="$out" > "$out/build.log" 2>&1 ||
    { tail -3 "$out/build.log" | tr '\n' ' '; return 1; }
}

reason=$(build_sysroot); built=$?
for target in $TARGETS; do
  if ! can_run "$target"; then skip "sysroot-soxas/$target" "cannot run $target"; continue; fi
  if [ $built -ne 0 ]; then fail "sysroot-soxas/$target/build" "$reason"; continue; fi
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
