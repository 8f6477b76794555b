#!/bin/bash
# soxobjdump suite, both targets.  Inputs are built at test time by GNU as/gcc/ld (and by
# bin/soxas, bin/soxld when they work), then soxobjdump is checked against
#   - readelf: sections, symbols and relocations, normalised to one line per entry;
#   - GNU objdump: the mnemonic at every address of the disassembly, and -s byte for byte;
#   - golden files cases/<case>-<arch>.<kind>.expected for the full -x -d layout
#     (UPDATE_GOLDEN=1 rewrites them; review the diff before committing);
#   - a corrupted-input corpus (truncated and byte-flipped files and archives, generated
#     deterministically by mutate.c): exit 0 or 1, a one-line error naming an offset, no crash.
. "$SOX_ROOT/tests/lib/common.sh"
HERE=$SOX_ROOT/tests/objdump
OD=$SOX_ROOT/bin/soxobjdump
W=$OUT_ROOT/objdump
rm -rf "$W" && mkdir -p "$W"
FLIPS=${OBJDUMP_FLIPS:-100}
# A sanitizer build starts slowly (about 0.5 s a process here): replay every 5th corrupted
# input then.  The fuzz harness (fuzz/objdump_fuzz.c) covers the same code in depth.
STRIDE=1
if ldd "$OD" 2>/dev/null | grep -q libasan; then STRIDE=${OBJDUMP_SAN_STRIDE:-5}; fi

if [ ! -x "$OD" ]; then fail objdump/build "bin/soxobjdump was not built"; exit 0; fi

# ---- Per-target GNU tools ----
gnu_tools() {  # sets CC AS LD GOBJDUMP for $1
  case $1 in
    x86_64-linux) CC=gcc AS=as LD=ld GOBJDUMP="objdump -M intel" ;;
    aarch64-linux) CC=aarch64-linux-gnu-gcc AS=aarch64-linux-gnu-as LD=aarch64-linux-gnu-ld
                   GOBJDUMP=aarch64-linux-gnu-objdump ;;
  esac
  command -v "$CC" >/dev/null && command -v "$AS" >/dev/null && command -v "$LD" >/dev/null &&
    command -v "${GOBJDUMP%% *}" >/dev/null && command -v readelf >/dev/null
}

# ---- Normalisers: one sorted line per entry, hex without leading zeros ----
AWK_HEX='function h(x) { sub(/^0x/, "", x); sub(/^0+/, "", x); return x == "" ? "0" : x }'

readelf_sections() {
  readelf -S -W "$1" | awk "$AWK_HEX"'
    /^ *\[ *[0-9]+\]/ { sub(/^ *\[ *[0-9]+\] */, ""); if ($1 == "NULL") next
      flags = (NF == 10) ? $7 : ""
      if ($2 ~ /^(SYMTAB|STRTAB|RELA|REL|SYMTAB SECTION INDICES)$/ && flags !~ /A/) next
      print $1, h($5), h($3), h($4) }' | sort
}
our_sections() {
  "$OD" -h "$1" | awk "$AWK_HEX"'/^ *[0-9]+ / { print $2, h($3), h($4), h($6) }' | sort
}
readelf_symbols() {
  readelf -s -W --sym-base=16 "$1" | awk "$AWK_HEX"'
    /^ *[0-9]+: / { if ($1 == "0:") next
      b = ($5 == "LOCAL") ? "L" : ($5 == "WEAK") ? "W" : "G"
      print h($2), h($3), b, (NF >= 8 ? $8 : "") }' | sort
}
our_symbols() {
  "$OD" -t "$1" | awk -F'\t' "$AWK_HEX"'
    /^[0-9a-f]+ / && substr($0, 17, 1) == " " { flags = substr($1, 18, 7); split($2, rest, " ")
      name = $2; sub(/^[0-9a-f]+ /, "", name); sub(/^\.(hidden|protected|internal) /, "", name)
      b = substr(flags, 1, 1) == "l" ? "L" : substr(flags, 2, 1) == "w" ? "W" : "G"
      print h(substr($1, 1, 16)), h(rest[1]), b, name }' | sort
}
readelf_relocs() {
  readelf -r -W "$1" | awk "$AWK_HEX"'
    /^Relocation section/ { t = $3; gsub(/\047/, "", t); sub(/^\.rela?/, "", t) }
    /^[0-9a-f]+ +[0-9a-f]+ +R_/ { a = (NF >= 7) ? $6 h($7) : "+0"; if (a == "-0") a = "+0"
      print t, h($1), $3, (NF >= 7 ? $5 : "*ABS*"), a }' | sort
}
our_relocs() {
  "$OD" -r "$1" | awk "$AWK_HEX"'
    /^RELOCATION RECORDS FOR/ { t = $4; gsub(/[\[\]:]/, "", t) }
    /^[0-9a-f]+ / && substr($0, 17, 1) == " " { v = $3; a = "+0"
      if (match(v, /[-+]0x[0-9a-f]+$/)) { a = substr(v, RSTART, 1) h(substr(v, RSTART + 1)); v = substr(v, 1, RSTART - 1) }
      print t, h($1), $2, v, a }' | sort
}

