#!/bin/sh
# run.sh - every benchmark, builtin vs xsock vs C; see run.php for options.
#   bench/run.sh            full run (~5 min on 2 cores), writes bench/RESULTS.md
#   bench/run.sh --quick    short run, prints the table only
exec "${PHP:-php}" "$(dirname "$0")/run.php" "$@"
