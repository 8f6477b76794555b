#!/bin/bash
# The reference interpreter's own tests (../shared/conformance/reference), compiled by
# soxcc for both targets and run (the foreign one under qemu).  See its README for the
# rules: stdout must equal NAME.sox.out and the status must be 0; scripts without .out
# must simply exit 0; testsuite/*_test.sox run under --test with every test OK.
. "$SOX_ROOT/tests/lib/common.sh"
REF=$SHARED/conformance/reference
if [ ! -d "$REF" ]; then
  skip conformance "no $REF (the shared conformance data is not beside this checkout)"
  exit 0
fi
SOXCC=$SOX_ROOT/bin/soxcc
out=$OUT_ROOT/conformance
mkdir -p "$out"

check_script() {  # target file
  local target=$1 src=$2
  local rel=${src#$REF/} name exe expected
  name="$target/${rel%.sox}"
  exe=$out/$target/${rel%.sox}
  mkdir -p "$(dirname "$exe")"
  if ! "$SOXCC" -target "$target" -O2 "$src" -o "$exe" 2> "$exe.cerr"; then
    fail "$name" "compile error: $(head -c 300 "$exe.cerr" | tr '\n' ' ')"; return
  fi
  local argv0=() args=()
  if [ "$(basename "$src")" = argtest.sox ]; then argv0=(-0 sox); args=(src/test/scripts/argtest.sox); fi
  (cd "$REF" && run_timeout 60 "$target" "${argv0[@]}" "$exe" "${args[@]}") \
      > "$exe.stdout" 2> "$exe.stderr" < /dev/null
  local rc=$?
  if [ $rc -ne 0 ]; then
    fail "$name" "exit status $rc: $(head -c 300 "$exe.stderr" | tr '\n' ' ')"; return
  fi
  expected=$src.out
  if [ -f "$expected" ] && ! cmp -s "$expected" "$exe.stdout"; then
    fail "$name" "stdout differs: $(diff "$expected" "$exe.stdout" | head -5 | tr '\n' ' ')"; return
  fi
  pass "$name"
}

check_testsuite() {  # target file
  local target=$1 src=$2
  local base name
  base=$(basename "$src" .sox)
  name="$target/testsuite/$base"
  (cd "$REF" && timeout 120 "$SOXCC" -target "$target" --test "testsuite/$base.sox") \
      > "$out/$target.$base.test" 2>&1 < /dev/null
  local rc=$?
  if [ $rc -ne 0 ] || grep -qE '\[ (FAIL|ERROR)' "$out/$target.$base.test" \
     || ! grep -q '\[ OK' "$out/$target.$base.test"; then
    fail "$name" "status $rc: $(grep -vE '\[ OK' "$out/$target.$base.test" | head -5 | tr '\n' ' ')"
  else
    pass "$name ($(grep -c '\[ OK' "$out/$target.$base.test") tests OK)"
  fi
}

if [ ! -x "$SOXCC" ]; then fail conformance "bin/soxcc was not built"; exit 0; fi
for target in $TARGETS; do
  if ! can_run "$target"; then skip "$target" "cannot run $target binaries (qemu-user missing)"; continue; fi
  for src in "$REF"/scripts/*.sox "$REF"/scripts/native/*.sox; do
    check_script "$target" "$src"
  done
  for src in "$REF"/testsuite/*_test.sox; do
    check_testsuite "$target" "$src"
  done
done