# GNU writes prefixes as separate words ("cs nop", "data16 ..."); Capstone folds them in.
# Aliases that differ only by name are mapped to one spelling.
mnemonics() {
  awk -F'\t' '/^ *[0-9a-f]+:\t/ && NF >= 3 { a = $1; sub(/^ */, "", a)
      n = split($3, w, " "); m = ""
      for (i = 1; i <= n; i++) if (w[i] !~ /^(cs|ds|es|ss|fs|gs|data16|addr32|rex(\..*)?|notrack|bnd)$/) { m = w[i]; break }
      if (m == "movz" || m == "movn") m = "mov"
      if (m == "xchg" && $3 ~ /xchg +ax,ax/) m = "nop"      # GNU names 66 90 by its encoding
      if (m == "repz" || m == "rep") m = w[i + 1]
      if (m != "") print a, m }'
}

compare() {  # name what expected-file actual-file
  if [ ! -s "$3" ] && [ ! -s "$4" ]; then fail "$1" "$2: both listings empty"; return; fi
  if cmp -s "$3" "$4"; then pass "$1"
  else fail "$1" "$2 differ: $(diff "$3" "$4" | grep '^[<>]' | head -3 | tr '\n' ' ')"; fi
}

check_against_gnu() {  # label file
  local label=$1 f=$2 d
  d=$W/cmp.$$
  readelf_sections "$f" > "$d.a"; our_sections "$f" > "$d.b"; compare "$label/sections" "section headers" "$d.a" "$d.b"
  readelf_symbols "$f" > "$d.a"; our_symbols "$f" > "$d.b"; compare "$label/symbols" "symbols" "$d.a" "$d.b"
  readelf_relocs "$f" > "$d.a"; our_relocs "$f" > "$d.b"
  if [ -s "$d.a" ] || [ -s "$d.b" ]; then compare "$label/relocs" "relocations" "$d.a" "$d.b"; fi
  $GOBJDUMP -d "$f" | mnemonics > "$d.a"; "$OD" -d "$f" | mnemonics > "$d.b"
  compare "$label/disasm" "mnemonics" "$d.a" "$d.b"
  $GOBJDUMP -s "$f" | grep -v 'file format' > "$d.a"; "$OD" -s "$f" | grep -v 'file format' > "$d.b"
  compare "$label/contents" "hex dump" "$d.a" "$d.b"
  rm -f "$d.a" "$d.b"
}

golden() {  # name file-to-dump expected
  local out=$W/golden.out
  (cd "$(dirname "$2")" && "$OD" -x -d "$(basename "$2")") > "$out" 2>&1
  if [ -n "$UPDATE_GOLDEN" ]; then cp "$out" "$3"; pass "$1"; return; fi
  if [ ! -f "$3" ]; then fail "$1" "no expected file $3 (run with UPDATE_GOLDEN=1)"; return; fi
  if cmp -s "$3" "$out"; then pass "$1"; else fail "$1" "differs from $(basename "$3"): $(diff "$3" "$out" | head -4 | tr '\n' ' ')"; fi
}

