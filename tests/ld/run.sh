#!/bin/bash
# tests/ld/run.sh — soxld tests, on both targets (x86-64 natively, AArch64 under qemu-aarch64):
#   prog/      a multi-object C program + archive, compiled several ways, linked by soxld and by
#              GNU ld; both must print prog/expected.out and exit with prog/expected.status
#   reloc/     one assembly file per relocation type (and per diagnostic); "check:" lines say
#              what to verify: "oracle" (bytes equal GNU ld's at the same addresses),
#              "run N" (exit status), "error TEXT" (exit 1, TEXT in stderr, no output file)
#   errors     command-line and input diagnostics
#   corrupt    truncated / bit-flipped objects and archives must fail cleanly (corrupt.c)
# Prints PASS/FAIL/SKIP lines for tests/run.sh.
cd "$(dirname "$0")" || exit 2
HERE=$PWD
ROOT=${SOX_ROOT:-$(cd ../.. && pwd)}
SOXLD=${SOXLD:-$ROOT/bin/soxld}   # SOXLD=... runs the suite against another build (e.g. ASan)
# A private scratch directory: several runs of this suite may overlap on a shared machine.
mkdir -p "$ROOT/tests/out" && OUT=$(mktemp -d "$ROOT/tests/out/ld.XXXXXX") || exit 2
[ -n "$KEEP" ] || trap 'rm -rf "$OUT"' EXIT
[ -x "$SOXLD" ] || make -s -C "$ROOT" bin/soxld >/dev/null 2>&1
if [ ! -x "$SOXLD" ]; then echo "FAIL ld-build: bin/soxld cannot be built"; exit 0; fi

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
skip() { echo "SKIP $1: $2"; }
have() { command -v "$1" >/dev/null 2>&1; }

setup_target() {        # sets CC AS LD RUN CLANG for $1
  case $1 in
  x86_64) CC=gcc AS=as LD=ld RUN= CLANG="clang-14 --target=x86_64-linux-gnu"
          READELF=readelf OBJDUMP=objdump OBJCOPY=objcopy ;;
  aarch64) CC=aarch64-linux-gnu-gcc AS=aarch64-linux-gnu-as LD=aarch64-linux-gnu-ld RUN=qemu-aarch64
          CLANG="clang-14 --target=aarch64-linux-gnu" READELF=readelf OBJDUMP=aarch64-linux-gnu-objdump
          OBJCOPY=aarch64-linux-gnu-objcopy ;;
  esac
  have $CLANG || CLANG=
  have clang-14 || CLANG=
}

# run_exe EXE OUTFILE: runs natively or under qemu; prints the exit status
run_exe() {
  if [ -n "$RUN" ]; then timeout 20 $RUN "$1" > "$2" 2>&1; else timeout 20 "$1" > "$2" 2>&1; fi
  echo $?
}

# readelf/objdump must read the output without a single warning
check_readable() {
  local err
  err=$( { $READELF -a "$1" >/dev/null; $OBJDUMP -d "$1" >/dev/null; } 2>&1 )
  [ -z "$err" ] || { echo "$err" | head -3; return 1; }
}

# ---- prog: the multi-object program ----
PROG_OBJS="start main util far"
LIB_OBJS="out mem unused"

# build_prog TARGET VARIANT COMPILER FLAGS... -> objects and libt.a in $OUT/$TARGET-$VARIANT
build_prog() {
  local dir=$1 cc=$2; shift 2
  mkdir -p "$dir" || return 1
  for f in $PROG_OBJS; do $cc "$@" -c "$HERE/prog/$f.c" -o "$dir/$f.o" || return 1; done
  for f in $LIB_OBJS; do $cc "$@" -c "$HERE/prog/lib/$f.c" -o "$dir/lib_$f.o" || return 1; done
  rm -f "$dir/libt.a" && ar rcs "$dir/libt.a" "$dir"/lib_*.o
}

check_run() {   # NAME EXE: expected output and status
  local name=$1 exe=$2 status
  status=$(run_exe "$exe" "$exe.out")
  if [ "$status" != "$(cat "$HERE/prog/expected.status")" ]; then
    fail "$name" "exit status $status, expected $(cat "$HERE/prog/expected.status")"; return 1
  fi
  if ! cmp -s "$exe.out" "$HERE/prog/expected.out"; then
    fail "$name" "output differs: $(diff "$HERE/prog/expected.out" "$exe.out" | head -3 | tr '\n' ' ')"; return 1
  fi
}

