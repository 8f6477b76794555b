#!/bin/bash
# tests/asm/run.sh — the soxas suite, one PASS/FAIL/SKIP line per case (see tests/run.sh).
#   x86_64/*.s          encoding data: "insn  # => bytes [R_X86_64_* sym+addend ...]"
#   x86_64/errors/*.s   one case per line: "insn  # error: expected message"
#   x86_64/diff/*.s     hand-written files compared with GNU as as a whole
#   x86_64/gen.c        random instruction generator (differential test, fixed seeds)
#   csrc/*.c            realistic C: gcc -S at -O0/-O2, soxas vs GNU as
#   aarch64/check.sh    the AArch64 half (same kinds of tests, run from here)
# The format is described in tests/asm/README.md.
here=$(cd "$(dirname "$0")" && pwd)
root=${SOX_ROOT:-$(cd "$here/../.." && pwd)}
soxas=${SOXAS:-$root/bin/soxas}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -x "$soxas" ] || { echo "FAIL asm: no $soxas (run make bin/soxas)"; exit 0; }

# ---- helpers ----
text_bytes() {   # hex bytes of .text, one line, space separated
    objcopy -O binary -j .text "$1" "$tmp/text.bin" 2>/dev/null || : > "$tmp/text.bin"
    od -An -tx1 -v "$tmp/text.bin" | tr -s ' \n' ' ' | sed 's/^ //; s/ $//'
}

relocs_text() {  # "TYPE sym[+-0xN]" per relocation of .text, sorted
    readelf -rW "$1" | awk '
        /^Relocation section/ { on = ($3 == "'"'"'.rela.text'"'"'"); next }
        on && /^[0-9a-f]+ / { s = $5; if ($6 == "-") s = s "-0x" $7; else if ($7 != "0" && $7 != "") s = s "+0x" $7; print $3, s }' | sort
}

# Section table, relocations, symbols and contents in a comparable text form.
describe_object() {
    readelf -SW "$1" | awk '/^  \[ *[0-9]+\]/ { sub(/^  \[ *[0-9]+\] /, ""); print $1, $2, $5, $7, $8, $9, $10 }'
    readelf -rW "$1" | awk '/^Relocation section/ { print $3 } /^[0-9a-f]+ / { print $1, $3, $5, $6, $7 }'
    readelf -sW "$1" | awk '$1 ~ /^[0-9]+:$/ { print $2, $3, $4, $5, $6, $7, $8 }'
    local sec
    for sec in $(readelf -SW "$1" | awk '/^  \[ *[0-9]+\]/ { sub(/^  \[ *[0-9]+\] /, ""); if ($2 == "PROGBITS") print $1 }'); do
        echo "== $sec"; readelf -x "$sec" "$1" 2>/dev/null | grep '^  0x'
    done
}

have_gnu_as=0
command -v as > /dev/null && command -v readelf > /dev/null && command -v objcopy > /dev/null && have_gnu_as=1

differential() {   # $1 = source, $2 = test name
    local src=$1 name=$2
    if ! as "$src" -o "$tmp/gnu.o" 2> "$tmp/gnu.err"; then
        echo "SKIP $name: GNU as rejects it: $(head -1 "$tmp/gnu.err")"; return
    fi
    if ! "$soxas" -target x86_64-linux "$src" -o "$tmp/sox.o" 2> "$tmp/sox.err"; then
        echo "FAIL $name: soxas failed: $(grep -m1 error "$tmp/sox.err")"; return
    fi
    describe_object "$tmp/gnu.o" > "$tmp/gnu.txt"
    describe_object "$tmp/sox.o" > "$tmp/sox.txt"
    if ! cmp -s "$tmp/gnu.txt" "$tmp/sox.txt"; then
        echo "FAIL $name: objects differ: $(diff "$tmp/gnu.txt" "$tmp/sox.txt" | grep -m2 '^[<>]' | tr '\n' ' ')"
    elif ! cmp -s "$tmp/gnu.o" "$tmp/sox.o"; then   # string tables, offsets, padding too
        echo "FAIL $name: objects differ: $(cmp "$tmp/gnu.o" "$tmp/sox.o" 2>&1 | head -1)"
    else
        echo "PASS $name"
    fi
}

