#!/bin/sh
# configure must refuse an OpenSSL older than 3.0 with a message that says
# so.  There is no OpenSSL 1.1.1 on Debian 12 or 13, so this builds a stand-in:
# an openssl.pc that says 1.1.1w and an opensslv.h with 1.1.1's version
# number, and runs configure from a copy of the tree against it.
set -eu
cd "$(dirname "$0")/.."
. scripts/deps.sh
xsock_need $XSOCK_BUILD_DEPS
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/include/openssl" "$work/pkgconfig" "$work/src"
cat >"$work/include/openssl/opensslv.h" <<'H'
#define OPENSSL_VERSION_NUMBER 0x1010117fL
#define OPENSSL_VERSION_TEXT "OpenSSL 1.1.1w  11 Sep 2023"
H
cat >"$work/pkgconfig/openssl.pc" <<PC
Name: OpenSSL
Description: stand-in for OpenSSL 1.1.1 (xsock configure check)
Version: 1.1.1w
Cflags: -I$work/include
Libs: -lssl -lcrypto
PC
# configure reads config.m4 only; the sources come along for phpize's checks.
cp -r config.m4 xsock.c php_xsock.h xsock_arginfo.h transports "$work/src/"
cd "$work/src"
phpize >/dev/null 2>&1
if PKG_CONFIG_LIBDIR="$work/pkgconfig" ./configure >"$work/configure.log" 2>&1; then
	echo "configure-check: configure accepted OpenSSL 1.1.1w" >&2
	exit 1
fi
msg=$(grep "error: xsock needs OpenSSL 3.0 or later, found 1.1.1w" "$work/configure.log" || true)
if [ -z "$msg" ]; then
	tail -20 "$work/configure.log" >&2
	echo "configure-check: configure failed without xsock's message" >&2
	exit 1
fi
echo "configure-check: refused: ${msg#*error: }"
