#!/bin/sh
# Quick start 1: build xsock and run the demo (its own local servers, loopback only).
set -e
cd "$(dirname "$0")/.."
. scripts/deps.sh
xsock_need $XSOCK_BUILD_DEPS
xsock_build
exec php -d extension="$PWD/modules/xsock.so" examples/demo.php
