#!/bin/bash
# make install into a scratch DESTDIR; the installed soxcc must find its own sysroot and
# build working programs for both targets with the source tree out of reach.
. "$SOX_ROOT/tests/lib/common.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! make -s -C "$SOX_ROOT" install PREFIX=/opt/sox DESTDIR="$tmp/root" > "$tmp/log" 2>&1; then
  fail install "make install failed: $(tail -3 "$tmp/log" | tr '\n' ' ')"; exit 0
fi
for f in bin/soxcc bin/soxas bin/soxld bin/soxobjdump share/man/man1/soxcc.1 \
         lib/soxcc/sysroot/x86_64-linux/lib/libsoxrt.a lib/soxcc/sysroot/aarch64-linux/lib/crt1.o; do
  [ -e "$tmp/root/opt/sox/$f" ] && pass "install/$f" || fail "install/$f" "not installed"
done
cp -r "$tmp/root/opt/sox" "$tmp/moved"     # relocatable: works wherever it is put
printf 'print "installed " + (1 + 2)\n' > "$tmp/p.sox"
for target in $TARGETS; do
  can_run "$target" || { skip "install/run/$target" "cannot run $target"; continue; }
  if (cd "$tmp" && "$tmp/moved/bin/soxcc" -target "$target" p.sox -o p.$target) > "$tmp/log" 2>&1 &&
     [ "$(run_on "$target" "$tmp/p.$target")" = "installed 3" ]; then
    pass "install/run/$target"
  else
    fail "install/run/$target" "$(head -c 300 "$tmp/log" | tr '\n' ' ')"
  fi
done
