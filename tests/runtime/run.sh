#!/bin/bash
# Runtime unit tests, on both targets (aarch64 under qemu-aarch64).
# Each cases/NAME.c is a freestanding C program linked (GNU ld) against the
# sysroot's crt1.o + libsoxrt.a.  Its stdout+stderr must equal cases/NAME.out,
# or the output of the hosted generator cases/NAME.expect.c when that exists.
# Directives in the first lines of NAME.c:
#   // status: N          expected exit status (default 0)
#   // env: VAR=VALUE     extra environment (repeatable)
#   // args: A B ...      command-line arguments
#   // stdout: closed     run with stdout a pipe whose reader has gone
# tests/runtime/math_ulp.c (hosted) measures runtime/math.c against libm.
# TARGETS="aarch64-linux" limits the targets; RT_AS=soxas builds the sysroot with
# bin/soxas first (see runtime/build.mk).
# Then, when bin/soxcc exists, tests/runtime/programs/NAME.sox are compiled for
# each target and run: stdout must equal NAME.out, stderr NAME.err (if present),
# the exit status NAME.status (default 0).  SKIP when there is no compiler yet.
# When bin/soxld exists, each case is also linked with it (SKIP if that fails).
cd "${SOX_ROOT:-$(dirname "$0")/../..}" || exit 2
. tests/lib/common.sh      # run_on / can_run: native on the host, qemu-<arch> otherwise
OUT=tests/out/runtime
mkdir -p "$OUT"
[ -n "$CASES" ] && CASES_ONLY=1
CASES=${CASES:-$(ls tests/runtime/cases/*.c | grep -v '\.expect\.c$')}
make -s sysroot RT_AS="$RT_AS" >/dev/null 2>"$OUT/make.err" || { echo "FAIL runtime/build: $(head -3 "$OUT/make.err")"; exit 0; }
CFLAGS="-std=c11 -ffreestanding -nostdlib -fno-pic -fno-pie -fno-stack-protector -fno-omit-frame-pointer
  -fno-optimize-sibling-calls -fno-tree-loop-distribute-patterns -O1 -Wall -Wextra -Wno-unused-function -I."

# The math routines against glibc's libm (hosted build of runtime/math.c).
if [ -z "$CASES_ONLY" ]; then
  if gcc -std=c11 -O2 -I. -o "$OUT/math_ulp" tests/runtime/math_ulp.c runtime/math.c runtime/lib.c -lm 2>"$OUT/math_ulp.err"; then
    "$OUT/math_ulp" 100000
  else
    echo "FAIL runtime/math-build: $(head -1 "$OUT/math_ulp.err")"
  fi
fi

directive() { sed -n "1,12s|^// $1: ||p" "$2"; }

run_case() {   # target exe case expected -> prints verdict
  local target=$1 exe=$2 c=$3 expected=$4 name=$5
  local want_status got_status envs args
  want_status=$(directive status "$c"); want_status=${want_status:-0}
  mapfile -t envs < <(directive env "$c")
  read -r -a args <<< "$(directive args "$c")"
  if [ "$(directive stdout "$c")" = closed ]; then
    # the reader exits at once; the program must end quietly, not crash
    (for e in "${envs[@]}"; do export "${e?}"; done; run_on "$target" "$exe" "${args[@]}") 2>"$exe.got" | true
    got_status=${PIPESTATUS[0]}
  else
    (for e in "${envs[@]}"; do export "${e?}"; done; run_on "$target" "$exe" "${args[@]}") >"$exe.got" 2>&1
    got_status=$?
  fi
  if [ "$got_status" != "$want_status" ]; then
    echo "FAIL $name: exit status $got_status, expected $want_status"
  elif ! cmp -s "$exe.got" "$expected"; then
    echo "FAIL $name: output differs (diff $expected $exe.got)"
  else
    echo "PASS $name"
  fi
}

for target in ${TARGETS:-x86_64-linux aarch64-linux}; do
  case $target in
    x86_64-linux) cc=gcc; ld=ld ;;
    aarch64-linux) cc=aarch64-linux-gnu-gcc; ld=aarch64-linux-gnu-ld ;;
  esac
  lib=sysroot/$target/lib
  if ! can_run "$target"; then
    for c in $CASES; do echo "SKIP $target/$(basename "$c" .c): cannot run $target binaries here"; done
    continue
  fi
  mkdir -p "$OUT/$target"
  for c in $CASES; do
    base=$(basename "$c" .c)
    o=$OUT/$target/$base
    expected=tests/runtime/cases/$base.out
    if [ -f "tests/runtime/cases/$base.expect.c" ]; then
      gcc -O1 -o "$o.expect" "tests/runtime/cases/$base.expect.c" && "$o.expect" > "$o.expected" || {
        echo "FAIL $target/$base: expectation generator failed"; continue; }
      expected=$o.expected
    fi
    if ! $cc $CFLAGS -c "$c" -o "$o.o" 2>"$o.cc.err"; then
      echo "FAIL $target/$base: does not compile: $(head -1 "$o.cc.err")"; continue
    fi
    if ! $ld -static -o "$o" "$lib/crt1.o" "$o.o" "$lib/libsoxrt.a" 2>"$o.ld.err"; then
      echo "FAIL $target/$base: does not link: $(head -1 "$o.ld.err")"; continue
    fi
    run_case "$target" "$o" "$c" "$expected" "$target/$base"
    if [ -x bin/soxld ]; then
      if bin/soxld -o "$o.soxld" "$lib/crt1.o" "$o.o" -L "$lib" -lsoxrt 2>"$o.soxld.err"; then
        run_case "$target" "$o.soxld" "$c" "$expected" "soxld/$target/$base"
      else
        echo "SKIP soxld/$target/$base: bin/soxld cannot link it yet: $(head -1 "$o.soxld.err")"
      fi
    fi
  done
done

# Sox programs through the whole toolchain: the runtime as compiled code uses it.
[ -n "$CASES_ONLY" ] && exit 0
for target in ${TARGETS:-x86_64-linux aarch64-linux}; do
  mkdir -p "$OUT/programs/$target"
  for src in tests/runtime/programs/*.sox; do
    base=$(basename "$src" .sox)
    name=program/$target/$base
    exe=$OUT/programs/$target/$base
    if [ ! -x bin/soxcc ]; then echo "SKIP $name: bin/soxcc not built"; continue; fi
    if ! can_run "$target"; then echo "SKIP $name: cannot run $target binaries here"; continue; fi
    if ! bin/soxcc -target "$target" "$src" -o "$exe" 2>"$exe.cc.err"; then
      echo "SKIP $name: bin/soxcc cannot compile it yet: $(head -1 "$exe.cc.err")"; continue
    fi
    run_on "$target" "$exe" >"$exe.out" 2>"$exe.err"
    got=$?
    want=$(cat "tests/runtime/programs/$base.status" 2>/dev/null || echo 0)
    if [ "$got" != "$want" ]; then
      echo "FAIL $name: exit status $got, expected $want"
    elif ! cmp -s "$exe.out" "tests/runtime/programs/$base.out"; then
      echo "FAIL $name: stdout differs (diff tests/runtime/programs/$base.out $exe.out)"
    elif [ -f "tests/runtime/programs/$base.err" ] &&
         ! cmp -s "$exe.err" "tests/runtime/programs/$base.err"; then
      echo "FAIL $name: stderr differs (diff tests/runtime/programs/$base.err $exe.err)"
    else
      echo "PASS $name"
    fi
  done
done
