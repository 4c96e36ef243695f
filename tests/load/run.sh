#!/bin/sh
# Load tests for xsock's TLS on loopback (not part of the phpt suite; a few
# minutes on 2 cores).
#
#   tests/load/run.sh [--builtin] [concurrent|sequential|all]
#
#   concurrent  one PHP process serves 1,000 TLS clients at the same time
#               on one stream_select() loop; the clients are 4 PHP workers
#               with 250 non-blocking connections each.  Every handshake,
#               ping and close must succeed without a single warning.
#   sequential  10,000 TLS connections one after another between a PHP
#               server and a PHP client; each samples its fd count and
#               VmRSS every 1,000 and fails if the fd count moves or VmRSS
#               grows by more than XSOCK_LOAD_RSS_KIB after the first 1,000.
#   --builtin   the same against PHP's own transports (for comparison).
#
# Tunables (environment): XSOCK_LOAD_CLIENTS (1000), XSOCK_LOAD_WORKERS (4),
# XSOCK_LOAD_ROUNDS (3 pings per connection), XSOCK_LOAD_CONNECTS (10000),
# XSOCK_LOAD_RSS_KIB (2048), XSOCK_LOAD_TIMEOUT (300 s per part),
# XSOCK_SO (xsock.so to load; default: build modules/xsock.so), XSOCK_PHP
# (the php binary, e.g. the ASan wrapper that scripts/asan.sh leaves in
# /tmp/xsock-asan/php-asan, with its ASAN_OPTIONS exported).
#
# stream_select() uses select(2): PHP refuses descriptors >= FD_SETSIZE
# (1024), so 1,000 connections in one process is close to the ceiling.
# Prints "N passed, N failed" last; exit code 0 only if every part passed.
set -e
cd "$(dirname "$0")/../.."
root=$PWD
here=$root/tests/load
certs=$root/tests/certs

mode=xsock
part=all
for a in "$@"; do
	case "$a" in
		--builtin) mode=builtin ;;
		concurrent|sequential|all) part=$a ;;
		*) echo "usage: $0 [--builtin] [concurrent|sequential|all]" >&2; exit 2 ;;
	esac
done

clients=${XSOCK_LOAD_CLIENTS:-1000}
workers=${XSOCK_LOAD_WORKERS:-4}
rounds=${XSOCK_LOAD_ROUNDS:-3}
connects=${XSOCK_LOAD_CONNECTS:-10000}
rss_kib=${XSOCK_LOAD_RSS_KIB:-2048}
timeout=${XSOCK_LOAD_TIMEOUT:-300}

ext=""
if [ "$mode" = xsock ]; then
	so=${XSOCK_SO:-}
	if [ -z "$so" ]; then
		. scripts/deps.sh
		xsock_need $XSOCK_BUILD_DEPS
		xsock_build
		so=$root/modules/xsock.so
	fi
	ext="-d extension=$so"
fi
php="${XSOCK_PHP:-php} -d memory_limit=512M $ext"

# Descriptors: 1,000 connections in the server plus pipes and stdio.
ulimit -n 4096 2>/dev/null || ulimit -n "$(ulimit -Hn)"
echo "load: $mode, fd limit $(ulimit -n), $(nproc 2>/dev/null || echo '?') cores"

tmp=$(mktemp -d)
pids=""
cleanup() {
	for pid in $pids; do
		kill "$pid" 2>/dev/null || true
	done
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# Start "$@" in the background, output to $1, wait for its READY line.
# Sets $ready_addr and adds the PID to $pids.
start_ready() {
	out=$1
	shift
	"$@" >"$out" 2>&1 &
	last=$!
	pids="$pids $last"
	i=0
	while ! grep -q '^READY ' "$out" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 100 ] || ! kill -0 "$last" 2>/dev/null; then
			echo "load: server did not start:" >&2
			cat "$out" >&2
			return 1
		fi
		sleep 0.1
	done
	ready_addr=$(sed -n 's/^READY //p' "$out" | head -1)
}

passed=0
failed=0

run_concurrent() {
	per=$(( (clients + workers - 1) / workers ))
	total=$(( per * workers ))
	echo "== concurrent: $total TLS clients ($workers workers x $per), $rounds pings each"
	start=$(date +%s)
	# shellcheck disable=SC2086 # $php is a command line
	start_ready "$tmp/server.out" $php "$here/concurrent_server.php" "$certs" "$total" "$timeout" || return 1
	server_pid=$last
	wpids=""
	w=0
	while [ $w -lt "$workers" ]; do
		# shellcheck disable=SC2086
		$php "$here/concurrent_clients.php" "$ready_addr" "$per" "$certs" "$rounds" "$timeout" >"$tmp/client$w.out" 2>&1 &
		wpids="$wpids $!"
		pids="$pids $!"
		w=$((w + 1))
	done
	ok=1
	for wp in $wpids; do
		wait "$wp" || ok=0
	done
	wait "$server_pid" || ok=0
	secs=$(( $(date +%s) - start ))
	echo "server: $(tail -1 "$tmp/server.out")"
	w=0
	while [ $w -lt "$workers" ]; do
		echo "client $w: $(tail -1 "$tmp/client$w.out")"
		w=$((w + 1))
	done
	echo "concurrent: ${secs}s"
	[ $ok = 1 ]
}

run_sequential() {
	echo "== sequential: $connects TLS connections, fd/RSS sampled every 1000 (RSS bound ${rss_kib} KiB)"
	start=$(date +%s)
	# shellcheck disable=SC2086
	start_ready "$tmp/seq-server.out" $php "$here/sequential.php" server "$certs" "$connects" "$rss_kib" || return 1
	server_pid=$last
	ok=1
	# shellcheck disable=SC2086
	$php "$here/sequential.php" client "$ready_addr" "$certs" "$connects" "$rss_kib" >"$tmp/seq-client.out" 2>&1 || ok=0
	wait "$server_pid" || ok=0
	secs=$(( $(date +%s) - start ))
	echo "server: $(tail -1 "$tmp/seq-server.out")"
	echo "client: $(tail -1 "$tmp/seq-client.out")"
	echo "sequential: ${secs}s"
	[ $ok = 1 ]
}

for what in concurrent sequential; do
	[ "$part" = all ] || [ "$part" = "$what" ] || continue
	if "run_$what"; then
		echo "PASS $what"
		passed=$((passed + 1))
	else
		echo "FAIL $what"
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
