#!/bin/bash
# Sox programs, compiled by bin/soxcc for both targets and run (the foreign one under
# qemu).  Data-driven: every tests/sox/**/NAME.sox with a NAME.out beside it is a
# program test, compiled at the default -O1 and again at -O0 and -O2 (test names
# sox/TARGET/O0/..., sox/TARGET/O2/...; OPT_LEVELS="-O1" runs the default only):
#   NAME.out     expected stdout (required)
#   NAME.err     expected stderr (optional; otherwise stderr is not checked)
#   NAME.status  expected exit status (optional; default 0)
#   NAME.args    arguments, one line, split by the shell (optional)
#   NAME.opts    the optimisation levels the expectations hold at, one line (optional;
#                e.g. a trace that counts frames, whose size depends on the level)
# Programs are compiled and run from their own directory (imports are relative to
# it), with argv[0] = NAME.  GC_STRESS=1 runs every program with SOX_GC_STRESS=1.
#
# tests/sox/parse/ast/NAME.sox + NAME.ast: expected `soxcc -dump-ast` output.
#
# tests/sox/errors/NAME.sox + NAME.err: compile-error tests.  soxcc must print exactly
# NAME.err on stderr, exit with status 1 and leave no output file behind.
#
# For each program test the assembly of `soxcc -S` is also assembled by GNU as
# (as / aarch64-linux-gnu-as): .text/.data/.rodata bytes and relocations must equal
# the object soxcc's own assembler makes (SKIP when binutils are missing).
export SOX_ROOT=${SOX_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$SOX_ROOT/tests/lib/common.sh"
SOXCC=${SOXCC:-$SOX_ROOT/bin/soxcc}
DIR=$SOX_ROOT/tests/sox
if [ ! -x "$SOXCC" ]; then fail sox "bin/soxcc was not built"; exit 0; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

first_line() { head -c 300 "$1" | tr '\n' ' '; }

# Under GC_STRESS only the programs run again: compile errors, ASTs and the driver do
# not depend on the collector.
if [ -z "$GC_STRESS" ]; then
# ---- compile errors ----
for src in "$DIR"/errors/*.sox; do
  name=$(basename "$src" .sox)
  [ -f "$DIR/errors/$name.err" ] || continue
  for target in $TARGETS; do
    t="sox/errors/$target/$name"
    rm -f "$tmp/out"
    (cd "$DIR/errors" && NO_COLOR=1 "$SOXCC" -target "$target" "$name.sox" -o "$tmp/out") \
      > "$tmp/stdout" 2> "$tmp/stderr"
    rc=$?
    if [ $rc -ne 1 ]; then fail "$t" "exit status $rc, expected 1: $(first_line "$tmp/stderr")"
    elif [ -e "$tmp/out" ]; then fail "$t" "output file left behind"
    elif [ -s "$tmp/stdout" ]; then fail "$t" "unexpected stdout: $(first_line "$tmp/stdout")"
    elif ! cmp -s "$tmp/stderr" "$DIR/errors/$name.err"; then
      fail "$t" "stderr differs: $(diff "$DIR/errors/$name.err" "$tmp/stderr" | head -6 | tr '\n' ' ')"
    else pass "$t"
    fi
  done
done

# ---- resolver annotations (the AST contract with the back end) ----
# tests/sox/parse/ast/NAME.sox + NAME.ast: `soxcc -dump-ast` must print NAME.ast
# (locals, captures, global slots, break/continue targets, lines).
for src in "$DIR"/parse/ast/*.sox; do
  name=$(basename "$src" .sox)
  (cd "$DIR/parse/ast" && "$SOXCC" -dump-ast "$name.sox") > "$tmp/ast" 2>&1
  if cmp -s "$tmp/ast" "$DIR/parse/ast/$name.ast"; then pass "sox/ast/$name"
  else fail "sox/ast/$name" "$(diff "$DIR/parse/ast/$name.ast" "$tmp/ast" | head -6 | tr '\n' ' ')"
  fi
done

# ---- driver behaviour ----
d=$tmp/driver
mkdir -p "$d"
printf 'print "drv " + argc\nprint argv\nsysExit(len(argv) + 3)\n' > "$d/prog.sox"
dcheck() {  # name condition-status message
  if [ "$2" -eq 0 ]; then pass "sox/driver/$1"; else fail "sox/driver/$1" "$3"; fi
}
for target in $TARGETS; do
  T=sox/driver/$target
  ( cd "$d" && rm -f prog.s prog.o a.out &&
    "$SOXCC" -target "$target" -S prog.sox && [ -s prog.s ] &&
    "$SOXCC" -target "$target" -c prog.sox && [ -s prog.o ] ) > /dev/null 2>&1
  dcheck "$target/S-and-c-default-names" $? "-S/-c did not write prog.s/prog.o"
  ( cd "$d" && rm -f prog.s prog.o && "$SOXCC" -target "$target" -save-temps prog.sox -o kept &&
    [ -s prog.s ] && [ -s prog.o ] && [ -x kept ] ) > /dev/null 2>&1
  dcheck "$target/save-temps" $? "-save-temps did not keep prog.s and prog.o"
  (cd "$d" && "$SOXCC" -target "$target" -v prog.sox -o v.out) > /dev/null 2> "$d/v.err"
  grep -q '^soxcc -S ' "$d/v.err" && grep -q '^soxas -target ' "$d/v.err" &&
    grep -q '^soxld -o v.out .*crt1\.o .*-lsoxrt$' "$d/v.err"
  dcheck "$target/verbose-steps" $? "-v steps: $(first_line "$d/v.err")"
  (cd "$d" && "$SOXCC" -target "$target" -S prog.sox -o - | cmp -s - prog.s)
  dcheck "$target/S-to-stdout" $? "-S -o - differs from prog.s"
  rm -f "$d/nothing.s"
  (cd "$d" && "$SOXCC" -target "$target" -S prog.sox -o nothing.s -fsyntax-only && [ ! -e nothing.s ]) > /dev/null 2>&1
  dcheck "$target/fsyntax-only" $? "-fsyntax-only wrote output"
  if can_run "$target"; then
    # .s and .o inputs link like .sox ones; --run passes arguments and the status
    ( cd "$d" && "$SOXCC" -target "$target" prog.s -o from_s && "$SOXCC" -target "$target" prog.o -o from_o &&
      [ "$(run_on "$target" -0 prog ./from_s 2>/dev/null)" = "$(printf 'drv 1\n[prog]')" ] &&
      [ "$(run_on "$target" -0 prog ./from_o 2>/dev/null)" = "$(printf 'drv 1\n[prog]')" ] ) > /dev/null 2>&1
    dcheck "$target/link-s-and-o-inputs" $? "linking prog.s / prog.o failed or ran wrongly"
    out=$(cd "$d" && "$SOXCC" -target "$target" --run prog.sox a "b c" 2>&1); rc=$?
    [ $rc -eq 6 ] && [ "$out" = "$(printf 'drv 3\n[prog.sox,a,b c]')" ]
    dcheck "$target/run-args-status" $? "status $rc, output: $out"
  else
    skip "$T/run" "cannot run $target binaries"
  fi
done
for alias in amd64 x86_64-linux-gnu --target=x86_64 arm64 aarch64-linux-gnu --target=aarch64; do
  case $alias in --target=*) args=("$alias") ;; *) args=(-target "$alias") ;; esac
  (cd "$d" && "$SOXCC" "${args[@]}" -S prog.sox -o alias.s && [ -s alias.s ]) > /dev/null 2>&1
  dcheck "target-alias/${alias#--target=}" $? "-target $alias rejected"
done
"$SOXCC" -target sparc -S "$d/prog.sox" -o "$d/x.s" > /dev/null 2> "$d/e"
[ $? -eq 1 ] && grep -q "unknown target 'sparc'" "$d/e"
dcheck bad-target $? "$(first_line "$d/e")"
cp "$d/prog.sox" "$d/other.sox"
(cd "$d" && "$SOXCC" prog.sox other.sox -o two) > /dev/null 2> "$d/e"
[ $? -eq 1 ] && [ ! -e "$d/two" ] && grep -q "several Sox programs" "$d/e"
dcheck two-programs $? "$(first_line "$d/e")"
(cd "$d" && "$SOXCC" -S prog.sox other.sox -o both.s) > /dev/null 2> "$d/e"
[ $? -eq 1 ] && grep -q "cannot specify '-o'" "$d/e"
dcheck o-with-several-S $? "$(first_line "$d/e")"
"$SOXCC" -dump-ast "$d/prog.sox" | grep -q '^global #2 sysExit$'
dcheck dump-ast $? "-dump-ast output lacks the globals"
"$SOXCC" > /dev/null 2> "$d/e"
[ $? -eq 1 ] && grep -q "no input files" "$d/e"
dcheck no-inputs $? "$(first_line "$d/e")"

fi  # not GC_STRESS

# ---- GNU as differential check ----
gnu_as_for() {
  case $1 in
    x86_64-linux) [ "$(host_target)" = x86_64-linux ] && command -v as ;;
    aarch64-linux) command -v aarch64-linux-gnu-as ;;
  esac
}

# section bytes and relocations, the readable part of a difference (the objects must also be
# identical byte for byte)
object_digest() {
  local sec
  for sec in .text .data .rodata; do readelf -x "$sec" "$1" 2>/dev/null; done
  readelf -rW "$1" | awk '/^Relocation section/ { print $3; next }
                          /^[0-9a-f]+ +[0-9a-f]+ / { $2 = ""; $4 = ""; print }'
}

check_gnu_as() {  # target name dir file
  local target=$1 name=$2 dir=$3 file=$4 t="sox/gnu-as/$1/$2" gas
  gas=$(gnu_as_for "$target")
  if [ -z "$gas" ]; then skip "$t" "no GNU assembler for $target"; return; fi
  local s=$tmp/diff.s
  if ! (cd "$dir" && "$SOXCC" -target "$target" -S "$file" -o "$s") 2> "$tmp/diff.err"; then
    fail "$t" "soxcc -S failed: $(first_line "$tmp/diff.err")"; return
  fi
  if ! "$gas" -o "$tmp/gnu.o" "$s" 2> "$tmp/diff.err"; then
    fail "$t" "GNU as rejects soxcc's assembly: $(first_line "$tmp/diff.err")"; return
  fi
  if ! "$SOXCC" -target "$target" -c "$s" -o "$tmp/sox.o" 2> "$tmp/diff.err"; then
    fail "$t" "soxas rejects soxcc's assembly: $(first_line "$tmp/diff.err")"; return
  fi
  object_digest "$tmp/gnu.o" > "$tmp/gnu.txt"
  object_digest "$tmp/sox.o" > "$tmp/sox.txt"
  if ! cmp -s "$tmp/gnu.txt" "$tmp/sox.txt"; then
    fail "$t" "objects differ: $(diff "$tmp/gnu.txt" "$tmp/sox.txt" | head -4 | tr '\n' ' ')"
  elif ! cmp -s "$tmp/gnu.o" "$tmp/sox.o"; then   # symbols, headers and layout too
    fail "$t" "objects differ: $(cmp "$tmp/gnu.o" "$tmp/sox.o" 2>&1 | head -1)"
  else pass "$t"
  fi
}

# ---- programs ----
run_program_test() {  # target src opt
  local target=$1 src=$2 opt=$3
  local dir name rel t exe args want_status rc
  dir=$(dirname "$src"); name=$(basename "$src" .sox)
  rel=${src#"$DIR"/}; rel=${rel%.sox}
  t="sox/$target/$rel"
  [ "$opt" = -O1 ] || t="sox/$target/${opt#-}/$rel"
  exe=$tmp/$target-${rel//\//-}
  if ! (cd "$dir" && "$SOXCC" -target "$target" "$opt" "$name.sox" -o "$exe") 2> "$exe.cerr"; then
    fail "$t" "compile error: $(first_line "$exe.cerr")"; return
  fi
  args=; [ -f "$dir/$name.args" ] && args=$(head -1 "$dir/$name.args")
  want_status=0; [ -f "$dir/$name.status" ] && want_status=$(head -1 "$dir/$name.status")
  # shellcheck disable=SC2086
  (cd "$dir" && { [ -z "$GC_STRESS" ] || export SOX_GC_STRESS=1; } &&
     run_timeout 120 "$target" -0 "$name" "$exe" $args) > "$exe.stdout" 2> "$exe.stderr" < /dev/null
  rc=$?
  if [ "$rc" -ne "$want_status" ]; then
    fail "$t" "exit status $rc, expected $want_status: $(first_line "$exe.stderr")"
  elif ! cmp -s "$dir/$name.out" "$exe.stdout"; then
    fail "$t" "stdout differs: $(diff "$dir/$name.out" "$exe.stdout" | head -6 | tr '\n' ' ')"
  elif [ -f "$dir/$name.err" ] && ! cmp -s "$dir/$name.err" "$exe.stderr"; then
    fail "$t" "stderr differs: $(diff "$dir/$name.err" "$exe.stderr" | head -6 | tr '\n' ' ')"
  else
    pass "$t"
  fi
  rm -f "$exe" "$exe.stdout" "$exe.stderr" "$exe.cerr"
}

# the collector does not care how the code was optimised: under GC_STRESS, -O1 only
opt_levels=${OPT_LEVELS:-"-O1 -O0 -O2"}
[ -n "$GC_STRESS" ] && opt_levels=-O1
mapfile -t programs < <(find "$DIR" -name '*.sox' -not -path "$DIR/errors/*" | sort)
for target in $TARGETS; do
  runnable=1
  can_run "$target" || runnable=0
  for src in "${programs[@]}"; do
    [ -f "${src%.sox}.out" ] || continue
    rel=${src#"$DIR"/}
    for opt in $opt_levels; do
      [ -f "${src%.sox}.opts" ] && ! grep -qw -- "$opt" "${src%.sox}.opts" && continue
      if [ $runnable = 1 ]; then run_program_test "$target" "$src" "$opt"
      else skip "sox/$target/${rel%.sox}" "cannot run $target binaries"; fi
    done
    [ -z "$GC_STRESS" ] && check_gnu_as "$target" "${rel%.sox}" "$(dirname "$src")" "$(basename "$src")"
  done
done
exit 0
