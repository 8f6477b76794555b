# Shared helpers for suite scripts (source it: . "$SOX_ROOT/tests/lib/common.sh").
export SOX_ROOT=${SOX_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
SHARED=${SHARED:-$SOX_ROOT/../shared}
TARGETS=${TARGETS:-"x86_64-linux aarch64-linux"}
OUT_ROOT=${OUT_ROOT:-$SOX_ROOT/tests/out}

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
skip() { echo "SKIP $1: $2"; }

host_target() {
  case "$(uname -m)" in
    x86_64) echo x86_64-linux ;;
    aarch64|arm64) echo aarch64-linux ;;
    *) echo unknown ;;
  esac
}

# run_on TARGET [-0 ARGV0] EXE ARGS...: runs natively or under qemu-<arch>.
run_on() {
  local target=$1; shift
  local argv0=
  if [ "$1" = -0 ]; then argv0=$2; shift 2; fi
  if [ "$target" = "$(host_target)" ]; then
    if [ -n "$argv0" ]; then (exec -a "$argv0" "$@"); else "$@"; fi
  else
    local q=qemu-${target%%-*}
    if [ -n "$argv0" ]; then "$q" -0 "$argv0" "$@"; else "$q" "$@"; fi
  fi
}

# can_run TARGET: 0 if binaries for TARGET can run here.
can_run() {
  [ "$1" = "$(host_target)" ] || command -v "qemu-${1%%-*}" >/dev/null 2>&1
}

# run_timeout SECONDS TARGET [-0 ARGV0] EXE ARGS...: run_on with a time limit (status 124 on timeout).
run_timeout() {
  local secs=$1; shift
  timeout "$secs" bash -c '. "$SOX_ROOT/tests/lib/common.sh"; run_on "$@"' _ "$@"
}
