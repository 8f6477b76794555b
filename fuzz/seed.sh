#!/bin/bash
# fuzz/seed.sh — (re)builds the checked-in seed corpora fuzz/corpus/<harness>/ from the test
# suites: small objects, executables and archives made by GNU as/ld from tests/objdump/cases,
# assembly files of tests/asm and tests/objdump, Sox programs of tests/sox and examples/, and
# a few number-formatting inputs.  Run it by hand when the suites gain interesting inputs.
set -e
cd "$(dirname "$0")/.."
C=fuzz/corpus
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rm -rf "$C" && mkdir -p "$C"/{objdump,soxld,soxas_x86_64,soxas_aarch64,soxcc,numfmt}

# Assembly seeds stay small, since every execution assembles the whole input (and
# fuzz/options/soxas_* caps inputs at 2 KB): the test files' expected-encoding comments
# ("# => 48 89 d8", "// => 93431c20") and their padding are dropped, and the rest is cut at
# line boundaries into pieces of at most 1.5 KB, each still a file of ordinary statements.
small_asm_seeds() {  # file output-prefix
  sed -E 's@[[:space:]]+(#|//) => .*$@@' "$1" |
    awk -v out="$2" 'BEGIN { n = 0; size = 0 }
      { if (size + length($0) + 1 > 1536 && size > 0) { close(f); n++; size = 0 }
        f = sprintf("%s-%d.s", out, n); print > f; size += length($0) + 1 }'
}

for arch in x86_64 aarch64; do
  pfx=; [ $arch = aarch64 ] && pfx=aarch64-linux-gnu-
  ${pfx}as tests/objdump/cases/basic-$arch.s -o "$tmp/basic-$arch.o"
  ${pfx}as tests/objdump/cases/link-$arch.s -o "$tmp/link-$arch.o"
  # -N: text and data in one segment without page padding keeps the executable tiny.
  ${pfx}ld -N -o "$tmp/link-$arch" "$tmp/link-$arch.o"
  ${pfx}strip -o "$tmp/link-$arch-stripped" "$tmp/link-$arch"
  (cd "$tmp" && ${pfx}ar rcs "lib-$arch.a" "basic-$arch.o" "link-$arch.o")
  cp "$tmp/basic-$arch.o" "$tmp/link-$arch.o" "$tmp/link-$arch" "$tmp/link-$arch-stripped" \
     "$tmp/lib-$arch.a" "$C/objdump/"
  cp "$tmp/link-$arch.o" "$tmp/basic-$arch.o" "$tmp/lib-$arch.a" "$C/soxld/"
  for s in tests/objdump/cases/*-$arch.s tests/asm/$arch/*.s; do
    small_asm_seeds "$s" "$C/soxas_$arch/$(basename "$(dirname "$s")")-$(basename "$s" .s)"
  done
done
find tests/sox examples -name '*.sox' -size -3k | sort | head -80 | while read -r f; do
  cp "$f" "$C/soxcc/$(echo "$f" | tr / _)"
done
# numfmt: 8 bytes of a double, one precision byte, then digits for the parser.
n=0
for hex in 000000000000f03f 9a9999999999b93f 0000000000000080 ffffffffffffef7f 0100000000000000 \
           000000000000f07f 000000000000f8ff 182d4454fb210940; do
  printf "$(echo "$hex" | sed 's/../\\x&/g')\x06123.456" > "$C/numfmt/seed$((n++))"
  printf "$(echo "$hex" | sed 's/../\\x&/g')\x11179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368" > "$C/numfmt/seed$((n++))"
done
du -sh "$C"/*
