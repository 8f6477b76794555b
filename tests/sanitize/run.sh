#!/bin/bash
# A representative part of the suite with the tools built under AddressSanitizer and
# UndefinedBehaviorSanitizer (`make test SANITIZE=1` runs everything that way).  The
# sanitized build happens in a private copy of the tree, so bin/ is left alone.
#   SANITIZE_SUITES="regress asm" tests/sanitize/run.sh
. "$SOX_ROOT/tests/lib/common.sh"
SUITES=${SANITIZE_SUITES:-"regress asm examples cli"}
if [ "$SANITIZE" = 1 ]; then skip sanitize "the whole run is sanitized already"; exit 0; fi
if ! echo 'int main(void){return 0;}' | cc -fsanitize=address,undefined -x c - -o /dev/null 2>/dev/null; then
  skip sanitize "this compiler cannot build with -fsanitize=address,undefined"; exit 0
fi
copy=$OUT_ROOT/sanitize/tree
rm -rf "$copy"; mkdir -p "$copy"
(cd "$SOX_ROOT" && tar cf - --exclude=./build --exclude=./build-san --exclude=./bin --exclude=./tests/out \
   --exclude=./bench/out --exclude=./fuzz/out --exclude=./.git .) | (cd "$copy" && tar xf -)
cp -r "$SOX_ROOT/sysroot" "$copy/sysroot"    # the runtime is freestanding: never sanitized
if ! make -s -C "$copy" SANITIZE=1 -j2 tools > "$copy.log" 2>&1; then
  fail sanitize/build "make SANITIZE=1 tools failed: $(tail -3 "$copy.log" | tr '\n' ' ')"; exit 0
fi
pass sanitize/build
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for s in $SUITES; do
  [ -x "$copy/tests/$s/run.sh" ] || { skip "sanitize/$s" "no such suite"; continue; }
  SOX_ROOT=$copy OUT_ROOT=$OUT_ROOT/sanitize/out "$copy/tests/$s/run.sh" 2> "$OUT_ROOT/sanitize/$s.err" |
    sed -E 's/^(PASS|FAIL|SKIP) /\1 sanitize\//'
  # A sanitizer report anywhere in a suite's stderr is a failure even if its cases passed.
  if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$OUT_ROOT/sanitize/$s.err"; then
    fail "sanitize/$s/reports" "$(grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$OUT_ROOT/sanitize/$s.err")"
  fi
done
