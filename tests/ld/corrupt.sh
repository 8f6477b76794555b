# corrupt.sh — sourced by run.sh: the corrupted-input corpus.  Each damaged object or archive
# (made by corrupt.c from a good one) must give exit status 1 with an "error:" line and no
# output file, or, for bit flips that hit only contents, a successful link.  Never a signal,
# a sanitizer report or another status.  The linker is also built with ASan+UBSan for this
# when the host compiler can.

build_corrupt_tools() {
  [ -n "$CORRUPT_TOOLS_DONE" ] && return
  CORRUPT_TOOLS_DONE=1
  cc -O1 -o "$OUT/corrupt" "$HERE/corrupt.c" || return 1
  SAN_LD=
  if cc -std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined \
       -I"$ROOT" "$ROOT"/linker/*.c "$ROOT"/common/*.c -o "$OUT/soxld-san" 2>"$OUT/san.err"; then
    SAN_LD=$OUT/soxld-san
  fi
}

# corpus NAME GOOD-FILE LINK-ARGS-BEFORE... : links every damaged copy of GOOD-FILE
corpus() {
  local name=$1 good=$2; shift 2
  local dir="$OUT/corrupt-$T-$name" n=0 bad=0 f rc ld=${SAN_LD:-$SOXLD}
  mkdir -p "$dir"
  "$OUT/corrupt" "$good" "$dir" c > "$dir/list" || { fail "$name" "corrupt.c failed"; return; }
  while read -r f; do
    n=$((n + 1))
    rm -f "$dir/out"
    ASAN_OPTIONS=detect_leaks=1 "$ld" -o "$dir/out" "$@" "$f" > /dev/null 2> "$dir/err"
    rc=$?
    if grep -qE "AddressSanitizer|runtime error|LeakSanitizer" "$dir/err"; then
      fail "corrupt-$T-$name-$(basename "$f")" "sanitizer: $(grep -m1 -E 'ERROR|runtime error' "$dir/err")"
      bad=$((bad + 1))
    elif [ $rc = 1 ] && [ ! -e "$dir/out" ] && grep -q "error:" "$dir/err"; then :
    elif [ $rc = 0 ] && [[ $f != *trunc* ]]; then :
    else
      fail "corrupt-$T-$name-$(basename "$f")" "exit status $rc$([ -e "$dir/out" ] && echo ', output left'): $(head -1 "$dir/err")"
      bad=$((bad + 1))
    fi
  done < "$dir/list"
  [ $n -gt 0 ] && [ $bad = 0 ] && pass "corrupt-$T-$name ($n damaged inputs$([ -n "$SAN_LD" ] && echo ', ASan+UBSan'))"
}

corrupt_tests() {
  T=$1
  local P="$OUT/$T-default-O2"
  [ -f "$P/main.o" ] || { skip "corrupt-$T" "prog objects not built"; return; }
  build_corrupt_tools || { fail "corrupt-$T" "cannot build corrupt.c"; return; }
  corpus object "$P/main.o" "$P/start.o" "$P/util.o" "$P/far.o" "$P/libt.a"
  corpus archive "$P/libt.a" "$P/start.o" "$P/main.o" "$P/util.o" "$P/far.o"
}
