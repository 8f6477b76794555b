#!/bin/bash
# Speed of runtime/numfmt.c against the host C library, in ns per call, measured
# side by side in one process: sox_format_g vs snprintf("%.*g") on integers, short
# decimals and random doubles of every exponent; sox_parse_number vs strtod.
exec "$(dirname "$0")/../tests/numfmt/run.sh" bench
