#!/bin/bash
# Limits and faults (issue #7): enormous inputs are handled or refused with a message, never a
# crash, within bounded memory; compiled programs survive huge tables/arrays, deep recursion and
# a closed stdout pipe; infinite recursion is "Stack overflow." with exit 70.
#   - soxas: a generated 100 MB .s (per target): status 0, or 1 with a message; peak RSS
#     (/usr/bin/time -f %M) bounded: under AS_RSS_RATIO x the input size (default 8; GNU as
#     2.40 needs about 23x on the x86-64 file).  Issue #2's tighter goal, 3x, is a benchmark
#     target that bench/asm.sh reports, not a pass/fail test.
#   - soxas: `.zero 1073741824` in .data and in .bss (per target): handled or refused with a
#     message, peak RSS under ZERO_RSS_MB (default 256 MB; GNU as needs 4 MB).
#   - soxcc: 100 000 nested parentheses (per target): status 0 or 1 with a message, no signal.
#   - soxcc: a generated ~10 MB function (per target): compiles (or is refused with a message)
#     with peak RSS under FN_RSS_MB (default 2560 MB, 256x the source).
#   - programs (x86-64 natively, AArch64 under qemu-aarch64): a table of 10 million keys and
#     an array of 10 million elements (AArch64: 1 million, qemu is slow); `prog | head -1` of
#     100 000 lines; 100 000 nested calls; infinite recursion -> "Stack overflow." and exit 70.
# Everything generated lives in a temporary directory that is removed at the end.
# Cases run two at a time (the machine has two cores); LIMITS_JOBS=1 runs them one by one.
# Time limits are CPU seconds (ulimit -t), so a loaded machine is slow but not failing;
# WALL_LIMIT (default 3600 s) only guards against hangs.  LIMITS_ONLY=REGEX picks cases.
# Per-case details (status, peak RSS, message) go to stderr (VERBOSE=1 in tests/run.sh).
export SOX_ROOT=${SOX_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$SOX_ROOT/tests/lib/common.sh"
SOXAS=$SOX_ROOT/bin/soxas
SOXCC=$SOX_ROOT/bin/soxcc
AS_RSS_RATIO=${AS_RSS_RATIO:-8}
ZERO_RSS_MB=${ZERO_RSS_MB:-256}
FN_RSS_MB=${FN_RSS_MB:-2560}
JOBS=${LIMITS_JOBS:-2}
TIME=/usr/bin/time

for t in "$SOXAS" "$SOXCC"; do
  [ -x "$t" ] || { fail "limits/tools" "$t is missing (make all)"; exit 0; }
done
[ -x "$TIME" ] || { skip "limits" "/usr/bin/time is missing (apt-get install time)"; exit 0; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/soxlimits.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# measure PREFIX CPU_SECONDS CMD...: runs CMD with stdout/stderr in PREFIX.out/.err under a
# CPU-time limit (ulimit -t: independent of machine load; SIGXCPU when exceeded) and a wall-clock
# limit of WALL_LIMIT seconds (default 3600, only a guard against hangs); sets rc (124 on timeout,
# 128+N on signal N) and rss_mb (peak resident set size of CMD, MB).
WALL_LIMIT=${WALL_LIMIT:-3600}
measure() {
  local p=$1 secs=$2; shift 2
  "$TIME" -f '%M' -o "$p.rss" bash -c 'ulimit -S -t "$1"; exec timeout "$2" "${@:3}"' _ "$secs" "$WALL_LIMIT" "$@" \
    > "$p.out" 2> "$p.err"
  rc=$?
  rss_mb=$(( $(tail -1 "$p.rss" | tr -cd '0-9') / 1024 ))
}

# verdict NAME LIMIT_MB PREFIX: "handled (status 0) or refused (status 1 with a message)",
# no signal, no timeout, peak RSS within LIMIT_MB.
verdict() {
  local name=$1 limit=$2 p=$3
  # Under AddressSanitizer (make test SANITIZE=1) memory is the sanitizer's: realloc always
  # copies, freed blocks sit in a quarantine, shadow memory is added.  The bounds are the
  # plain build's, checked by plain make test; here the cases must only be handled cleanly.
  [ "${SANITIZE:-0}" = 1 ] && limit=1000000
  local msg; msg=$(head -2 "$p.err" | head -c 200 | tr '\n' ' ')
  if [ "$rc" -eq 124 ]; then fail "$name" "timed out after ${WALL_LIMIT} s (peak RSS so far ${rss_mb} MB)"
  elif [ "$rc" -eq 152 ]; then fail "$name" "over its CPU-time limit (peak RSS so far ${rss_mb} MB)"
  elif [ "$rc" -ge 128 ]; then fail "$name" "killed by signal $((rc - 128)): $msg"
  elif [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then fail "$name" "exit status $rc (want 0, or 1 with a message): $msg"
  elif [ "$rc" -eq 1 ] && [ ! -s "$p.err" ]; then fail "$name" "refused (status 1) without a message"
  elif [ "$rss_mb" -gt "$limit" ]; then fail "$name" "peak RSS ${rss_mb} MB > ${limit} MB (status $rc)"
  else pass "$name"
  fi
  echo "  $name: status $rc, peak RSS ${rss_mb} MB (limit $limit) $msg" >&2
}

arch() { echo "${1%%-*}"; }

# ---- soxas: a 100 MB .s -------------------------------------------------------------------
case_as_100mb() {
  local target=$1 name="limits/soxas-100MB-s/$(arch "$1")" d=$tmp/as100-$1 blk
  mkdir -p "$d"
  if [ "$target" = x86_64-linux ]; then
    printf '\t.intel_syntax noprefix\n\t.text\n\t.globl f\nf:\n' > "$d/big.s"
    blk='1:\n\tmov rbx, rax\n\tadd rcx, 1\n\tmov eax, DWORD PTR [rsp+8]\n\tlea rdx, [rip+g]\n\tjne 1b\n'
  else
    printf '\t.text\n\t.globl f\nf:\n' > "$d/big.s"
    blk='1:\n\tadd x0, x1, x2\n\tldr x3, [sp, #8]\n\tadrp x4, g\n\tadd x4, x4, :lo12:g\n\tb.ne 1b\n'
  fi
  # whole lines only (the last, cut line is dropped), then the label the code refers to
  yes "$(printf "$blk")" | head -c 100000000 | sed '$d' >> "$d/big.s"
  printf '\tret\n\t.data\ng:\n\t.quad 0\n' >> "$d/big.s"
  local size_mb=$(( $(stat -c %s "$d/big.s") / 1048576 ))
  measure "$d/as" 120 "$SOXAS" -target "$target" "$d/big.s" -o "$d/big.o"
  verdict "$name" $(( size_mb * AS_RSS_RATIO )) "$d/as"
  rm -rf "$d"
}

# ---- soxas: .zero 1 GB --------------------------------------------------------------------
case_as_zero() {
  local target=$1 sect=$2 name="limits/soxas-zero-1GB-$2/$(arch "$1")" d=$tmp/zero-$1-$2
  mkdir -p "$d"
  { if [ "$target" = x86_64-linux ]; then printf '\t.intel_syntax noprefix\n'; fi
    printf '\t.%s\n\t.globl big\nbig:\n\t.zero 1073741824\n\t.byte 1\n' "$sect"; } > "$d/z.s"
  [ "$sect" = bss ] && sed -i 's/\.byte 1/.zero 1/' "$d/z.s"
  measure "$d/as" 60 "$SOXAS" -target "$target" "$d/z.s" -o "$d/z.o"
  verdict "$name" "$ZERO_RSS_MB" "$d/as"
  rm -rf "$d"
}

# ---- soxcc: 100 000 nested parentheses ----------------------------------------------------
case_parens() {
  local target=$1 name="limits/soxcc-100k-nested-parens/$(arch "$1")" d=$tmp/parens-$1
  mkdir -p "$d"
  { printf 'print '; head -c 100000 /dev/zero | tr '\0' '('; printf 1
    head -c 100000 /dev/zero | tr '\0' ')'; echo; } > "$d/p.sox"
  measure "$d/cc" 60 "$SOXCC" -target "$target" "$d/p.sox" -o "$d/p"
  verdict "$name" 1024 "$d/cc"
  rm -rf "$d"
}

# ---- soxcc: a ~10 MB function ---------------------------------------------------------------
gen_big_fn() {   # ~10 MB: one function of straight-line arithmetic and small ifs
  awk 'BEGIN {
    print "fn big(n) {"; print "  var x = n"; print "  var y = 0"
    for (i = 0; size < 10000000; i++) {
      s = sprintf("  x = x + %d\n  if x > y { y = x - %d }\n", i % 97, i % 13)
      printf "%s", s; size += length(s)
    }
    print "  return x - y"; print "}"; print "print big(0)"
  }'
}
case_big_fn() {
  local target=$1 name="limits/soxcc-10MB-function/$(arch "$1")" d=$tmp/bigfn-$1
  mkdir -p "$d"
  gen_big_fn > "$d/big.sox"
  measure "$d/cc" 300 "$SOXCC" -target "$target" "$d/big.sox" -o "$d/big"
  verdict "$name" "$FN_RSS_MB" "$d/cc"
  rm -rf "$d"
}

# ---- compiled programs --------------------------------------------------------------------
# build TARGET DIR NAME CASE < SOURCE: compiles DIR/NAME.sox; prints a FAIL line on error.
build() {
  local target=$1 d=$2 n=$3 case=$4
  mkdir -p "$d"
  cat > "$d/$n.sox"
  if ! timeout "$WALL_LIMIT" "$SOXCC" -target "$target" "$d/$n.sox" -o "$d/$n" 2> "$d/$n.cerr"; then
    fail "$case" "compile error: $(head -c 200 "$d/$n.cerr" | tr '\n' ' ')"; return 1
  fi
}

# cpu_run CPU_SECONDS TARGET EXE...: run_on under a CPU-time limit (status 152, SIGXCPU, when
# exceeded) and the WALL_LIMIT guard (status 124).
cpu_run() { local cpu=$1; shift; ( ulimit -S -t "$cpu"; run_timeout "$WALL_LIMIT" "$@" ); }

crashy() { grep -Eiq 'segmentation|aborted|core dumped|sanitizer|uncaught target signal|panic|assert' "$1"; }

case_table() {
  local target=$1 outer=$2 label=$3 d=$tmp/table-$1
  local name="limits/table-and-array-$label/$(arch "$1")"
  local n=$(( outer * 1000 ))
  can_run "$target" || { skip "$name" "cannot run $target binaries"; return; }
  # keys "k<j>_<k>": numbers print with %g, so "k" + i would collide above 999999
  build "$target" "$d" t "$name" <<SOX || { rm -rf "$d"; return; }
var t = {}
var i = 0
for var j = 0; j < $outer; j = j + 1 {
  for var k = 0; k < 1000; k = k + 1 {
    t["k" + j + "_" + k] = i
    i = i + 1
  }
}
print len(t) == $n
print t["k$((outer - 1))_999"] == $n - 1
print t["k0_0"]
var a[]
for var m = 0; m < $n; m = m + 1 { push(a, m) }
print len(a) == $n
print a[$n - 1] == $n - 1
print len(a)
SOX
  local want; want=$(printf 'true\ntrue\n0\ntrue\ntrue\n%s' "$(awk -v n=$n 'BEGIN{printf "%g", n}')")
  cpu_run 300 "$target" "$d/t" > "$d/out" 2> "$d/err"
  local rc=$?
  if [ $rc -ne 0 ]; then fail "$name" "exit status $rc: $(head -c 200 "$d/err" | tr '\n' ' ')"
  elif [ "$(cat "$d/out")" != "$want" ]; then fail "$name" "output '$(tr '\n' ' ' < "$d/out")', want '$(echo $want)'"
  else pass "$name"; fi
  rm -rf "$d"
}

case_pipe() {
  local target=$1 name="limits/closed-stdout-pipe/$(arch "$1")" d=$tmp/pipe-$1
  can_run "$target" || { skip "$name" "cannot run $target binaries"; return; }
  build "$target" "$d" p "$name" <<'SOX' || { rm -rf "$d"; return; }
for var i = 0; i < 100000; i = i + 1 { print "line " + i }
SOX
  cpu_run 60 "$target" "$d/p" 2> "$d/err" | head -1 > "$d/first"
  local rc=${PIPESTATUS[0]}
  # status 0 or a quiet death by SIGPIPE (141) are fine; no other signal, no crash message
  if [ "$rc" -eq 124 ]; then fail "$name" "timed out"
  elif [ "$rc" -ge 128 ] && [ "$rc" -ne 141 ]; then fail "$name" "exit status $rc (signal $((rc - 128))): $(head -c 200 "$d/err" | tr '\n' ' ')"
  elif crashy "$d/err"; then fail "$name" "crash message: $(head -c 200 "$d/err" | tr '\n' ' ')"
  elif [ "$(cat "$d/first")" != "line 0" ]; then fail "$name" "first line '$(cat "$d/first")', want 'line 0'"
  else pass "$name"; fi
  echo "  $name: status $rc, stderr '$(head -c 100 "$d/err" | tr '\n' ' ')'" >&2
  rm -rf "$d"
}

case_recursion() {
  local target=$1 name="limits/recursion-100000-deep/$(arch "$1")" d=$tmp/rec-$1
  can_run "$target" || { skip "$name" "cannot run $target binaries"; return; }
  build "$target" "$d" r "$name" <<'SOX' || { rm -rf "$d"; return; }
fn r(n) {
  if n == 0 return 0
  return 1 + r(n - 1)
}
print r(100000)
SOX
  cpu_run 60 "$target" "$d/r" > "$d/out" 2> "$d/err"
  local rc=$?
  if [ $rc -ne 0 ]; then fail "$name" "exit status $rc: $(head -c 200 "$d/err" | tr '\n' ' ')"
  elif [ "$(cat "$d/out")" != 100000 ]; then fail "$name" "printed '$(head -c 100 "$d/out")', want 100000"
  else pass "$name"; fi

  name="limits/infinite-recursion-stack-overflow/$(arch "$1")"
  build "$target" "$d" inf "$name" <<'SOX' || { rm -rf "$d"; return; }
fn f(n) {
  return 1 + f(n + 1)
}
print "start"
print f(0)
SOX
  cpu_run 60 "$target" "$d/inf" > "$d/out" 2> "$d/err"
  rc=$?
  if [ $rc -ne 70 ]; then fail "$name" "exit status $rc, want 70: $(head -c 200 "$d/err" | tr '\n' ' ')"
  elif [ "$(head -1 "$d/err")" != "Stack overflow." ]; then fail "$name" "stderr starts '$(head -1 "$d/err" | head -c 100)', want 'Stack overflow.'"
  elif [ "$(cat "$d/out")" != start ]; then fail "$name" "stdout '$(head -c 100 "$d/out")', want 'start'"
  else pass "$name"; fi
  rm -rf "$d"
}

# ---- run: at most $JOBS cases at a time, results printed in order -----------------------------
jobs_list=()
for target in $TARGETS; do
  jobs_list+=("case_big_fn $target" "case_as_100mb $target")
done
for target in $TARGETS; do
  if [ "$target" = "$(host_target)" ]; then jobs_list+=("case_table $target 10000 10M")
  else jobs_list+=("case_table $target 1000 1M-under-qemu"); fi
  jobs_list+=("case_as_zero $target data" "case_as_zero $target bss" "case_parens $target"
              "case_pipe $target" "case_recursion $target")
done
[ -n "$LIMITS_ONLY" ] && mapfile -t jobs_list < <(printf '%s\n' "${jobs_list[@]}" | grep -E "$LIMITS_ONLY")

i=0
for j in "${jobs_list[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
  $j > "$tmp/result.$i" 2> "$tmp/log.$i" &
  i=$((i + 1))
done
wait
for ((k = 0; k < i; k++)); do
  cat "$tmp/result.$k"
  cat "$tmp/log.$k" >&2
done
exit 0
