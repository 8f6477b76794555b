#!/bin/bash
# make demo: compile every bundled example for both targets and run it — natively for
# the host, under qemu-user for the other — showing each command as it runs.
cd "$(dirname "$0")/.." || exit 1
. tests/lib/common.sh
out=build/demo
mkdir -p "$out"
status=0
show() { printf '\033[1m$ %s\033[0m\n' "$*" >&2; "$@"; }
for target in x86_64-linux aarch64-linux; do
  for src in examples/*.sox; do
    name=$(basename "$src" .sox)
    exe=$out/$name-${target%%-*}
    show bin/soxcc -target "$target" -O2 "$src" -o "$exe" || { status=1; continue; }
    if [ "$target" = "$(host_target)" ]; then
      show "$exe" | tee "$exe.stdout"
    else
      show "qemu-${target%%-*}" "$exe" | tee "$exe.stdout"
    fi
    if cmp -s "$exe.stdout" "${src%.sox}.out"; then
      echo "  -> $name on $target: output as expected"
    else
      echo "  -> $name on $target: OUTPUT DIFFERS from ${src%.sox}.out"; status=1
    fi
    echo
  done
done
exit $status
