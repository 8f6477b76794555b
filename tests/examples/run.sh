#!/bin/bash
# The bundled examples/ programs, compiled for both targets and run (the foreign one
# under qemu); stdout must equal NAME.out and the exit status must be 0.
. "$SOX_ROOT/tests/lib/common.sh"
SOXCC=$SOX_ROOT/bin/soxcc
out=$OUT_ROOT/examples
mkdir -p "$out"
for target in $TARGETS; do
  if ! can_run "$target"; then skip "examples/$target" "cannot run $target binaries"; continue; fi
  for src in "$SOX_ROOT"/examples/*.sox; do
    name=$(basename "$src" .sox)
    exe=$out/$target-$name
    if ! "$SOXCC" -target "$target" -O2 "$src" -o "$exe" 2> "$exe.cerr"; then
      fail "examples/$target/$name" "compile error: $(head -c 300 "$exe.cerr" | tr '\n' ' ')"; continue
    fi
    run_timeout 120 "$target" "$exe" > "$exe.stdout" 2> "$exe.stderr" < /dev/null
    rc=$?
    if [ $rc -ne 0 ]; then
      fail "examples/$target/$name" "exit status $rc: $(head -c 200 "$exe.stderr" | tr '\n' ' ')"
    elif ! cmp -s "${src%.sox}.out" "$exe.stdout"; then
      fail "examples/$target/$name" "stdout differs: $(diff "${src%.sox}.out" "$exe.stdout" | head -4 | tr '\n' ' ')"
    else
      pass "examples/$target/$name"
    fi
  done
done
