--TEST--
TLS client: invalid peer_fingerprint values and their warnings
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

foreach (['empty array' => [], 'unknown digest' => ['nope' => 'aa'], 'integer key' => [0 => 'aa'],
		'integer' => 5] as $name => $fp) {
	echo "-- $name\n";
	[$c] = xsock_connect_s_server('-cert {certs}/server.pem', xsock_client_ssl(['peer_fingerprint' => $fp]));
	var_dump($c);
}
?>
--EXPECTF--
-- empty array

Warning: stream_socket_client(): Invalid peer_fingerprint array; [algo => fingerprint] form required in %s on line %d

Warning: stream_socket_client(): peer_fingerprint match failure%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
-- unknown digest

Warning: stream_socket_client(): Unknown digest algorithm in %s on line %d

Warning: stream_socket_client(): peer_fingerprint match failure%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
-- integer key

Warning: stream_socket_client(): Invalid peer_fingerprint array; [algo => fingerprint] form required in %s on line %d

Warning: stream_socket_client(): peer_fingerprint match failure%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
-- integer

Warning: stream_socket_client(): Expected peer fingerprint must be a string or an array%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
