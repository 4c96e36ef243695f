#!/bin/sh
# Build xsock with AddressSanitizer + UndefinedBehaviorSanitizer and run the
# phpt suite with it, on Debian's (uninstrumented) PHP.
#
#   scripts/asan.sh                 every test
#   scripts/asan.sh tests/tls       a subset (paths under tests/; they run from a copy)
#   scripts/asan.sh --build-only    only build the instrumented xsock.so
#
# The sources are copied to $XSOCK_ASAN_DIR (default /tmp/xsock-asan) and
# built there, so the normal build in the work tree is left alone.
#
# How Debian's PHP is made to run an instrumented extension:
#   - a wrapper php (DIR/php-asan) preloads scripts/asan/nodeepbind.c's
#     shim, libasan and libubsan.  The shim clears RTLD_DEEPBIND, which PHP
#     passes to dlopen and ASan refuses; it also drops LD_PRELOAD from the
#     environment, so the peers a test starts (openssl, python3) run
#     uninstrumented.  PHP workers come back through the wrapper because
#     run-tests.php passes it on as TEST_PHP_EXECUTABLE.
#   - USE_ZEND_ALLOC=0 sends emalloc to malloc (ASan sees every block and
#     PHP cleans its tables fully at shutdown), ZEND_DONT_UNLOAD_MODULES=1
#     keeps xsock.so mapped so leak stacks still name its functions.
#   - reports go to DIR/logs/ instead of the test output; scan.php sorts
#     them: any report with a frame in xsock's sources is a finding, the
#     rest (PHP's and its libraries' own leaks at exit) is counted and
#     shown, not failed.  scripts/asan/lsan.supp silences the known ones.
#
# The build takes dns.c's resolver thread (--enable-xsock-dns-thread), the
# path of musl and the BSDs, so CI runs it; the other legs use getaddrinfo_a.
#
# Exit status: 0 when no report involves xsock and no test failed.
# The last line is "N passed, N failed".
set -e
cd "$(dirname "$0")/.."
root=$PWD
. scripts/deps.sh

dir=${XSOCK_ASAN_DIR:-/tmp/xsock-asan}
build_only=
if [ "${1:-}" = "--build-only" ]; then
	build_only=1
	shift
fi
[ $# -gt 0 ] || set -- tests

xsock_need $XSOCK_BUILD_DEPS
[ -n "${XSOCK_SKIP_TEST_DEPS:-}" ] || xsock_need $XSOCK_TEST_DEPS || echo "xsock: tests that need those peers will skip" >&2

CC=${CC:-gcc}
san="-fsanitize=address,undefined -fno-omit-frame-pointer"
libasan=$($CC -print-file-name=libasan.so)
libubsan=$($CC -print-file-name=libubsan.so)
if [ ! -e "$libasan" ] || [ ! -e "$libubsan" ]; then
	echo "asan.sh: $CC has no shared libasan/libubsan (Debian: gcc ships them)" >&2
	exit 2
fi

# 1. Copy the sources.  A changed config.m4 starts the build over; other
#    files keep their times, so make rebuilds only what changed.
mkdir -p "$dir/src"
if ! cmp -s config.m4 "$dir/src/config.m4"; then
	rm -rf "$dir/src"
	mkdir -p "$dir/src"
fi
cp -pR config.m4 config.w32 php_xsock.h xsock.c xsock_arginfo.h transports "$dir/src/"

# 2. Build the instrumented extension.
log="$dir/build.log"
(
	cd "$dir/src"
	[ -f configure ] || phpize
	# The resolver thread of non-glibc systems (dns.c) instead of getaddrinfo_a:
	# this leg is where that path runs, under the sanitizers.
	[ -f Makefile ] || CC=$CC CFLAGS="$san -g -O1" LDFLAGS="$san" ./configure --enable-xsock-dev --enable-xsock-dns-thread
	make -j"$(nproc 2>/dev/null || echo 2)"
) >"$log" 2>&1 || { tail -40 "$log" >&2; echo "asan.sh: build failed (log: $log)" >&2; exit 1; }
$CC -shared -fPIC -O1 -o "$dir/nodeepbind.so" scripts/asan/nodeepbind.c -ldl

# 3. The PHP wrapper that the tests and their workers run.
cat >"$dir/php-asan" <<EOF
#!/bin/sh
LD_PRELOAD="$dir/nodeepbind.so:$libasan:$libubsan" exec $(command -v php) "\$@"
EOF
chmod +x "$dir/php-asan"
echo "asan.sh: built $dir/src/modules/xsock.so"
[ -z "$build_only" ] || exit 0

# 4. The suite.  Sanitizer reports go to files, one per process.
rm -rf "$dir/logs"
mkdir -p "$dir/logs"
export USE_ZEND_ALLOC=0
export ZEND_DONT_UNLOAD_MODULES=1
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:fast_unwind_on_malloc=0:malloc_context_size=40:verify_asan_link_order=0:detect_odr_violation=0:log_path=$dir/logs/asan:strip_path_prefix=$dir/src/"
export LSAN_OPTIONS="suppressions=$root/scripts/asan/lsan.supp:print_suppressions=0"
# GCC's libubsan hands its log_path to __sanitizer_set_report_path, which
# resolves to libasan's copy (preloaded first): give it the same path.  Its
# own reports are sent to XSOCK_UBSAN_LOG by the shim.
export UBSAN_OPTIONS="print_stacktrace=1:log_path=$dir/logs/asan:strip_path_prefix=$dir/src/"
export XSOCK_UBSAN_LOG="$dir/logs/ubsan"
runner=$(php-config --extension-dir | sed 's,/lib/php/.*,/lib/php,')/$(php-config --phpapi)/build/run-tests.php
out="$dir/run-tests.log"
# The tests run from a copy, so their .out/.diff files never collide with
# a scripts/test.sh run in the work tree.
rm -rf "$dir/tests" "$dir/examples"
cp -R tests "$dir/tests"
# Tests that run an example find it beside tests/, as in the tree.
cp -R examples "$dir/examples"
for a in "$@"; do
	shift
	case "$a" in
		tests|tests/*) set -- "$@" "$dir/$a" ;;
		*) set -- "$@" "$a" ;;
	esac
done
start=$(date +%s)
set +e
TEST_PHP_EXECUTABLE="$dir/php-asan" php "$runner" -q -j2 --no-color --show-diff \
	-p "$dir/php-asan" -d extension="$dir/src/modules/xsock.so" "$@" >"$out" 2>&1
set -e
secs=$(( $(date +%s) - start ))
grep -E "^(FAIL|LEAK|WARN|BORK|SKIP)" "$out" || true
passed=$(sed -n 's/^Tests passed *: *\([0-9]*\).*/\1/p' "$out" | tail -1)
failed=$(sed -n 's/^Tests failed *: *\([0-9]*\).*/\1/p' "$out" | tail -1)
borked=$(sed -n 's/^Tests borked *: *\([0-9]*\).*/\1/p' "$out" | tail -1)
skipped=$(sed -n 's/^Tests skipped *: *\([0-9]*\).*/\1/p' "$out" | tail -1)
echo "asan.sh: run-tests took ${secs}s (log: $out)"

# 5. The reports.
set +e
php scripts/asan/scan.php "$dir/logs" "$dir/src"
findings=$?
set -e
failed=$(( ${failed:-0} + ${borked:-0} + findings ))
echo "${passed:-0} passed, ${failed} failed, ${skipped:-0} skipped"
[ "${passed:-0}" -gt 0 ] && [ "$failed" -eq 0 ]
