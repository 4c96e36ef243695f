#!/bin/bash
# The Debian 13 leg: build and test xsock on PHP 8.4 / OpenSSL 3.5 inside a
# debootstrap chroot, on a Debian 12 host (as root).
#
#   scripts/matrix.sh trixie [test.sh args...]
#
# 1. makes the chroot once (debootstrap, Debian's archive, main only; the
#    security and updates suites as a fresh Debian 13 has them), or reuses
#    the one a previous run left in $XSOCK_CHROOT_DIR;
# 2. copies the working tree (tracked and untracked, not ignored: no build
#    products of the host's PHP) into it;
# 3. runs the README's test command there twice: with xsock, then
#    `--builtin` against PHP 8.4's own transports; scripts/deps.sh installs
#    PHP, the build dependencies and the test peers from trixie with apt-get.
# /proc and /dev are mounted only while it runs and unmounted on any exit.
# The last line is "N passed, N failed, N skipped" over both runs.
#
# Only bookworm and trixie packages, ever: the PHP packages that sid and
# experimental serve here carry a header that is not php-src's.
set -uo pipefail
cd "$(dirname "$0")/.."

suite=${1:-}
case "$suite" in
	trixie) ;;
	*) echo "usage: scripts/matrix.sh trixie [test.sh args...]" >&2; exit 2 ;;
esac
shift
mirror=${XSOCK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${XSOCK_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}
base=${XSOCK_CHROOT_DIR:-/var/tmp/xsock-chroot}
root=$base/$suite
done_mark=$root/.xsock-debootstrap-done

[ "$(id -u)" = 0 ] || { echo "matrix.sh: needs root (debootstrap, chroot, mount)" >&2; exit 1; }
. scripts/deps.sh
xsock_need debootstrap || exit 1

make_chroot() {
	[ -f "$done_mark" ] && return 0
	echo "matrix: debootstrap $suite into $root" >&2
	rm -rf "$root" && mkdir -p "$base" || return 1
	debootstrap --variant=minbase --components=main "$suite" "$root" "$mirror" \
		>/tmp/xsock-debootstrap.log 2>&1 || { tail -20 /tmp/xsock-debootstrap.log >&2; return 1; }
	cat >"$root/etc/apt/sources.list" <<-EOF
		deb $mirror $suite main
		deb $mirror $suite-updates main
		deb $security $suite-security main
	EOF
	touch "$done_mark"
}

mounted=""
unmount_all() {
	local m
	for m in $mounted; do
		umount -R "$m" 2>/dev/null || umount -l "$m" 2>/dev/null
	done
	mounted=""
}
trap unmount_all EXIT
trap 'exit 130' INT TERM

mount_into() {
	mountpoint -q "$root/proc" || { mount -t proc proc "$root/proc" && mounted="$mounted $root/proc"; } || return 1
	mountpoint -q "$root/dev" || { mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev" \
		&& mounted="$mounted $root/dev"; } || return 1
	cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
}

# The tree as a clean clone would have it, plus uncommitted work.
copy_tree() {
	rm -rf "$root/build/xsock" && mkdir -p "$root/build/xsock" || return 1
	git ls-files -z -co --exclude-standard | tar --null -T - -cf - | tar -C "$root/build/xsock" -xf -
	# shared/ (the reference specs) sits beside the clone; tests do not need it.
}

in_chroot() {
	chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		CI="${CI:-}" XSOCK_CONFIGURE_FLAGS="${XSOCK_CONFIGURE_FLAGS:-}" \
		/bin/sh -c "cd /build/xsock && $*"
}

# Packages never start their services in the chroot (redis, MariaDB):
# tests start their own peers on port 0 and stop them by PID.
no_services() {
	printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod 755 "$root/usr/sbin/policy-rc.d"
}

make_chroot || exit 1
no_services || exit 1
mount_into || { echo "matrix: mounting /proc and /dev failed" >&2; exit 1; }
copy_tree || exit 1

log=/tmp/xsock-matrix-$suite
# Every peer, strictly: in CI a missing peer must fail the leg, not skip tests.
in_chroot '. scripts/deps.sh && xsock_need $XSOCK_BUILD_DEPS $XSOCK_TEST_DEPS php-pear composer' \
	|| { echo "matrix: installing the build and test packages in $suite failed"; echo "0 passed, 1 failed"; exit 1; }
# PIE's metadata, checked by Debian 13's composer (Debian 12's predates the php-ext schema).
in_chroot "composer validate --strict --no-check-publish --no-interaction" >"$log-composer.log" 2>&1 \
	|| { cat "$log-composer.log"; echo "matrix: composer.json is not valid"; echo "0 passed, 1 failed"; exit 1; }
in_chroot "scripts/configure-check.sh" | sed "s/^/$suite: /"
[ "${PIPESTATUS[0]}" -eq 0 ] || { echo "matrix: configure-check failed on $suite"; echo "0 passed, 1 failed"; exit 1; }
echo "$suite: composer.json valid (composer $(in_chroot 'composer --version 2>/dev/null' | awk '{print $3}'))"
in_chroot "scripts/test.sh $*" 2>&1 | tee "$log-xsock.log"
in_chroot "XSOCK_SKIP_TEST_DEPS=1 scripts/test.sh --builtin $*" >"$log-builtin.log" 2>&1
sed -n '/TEST SUMMARY/,/^=====/p' "$log-builtin.log"
echo "$suite builtin: $(tail -1 "$log-builtin.log")"
in_chroot "php -v | head -1; openssl version" | sed "s/^/$suite: /"

num() { v=$(echo "$1" | sed -n "s/^\(.*[^0-9]\)\{0,1\}\([0-9][0-9]*\) $2.*/\2/p"); echo "${v:-0}"; }
a=$(tail -1 "$log-xsock.log")
b=$(tail -1 "$log-builtin.log")
for line in "$a" "$b"; do
	echo "$line" | grep -q " passed, " || { echo "matrix: a run ended without its summary: $line"; echo "0 passed, 1 failed"; exit 1; }
done
p=$(( $(num "$a" passed) + $(num "$b" passed) ))
f=$(( $(num "$a" failed) + $(num "$b" failed) ))
s=$(( $(num "$a" skipped) + $(num "$b" skipped) ))
echo "$p passed, $f failed, $s skipped"
[ "$f" -eq 0 ] && [ "$(num "$a" passed)" -gt 0 ]
