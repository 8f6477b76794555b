#!/bin/bash
# annotate.sh file.s... — (re)writes the "# => bytes [reloc]" annotation of every instruction
# line from GNU as's encoding of that line alone (x86-64, Intel syntax). Run by hand when
# adding cases; the test runner only reads the annotations.
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "$@"; do
    out="$tmp/out.s"
    : > "$out"
    while IFS= read -r line; do
        insn=${line%%#*}
        insn=$(printf '%s' "$insn" | sed 's/[[:space:]]*$//')
        case "$insn" in
        ""|.*|*:) printf '%s\n' "$line" >> "$out"; continue ;;
        esac
        printf '.intel_syntax noprefix\n%s\n' "$insn" > "$tmp/one.s"
        as "$tmp/one.s" -o "$tmp/one.o"
        bytes=$(objcopy -O binary -j .text "$tmp/one.o" "$tmp/one.bin" && od -An -tx1 -v "$tmp/one.bin" | tr -s ' \n' ' ' | sed 's/^ //; s/ $//')
        relocs=$(readelf -rW "$tmp/one.o" | awk '/^[0-9a-f]+ / { s = $5; if ($6 == "-") s = s "-0x" $7; else if ($7 != "0" && $7 != "") s = s "+0x" $7; printf " %s %s", $3, s }')
        printf '%-44s # => %s%s\n' "$insn" "$bytes" "$relocs" >> "$out"
    done < "$f"
    cp "$out" "$f"
done