# ---- Corrupted inputs ----
MUTATE=$W/mutate
cc -O2 -o "$MUTATE" "$HERE/mutate.c" 2>"$W/mutate.err" || MUTATE=

# Every input of the directory must give exit 0 or 1 (1 for `strict` truncations), and a
# failure must be one line "...: error: ... offset ..." with no sanitizer report.
check_corpus() {  # name dir strict
  local name=$1 dir=$2 strict=$3 n=-1 bad=""
  for f in "$dir"/*.bin; do
    n=$((n + 1))
    [ $(( n % STRIDE )) = 0 ] || continue
    timeout 20 "$OD" -x -d -s "$f" > /dev/null 2> "$dir/stderr"
    local rc=$? lines
    lines=$(wc -l < "$dir/stderr")
    if [ "$rc" -gt 1 ]; then bad="$(basename "$f"): exit status $rc"
    elif [ "$rc" = 0 ] && [ "$strict" = 1 ]; then bad="$(basename "$f"): accepted a truncated file"
    elif [ "$rc" = 1 ] && { [ "$lines" != 1 ] || ! grep -q 'error: .*offset' "$dir/stderr"; }; then
      bad="$(basename "$f"): message not one line naming an offset: $(head -c 150 "$dir/stderr")"
    elif grep -q -e 'Sanitizer' -e 'runtime error' "$dir/stderr"; then bad="$(basename "$f"): sanitizer report"
    fi
    [ -n "$bad" ] && break
  done
  if [ -n "$bad" ]; then fail "$name" "$bad (kept in $dir)"; else pass "$name"; rm -rf "$dir"; fi
}

corrupt() {  # label file strict-truncation seed
  local label=$1 f=$2 strict=$3 seed=$4
  if [ -z "$MUTATE" ]; then skip "$label/corrupt" "cannot build mutate.c"; return; fi
  mkdir -p "$W/corrupt/$label/trunc" "$W/corrupt/$label/flip"
  "$MUTATE" truncate "$f" "$W/corrupt/$label/trunc" && check_corpus "$label/corrupt-truncated" "$W/corrupt/$label/trunc" "$strict"
  "$MUTATE" flip "$f" "$W/corrupt/$label/flip" "$FLIPS" "$seed" && check_corpus "$label/corrupt-flipped" "$W/corrupt/$label/flip" 0
}

# ---- Per target ----
seed=1
for target in $TARGETS; do
  arch=${target%%-*}
  T=$W/$target
  mkdir -p "$T"
  if ! gnu_tools "$target"; then skip "$target" "GNU tools for $target are not installed"; continue; fi
  cflags="-O2 -ffreestanding -fno-pic -fno-stack-protector"
  ok=1
  $CC $cflags -c "$HERE/src/prog.c" -o "$T/prog.o" &&
    $CC $cflags -static -nostdlib -no-pie "$HERE/src/prog.c" -o "$T/prog" &&
    $AS "$HERE/cases/basic-$arch.s" -o "$T/basic.o" &&
    $AS "$HERE/cases/link-$arch.s" -o "$T/link.o" && $LD -o "$T/link" "$T/link.o" &&
    $CC $cflags -c "$HERE/src/lib_small.c" -o "$T/lib_small.o" &&
    $CC $cflags -c "$HERE/src/lib_member_with_a_long_name.c" -o "$T/lib_member_with_a_long_name.o" &&
    (cd "$T" && ar rcs lib.a lib_small.o lib_member_with_a_long_name.o) || ok=0
  if [ $ok = 0 ]; then fail "$target/inputs" "could not build the GNU-made inputs"; continue; fi

  for f in prog.o prog basic.o link.o link; do check_against_gnu "$target/$f" "$T/$f"; done
  golden "$target/golden/basic.o" "$T/basic.o" "$HERE/cases/basic-$arch.o.expected"
  golden "$target/golden/link.o" "$T/link.o" "$HERE/cases/link-$arch.o.expected"
  golden "$target/golden/link" "$T/link" "$HERE/cases/link-$arch.exe.expected"

  # Archives: every member, long names through the "//" table.
  "$OD" -t "$T/lib.a" > "$T/lib.t" 2>&1
  if grep -q '^In archive ' "$T/lib.t" && grep -q '^lib_small.o: ' "$T/lib.t" &&
     grep -q '^lib_member_with_a_long_name.o: ' "$T/lib.t" && grep -q ' lib_twice$' "$T/lib.t"; then
    pass "$target/archive"
  else fail "$target/archive" "members missing: $(head -c 200 "$T/lib.t" | tr '\n' ' ')"; fi

  # Relocations shown inline by -d, branch targets named.
  "$OD" -d "$T/basic.o" > "$T/basic.d"
  case $arch in
    x86_64) want='R_X86_64_PLT32	sox_print-0x4' ; branch='call +[0-9a-f]+ <' ;;
    aarch64) want='R_AARCH64_CALL26	sox_print' ; branch='bl	0 <sox_print>' ;;
  esac
  if grep -q "$want" "$T/basic.d" && grep -qE "$branch" "$T/basic.d"; then pass "$target/inline-relocs"
  else fail "$target/inline-relocs" "no '$want' / '$branch' in -d output"; fi
  "$OD" -d "$T/link" > "$T/link.d"
  case $arch in
    x86_64) branch='call +[0-9a-f]+ <compute>' ;;
    aarch64) branch='bl	[0-9a-f]+ <compute>' ;;
  esac
  if grep -qE "$branch" "$T/link.d"; then pass "$target/branch-symbols"; else fail "$target/branch-symbols" "no /$branch/"; fi

  # -j limits every listing to one section.
  if "$OD" -h -j .data "$T/prog.o" | grep -q ' \.data ' && ! "$OD" -h -j .data "$T/prog.o" | grep -q ' \.text '; then
    pass "$target/only-section"; else fail "$target/only-section" "-j .data did not select .data alone"; fi

  corrupt "$target/obj" "$T/prog.o" 1 $((seed++))
  corrupt "$target/exe" "$T/prog" 1 $((seed++))
  corrupt "$target/archive" "$T/lib.a" 0 $((seed++))

  # The in-house assembler and linker, when they exist and work on these inputs.
  if [ -x "$SOX_ROOT/bin/soxas" ] && "$SOX_ROOT/bin/soxas" -target "$target" "$HERE/cases/basic-$arch.s" -o "$T/sox-basic.o" 2>"$T/soxas.err"; then
    check_against_gnu "$target/soxas-basic.o" "$T/sox-basic.o"
    if "$SOX_ROOT/bin/soxas" -target "$target" "$HERE/cases/link-$arch.s" -o "$T/sox-link.o" 2>>"$T/soxas.err" &&
       [ -x "$SOX_ROOT/bin/soxld" ] && "$SOX_ROOT/bin/soxld" -o "$T/sox-link" "$T/sox-link.o" 2>"$T/soxld.err"; then
      check_against_gnu "$target/soxld-link" "$T/sox-link"
    else
      skip "$target/soxld-link" "bin/soxas + bin/soxld cannot link link-$arch.s yet"
    fi
  else
    skip "$target/soxas" "bin/soxas missing or cannot assemble basic-$arch.s yet"
  fi
  # A whole Sox program from bin/soxcc: runtime, start code and compiled code.
  if [ -x "$SOX_ROOT/bin/soxcc" ] &&
     "$SOX_ROOT/bin/soxcc" -target "$target" "$SOX_ROOT/examples/hello.sox" -o "$T/sox-hello" 2>"$T/soxcc.err"; then
    check_against_gnu "$target/soxcc-hello" "$T/sox-hello"
  else
    skip "$target/soxcc-hello" "bin/soxcc missing or cannot compile examples/hello.sox yet"
  fi
done

# ---- Command line ----
"$OD" --help > "$W/help" 2>&1 && grep -q '^Usage: soxobjdump' "$W/help" && pass cli/help || fail cli/help "--help"
"$OD" --version 2>&1 | grep -q 'soxobjdump' && pass cli/version || fail cli/version "--version"
expect_status() {  # name status regex command...
  local name=$1 want=$2 re=$3; shift 3
  "$@" > "$W/cli.out" 2>&1
  local rc=$?
  if [ "$rc" = "$want" ] && grep -qE -- "$re" "$W/cli.out"; then pass "$name"
  else fail "$name" "status $rc (want $want), output: $(head -c 150 "$W/cli.out" | tr '\n' ' ')"; fi
}
expect_status cli/missing-file 1 "cannot open '$W/none.o'" "$OD" -d "$W/none.o"
expect_status cli/no-option 1 "no display option" "$OD" "$HERE/run.sh"
expect_status cli/not-elf 1 "run.sh: error: not an ELF file .*offset 0x0" "$OD" -h "$HERE/run.sh"
expect_status cli/bad-M 1 "unrecognised disassembler option 'bogus'" "$OD" -M bogus -d "$HERE/run.sh"
expect_status cli/empty-file 1 "error: .*offset" "$OD" -h /dev/null
{ printf '!<arch>\n'; printf '%-16s%-12s%-6s%-6s%-8s%-10s`\n' 'bad.o/' 0 0 0 644 8; printf '\177ELF\002\001\001\000'; } > "$W/bad-member.a"
expect_status cli/archive-member-error 1 "bad-member.a\(bad.o\): error: truncated ELF header.*member starts at archive offset 0x44" \
  "$OD" -t "$W/bad-member.a"
{ printf '!<arch>\n'; printf '%-16s%-12s%-6s%-6s%-8s%-10s`\n' 'x.o/' 0 0 0 644 '12z'; } > "$W/bad-size.a"
expect_status cli/archive-bad-size 1 "bad-size.a: error: bad archive member size .* at offset 0x38" "$OD" -t "$W/bad-size.a"
printf '!<thin>\n' > "$W/thin.a"
expect_status cli/thin-archive 1 "thin archives are not supported" "$OD" -t "$W/thin.a"
if [ -f "$W/x86_64-linux/link.o" ]; then
  expect_status cli/att-syntax 0 'movsbq +\(%rcx\), ?%rdx' "$OD" -d -M att "$W/x86_64-linux/link.o"
fi
if [ -w /dev/full ] && [ -f "$W/x86_64-linux/prog" ]; then
  "$OD" -d "$W/x86_64-linux/prog" > /dev/full 2> "$W/full.err"
  rc=$?
  if [ $rc = 1 ] && grep -q 'cannot write the listing' "$W/full.err"; then pass cli/dev-full
  else fail cli/dev-full "status $rc: $(head -c 120 "$W/full.err")"; fi
fi
# A BSD-style archive ("#1/<len>": the member name precedes its data), odd-sized member.
if [ -f "$W/x86_64-linux/lib_small.o" ]; then
  obj=$W/x86_64-linux/lib_small.o
  { printf '!<arch>\n'; printf '%-16s%-12s%-6s%-6s%-8s%-10s`\n' '#1/13' 0 0 0 644 $(( 13 + $(stat -c %s "$obj") ))
    printf 'bsd_named.o\0\0'; cat "$obj"; } > "$W/bsd.a"
  expect_status cli/bsd-archive 0 '^bsd_named.o:     file format elf64-x86-64' "$OD" -t "$W/bsd.a"
fi
# -a: ar headers of members exactly as GNU objdump prints them.
if [ -f "$W/x86_64-linux/lib.a" ] && command -v objdump >/dev/null; then
  objdump -a "$W/x86_64-linux/lib.a" > "$W/a.gnu"; "$OD" -a "$W/x86_64-linux/lib.a" > "$W/a.ours"
  compare cli/archive-headers "-a listing" "$W/a.gnu" "$W/a.ours"
fi
