#!/bin/sh
# annotate.sh in.s > out.s — appends "// => <word> [<reloc> <sym+addend>]" to every instruction
# line of .text, taking the expected encoding from GNU as (aarch64-linux-gnu-as + objdump).
# Use it to add encoding cases: write the instructions, run this once, review, commit.
set -e
in=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
aarch64-linux-gnu-as "$in" -o "$tmp/o.o"
aarch64-linux-gnu-objdump -dr -j .text "$tmp/o.o" |
  awk '/^ *[0-9a-f]+:\t[0-9a-f]+ \t/{ if (w != "") print w; split($0, f, "\t"); w = f[2]; sub(/ +$/, "", w); next }
       /^\t\t\t[0-9a-f]+: R_AARCH64/{ split($0, f, "\t"); split(f[4], g, ": "); w = w " " g[2] " " f[5]; next }
       END { if (w != "") print w }' > "$tmp/words"
awk -v words="$tmp/words" '
  BEGIN { sect = ".text" }
  {
    line = $0; body = line
    sub(/\/\/.*/, "", body)
    while (match(body, /^[ \t]*[A-Za-z0-9_.$]+:/)) body = substr(body, RLENGTH + 1)
    gsub(/^[ \t]+|[ \t]+$/, "", body)
    if (body ~ /^\.(text|data|bss|section|pushsection|popsection)/) {
      sect = body; sub(/[ \t,].*/, "", sect); if (sect == ".section") { split(body, s, /[ \t,]+/); sect = s[2] }
    }
    if (sect == ".text" && body ~ /^[a-z]/) {
      if ((getline w < words) <= 0) { print "annotate: more instructions than words" > "/dev/stderr"; exit 1 }
      sub(/[ \t]*\/\/.*/, "", line)
      printf "%-40s // => %s\n", line, w
    } else print line
  }' "$in"
