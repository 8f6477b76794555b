#!/bin/bash
# Command-line behaviour every tool shares: --help/--version, clear one-line errors for
# missing inputs and unusable outputs, no partial output files, exit statuses, colour rules.
. "$SOX_ROOT/tests/lib/common.sh"
B=$SOX_ROOT/bin
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
HOST=$(host_target)

expect() {  # name expected-status command... (stdout+stderr in $tmp/out)
  local name=$1 want=$2; shift 2
  "$@" > "$tmp/out" 2>&1 < /dev/null
  local rc=$?
  if [ "$rc" -ne "$want" ]; then fail "$name" "exit status $rc, expected $want: $(head -c 200 "$tmp/out" | tr '\n' ' ')"; return 1; fi
  return 0
}
expect_text() {  # name regex
  if grep -qE -- "$2" "$tmp/out"; then pass "$1"; else fail "$1" "output lacks /$2/: $(head -c 200 "$tmp/out" | tr '\n' ' ')"; fi
}

for tool in soxcc soxas soxld soxobjdump; do
  if [ ! -x "$B/$tool" ]; then fail "cli/$tool" "bin/$tool was not built"; continue; fi
  expect "cli/$tool/help" 0 "$B/$tool" --help && expect_text "cli/$tool/help" '[Uu]sage'
  expect "cli/$tool/version" 0 "$B/$tool" --version && expect_text "cli/$tool/version" '[0-9]+\.[0-9]+'
  expect "cli/$tool/missing-input" 1 "$B/$tool" "$tmp/no-such-file.x" &&
    expect_text "cli/$tool/missing-input" "no-such-file"
  expect "cli/$tool/bad-option" 1 "$B/$tool" --no-such-option "$tmp/x" &&
    expect_text "cli/$tool/bad-option" "no-such-option"
done

# A program to push through the tools.
printf 'print "hi"\nsysExit(3)\n' > "$tmp/exit3.sox"
printf 'print "hello"\n' > "$tmp/hello.sox"
printf 'print "x" +\n' > "$tmp/broken.sox"

if [ -x "$B/soxcc" ]; then
  # Compile errors leave no output; status 1 (65 under --run).
  expect cli/soxcc/compile-error 1 "$B/soxcc" "$tmp/broken.sox" -o "$tmp/broken" &&
    { [ ! -e "$tmp/broken" ] && pass cli/soxcc/compile-error || fail cli/soxcc/compile-error "output file left behind"; }
  expect cli/soxcc/compile-error-run 65 "$B/soxcc" --run "$tmp/broken.sox" && pass cli/soxcc/compile-error-run
  expect cli/soxcc/error-format 1 "$B/soxcc" "$tmp/broken.sox" -o "$tmp/broken" &&
    expect_text cli/soxcc/error-format "broken.sox:[0-9]+:[0-9]+: error: "
  # NO_COLOR and non-terminals: no escape sequences.
  NO_COLOR=1 "$B/soxcc" "$tmp/broken.sox" -o "$tmp/broken" > "$tmp/out" 2>&1
  if grep -q $'\033' "$tmp/out"; then fail cli/soxcc/no-color "escape sequences with NO_COLOR"; else pass cli/soxcc/no-color; fi
  for target in $TARGETS; do
    can_run "$target" || { skip "cli/run-status/$target" "cannot run $target"; continue; }
    expect "cli/run-status/$target" 3 "$B/soxcc" -target "$target" --run "$tmp/exit3.sox" &&
      expect_text "cli/run-status/$target" '^hi$'
    # Unusable outputs: a read-only directory and a full device.
    mkdir -p "$tmp/ro" && chmod a-w "$tmp/ro"
    if [ "$(id -u)" != 0 ]; then
      expect "cli/readonly-dir/$target" 1 "$B/soxcc" -target "$target" "$tmp/hello.sox" -o "$tmp/ro/hello" &&
        { [ -z "$(ls -A "$tmp/ro")" ] && pass "cli/readonly-dir/$target" || fail "cli/readonly-dir/$target" "files left in the directory"; }
    fi
    expect "cli/dev-full/$target" 1 "$B/soxcc" -target "$target" -S "$tmp/hello.sox" -o /dev/full && pass "cli/dev-full/$target"
    # Missing sysroot: one clear line naming it.
    expect "cli/missing-sysroot/$target" 1 "$B/soxcc" -target "$target" --sysroot "$tmp/nosysroot" "$tmp/hello.sox" -o "$tmp/h" &&
      expect_text "cli/missing-sysroot/$target" "nosysroot"
  done
  # Missing qemu for a foreign target: a clear message naming it.
  foreign=aarch64-linux; [ "$HOST" = aarch64-linux ] && foreign=x86_64-linux
  mkdir -p "$tmp/emptybin"
  PATH="$tmp/emptybin" "$B/soxcc" -target "$foreign" --run "$tmp/hello.sox" > "$tmp/out" 2>&1
  if [ $? -eq 0 ]; then fail cli/missing-qemu "succeeded without qemu on PATH"
  else expect_text cli/missing-qemu "qemu-${foreign%%-*}"; fi
fi

# Signals pass through --run as 128+N.
if [ -x "$B/soxcc" ]; then
  printf 'fn f(n) { return f(n + 1) + 1 }\nprint "start"\nf(0)\n' > "$tmp/overflow.sox"
  for target in $TARGETS; do
    can_run "$target" || continue
    expect "cli/stack-overflow/$target" 70 "$B/soxcc" -target "$target" --run "$tmp/overflow.sox" &&
      expect_text "cli/stack-overflow/$target" "Stack overflow\."
  done
fi

# A program big enough that the compiler hands its assembly over in several pieces: the
# object is the same whether the assembler runs on its own thread (the default with two
# cores), in step on one thread (SOXCC_JOBS=1) or on the whole text (-save-temps).
if [ -x "$B/soxcc" ]; then
  awk 'BEGIN { for (f = 0; f < 400; f++) {
    printf "fn f%d(a, b) {\n  var x = a + b * %d\n  var t = {k: x}\n  var s[] = {x, a}\n", f, f
    printf "  for var i = 0; i < 3; i = i + 1 { x = x + i + t.k }\n  return x + s[1]\n}\n"
    printf "if f%d(%d, 2) < 0 print \"neg\"\n", f, f } }' > "$tmp/pieces.sox"
  for target in $TARGETS; do
    name=cli/streamed-object/$target
    (cd "$tmp" && "$B/soxcc" -target "$target" -c pieces.sox -o threaded.o &&
      SOXCC_JOBS=1 "$B/soxcc" -target "$target" -c pieces.sox -o in-step.o &&
      "$B/soxcc" -target "$target" -save-temps -c pieces.sox -o whole.o) > "$tmp/out" 2>&1 ||
      { fail "$name" "$(head -c 200 "$tmp/out")"; continue; }
    if [ "$(stat -c %s "$tmp/pieces.s")" -lt 600000 ]; then fail "$name" "the program is too small to come in pieces"
    elif cmp -s "$tmp/threaded.o" "$tmp/whole.o" && cmp -s "$tmp/in-step.o" "$tmp/whole.o"; then pass "$name"
    else fail "$name" "the objects differ"; fi
  done
fi
