#!/bin/bash
# Number formatting and parsing (runtime/numfmt.c) on both targets.
#   - numfmt.c compiles freestanding with the runtime's flags, warning-free, and the
#     object references no symbol at all (no libc, no libgcc helpers);
#   - bigint_test.c checks numfmt.c's internal big integers directly;
#   - numfmt_test.c (hosted) compares it with the target C library's printf/strtod:
#     golden data files beside this script, edge cases, and NUMFMT_N random inputs
#     (1,000,000 natively, 200,000 under qemu), plus a small sanitizer run;
#   - the same test, fewer iterations, with numfmt.c assembled by our bin/soxas.
#   NUMFMT_N=... NUMFMT_QEMU_N=... tests/numfmt/run.sh      tests/numfmt/run.sh bench
. "$(dirname "$0")/../lib/common.sh"
here=$SOX_ROOT/tests/numfmt
out=$OUT_ROOT/numfmt
mkdir -p "$out"

RT_FLAGS="-std=c11 -ffreestanding -fno-builtin -nostdlib -fno-pic -fno-pie -fno-stack-protector
  -O2 -Wall -Wextra -Werror -I$SOX_ROOT"
HOST_N=${NUMFMT_N:-1000000}
QEMU_N=${NUMFMT_QEMU_N:-200000}

cc_for() {
  case $1 in
    x86_64-linux) echo gcc ;;
    aarch64-linux) echo aarch64-linux-gnu-gcc ;;
  esac
}

# build TARGET: the freestanding object and the test binary into $out/TARGET/.
build() {
  local t=$1 cc dir
  cc=$(cc_for "$t"); dir=$out/$t
  mkdir -p "$dir"
  if ! command -v "$cc" >/dev/null; then skip "numfmt/$t/build" "no $cc"; return 1; fi
  # shellcheck disable=SC2086
  if ! $cc $RT_FLAGS -c "$SOX_ROOT/runtime/numfmt.c" -o "$dir/numfmt.o" 2> "$dir/cc.err"; then
    fail "numfmt/$t/freestanding" "compile: $(head -3 "$dir/cc.err" | tr '\n' ' ')"; return 1
  fi
  # other optimisation levels must not need libgcc helpers either (e.g. 128-bit shifts)
  local undefined opt
  for opt in -O0 -Os; do
    # shellcheck disable=SC2086
    $cc $RT_FLAGS $opt -c "$SOX_ROOT/runtime/numfmt.c" -o "$dir/numfmt$opt.o" 2>> "$dir/cc.err"
  done
  undefined=$(${cc%gcc}nm -u "$dir/numfmt.o" "$dir/numfmt-O0.o" "$dir/numfmt-Os.o" 2>&1 |
              awk '/ U /{print $2} /No such file/{print "(missing object)"}' | sort -u | tr '\n' ' ')
  if [ -n "$undefined" ]; then fail "numfmt/$t/freestanding" "undefined symbols: $undefined"
  else pass "numfmt/$t/freestanding"; fi
  if ! $cc -std=c11 -O2 -D_GNU_SOURCE -Wall -Wextra -I"$SOX_ROOT" -static \
       "$here/numfmt_test.c" "$dir/numfmt.o" -lm -o "$dir/numfmt_test" 2> "$dir/cc.err"; then
    fail "numfmt/$t/build" "test harness: $(head -3 "$dir/cc.err" | tr '\n' ' ')"; return 1
  fi
  if ! $cc -std=c11 -O2 -Wall -Wextra -I"$SOX_ROOT" -static \
       "$here/bigint_test.c" -o "$dir/bigint_test" 2> "$dir/cc.err"; then
    fail "numfmt/$t/bigint" "build: $(head -3 "$dir/cc.err" | tr '\n' ' ')"; return 1
  fi
}

