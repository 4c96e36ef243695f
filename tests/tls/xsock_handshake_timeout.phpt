--TEST--
xsock: ssl.handshake_timeout bounds a whole TLS handshake (client connect, non-blocking server enable_crypto), names its budget, and rejects bad values
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.inc';
if (!xsock_test_loaded()) die('skip xsock not loaded');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/* A TCP listener that never accepts: the kernel completes the connect, nobody answers the ClientHello. */
[$silent, $addr] = xsock_listen('tcp');

echo "-- client, connect timeout 30 s, handshake_timeout 0.5 s\n";
$ctx = stream_context_create(['ssl' => xsock_client_ssl(['handshake_timeout' => 0.5])]);
$t = microtime(true);
[$c, $w] = xsock_catch(fn() => stream_socket_client("tls://$addr", $en, $es, 30, STREAM_CLIENT_CONNECT, $ctx));
$took = microtime(true) - $t;
var_dump($c);
echo implode("\n", $w), "\n";
echo "within bounds: ", var_export($took >= 0.45 && $took < 5.0, true), "\n";
$e = xsock_last_error();
echo "last error: {$e['phase']}, {$e['timeout_ms']} ms of {$e['budget']}\n";

echo "-- server side, non-blocking stream_socket_enable_crypto against a client that sends nothing\n";
[$srv, $saddr] = xsock_listen('tcp', '127.0.0.1', stream_context_create(['ssl' => xsock_server_ssl(['handshake_timeout' => 0.5])]));
$quiet = stream_socket_client("tcp://$saddr", $en, $es, 5);
$child = stream_socket_accept($srv, 5);
stream_set_blocking($child, false);
$t = microtime(true);
$polls = 0;
do {
	[$r, $w] = xsock_catch(fn() => stream_socket_enable_crypto($child, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
	if ($r === 0) {
		$polls++;
		$rd = [$child];
		$wr = $ex = null;
		stream_select($rd, $wr, $ex, 0, 100000);
	}
} while ($r === 0 && microtime(true) - $t < 10);
$took = microtime(true) - $t;
var_dump($r);
echo implode("\n", $w), "\n";
echo "polled first: ", var_export($polls > 0, true), ", within bounds: ", var_export($took >= 0.45 && $took < 5.0, true), "\n";

echo "-- bad values\n";
foreach ([0, -1, 'soon', 100000] as $bad) {
	$ctx = stream_context_create(['ssl' => xsock_client_ssl(['handshake_timeout' => $bad])]);
	[$c, $w] = xsock_catch(fn() => stream_socket_client("tls://$addr", $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx));
	echo var_export($bad, true), ": ", var_export($c, true), " ", $w[0] ?? '', "\n";
}
?>
--EXPECTF--
-- client, connect timeout 30 s, handshake_timeout 0.5 s
bool(false)
stream_socket_client(): SSL: Handshake timed out; the TLS handshake did not finish within ssl.handshake_timeout (0.500 s)
stream_socket_client(): Failed to enable crypto
stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (the server did not complete the TLS handshake within ssl.handshake_timeout (0.500 s))
within bounds: true
last error: tls_handshake, 500 ms of ssl.handshake_timeout
-- server side, non-blocking stream_socket_enable_crypto against a client that sends nothing
bool(false)
stream_socket_enable_crypto(): SSL: Handshake timed out; the TLS handshake did not finish within ssl.handshake_timeout (0.500 s)
polled first: true, within bounds: true
-- bad values
0: false stream_socket_client(): handshake_timeout must be a number of seconds greater than 0 and at most 86400
-1: false stream_socket_client(): handshake_timeout must be a number of seconds greater than 0 and at most 86400
'soon': false stream_socket_client(): handshake_timeout must be a number of seconds greater than 0 and at most 86400
100000: false stream_socket_client(): handshake_timeout must be a number of seconds greater than 0 and at most 86400
