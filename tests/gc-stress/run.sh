#!/bin/bash
# The whole Sox program suite again with SOX_GC_STRESS=1 (a collection on every
# allocation), on both targets: any object the compiled code or the runtime forgets to
# keep reachable shows up here as a wrong result or a crash.
. "$SOX_ROOT/tests/lib/common.sh"
GC_STRESS=1 "$SOX_ROOT/tests/sox/run.sh" | sed -E 's/^(PASS|FAIL|SKIP) sox\//\1 gc-stress\//'
exit "${PIPESTATUS[0]}"