# run_suite TARGET ITERATIONS: the differential cases, one suite line each.
run_suite() {
  local t=$1 n=$2 dir=$out/$1
  if ! can_run "$t"; then skip "numfmt/$t/differential" "cannot run $t binaries here"; return; fi
  run_timeout 900 "$t" "$dir/bigint_test" "$t" $((n / 10)) \
    || fail "numfmt/$t/bigint" "test binary exited with status $?"
  # (the time limit only turns a hang into a failure; normal runs take seconds)
  run_timeout 900 "$t" "$dir/numfmt_test" "$t" "$n" "$here" 2> "$dir/run.err"
  local rc=$?
  [ $rc -eq 0 ] || fail "numfmt/$t/differential" "test binary exited with status $rc: $(tail -2 "$dir/run.err" | tr '\n' ' ')"
}

# run_soxas TARGET ITERATIONS: numfmt.c through "cc -S" and our own assembler
# (DESIGN.md §6: the sysroot must build with soxas), then the same differential
# test with fewer iterations, under the label TARGET-soxas.
run_soxas() {
  local t=$1 n=$2 cc dir=$out/$1-soxas extra=
  cc=$(cc_for "$t")
  [ -x "$SOX_ROOT/bin/soxas" ] || { skip "numfmt/$t-soxas" "bin/soxas is not built"; return; }
  can_run "$t" || { skip "numfmt/$t-soxas" "cannot run $t binaries here"; return; }
  mkdir -p "$dir"
  [ "$t" = x86_64-linux ] && extra=-masm=intel
  # shellcheck disable=SC2086
  if ! $cc $RT_FLAGS $extra -fno-asynchronous-unwind-tables -fno-unwind-tables -S \
         "$SOX_ROOT/runtime/numfmt.c" -o "$dir/numfmt.s" 2> "$dir/cc.err" ||
     ! "$SOX_ROOT/bin/soxas" -target "$t" "$dir/numfmt.s" -o "$dir/numfmt.o" 2> "$dir/as.err"; then
    fail "numfmt/$t-soxas/assemble" "$(head -2 "$dir/cc.err" "$dir/as.err" 2>/dev/null | tr '\n' ' ')"
    return
  fi
  if ! $cc -std=c11 -O2 -D_GNU_SOURCE -I"$SOX_ROOT" -static "$here/numfmt_test.c" "$dir/numfmt.o" \
       -lm -o "$dir/numfmt_test" 2> "$dir/cc.err"; then
    fail "numfmt/$t-soxas/build" "$(head -3 "$dir/cc.err" | tr '\n' ' ')"; return
  fi
  run_timeout 900 "$t" "$dir/numfmt_test" "$t-soxas" "$n" "$here" 2> "$dir/run.err" ||
    fail "numfmt/$t-soxas/differential" "test binary exited with status $?"
}

if [ "$1" = bench ]; then
  build "$(host_target)" && "$out/$(host_target)/numfmt_test" bench 0 "$here" bench
  exit
fi

for t in $TARGETS; do
  build "$t" || continue
  if [ "$t" = "$(host_target)" ]; then run_suite "$t" "$HOST_N"; else run_suite "$t" "$QEMU_N"; fi
  if [ "$t" = "$(host_target)" ]; then run_soxas "$t" $((HOST_N / 10)); else run_soxas "$t" $((QEMU_N / 10)); fi
done

# The same code under ASan+UBSan (natively, few iterations): no overflow, no UB.
t=$(host_target); dir=$out/$t-san
mkdir -p "$dir"
if gcc -std=c11 -O1 -g -D_GNU_SOURCE -fsanitize=address,undefined -fno-sanitize-recover=undefined \
     -I"$SOX_ROOT" "$here/numfmt_test.c" "$SOX_ROOT/runtime/numfmt.c" -lm -o "$dir/numfmt_test" 2> "$dir/cc.err"; then
  timeout 900 "$dir/numfmt_test" "$t-sanitized" "${NUMFMT_SAN_N:-20000}" "$here" 2> "$dir/run.err" \
    || fail "numfmt/$t-sanitized/differential" "exit status $?: $(grep -m2 -E 'ERROR|runtime error' "$dir/run.err" | tr '\n' ' ')"
else
  fail "numfmt/$t-sanitized/build" "$(head -3 "$dir/cc.err" | tr '\n' ' ')"
fi
