#!/bin/bash
# fuzz/run.sh SECONDS HARNESS... — runs each libFuzzer harness of fuzz/out/bin for SECONDS
# over its seeds (fuzz/corpus/<h>, read only) and its growing corpus (fuzz/out/corpus/<h>),
# with the dictionary fuzz/dict/<h>.dict when there is one, and prints one line per harness:
#     harness  executions  coverage(edges)  features  corpus  findings
# Findings (crash-*, leak-*, timeout-*, oom-* inputs) are kept in fuzz/out/findings/<h>/;
# copy the ones in other people's code to tests/regress/<tool>/.  Exit status 1 if any.
cd "$(dirname "$0")/.." || exit 2
secs=${1:-10}; shift
[ $# -gt 0 ] || { echo "usage: fuzz/run.sh SECONDS HARNESS..." >&2; exit 2; }
total_findings=0 missing=0
# Every sanitizer report is fatal except the known ones listed in fuzz/suppressions/.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/fuzz/suppressions/ubsan.supp"
export LSAN_OPTIONS="suppressions=$PWD/fuzz/suppressions/lsan.supp"
printf '%-14s %12s %9s %9s %8s %9s\n' harness executions coverage features corpus findings
for h in "$@"; do
  bin=fuzz/out/bin/$h
  if [ ! -x "$bin" ]; then
    printf '%-14s %12s\n' "$h" "not built (see make fuzz-build)"; missing=$((missing + 1)); continue
  fi
  work=fuzz/out/corpus/$h findings=fuzz/out/findings/$h log=fuzz/out/$h.log
  mkdir -p "$work" "$findings" "fuzz/corpus/$h"
  dict=(); [ -f "fuzz/dict/$h.dict" ] && dict=(-dict="fuzz/dict/$h.dict")
  # Options per harness (fuzz/options/<h>), e.g. -detect_leaks=0 for tools that free nothing by design.
  extra=(); [ -f "fuzz/options/$h" ] && read -r -a extra < "fuzz/options/$h"
  before=$(ls "$findings" | wc -l)
  # close_fd_mask=3 silences the tools' own diagnostics; libFuzzer and sanitizer reports
  # still reach the log through a duplicated descriptor.
  "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -close_fd_mask=3 \
    -print_final_stats=1 -artifact_prefix="$findings/" "${dict[@]}" "${extra[@]}" \
    "$work" "fuzz/corpus/$h" > "$log" 2>&1
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<< "$last")
  new=$(( $(ls "$findings" | wc -l) - before ))
  total_findings=$((total_findings + new))
  printf '%-14s %12s %9s %9s %8s %9s\n' "$h" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$new"
  if [ "$new" -gt 0 ]; then
    grep -m1 -E 'ERROR: |SUMMARY: |runtime error' "$log" | sed 's/^/    /'
    ls -t "$findings" | head -3 | sed "s|^|    $findings/|"
  fi
done
echo "fuzz: $total_findings new finding(s) in ${secs}s per harness (logs in fuzz/out/*.log)"
# Known findings kept in tests/regress/, replayed through the harnesses: still open?
open=$(SOX_ROOT=$PWD REGRESS_HARNESSES=1 tests/regress/run.sh 2>/dev/null | grep -c '^FAIL regress/fuzz-')
echo "fuzz: $open known finding(s) in tests/regress/ still reproduce (REGRESS_HARNESSES=1 tests/run.sh regress)"
[ "$missing" -eq 0 ] || echo "fuzz: $missing harness(es) not built"
[ "$total_findings" -eq 0 ] && [ "$missing" -eq 0 ]
