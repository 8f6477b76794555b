#!/bin/bash
# check.sh — the AArch64 tests of soxas, one PASS/FAIL/SKIP line per case (tests/run.sh format).
#   1. encoding files (*.s here): every ".text" instruction line ends with
#      "// => <word> [<R_AARCH64_*> <sym+addend>]"; soxas's words and .rela.text must match,
#      in order.  Needs only soxas and readelf.
#   2. error files (errors/*.s): each line "<input> // error: LINE:COL: error: <text>" must
#      fail with a diagnostic "file:LINE:COL: error: <text>..." and leave no object behind
#      ("\n" in the input is a line break).
#   3. Capstone round trip: soxas's .text disassembled by Capstone (roundtrip.c) and
#      assembled again gives the same words.
#   4. differential test against GNU as (when aarch64-linux-gnu-as is installed): random
#      valid instructions from gen.c, and gcc -O2/-O0 -S output of tests/asm/csrc/*.c;
#      section bytes, relocations and symbols must be identical.
# Usage: check.sh [soxas]   (default $SOX_ROOT/bin/soxas)
here=$(cd "$(dirname "$0")" && pwd)
root=${SOX_ROOT:-$(cd "$here/../../.." && pwd)}
soxas=${1:-$root/bin/soxas}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

[ -x "$soxas" ] || { echo "SKIP aarch64: no $soxas"; exit 0; }

# Words of .text followed by relocation lines, in objdump's spelling, one per line:
#   14000000
#   R_AARCH64_JUMP26 ext_func+0x8
# (a relocation line follows the word it patches)
dump_actual() {
    readelf -x .text "$1" | awk '/^  0x/ { for (i = 2; i <= 5; i++) if ($i ~ /^[0-9a-f]+$/ && length($i) == 8)
        print substr($i, 7, 2) substr($i, 5, 2) substr($i, 3, 2) substr($i, 1, 2) }' > "$tmp/words"
    readelf -rW "$1" | awk '
        /^Relocation section/ { in_text = ($3 == "'"'"'.rela.text'"'"'") ; next }
        in_text && /^[0-9a-f]+ / {
            off = $1; sub(/^0+/, "", off); if (off == "") off = "0"
            sym = $5; add = $7
            s = sym
            if ($6 == "+" && add != "0") s = sym "+0x" add
            if ($6 == "-") s = sym "-0x" add
            printf "%d %s %s\n", ("0x" off) + 0, $3, s
        }' > "$tmp/relocs"
    awk -v relocs="$tmp/relocs" '
        BEGIN { while ((getline l < relocs) > 0) { split(l, f, " "); r[f[1]] = r[f[1]] f[2] " " f[3] "\n" } }
        { print; if ((NR - 1) * 4 in r) printf "%s", r[(NR - 1) * 4] }' "$tmp/words"
}

# The same from the "// =>" annotations.
dump_expected() {
    sed -n 's/.*\/\/ => //p' "$1" | awk '{ print $1; if (NF >= 3) print $2, $3 }'
}

check_encoding() {
    local f=$1 name
    name=aarch64/$(basename "$f" .s)
    if ! "$soxas" -target aarch64-linux "$f" -o "$tmp/e.o" 2> "$tmp/err"; then
        echo "FAIL $name: soxas failed: $(head -1 "$tmp/err")"; return
    fi
    dump_actual "$tmp/e.o" > "$tmp/actual"
    dump_expected "$f" > "$tmp/expected"
    if cmp -s "$tmp/expected" "$tmp/actual"; then
        echo "PASS $name ($(grep -c '// =>' "$f") instructions)"
    else
        local first
        first=$(diff "$tmp/expected" "$tmp/actual" | grep -m1 '^[<>]')
        echo "FAIL $name: expected vs actual differ: $first"
    fi
}

