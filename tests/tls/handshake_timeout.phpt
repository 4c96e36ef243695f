--TEST--
TLS handshake timeout against a silent peer: client (connect timeout) and server (default_socket_timeout)
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--INI--
default_socket_timeout=1
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

echo "-- client: tls:// to a TCP server that never answers, timeout 0.5 s\n";
[$silent, $addr] = xsock_listen('tcp');
$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
$t = microtime(true);
$c = stream_socket_client("tls://$addr", $errno, $errstr, 0.5, STREAM_CLIENT_CONNECT, $ctx);
$took = microtime(true) - $t;
var_dump($c, $errno);
echo "took 0.4-2.0 s: ", var_export($took > 0.4 && $took < 2.0, true), "\n";

echo "-- client: tcp:// then stream_socket_enable_crypto, timeout 0.5 s\n";
$c = stream_socket_client("tcp://$addr", $errno, $errstr, 0.5, STREAM_CLIENT_CONNECT, $ctx);
$t = microtime(true);
var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
$took = microtime(true) - $t;
echo "took 0.4-2.0 s: ", var_export($took > 0.4 && $took < 2.0, true), "\n";
fclose($c);

echo "-- server: accepted client never sends a ClientHello (default_socket_timeout=1)\n";
[$srv, $addr] = xsock_tls_listen(xsock_server_ssl());
$mute = stream_socket_client("tcp://$addr");
$t = microtime(true);
$c = stream_socket_accept($srv, 5);
$took = microtime(true) - $t;
var_dump($c);
echo "took 0.8-3.0 s: ", var_export($took > 0.8 && $took < 3.0, true), "\n";
?>
--EXPECTF--
-- client: tls:// to a TCP server that never answers, timeout 0.5 s

Warning: stream_socket_client(): SSL: Handshake timed out%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
int(0)
took 0.4-2.0 s: true
-- client: tcp:// then stream_socket_enable_crypto, timeout 0.5 s

Warning: stream_socket_enable_crypto(): SSL: Handshake timed out%A
bool(false)
took 0.4-2.0 s: true
-- server: accepted client never sends a ClientHello (default_socket_timeout=1)

Warning: stream_socket_accept(): SSL: Handshake timed out%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
took 0.8-3.0 s: true
