#!/bin/sh
# Quick start 2: build xsock and run the phpt suite with PHP's run-tests.php.
#
#   scripts/test.sh                 every test, xsock loaded
#   scripts/test.sh --builtin       the same tests against PHP's built-in
#                                   transports (xsock-only tests skip): this
#                                   proves the compatibility tests assert
#                                   PHP's behaviour, not xsock's
#   scripts/test.sh --valgrind      under valgrind (run-tests -m; PCRE's JIT off, it confuses valgrind)
#   scripts/test.sh [opts] tests/tls   a subset
#
# The last line is "N passed, N failed"; the exit code is 0 only when
# nothing failed.
set -e
cd "$(dirname "$0")/.."
. scripts/deps.sh
mode=xsock
extra=""
while [ $# -gt 0 ]; do
	case "$1" in
		--builtin) mode=builtin ;;
		--valgrind) extra="$extra -m -d pcre.jit=0" ;;
		*) break ;;
	esac
	shift
done
[ $# -gt 0 ] || set -- tests
xsock_need $XSOCK_BUILD_DEPS
[ -n "${XSOCK_SKIP_TEST_DEPS:-}" ] || xsock_need $XSOCK_TEST_DEPS || echo "xsock: tests that need those peers will skip" >&2
ext=""
if [ "$mode" = xsock ]; then
	xsock_build
	ext="-d extension=$PWD/modules/xsock.so"
fi
runner=$(php-config --extension-dir | sed 's,/lib/php/.*,/lib/php,')/$(php-config --phpapi)/build/run-tests.php
[ -f "$runner" ] || runner=run-tests.php
log=$(mktemp)
set +e
TEST_PHP_EXECUTABLE=$(command -v php) php "$runner" -q -j2 --show-diff $extra \
	-p "$(command -v php)" $ext "$@" 2>&1 | tee "$log"
set -e
passed=$(sed -n 's/^Tests passed *: *\([0-9]*\).*/\1/p' "$log" | tail -1)
failed=$(sed -n 's/^Tests failed *: *\([0-9]*\).*/\1/p' "$log" | tail -1)
warned=$(sed -n 's/^Tests warned *: *\([0-9]*\).*/\1/p' "$log" | tail -1)
leaked=$(sed -n 's/^Tests leaked *: *\([0-9]*\).*/\1/p' "$log" | tail -1)
skipped=$(sed -n 's/^Tests skipped *: *\([0-9]*\).*/\1/p' "$log" | tail -1)
# run-tests retries a failed test once when it looks flaky; one that then
# passes is counted as warned.  It passed, so it counts as passed here, and
# it is named so the flakiness stays visible.
retries=$(grep -o "\[[^]]*\.phpt\] (warn: Test passed on retry attempt)" "$log" | sort -u)
retried=$(printf '%s' "$retries" | grep -c . || true)
[ -z "$retries" ] || printf '%s\n' "$retries" | sed 's/^/passed on retry: /' >&2
passed=$(( ${passed:-0} + ${retried:-0} ))
warned=$(( ${warned:-0} - ${retried:-0} ))
failed=$(( ${failed:-0} + ${warned} + ${leaked:-0} ))
rm -f "$log"
echo "${passed:-0} passed, ${failed} failed, ${skipped:-0} skipped"
[ "${passed:-0}" -gt 0 ] && [ "$failed" -eq 0 ]