# errors/*.s: each case is one line; assembled alone so that every error is checked.
check_errors() {
    local f=$1 n=0 bad=0 line text want
    while IFS= read -r line; do
        n=$((n + 1))
        case "$line" in "//"*) continue ;; *"// error: "*) ;; *) continue ;; esac
        text=${line%%// error: *}
        want=${line#*// error: }
        printf '%s\n' "${text//\\n/$'\n'}" > "$tmp/case.s"
        rm -f "$tmp/case.o"
        if "$soxas" -target aarch64-linux "$tmp/case.s" -o "$tmp/case.o" 2> "$tmp/err"; then
            echo "FAIL aarch64/errors/$(basename "$f" .s):$n: accepted: $text"; bad=1; continue
        fi
        if [ -e "$tmp/case.o" ]; then
            echo "FAIL aarch64/errors/$(basename "$f" .s):$n: object left behind"; bad=1; continue
        fi
        if ! grep -qF -- "$tmp/case.s:$want" "$tmp/err"; then
            echo "FAIL aarch64/errors/$(basename "$f" .s):$n: wanted '$want', got: $(head -1 "$tmp/err")"; bad=1
        fi
    done < "$f"
    [ $bad = 0 ] && echo "PASS aarch64/errors/$(basename "$f" .s) ($(grep -c '// error: ' "$f") cases)"
}

# The encoder's share of an object: bytes of every section with contents, and relocations.
describe_code() {
    readelf -rW "$1" | awk '/^Relocation section/ { print $3 } /^[0-9a-f]+ / { print $1, $3, $5, $6, $7 }'
    for s in $(readelf -SW "$1" | awk '/^  \[ *[0-9]+\]/ { sub(/^  \[ *[0-9]+\] /, ""); if ($2 == "PROGBITS") print $1 }'); do
        echo "== $s"; readelf -x "$s" "$1" 2>/dev/null | grep '^  0x'
    done
}

# The rest: section attributes and the symbol table.
describe_object() {
    readelf -SW "$1" | awk '/^  \[ *[0-9]+\]/ { sub(/^  \[ *[0-9]+\] /, ""); print $1, $2, $5, $7, $8, $9, $10 }'
    readelf -sW "$1" | awk '$1 ~ /^[0-9]+:$/ { print $2, $3, $4, $5, $6, $7, $8 }'
}

# Assembles $1 with both assemblers and compares; $2 = test name; $3 = "object" to also
# compare section headers and symbols (as a separate case, name/object).
differential() {
    local src=$1 name=$2 k
    if ! aarch64-linux-gnu-as "$src" -o "$tmp/gnu.o" 2> "$tmp/gnu.err"; then
        echo "SKIP $name: GNU as rejects it: $(head -1 "$tmp/gnu.err")"; return
    fi
    if ! "$soxas" -target aarch64-linux "$src" -o "$tmp/sox.o" 2> "$tmp/sox.err"; then
        echo "FAIL $name: soxas failed: $(head -1 "$tmp/sox.err")"; return
    fi
    for k in gnu sox; do describe_code "$tmp/$k.o" > "$tmp/$k.txt"; done
    if cmp -s "$tmp/gnu.txt" "$tmp/sox.txt"; then
        echo "PASS $name"
    else
        echo "FAIL $name: contents or relocations differ: $(diff "$tmp/gnu.txt" "$tmp/sox.txt" | grep -m2 '^[<>]' | tr '\n' ' ')"
    fi
    [ "$3" = object ] || return
    for k in gnu sox; do describe_object "$tmp/$k.o" > "$tmp/$k.txt"; done
    if ! cmp -s "$tmp/gnu.txt" "$tmp/sox.txt"; then
        echo "FAIL $name/object: sections or symbols differ: $(diff "$tmp/gnu.txt" "$tmp/sox.txt" | grep -m2 '^[<>]' | tr '\n' ' ')"
    elif ! cmp -s "$tmp/gnu.o" "$tmp/sox.o"; then   # string tables, offsets, padding too
        echo "FAIL $name/object: objects differ: $(cmp "$tmp/gnu.o" "$tmp/sox.o" 2>&1 | head -1)"
    else
        echo "PASS $name/object"
    fi
}

# Capstone round trip: disassemble soxas's .text, assemble the listing again, same words.
check_roundtrip() {
    local f=$1 name
    name=aarch64/roundtrip/$(basename "$f" .s)
    "$soxas" -target aarch64-linux "$f" -o "$tmp/r1.o" 2> /dev/null || { echo "FAIL $name: soxas failed"; return; }
    "$tmp/roundtrip" "$tmp/r1.o" > "$tmp/listing.s" || { echo "FAIL $name: roundtrip failed"; return; }
    if ! "$soxas" -target aarch64-linux "$tmp/listing.s" -o "$tmp/r2.o" 2> "$tmp/err"; then
        echo "FAIL $name: soxas rejects Capstone's listing: $(grep -m1 error: "$tmp/err")"; return
    fi
    dump_actual "$tmp/r2.o" | grep -v '^R_' > "$tmp/actual"
    sed -n 's/.*\/\/ => //p' "$tmp/listing.s" > "$tmp/expected"
    if cmp -s "$tmp/expected" "$tmp/actual"; then
        echo "PASS $name"
    else
        local line
        line=$(cmp "$tmp/expected" "$tmp/actual" 2>&1 | sed -n 's/.* line \([0-9]*\).*/\1/p')
        echo "FAIL $name: word $line differs: $(sed -n "${line}p" "$tmp/listing.s")"
    fi
}

for f in "$here"/*.s; do check_encoding "$f"; done
if cc -O1 -o "$tmp/roundtrip" "$here/roundtrip.c" -lcapstone 2> /dev/null; then
    for f in "$here"/*.s; do check_roundtrip "$f"; done
else
    echo "SKIP aarch64/roundtrip: Capstone (libcapstone-dev) not available"
fi
for f in "$here"/errors/*.s; do [ -e "$f" ] && check_errors "$f"; done

if ! command -v aarch64-linux-gnu-as > /dev/null; then
    echo "SKIP aarch64/differential: aarch64-linux-gnu-as not installed"
    exit 0
fi

# Random valid instructions (fixed seeds, so a failure reproduces).
if cc -O1 -o "$tmp/gen" "$here/gen.c" 2> "$tmp/cc.err"; then
    for seed in 1 2 3 4; do
        "$tmp/gen" "$seed" 3000 > "$tmp/random$seed.s"
        differential "$tmp/random$seed.s" "aarch64/random-seed$seed"
        [ -x "$tmp/roundtrip" ] && check_roundtrip "$tmp/random$seed.s"
    done
else
    echo "FAIL aarch64/gen: does not compile: $(head -1 "$tmp/cc.err")"
fi

# The encoding files as a whole (symbols, data sections, relocation choices).
for f in "$here"/*.s; do differential "$f" "aarch64/gnu-as/$(basename "$f" .s)"; done

# gcc output of realistic C, at -O2 and -O0.
if command -v aarch64-linux-gnu-gcc > /dev/null && [ -d "$root/tests/asm/csrc" ]; then
    for c in "$root"/tests/asm/csrc/*.c; do
        [ -e "$c" ] || continue
        for opt in -O2 -O0; do
            base=$(basename "$c" .c)$opt
            if aarch64-linux-gnu-gcc $opt -S -fno-asynchronous-unwind-tables -fno-unwind-tables \
                -o "$tmp/$base.s" "$c" 2> "$tmp/gcc.err"; then
                differential "$tmp/$base.s" "aarch64/gcc/$base" object
            else
                echo "SKIP aarch64/gcc/$base: gcc failed: $(head -1 "$tmp/gcc.err")"
            fi
        done
    done
fi
# The toolchain's own sources (issue #2's stretch goal), as a cross build would compile them.
if command -v aarch64-linux-gnu-gcc > /dev/null; then
    for c in "$root"/{common,assembler,linker,compiler,objdump}/*.c; do
        base=own-$(basename "$(dirname "$c")")-$(basename "$c" .c)-O2
        if aarch64-linux-gnu-gcc -O2 -S -std=c11 -D_GNU_SOURCE -fno-asynchronous-unwind-tables \
            -fno-unwind-tables -I"$root" -o "$tmp/$base.s" "$c" 2> "$tmp/gcc.err"; then
            differential "$tmp/$base.s" "aarch64/gcc/$base" object
        else
            echo "SKIP aarch64/gcc/$base: gcc failed: $(head -1 "$tmp/gcc.err")"
        fi
    done
fi
# The runtime's own sources (freestanding), as the sysroot is built from them.
if command -v aarch64-linux-gnu-gcc > /dev/null; then
    for c in "$root"/runtime/*.c; do
        [ -e "$c" ] || continue
        base=runtime-$(basename "$c" .c)-O2
        if aarch64-linux-gnu-gcc -O2 -S -std=c11 -ffreestanding -fno-asynchronous-unwind-tables \
            -fno-unwind-tables -I"$root/runtime" -I"$root" -o "$tmp/$base.s" "$c" 2> /dev/null; then
            differential "$tmp/$base.s" "aarch64/gcc/$base" object
        fi
    done
fi
exit 0