# ---- 1. encoding data ----
check_encoding() {
    local f=$1 name
    name=x86_64/$(basename "$f" .s)
    if ! "$soxas" -target x86_64-linux "$f" -o "$tmp/e.o" 2> "$tmp/err"; then
        echo "FAIL $name: soxas failed: $(grep -m1 error "$tmp/err")"; return
    fi
    local actual expected
    actual=$(text_bytes "$tmp/e.o")
    expected=$(sed -n 's/.*# => //p' "$f" | sed 's/ R_X86_64.*//' | tr '\n' ' ' | sed 's/ *$//')
    if [ "$actual" != "$expected" ]; then
        # find the first instruction whose bytes differ
        local at=0 line bytes n got
        while IFS= read -r line; do
            case "$line" in *"# => "*) ;; *) continue ;; esac
            bytes=${line#*# => }; bytes=${bytes%% R_X86_64*}
            n=$(wc -w <<< "$bytes")
            got=$(cut -d' ' -f$((at + 1))-$((at + n)) <<< "$actual")
            if [ "$got" != "$bytes" ]; then
                echo "FAIL $name: '${line%%#*}' wants $bytes, got $got"; return
            fi
            at=$((at + n))
        done < "$f"
        echo "FAIL $name: trailing bytes differ"; return
    fi
    sed -n 's/.*# => //p' "$f" | grep -o 'R_X86_64[A-Z0-9_]* [^ ]*' | sort > "$tmp/want.rel"
    relocs_text "$tmp/e.o" > "$tmp/got.rel"
    if ! cmp -s "$tmp/want.rel" "$tmp/got.rel"; then
        echo "FAIL $name: relocations differ: $(diff "$tmp/want.rel" "$tmp/got.rel" | grep -m2 '^[<>]' | tr '\n' ' ')"; return
    fi
    echo "PASS $name ($(grep -c '# => ' "$f") instructions)"
}