prog_variant() {  # TARGET VARIANT LDFLAGS COMPILER CFLAGS...
  local t=$1 v=$2 ldflags=$3 cc=$4; shift 4
  local name="prog-$t-$v" dir="$OUT/$t-$v"
  if ! build_prog "$dir" "$cc" "$@" 2>"$dir.cc.err"; then fail "$name" "compile failed: $(head -1 "$dir.cc.err")"; return; fi
  local objs=""
  for f in $PROG_OBJS; do objs="$objs $dir/$f.o"; done
  if ! "$SOXLD" $ldflags -o "$dir/a.out" $objs -L "$dir" -lt 2>"$dir/ld.err"; then
    fail "$name" "soxld failed: $(head -2 "$dir/ld.err" | tr '\n' ' ')"; return
  fi
  check_run "$name" "$dir/a.out" || return
  if ! check_readable "$dir/a.out" > "$dir/readelf.err"; then fail "$name" "readelf/objdump warn: $(head -1 "$dir/readelf.err")"; return; fi
  "$SOXLD" $ldflags -o "$dir/b.out" $objs -L "$dir" -lt 2>/dev/null
  if ! cmp -s "$dir/a.out" "$dir/b.out"; then fail "$name" "two links of the same inputs differ"; return; fi
  pass "$name"
  # the same objects linked by GNU ld must behave the same
  if have $LD; then
    if $LD -static -o "$dir/gnu.out" $objs -L "$dir" -lt 2>"$dir/gnuld.err"; then
      check_run "$name-gnu-ld" "$dir/gnu.out" && pass "$name-gnu-ld"
    else
      fail "$name-gnu-ld" "GNU ld failed: $(head -1 "$dir/gnuld.err")"
    fi
  fi
}

# soxas path: gcc -S then bin/soxas (skipped while soxas is missing or cannot assemble it)
prog_soxas() {
  local t=$1 name="prog-$t-soxas" dir="$OUT/$t-soxas"
  local soxas=$ROOT/bin/soxas
  [ -x "$soxas" ] || { skip "$name" "bin/soxas not built"; return; }
  mkdir -p "$dir"
  local masm=; [ "$t" = x86_64 ] && masm=-masm=intel
  local f src
  for src in $PROG_OBJS lib/out lib/mem lib/unused; do
    f=$(basename "$src")
    [ "${src#lib/}" != "$src" ] && f=lib_$f
    $CC -ffreestanding -fno-pic -O2 $masm -fno-asynchronous-unwind-tables -fno-unwind-tables -S "$HERE/prog/$src.c" -o "$dir/$f.s" 2>/dev/null &&
      "$soxas" -target "$t-linux" "$dir/$f.s" -o "$dir/$f.o" 2>"$dir/soxas.err" ||
      { skip "$name" "soxas cannot assemble $f.s yet: $(head -1 "$dir/soxas.err")"; return; }
  done
  rm -f "$dir/libt.a" && ar rcs "$dir/libt.a" "$dir"/lib_*.o
  "$SOXLD" -o "$dir/a.out" "$dir/start.o" "$dir/main.o" "$dir/util.o" "$dir/far.o" -L "$dir" -lt 2>"$dir/ld.err" ||
    { fail "$name" "soxld failed: $(head -1 "$dir/ld.err")"; return; }
  check_run "$name" "$dir/a.out" && pass "$name"
}

prog_tests() {
  local t=$1
  local fre="-ffreestanding -nostdlib"
  prog_variant "$t" nopic-O2 "" "$CC" $fre -fno-pic -O2
  prog_variant "$t" default-O2 "" "$CC" $fre -O2
  prog_variant "$t" default-O0 "" "$CC" $fre -O0
  prog_variant "$t" gc-sections "--gc-sections" "$CC" $fre -fno-pic -O2 -ffunction-sections -fdata-sections
  if [ -n "$CLANG" ]; then prog_variant "$t" clang-O2 "" "$CLANG" $fre -O2
  else skip "prog-$t-clang-O2" "clang-14 not installed"; fi
  prog_soxas "$t"
}

# ---- reloc: one assembly file per relocation type ----

# section_bytes EXE SECTION -> hex of the section's contents (empty if absent)
section_bytes() {
  $OBJCOPY -O binary -j "$2" "$1" "$1$2.bin" 2>/dev/null && od -An -tx1 -v "$1$2.bin" | tr -d ' \n'
}
section_addr() {
  $READELF -SW "$1" | awk -v s="$2" '{ for (i = 1; i < NF; i++) if ($i == s) { print "0x" $(i + 2); exit } }'
}

reloc_oracle() {   # NAME EXE OBJS...: GNU ld with soxld's section addresses must give the same bytes
  local name=$1 exe=$2; shift 2
  have $LD || { skip "$name-oracle" "GNU ld not installed"; return; }
  local args="" s a
  for s in .text .rodata .data; do
    a=$(section_addr "$exe" $s)
    [ -n "$a" ] && args="$args --section-start=$s=$a"
  done
  if ! $LD -static -o "$exe.gnu" $args "$@" 2>"$exe.gnu.err"; then
    fail "$name-oracle" "GNU ld failed: $(head -1 "$exe.gnu.err")"; return
  fi
  for s in .text .data; do
    if [ "$(section_bytes "$exe" $s)" != "$(section_bytes "$exe.gnu" $s)" ]; then
      fail "$name-oracle" "$s differs from GNU ld's"; return
    fi
  done
  pass "$name-oracle"
}

