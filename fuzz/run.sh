#!/bin/sh
#
# run.sh - build and run xsock's libFuzzer harnesses.
#
#   fuzz/run.sh NAME [RUNS] [libFuzzer flags...]   fuzz one harness (RUNS default 1000000)
#   fuzz/run.sh build [NAME...]                    only build (default: every harness)
#   fuzz/run.sh check                              fixed-case checks, then each harness over its seeds
#   fuzz/run.sh list                               the harness names
#
# Harness NAME is fuzz/NAME_fuzz.c, its seeds fuzz/corpus/NAME/, its optional
# dictionary fuzz/NAME.dict.  Binaries, the growing corpus and crash files go
# to fuzz/build/ (not committed).  Needs clang with libFuzzer (Debian:
# clang + libclang-rt-14-dev).  CC=clang-15 etc. overrides the compiler.
#
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build="$here/build"
CC=${CC:-clang}
CFLAGS="-std=c99 -g -O1 -fno-omit-frame-pointer -Wall -Wextra
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
	-I$root/transports"

# The harness table: name and the xsock sources it links.  One line per harness.
harnesses() {
	cat <<'TABLE'
tls_diag	transports/tls_diag.c
addr	transports/addr.c
TABLE
}

sources_of() {
	harnesses | awk -v n="$1" '$1 == n { for (i = 2; i <= NF; i++) print $i }'
}

build_one() {
	name=$1
	srcs=$(sources_of "$name")
	if [ -z "$srcs" ]; then
		echo "run.sh: unknown harness '$name' (try: run.sh list)" >&2
		exit 2
	fi
	mkdir -p "$build"
	# shellcheck disable=SC2086 # word splitting of the flag and source lists is wanted
	(cd "$root" && $CC $CFLAGS -o "$build/$name" "fuzz/${name}_fuzz.c" $srcs)
}

run_one() {
	name=$1
	runs=${2:-1000000}
	shift
	[ $# -gt 0 ] && shift
	build_one "$name"
	mkdir -p "$build/corpus/$name"
	dict=
	[ -f "$here/$name.dict" ] && dict="-dict=$here/$name.dict"
	# The first directory receives new inputs; the committed seeds stay as they are.
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
	"$build/$name" -runs="$runs" -print_final_stats=1 \
		-artifact_prefix="$build/$name-" ${dict:+"$dict"} "$@" \
		"$build/corpus/$name" "$here/corpus/$name"
}

check() {
	mkdir -p "$build"
	(cd "$root" && $CC -std=c99 -Wall -Wextra -Werror -fsanitize=address,undefined \
		-Itransports -o "$build/tls_diag_check" fuzz/tls_diag_check.c transports/tls_diag.c)
	"$build/tls_diag_check"
	for name in $(harnesses | awk '{ print $1 }'); do
		build_one "$name"
		# Given files rather than a directory, libFuzzer runs each once and stops.
		"$build/$name" "$here/corpus/$name"/*
	done
}

case "${1:-}" in
"" | -h | --help)
	sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
	;;
list)
	harnesses | awk '{ print $1 }'
	;;
build)
	shift
	if [ $# -eq 0 ]; then
		# shellcheck disable=SC2046 # one word per harness name is wanted
		set -- $(harnesses | awk '{ print $1 }')
	fi
	for name in "$@"; do
		build_one "$name"
	done
	;;
check)
	check
	;;
*)
	run_one "$@"
	;;
esac
