#!/bin/sh
# Installs the Debian packages soxcc needs to build, test and benchmark, when missing.
# Safe to run repeatedly; does nothing when everything is present.
set -e
PKGS="make gcc libc6-dev libcapstone-dev qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross
binutils binutils-aarch64-linux-gnu time"
# Benchmarks' anchors are optional for tests; install with BENCH=1.
[ "${BENCH:-0}" = 1 ] && PKGS="$PKGS lua5.4 luajit mold lld bc"
[ "${FUZZ:-0}" = 1 ] && PKGS="$PKGS clang libclang-rt-14-dev"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "ci/install-deps.sh: installing:$missing"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
