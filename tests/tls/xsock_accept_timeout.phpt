--TEST--
xsock: ssl.accept_timeout bounds the handshake inside stream_socket_accept() - a silent and a half-ClientHello client fail within it, the good client behind them is served; invalid values warn
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--INI--
default_socket_timeout=5
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/* PHP's own accept text before xsock's hint (GH-19245: 8.3.26+, 8.4.13+). */
$lead = (PHP_VERSION_ID >= 80326 && PHP_VERSION_ID < 80400) || PHP_VERSION_ID >= 80413 ? 'Cannot enable crypto; ' : '';

function accept_one($srv, string $name): void
{
	global $lead;
	$t = microtime(true);
	[$c, $warnings] = xsock_catch(fn() => stream_socket_accept($srv, 5));
	$took = microtime(true) - $t;
	echo "-- $name: ", $c ? 'accepted' : 'failed', ', within the bound: ', var_export($took < 1.5, true), "\n";
	foreach ($warnings as $w) {
		echo '  ', str_replace("Accept failed: $lead", 'Accept failed: {php}', $w), "\n";
	}
	if ($c) {
		fwrite($c, "served\n");
		fclose($c);
	}
}

[$srv, $addr] = xsock_tls_listen(xsock_server_ssl(['accept_timeout' => 0.5]));
/* Queued in this order in the listen backlog; accept takes them in turn. */
$silent = stream_socket_client("tcp://$addr");
$half = stream_socket_client("tcp://$addr");
/* A TLS record header announcing 512 bytes of ClientHello, then only its first bytes. */
fwrite($half, "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" . str_repeat("\x00", 8));
usleep(100000);
$good = xsock_s_client($addr, '-CAfile {certs}/ca.pem -verify_return_error -ign_eof');

$t0 = microtime(true);
accept_one($srv, 'silent client');
accept_one($srv, 'half a ClientHello');
accept_one($srv, 'good client');
echo "all three within 2.5 s: ", var_export(microtime(true) - $t0 < 2.5, true), "\n";
fclose($good['pipes'][0]);
echo "the good client got its line: ", var_export(str_contains(xsock_peer_wait($good, 5), "served\n"), true), "\n";
fclose($silent);
fclose($half);
fclose($srv);

echo "-- a numeric string and an integer are seconds too\n";
foreach (['0.5', 1] as $v) {
	[$srv, $addr] = xsock_tls_listen(xsock_server_ssl(['accept_timeout' => $v]));
	$silent = stream_socket_client("tcp://$addr");
	accept_one($srv, var_export($v, true));
	fclose($silent);
	fclose($srv);
}

echo "-- invalid values: the accept fails at once, saying why\n";
foreach ([0, -1, 'abc', [], 100000] as $v) {
	[$srv, $addr] = xsock_tls_listen(xsock_server_ssl(['accept_timeout' => $v]));
	$client = stream_socket_client("tcp://$addr");
	accept_one($srv, str_replace("\n", '', var_export($v, true)));
	fclose($client);
	fclose($srv);
}
?>
--EXPECTF--
-- silent client: failed, within the bound: true
  stream_socket_accept(): SSL: Handshake timed out
  stream_socket_accept(): Failed to enable crypto
  stream_socket_accept(): Accept failed: {php}the client did not complete the TLS handshake within ssl.accept_timeout (0.500 s)
-- half a ClientHello: failed, within the bound: true
  stream_socket_accept(): SSL: Handshake timed out
  stream_socket_accept(): Failed to enable crypto
  stream_socket_accept(): Accept failed: {php}the client did not complete the TLS handshake within ssl.accept_timeout (0.500 s)
-- good client: accepted, within the bound: true
all three within 2.5 s: true
the good client got its line: true
-- a numeric string and an integer are seconds too
-- '0.5': failed, within the bound: true
  stream_socket_accept(): SSL: Handshake timed out
  stream_socket_accept(): Failed to enable crypto
  stream_socket_accept(): Accept failed: {php}the client did not complete the TLS handshake within ssl.accept_timeout (0.500 s)
-- 1: failed, within the bound: true
  stream_socket_accept(): SSL: Handshake timed out
  stream_socket_accept(): Failed to enable crypto
  stream_socket_accept(): Accept failed: {php}the client did not complete the TLS handshake within ssl.accept_timeout (1.000 s)
-- invalid values: the accept fails at once, saying why
-- 0: failed, within the bound: true
  stream_socket_accept(): accept_timeout must be a number of seconds greater than 0 and at most 86400
  stream_socket_accept(): Failed to enable crypto
  stream_socket_accept(): Accept failed: %s
-- -1: failed, within the bound: true
  stream_socket_accept(): accept_timeout must be a number of seconds greater than 0 and at most 86400
  stream_socket_accept(): Failed to enable crypto
  stream_socket_accept(): Accept failed: %s
-- 'abc': failed, within the bound: true
  stream_socket_accept(): accept_timeout must be a number of seconds greater than 0 and at most 86400
  stream_socket_accept(): Failed to enable crypto
  stream_socket_accept(): Accept failed: %s
-- array (): failed, within the bound: true
  stream_socket_accept(): accept_timeout must be a number of seconds greater than 0 and at most 86400
  stream_socket_accept(): Failed to enable crypto
  stream_socket_accept(): Accept failed: %s
-- 100000: failed, within the bound: true
  stream_socket_accept(): accept_timeout must be a number of seconds greater than 0 and at most 86400
  stream_socket_accept(): Failed to enable crypto
  stream_socket_accept(): Accept failed: %s
