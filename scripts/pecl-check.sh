#!/bin/sh
# Build the PECL tarball from package.xml and install from it, as a user
# would with `pecl install xsock-<version>.tgz`; then load the result.
set -eu
cd "$(dirname "$0")/.."
. scripts/deps.sh
xsock_need php-pear
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pecl package package.xml >"$work/package.log" 2>&1 || { cat "$work/package.log"; exit 1; }
tgz=$(ls -t xsock-*.tgz | head -1)
mv "$tgz" "$work/"
# Answer the configure prompt with its default; no terminal in CI.
printf '\n' | pecl install -f "$work/$tgz" >"$work/install.log" 2>&1 || { tail -40 "$work/install.log"; exit 1; }
so=$(php-config --extension-dir)/xsock.so
php -d extension="$so" -r 'exit(extension_loaded("xsock") ? 0 : 1);' || { echo "pecl-installed xsock.so does not load"; exit 1; }
echo "pecl: $tgz packaged, installed and loaded"