# ---- 2. error cases: each line is assembled alone ----
check_errors() {
    local f=$1 n=0 bad=0 line text want base
    base=x86_64/errors/$(basename "$f" .s)
    while IFS= read -r line; do
        n=$((n + 1))
        case "$line" in *"# error: "*) ;; *) continue ;; esac
        text=${line%%# error: *}
        want=${line#*# error: }
        printf '%s\n' "$text" | sed 's/\\n/\n/g' > "$tmp/case.s"
        rm -f "$tmp/case.o"
        if "$soxas" -target x86_64-linux "$tmp/case.s" -o "$tmp/case.o" 2> "$tmp/err"; then
            echo "FAIL $base:$n: accepted: $text"; bad=1; continue
        fi
        if [ -e "$tmp/case.o" ]; then
            echo "FAIL $base:$n: object left behind"; bad=1; continue
        fi
        if ! grep -qF -- "$want" "$tmp/err" || ! grep -q "^$tmp/case.s:[0-9]*:[0-9]*: error: " "$tmp/err"; then
            echo "FAIL $base:$n: wanted '$want', got: $(head -1 "$tmp/err")"; bad=1
        fi
    done < "$f"
    [ $bad = 0 ] && echo "PASS $base ($(grep -c '# error: ' "$f") cases)"
}

for f in "$here"/x86_64/*.s; do check_encoding "$f"; done
for f in "$here"/x86_64/errors/*.s; do [ -e "$f" ] && check_errors "$f"; done

# ---- 3. command line ----
cli() {
    cd "$tmp" || return
    printf '.intel_syntax noprefix\nret\n' > cli.s
    if "$soxas" cli.s && [ -f cli.o ]; then echo "PASS cli/default-output"; else echo "FAIL cli/default-output: no cli.o"; fi
    if printf '.intel_syntax noprefix\nret\n' | "$soxas" -o stdin.o - && [ -f stdin.o ]; then
        echo "PASS cli/stdin"; else echo "FAIL cli/stdin"; fi
    if "$soxas" --help | grep -q usage && "$soxas" --version | grep -q soxas; then
        echo "PASS cli/help-version"; else echo "FAIL cli/help-version"; fi
    if ! "$soxas" -target vax-linux cli.s -o x.o 2> err && grep -q "unknown target" err && [ ! -e x.o ]; then
        echo "PASS cli/bad-target"; else echo "FAIL cli/bad-target"; fi
    if ! "$soxas" missing.s -o y.o 2> err && grep -q "missing.s" err && [ ! -e y.o ]; then
        echo "PASS cli/missing-input"; else echo "FAIL cli/missing-input"; fi
    printf 'ret\nbogus\n' > bad.s
    : > keep.o
    if ! "$soxas" bad.s -o keep.o 2> err && grep -q "bad.s:2:1: error: unknown instruction 'bogus'" err && [ ! -s keep.o ]; then
        echo "PASS cli/error-keeps-no-output"; else echo "FAIL cli/error-keeps-no-output: $(head -1 err)"; fi
    cd - > /dev/null || return
}
cli

# ---- 4. differential against GNU as ----
if [ $have_gnu_as = 0 ]; then
    echo "SKIP x86_64/differential: GNU binutils (as, readelf, objcopy) not installed"
else
    if cc -O1 -o "$tmp/gen" "$here/x86_64/gen.c" 2> "$tmp/cc.err"; then
        for seed in 1 2 3 4; do
            "$tmp/gen" "$seed" 3000 > "$tmp/random$seed.s"
            differential "$tmp/random$seed.s" "x86_64/random-seed$seed"
        done
    else
        echo "FAIL x86_64/gen: does not compile: $(head -1 "$tmp/cc.err")"
    fi
    for f in "$here"/x86_64/*.s "$here"/x86_64/diff/*.s; do
        [ -e "$f" ] || continue
        { echo ".intel_syntax noprefix"; cat "$f"; } > "$tmp/whole.s"
        differential "$tmp/whole.s" "x86_64/gnu-as/$(basename "$f" .s)"
    done
    if command -v gcc > /dev/null; then
        for c in "$here"/csrc/*.c "$root"/runtime/*.c; do
            [ -e "$c" ] || continue
            case "$c" in *_aarch64.c) continue ;; esac   # the other target's system layer
            opts="-O2 -O0"
            case "$c" in "$here"/csrc/*) opts="$opts -O2_-fPIC" ;; esac   # GOT references too
            for opt in $opts; do
                base=$(basename "$c" .c)${opt/_/}
                case "$c" in "$root"/runtime/*) base=runtime/$base ;; esac
                if gcc ${opt/_/ } -S -masm=intel -fno-asynchronous-unwind-tables -fno-unwind-tables \
                    -I"$root" -o "$tmp/gcc.s" "$c" 2> "$tmp/gcc.err"; then
                    differential "$tmp/gcc.s" "x86_64/gcc/$base"
                else
                    echo "SKIP x86_64/gcc/$base: gcc failed: $(head -1 "$tmp/gcc.err")"
                fi
            done
        done
        # The toolchain's own sources (issue #2's stretch goal)
        for c in "$root"/{common,assembler,linker,compiler,objdump}/*.c; do
            for opt in -O1 -O2 -Os; do
                base=own/$(basename "$(dirname "$c")")-$(basename "$c" .c)$opt
                if gcc $opt -S -masm=intel -fno-asynchronous-unwind-tables -fno-unwind-tables \
                    -std=c11 -D_GNU_SOURCE -I"$root" -o "$tmp/gcc.s" "$c" 2> "$tmp/gcc.err"; then
                    differential "$tmp/gcc.s" "x86_64/gcc/$base"
                else
                    echo "SKIP x86_64/gcc/$base: gcc failed: $(head -1 "$tmp/gcc.err")"
                fi
            done
        done
    fi
fi

# ---- 5. Capstone round trip: soxas's bytes, disassembled, must assemble to the same bytes ----
# (files without branches or relocations, whose disassembly is self-contained)
if cc -O1 -o "$tmp/roundtrip" "$here/x86_64/roundtrip.c" -lcapstone 2> /dev/null; then
    for f in "$here"/x86_64/{alu,mov,muldiv,sse}.s; do
        name=x86_64/roundtrip/$(basename "$f" .s)
        "$soxas" "$f" -o "$tmp/rt1.o" 2> /dev/null || { echo "FAIL $name: soxas failed"; continue; }
        "$tmp/roundtrip" "$tmp/rt1.o" > "$tmp/rt.s" 2> "$tmp/rt.err" || { echo "FAIL $name: $(head -1 "$tmp/rt.err")"; continue; }
        if ! "$soxas" "$tmp/rt.s" -o "$tmp/rt2.o" 2> "$tmp/rt.err"; then
            echo "FAIL $name: soxas rejects Capstone's listing: $(grep -m1 error "$tmp/rt.err")"; continue
        fi
        if [ "$(text_bytes "$tmp/rt1.o")" = "$(text_bytes "$tmp/rt2.o")" ]; then
            echo "PASS $name ($(grep -c . "$tmp/rt.s") instructions)"
        else
            echo "FAIL $name: bytes differ after the round trip"
        fi
    done
else
    echo "SKIP x86_64/roundtrip: Capstone (libcapstone-dev) not available"
fi

# ---- 6. AArch64 (data and runner by the AArch64 encoder's owner) ----
if [ -x "$here/aarch64/check.sh" ]; then
    "$here/aarch64/check.sh" "$soxas"
fi
exit 0
