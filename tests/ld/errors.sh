# errors.sh — sourced by run.sh: diagnostics and command-line behaviour, per target.
# Every failing link must exit 1, print the expected text, and leave no output file.

# expect_error NAME TEXT soxld-args... (the output is always $E/out)
expect_error() {
  local name="err-$T-$1" text=$2; shift 2
  rm -f "$E/out"
  "$SOXLD" -o "$E/out" "$@" > "$E/stdout" 2> "$E/stderr"
  local rc=$?
  if [ $rc != 1 ]; then fail "$name" "exit status $rc, expected 1"
  elif [ -e "$E/out" ]; then fail "$name" "output file left behind"
  elif ! grep -qF -- "$text" "$E/stderr"; then fail "$name" "expected '$text', got: $(head -1 "$E/stderr")"
  else pass "$name"; fi
}

# cobj NAME SOURCE: compiles a one-line C source for the current target
cobj() { printf '%s\n' "$2" > "$E/$1.c" && $CC -ffreestanding -fno-pic -O2 -c "$E/$1.c" -o "$E/$1.o"; }

# patch_byte FILE OFFSET HEXBYTE
patch_byte() { printf "\\x$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none; }

# bsd_ar OUT FILES...: a BSD-format archive ("#1/len" names stored before the data, no index)
bsd_ar() {
  local out=$1 f name size total; shift
  printf '!<arch>\n' > "$out"
  for f in "$@"; do
    name=$(basename "$f"); size=$(stat -c %s "$f"); total=$(( ${#name} + size ))
    printf '%-16s%-12s%-6s%-6s%-8s%-10s`\n' "#1/${#name}" 0 0 0 644 $total >> "$out"
    printf '%s' "$name" >> "$out"; cat "$f" >> "$out"
    [ $((total % 2)) = 1 ] && printf '\n' >> "$out"
  done
}

error_tests() {
  T=$1 E="$OUT/errors-$1"
  mkdir -p "$E"
  cobj start 'void _start(void) { for (;;) ; }' || { fail "err-$T" "cannot compile"; return; }
  cobj dup1 'int dup(void) { return 1; }'
  cobj dup2 'int dup(void) { return 2; }'
  cobj undef 'int missing(void); int use(void) { return missing() + missing() * missing() - missing() + missing(); }'
  cobj tls '_Thread_local int tls_var = 3; int get(void) { return tls_var; }'
  cobj weakonly 'extern int w(void) __attribute__((weak)); int f(void) { return w ? w() : 5; }'

  expect_error multiple-definition "multiple definition of 'dup'" "$E/start.o" "$E/dup1.o" "$E/dup2.o"
  grep -q "dup1.o:(.text" "$E/stderr" && grep -q "dup2.o:(.text" "$E/stderr" ||
    fail "err-$T-multiple-definition-both" "both objects should be named"
  expect_error undefined-place "undef.o:(.text+0x" "$E/start.o" "$E/undef.o"
  grep -q "undefined reference to 'missing' (in function 'use')" "$E/stderr" && pass "err-$T-undefined-function" ||
    fail "err-$T-undefined-function" "the referencing function should be named: $(head -1 "$E/stderr")"
  [ "$(grep -c "undefined reference to 'missing'" "$E/stderr")" = 3 ] && grep -q "more undefined references to 'missing'" "$E/stderr" &&
    pass "err-$T-undefined-first-few" || fail "err-$T-undefined-first-few" "want 3 references then 'more ... follow'"
  printf 'hello\n' > "$E/text.o"
  expect_error not-an-object "file format not recognized" "$E/text.o"
  expect_error missing-file "cannot open" "$E/nonexistent.o"
  expect_error missing-library "cannot find -lnope" "$E/start.o" -L "$E" -lnope
  expect_error unknown-option "unrecognised option '--frobnicate'" --frobnicate "$E/start.o"
  expect_error no-inputs "no input files"
  expect_error bad-emulation "unrecognised emulation" -m elf_i386 "$E/start.o"
  expect_error tls "thread-local storage is not supported" "$E/start.o" "$E/tls.o"
  cp "$E/start.o" "$E/exec.o" && patch_byte "$E/exec.o" 16 02
  expect_error not-relocatable "not a relocatable object" "$E/exec.o"
  cp "$E/start.o" "$E/be.o" && patch_byte "$E/be.o" 5 02
  expect_error big-endian "unsupported ELF data encoding" "$E/be.o"
  cp "$E/start.o" "$E/class.o" && patch_byte "$E/class.o" 4 01
  expect_error elf32 "unsupported ELF class" "$E/class.o"
  cp "$E/start.o" "$E/mach.o" && patch_byte "$E/mach.o" 18 03
  expect_error unknown-machine "unknown machine 3" "$E/mach.o"
  local other=$OUT/errors-other.o
  if [ $T = x86_64 ]; then have aarch64-linux-gnu-gcc && aarch64-linux-gnu-gcc -c "$E/dup1.c" -o "$other"
  else gcc -c "$E/dup1.c" -o "$other"; fi
  expect_error mixed-targets "incompatible target" "$E/start.o" "$other"
  expect_error wrong-m "incompatible target" -m "$( [ $T = x86_64 ] && echo aarch64linux || echo elf_x86_64)" "$E/start.o"
  printf '!<thin>\n' > "$E/thin.a"
  expect_error thin-archive "thin archives are not supported" "$E/start.o" "$E/thin.a"

  # things that must work
  local rc
  "$SOXLD" --help > "$E/help" 2>&1 && grep -q -- "--gc-sections" "$E/help" && pass "cli-$T-help" || fail "cli-$T-help" "--help"
  "$SOXLD" --version 2>&1 | grep -q "^soxld" && pass "cli-$T-version" || fail "cli-$T-version" "--version"
  "$SOXLD" -o "$E/weak" "$E/start.o" "$E/weakonly.o" -e f 2>"$E/stderr" && pass "cli-$T-entry-weak-undef" ||
    fail "cli-$T-entry-weak-undef" "$(head -1 "$E/stderr")"
  [ "$($READELF -h "$E/weak" | awk '/Entry/ {print $4}')" = "$($READELF -sW "$E/weak" | awk '$8 == "f" {print "0x" substr($2, match($2, /[1-9a-f]/))}')" ] &&
    pass "cli-$T-entry-option" || fail "cli-$T-entry-option" "-e f is not the entry"
  "$SOXLD" -o "$E/noentry" "$E/dup1.o" 2>"$E/stderr"; rc=$?
  [ $rc = 0 ] && grep -q "cannot find entry symbol '_start'" "$E/stderr" && pass "cli-$T-missing-entry-warning" ||
    fail "cli-$T-missing-entry-warning" "rc $rc: $(head -1 "$E/stderr")"
  "$SOXLD" -s -o "$E/stripped" "$E/start.o" "$E/dup1.o" && ! $READELF -S "$E/stripped" | grep -q symtab &&
    pass "cli-$T-strip" || fail "cli-$T-strip" "-s left a .symtab"
  "$SOXLD" -Map "$E/map" -o "$E/mapped" "$E/start.o" "$E/dup1.o" && grep -q "dup1.o" "$E/map" && grep -q "^0x.* dup$" "$E/map" &&
    pass "cli-$T-map" || fail "cli-$T-map" "-Map file incomplete"
  "$SOXLD" --gc-sections -o "$E/gc" "$E/start.o" "$E/dup1.o" && ! $READELF -sW "$E/gc" | grep -q ' dup$' &&
    "$SOXLD" -o "$E/nogc" "$E/start.o" "$E/dup1.o" && $READELF -sW "$E/nogc" | grep -q ' dup$' &&
    pass "cli-$T-gc-sections" || fail "cli-$T-gc-sections" "unreferenced dup() should go only with --gc-sections"
  [ -x "$E/gc" ] && pass "cli-$T-executable-bit" || fail "cli-$T-executable-bit" "output not executable"

  # archives: no symbol index (ar S), long member names ("//" table), -l:file, -L=dir with --sysroot
  local P="$OUT/$T-nopic-O2"
  if [ -f "$P/libt.a" ]; then
    mkdir -p "$E/lib"
    cp "$P/lib_out.o" "$E/a_member_with_a_long_name_out.o"; cp "$P/lib_mem.o" "$E/another_long_member_name_mem.o"
    rm -f "$E/lib/libnoidx.a" && ar rcS "$E/lib/libnoidx.a" "$E/a_member_with_a_long_name_out.o" "$E/another_long_member_name_mem.o" "$P/lib_unused.o"
    if "$SOXLD" -o "$E/noidx" "$P/start.o" "$P/main.o" "$P/util.o" "$P/far.o" --sysroot="$E" -L=/lib -l:libnoidx.a 2>"$E/stderr"; then
      check_run "archive-$T-noindex-longnames" "$E/noidx" && pass "archive-$T-noindex-longnames"
    else fail "archive-$T-noindex-longnames" "$(head -1 "$E/stderr")"; fi
    bsd_ar "$E/libbsd.a" "$P/lib_out.o" "$P/lib_mem.o" "$P/lib_unused.o"
    if "$SOXLD" -o "$E/bsd" "$P/start.o" "$P/main.o" "$P/util.o" "$P/far.o" "$E/libbsd.a" 2>"$E/stderr"; then
      check_run "archive-$T-bsd-names" "$E/bsd" && pass "archive-$T-bsd-names"
    else fail "archive-$T-bsd-names" "$(head -1 "$E/stderr")"; fi
    $READELF -sW "$P/a.out" | grep -q "LOCAL .* hidden_twice$" && $READELF -sW "$P/a.out" | grep -q "GLOBAL .* util_add$" &&
      pass "symbols-$T-hidden-is-local" || fail "symbols-$T-hidden-is-local" "hidden_twice should be LOCAL, util_add GLOBAL"
    "$SOXLD" --verbose -o "$E/verbose" "$P/start.o" "$P/main.o" "$P/util.o" "$P/far.o" "$P/libt.a" 2>"$E/stderr"
    grep -q "libt.a(lib_out.o)" "$E/stderr" && ! grep -q "lib_unused.o" "$E/stderr" &&
      pass "archive-$T-pull-on-demand" || fail "archive-$T-pull-on-demand" "members pulled: $(grep -c 'libt.a(' "$E/stderr")"
  fi
}