reloc_test() {   # TARGET FILE
  local t=$1 src=$2 base name dir flags
  base=$(basename "$src" .s); name="reloc-$t-$base"; dir="$OUT/reloc-$t"
  flags=$(sed -n 's/^[#/]* as-flags: //p' "$src")
  if ! $AS $flags "$src" -o "$dir/$base.o" 2>"$dir/$base.as.err"; then
    fail "$name" "GNU as failed: $(head -1 "$dir/$base.as.err")"; return
  fi
  local exe="$dir/$base.exe" objs="$dir/$base.o $dir/targets.o"
  "$SOXLD" -o "$exe" $objs 2>"$dir/$base.ld.err"
  local rc=$?
  while read -r kind arg; do
    case $kind in
    oracle) [ $rc = 0 ] && reloc_oracle "$name" "$exe" $objs || fail "$name-oracle" "soxld failed: $(head -1 "$dir/$base.ld.err")" ;;
    run)
      if [ $rc != 0 ]; then fail "$name-run" "soxld failed: $(head -1 "$dir/$base.ld.err")"; continue; fi
      local st; st=$(run_exe "$exe" "$exe.out")
      [ "$st" = "$arg" ] && pass "$name-run" || fail "$name-run" "exit status $st, expected $arg"
      reloc_soxas_run "$t" "$src" "$name" "$arg" ;;
    error)
      if [ $rc != 1 ]; then fail "$name" "exit status $rc, expected 1"
      elif [ -e "$exe" ]; then fail "$name" "output file left behind"
      elif ! grep -qF -- "$arg" "$dir/$base.ld.err"; then fail "$name" "expected '$arg', got: $(head -1 "$dir/$base.ld.err")"
      else pass "$name"; fi ;;
    esac
  done < <(sed -n 's/^[#/]* check: //p' "$src")
}

# The same program assembled by bin/soxas (when it exists and accepts this file's syntax).
reloc_soxas_run() {   # TARGET FILE NAME STATUS
  local t=$1 src=$2 name="$3-soxas-run" dir="$OUT/reloc-$1" base; base=$(basename "$2" .s)
  local soxas=$ROOT/bin/soxas
  # soxas speaks Intel syntax on x86-64 (DESIGN.md 3); the AT&T files there are GNU as only
  [ "$t" = x86_64 ] && ! grep -q intel_syntax "$src" && return
  [ -x "$soxas" ] || { skip "$name" "bin/soxas not built"; return; }
  if ! "$soxas" -target "$t-linux" "$src" -o "$dir/$base.sx.o" 2>"$dir/$base.sx.err" ||
     ! "$soxas" -target "$t-linux" "$HERE/reloc/$t/targets.s" -o "$dir/targets.sx.o" 2>>"$dir/$base.sx.err"; then
    skip "$name" "soxas cannot assemble it: $(head -1 "$dir/$base.sx.err")"; return
  fi
  if ! "$SOXLD" -o "$dir/$base.sx.exe" "$dir/$base.sx.o" "$dir/targets.sx.o" 2>"$dir/$base.sx.err"; then
    fail "$name" "soxld failed: $(head -1 "$dir/$base.sx.err")"; return
  fi
  local st; st=$(run_exe "$dir/$base.sx.exe" "$dir/$base.sx.out")
  [ "$st" = "$4" ] && pass "$name" || fail "$name" "exit status $st, expected $4"
}

reloc_tests() {
  local t=$1 dir="$OUT/reloc-$1"
  mkdir -p "$dir"
  if ! $AS "$HERE/reloc/$t/targets.s" -o "$dir/targets.o" 2>"$dir/targets.err"; then
    fail "reloc-$t" "targets.s: $(head -1 "$dir/targets.err")"; return
  fi
  for src in "$HERE"/reloc/$t/*.s; do
    [ "$(basename "$src")" = targets.s ] || reloc_test "$t" "$src"
  done
}

# LD_TARGETS / LD_PARTS narrow a run while debugging (default: everything).
want() { [ -z "$LD_PARTS" ] || [[ " $LD_PARTS " == *" $1 "* ]]; }
for t in ${LD_TARGETS:-x86_64 aarch64}; do
  setup_target $t
  if ! have $CC || ! have $AS; then skip "ld-$t" "$CC or $AS not installed"; continue; fi
  if [ -n "$RUN" ] && ! have $RUN; then skip "ld-$t" "$RUN not installed"; continue; fi
  want prog && prog_tests $t
  want reloc && reloc_tests $t
  . "$HERE/errors.sh"
  want errors && error_tests $t
  . "$HERE/corrupt.sh"
  want corrupt && corrupt_tests $t
done
exit 0
