#!/bin/bash
# Replays every input kept from fuzzing (tests/regress/<tool>/...) through the real tool and
# expects a clean exit: status 0 or 1, no signal, no hang, and no sanitizer report (those
# appear when the tools are built with `make SANITIZE=1`).
#   soxas/<target>/*.s   bin/soxas -target <target> FILE -o out.o
#   soxld/*              bin/soxld -o a.out FILE
#   soxcc/*.sox          bin/soxcc -S -target T FILE -o out.s, for every target
#   objdump/*            bin/soxobjdump -x -D -s FILE
# Each file's first finding is named in fuzz/suppressions/ or the fuzz report.
# With REGRESS_HARNESSES=1 and the fuzz harnesses built (make fuzz-build), every input is
# also replayed through its harness: clang's sanitizers catch more than gcc's (arithmetic on
# a null pointer, some shifts) and LeakSanitizer sees leaks the tools' exit would hide.
. "$SOX_ROOT/tests/lib/common.sh"
R=$SOX_ROOT/tests/regress
B=${REGRESS_BIN:-$SOX_ROOT/bin}   # REGRESS_BIN: replay with other builds of the tools
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

replay() {  # name command...
  local name=$1; shift
  timeout 60 "$@" > /dev/null 2> "$tmp/err" < /dev/null
  local rc=$?
  if [ "$rc" -gt 1 ]; then
    fail "$name" "exit status $rc$([ "$rc" = 124 ] && echo ' (hang)'): $(grep -m1 -E 'ERROR|runtime error|SUMMARY' "$tmp/err")"
  elif grep -q -E 'Sanitizer|runtime error' "$tmp/err"; then
    fail "$name" "sanitizer report: $(grep -m1 -E 'ERROR|runtime error' "$tmp/err")"
  else
    pass "$name"
  fi
  rm -f "$tmp"/out.*
}

F=$SOX_ROOT/fuzz/out/bin
replay_harness() {  # name harness file
  [ "${REGRESS_HARNESSES:-0}" = 1 ] && [ -x "$F/$2" ] || return 0
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 timeout 60 "$F/$2" "$3" > "$tmp/err" 2>&1
  local rc=$?
  if [ "$rc" = 0 ]; then pass "$1"
  else fail "$1" "harness exit status $rc: $(grep -m1 -E 'ERROR|runtime error' "$tmp/err")"; fi
}

have() { [ -x "$B/$1" ] || { skip "regress/$1" "bin/$1 was not built"; return 1; }; }

if have soxas; then
  for f in "$R"/soxas/*/*; do
    [ -f "$f" ] || continue
    t=$(basename "$(dirname "$f")")
    replay "regress/soxas/$t/$(basename "$f")" "$B/soxas" -target "$t" "$f" -o "$tmp/out.o"
    replay_harness "regress/fuzz-soxas/$t/$(basename "$f")" "soxas_${t%%-*}" "$f"
  done
fi
if have soxld; then
  for f in "$R"/soxld/*; do
    [ -f "$f" ] || continue
    replay "regress/soxld/$(basename "$f")" "$B/soxld" -o "$tmp/out.exe" "$f"
    replay_harness "regress/fuzz-soxld/$(basename "$f")" soxld "$f"
  done
fi
if have soxcc; then
  for f in "$R"/soxcc/*.sox; do
    [ -f "$f" ] || continue
    for t in $TARGETS; do
      replay "regress/soxcc/$t/$(basename "$f")" "$B/soxcc" -S -target "$t" "$f" -o "$tmp/out.s"
    done
    replay_harness "regress/fuzz-soxcc/$(basename "$f")" soxcc "$f"
  done
fi
if have soxobjdump; then
  for f in "$R"/objdump/*; do
    [ -f "$f" ] || continue
    replay "regress/objdump/$(basename "$f")" "$B/soxobjdump" -x -D -s "$f"
    replay_harness "regress/fuzz-objdump/$(basename "$f")" objdump "$f"
  done
fi
exit 0
