--TEST--
xsock: SNI_server_certs host => integer fails cleanly (PHP 8.2's built-in server crashes here)
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

foreach ([5, null, 1.5] as $bad) {
	echo "-- ", var_export($bad, true), "\n";
	[$ok, $out] = xsock_accept_one(xsock_server_ssl(['SNI_server_certs' => ['a.test' => $bad]]),
		['verify_peer' => false, 'peer_name' => 'a.test']);
	var_dump($ok);
	echo $out;
}
echo "still alive\n";
?>
--EXPECTF--
-- 5

Warning: stream_socket_accept(): %A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- NULL

Warning: stream_socket_accept(): %A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- 1.5

Warning: stream_socket_accept(): %A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
still alive
