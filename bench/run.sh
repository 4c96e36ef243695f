#!/bin/sh
# run.sh - every benchmark, builtin vs xsock vs C (and nginx); see run.php
# for options.  Debian 12 and 13 alike:
#   bench/run.sh            full run (~7 min on 2 cores), writes bench/RESULTS.md
#   bench/run.sh --profile  and instructions, simulated cache misses + system calls per operation (~10 min more)
#   bench/run.sh --quick    short run, prints the table only
# Needs: apt-get install php-cli gcc libssl-dev openssl nginx-light
#        (Debian 13: nginx; without it there is no nginx column)
PHP=${PHP:-php}
missing=
for cmd in "$PHP" cc openssl; do
	command -v "$cmd" >/dev/null 2>&1 || missing="$missing $cmd"
done
[ -e /usr/include/openssl/ssl.h ] || missing="$missing libssl-dev"
if [ -n "$missing" ]; then
	echo "run.sh: missing:$missing (see the top of $0)" >&2
	exit 1
fi
# idle10k holds 10,000 connections in one process and 10,000 in its server.
hard=$(ulimit -Hn)
if [ "$hard" = unlimited ] || [ "$hard" -ge 20000 ]; then
	ulimit -n 20000
else
	ulimit -n "$hard"
fi
exec "$PHP" "$(dirname "$0")/run.php" "$@"
