# scripts/deps.sh - sourced by demo.sh, test.sh and .ci/run.
# Installs what xsock needs on Debian/Ubuntu when run as root; otherwise
# prints the apt-get line to run and stops.

XSOCK_BUILD_DEPS="php-dev php-cli libssl-dev openssl pkg-config make gcc"
# Peers and client libraries the test suite talks to (all on loopback).
# Predis is php-nrk-predis on Debian 12 and php-predis from Debian 13 on.
xsock_predis_pkg() {
	. /etc/os-release 2>/dev/null
	case "${VERSION_CODENAME:-}" in
		bookworm|bullseye) echo php-nrk-predis ;;
		*) echo php-predis ;;
	esac
}
# tshark decrypts a capture with xsock's key log (tests/tls/xsock_keylog_tshark.phpt);
# its debconf question (non-root capture) takes the default under noninteractive.
XSOCK_TEST_DEPS="python3 iproute2 python3-aiosmtpd redis-server libphp-phpmailer $(xsock_predis_pkg) socat libnss-wrapper mariadb-server php-mysql tshark vsftpd faketime strace"

xsock_missing() {
	missing=""
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
	done
	echo "$missing"
}

xsock_need() {
	missing=$(xsock_missing "$@")
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "xsock: installing$missing" >&2
		export DEBIAN_FRONTEND=noninteractive
		# Peers such as redis and MariaDB are started by the tests on free
		# loopback ports; their packages must not start system services.
		policy=""
		if [ ! -e /usr/sbin/policy-rc.d ]; then
			policy=/usr/sbin/policy-rc.d
			printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy"
		fi
		{ apt-get update -qq && apt-get install -y -qq $missing; } >/tmp/xsock-apt.log 2>&1
		rc=$?
		[ -z "$policy" ] || rm -f "$policy"
		[ $rc -eq 0 ] || {
			cat /tmp/xsock-apt.log >&2
			echo "xsock: apt-get failed" >&2
			return 1
		}
	else
		echo "xsock: missing packages:$missing" >&2
		echo "run: sudo apt-get install -y$missing" >&2
		return 1
	fi
}

# Build modules/xsock.so (warnings are errors: --enable-xsock-dev).
xsock_build() {
	if [ ! -f modules/xsock.so ] || [ -n "$(find xsock.c php_xsock.h config.m4 transports -newer modules/xsock.so 2>/dev/null | head -1)" ]; then
		echo "xsock: building" >&2
		{ [ -f configure ] && [ configure -nt config.m4 ] || phpize; } >/tmp/xsock-build.log 2>&1 || { cat /tmp/xsock-build.log >&2; return 1; }
		{ [ -f Makefile ] && [ Makefile -nt configure ] || ./configure --enable-xsock-dev ${XSOCK_CONFIGURE_FLAGS:-}; } >>/tmp/xsock-build.log 2>&1 || { cat /tmp/xsock-build.log >&2; return 1; }
		make -j"$(nproc 2>/dev/null || echo 2)" >>/tmp/xsock-build.log 2>&1 || { grep -E "error|warning" /tmp/xsock-build.log >&2; echo "xsock: build failed (log: /tmp/xsock-build.log)" >&2; return 1; }
	fi
}
