#!/bin/sh
# Regenerate xsock_arginfo.h from xsock.stub.php with PHP's own gen_stub.php.
# gen_stub.php downloads nikic/php-parser on first use; this machine has no
# internet, so point it at Debian's php-parser package instead.
set -eu
cd "$(dirname "$0")/.."
build=$(php-config --extension-dir | sed 's,/lib/php/.*,/lib/php,')/$(php-config --phpapi)/build
[ -f "$build/gen_stub.php" ] || build=$(dirname "$(php-config --php-binary)")/../lib/php/build
parser=/usr/share/php/PhpParser
if [ ! -d "$parser" ]; then
	echo "needs Debian's php-parser: apt-get install php-parser" >&2
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$build/gen_stub.php" "$tmp/"
ver=$(sed -n 's/^ *\$version = "\([0-9.]*\)";/\1/p' "$tmp/gen_stub.php" | head -1)
mkdir -p "$tmp/PHP-Parser-$ver/lib"
ln -s "$parser" "$tmp/PHP-Parser-$ver/lib/PhpParser"
for stub in xsock.stub.php transports/tls_objects.stub.php; do
	php "$tmp/gen_stub.php" -f "$stub"
done
