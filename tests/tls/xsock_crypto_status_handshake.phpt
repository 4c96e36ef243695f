--TEST--
tls (xsock only on PHP < 8.6): a non-blocking handshake driven only by stream_select() in the direction stream_socket_get_crypto_status() reports, through a fragmenting relay
--DESCRIPTION--
Modelled on php-src 8.6's crypto_status tests (PR #22193): while
stream_socket_enable_crypto() returns 0 the status is WANT_READ or
WANT_WRITE, never NONE; after the handshake and after a read that got data
it is NONE.  Client, server and a relay that passes 7 bytes at a time all
run in this process, so each side has to wait for reads several times; a
wrong direction would stall the loop and the test would time out.
--SKIPIF--
<?php
/* Runs with xsock (which offers the function on 8.2-8.5) and on PHP 8.6. */
if (!function_exists('stream_socket_get_crypto_status') && !extension_loaded('xsock')) die('skip stream_socket_get_crypto_status() needs PHP 8.6 or xsock');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

[$lsrv, $saddr] = xsock_listen('tcp', '127.0.0.1', stream_context_create(['ssl' => xsock_server_ssl()]));
[$lproxy, $paddr] = xsock_listen('tcp');
$c = stream_socket_client("tcp://$paddr", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
	stream_context_create(['ssl' => xsock_client_ssl()]));
$p1 = stream_socket_accept($lproxy, 5);
$p2 = stream_socket_client("tcp://$saddr", $errno, $errstr, 5);
$s = stream_socket_accept($lsrv, 5);
foreach ([$c, $s] as $x) {
	stream_set_blocking($x, false);
}
foreach ([$p1, $p2] as $x) {
	stream_set_read_buffer($x, 0);	/* 7 bytes from the socket, not a chunk into PHP's buffer */
}

/* Relay at most 7 bytes per direction from the readable relay ends. */
function relay(array $readable, $p1, $p2): void
{
	foreach ($readable as $r) {
		if ($r === $p1 || $r === $p2) {
			$data = fread($r, 7);
			if ($data !== '' && $data !== false) {
				fwrite($r === $p1 ? $p2 : $p1, $data);
			}
		}
	}
}

$sides = ['client' => [$c, STREAM_CRYPTO_METHOD_TLS_CLIENT], 'server' => [$s, STREAM_CRYPTO_METHOD_TLS_SERVER]];
$done = ['client' => false, 'server' => false];
$seen = ['client' => [0, 0, 0], 'server' => [0, 0, 0]];
$end = microtime(true) + 10;
while (in_array(false, $done, true) && microtime(true) < $end) {
	$rd = [$p1, $p2];
	$wr = [];
	foreach ($sides as $name => [$stream, $method]) {
		if ($done[$name]) {
			continue;
		}
		$r = stream_socket_enable_crypto($stream, true, $method);
		if ($r === true) {
			$done[$name] = true;
			continue;
		}
		if ($r !== 0) {
			die("$name: handshake failed\n");
		}
		$st = stream_socket_get_crypto_status($stream);
		$seen[$name][$st]++;
		if ($st === STREAM_CRYPTO_STATUS_WANT_WRITE) {
			$wr[] = $stream;
		} elseif ($st === STREAM_CRYPTO_STATUS_WANT_READ) {
			$rd[] = $stream;
		}
	}
	$ex = null;
	if (($rd || $wr) && stream_select($rd, $wr, $ex, 1) > 0) {
		relay($rd, $p1, $p2);
	}
}
foreach ($sides as $name => [$stream]) {
	printf("%s: done %s, status %d, 0 with NONE: %d, waited for reads at least 3 times: %s\n", $name,
		var_export($done[$name], true), stream_socket_get_crypto_status($stream), $seen[$name][0],
		var_export($seen[$name][1] >= 3, true));
}

echo "-- reads\n";
var_dump(fread($c, 100), stream_socket_get_crypto_status($c) === STREAM_CRYPTO_STATUS_WANT_READ);
fwrite($s, "pong");
$got = '';
while ($got === '' && microtime(true) < $end) {
	$rd = [$p1, $p2, $c];
	$wr = $ex = null;
	stream_select($rd, $wr, $ex, 1);
	relay($rd, $p1, $p2);
	$got = fread($c, 100);
	if ($got === '' && stream_socket_get_crypto_status($c) !== STREAM_CRYPTO_STATUS_WANT_READ) {
		die("an empty read left status " . stream_socket_get_crypto_status($c) . "\n");
	}
}
var_dump($got, stream_socket_get_crypto_status($c));
echo "-- a read that finishes from PHP's buffer\n";
fwrite($s, "abcde");
$got = '';
while ($got === '' && microtime(true) < $end) {
	$rd = [$p1, $p2, $c];
	$wr = $ex = null;
	stream_select($rd, $wr, $ex, 1);
	relay($rd, $p1, $p2);
	$got = fread($c, 1);
}
var_dump($got, fread($c, 10));
/*
 * fread() took "bcde" from PHP's buffer, then asked the socket for more and
 * got nothing.  PHP 8.3+ marks that extra read (has_buffered_data), so it
 * leaves no WANT_READ behind (PHP 8.6, PR #22332); PHP 8.2 does not mark
 * it, and there the status says where more bytes would come from.
 */
var_dump(stream_socket_get_crypto_status($c) === (PHP_VERSION_ID >= 80300
	? STREAM_CRYPTO_STATUS_NONE : STREAM_CRYPTO_STATUS_WANT_READ));
echo "-- write\n";
var_dump(fwrite($c, "ping"), stream_socket_get_crypto_status($c));
?>
--EXPECT--
client: done true, status 0, 0 with NONE: 0, waited for reads at least 3 times: true
server: done true, status 0, 0 with NONE: 0, waited for reads at least 3 times: true
-- reads
string(0) ""
bool(true)
string(4) "pong"
int(0)
-- a read that finishes from PHP's buffer
string(1) "a"
string(4) "bcde"
bool(true)
-- write
int(4)
int(0)
