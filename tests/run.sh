#!/bin/bash
# The one test runner.  Every suite is an executable tests/<suite>/run.sh that prints
# one line per case on stdout:
#     PASS <name>
#     FAIL <name>: <why>
#     SKIP <name>: <why>
# (other lines are shown only with VERBOSE=1).  This runner totals them and ends with
# "N passed, N failed, N skipped"; it exits non-zero on any failure or a crashed suite.
#   tests/run.sh [suite...]      SUITES="asm ld" tests/run.sh      VERBOSE=1
cd "$(dirname "$0")/.." || exit 2
export SOX_ROOT=$PWD
export PATH="$SOX_ROOT/bin:$PATH"
export SHARED="${SHARED:-$SOX_ROOT/../shared}"

suites=("$@")
[ ${#suites[@]} -eq 0 ] && [ -n "$SUITES" ] && read -r -a suites <<< "$SUITES"
if [ ${#suites[@]} -eq 0 ]; then
  for d in tests/*/run.sh; do suites+=("$(basename "$(dirname "$d")")"); done
fi

pass=0 fail=0 skip=0
for s in "${suites[@]}"; do
  script="tests/$s/run.sh"
  [ -x "$script" ] || { echo "FAIL $s: no executable $script"; fail=$((fail+1)); continue; }
  out=$(mktemp)
  start=$(date +%s)
  "$script" > "$out" 2> "$out.err"
  rc=$?
  p=$(grep -c '^PASS ' "$out"); f=$(grep -c '^FAIL ' "$out"); k=$(grep -c '^SKIP ' "$out")
  pass=$((pass+p)); fail=$((fail+f)); skip=$((skip+k))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "FAIL $s: suite exited with status $rc"; tail -5 "$out.err"; fail=$((fail+1))
  fi
  grep -E '^(FAIL|SKIP) ' "$out" | head -50
  [ -n "$VERBOSE" ] && cat "$out" "$out.err"
  printf '== %-12s %4d passed, %d failed, %d skipped (%ds)\n' "$s" "$p" "$f" "$k" $(( $(date +%s) - start ))
  rm -f "$out" "$out.err"
done
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
