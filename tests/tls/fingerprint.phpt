--TEST--
TLS client: peer_fingerprint as md5 / sha1 string and [algo => hex] array, match and mismatch
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$md5 = xsock_fingerprint('server.crt', 'md5');
$sha1 = xsock_fingerprint('server.crt', 'sha1');
$sha256 = xsock_fingerprint('server.crt', 'sha256');
$cases = [
	'md5 string' => $md5,
	'sha1 string upper case' => strtoupper($sha1),
	'sha256 array' => ['sha256' => $sha256],
	'sha1 + sha256 array' => ['sha1' => $sha1, 'sha256' => $sha256],
	'sha1 string mismatch' => str_repeat('a', 40),
	'sha256 array mismatch' => ['sha256' => str_repeat('0', 64)],
	'array with one wrong entry' => ['sha1' => $sha1, 'sha256' => str_repeat('0', 64)],
	'sha256 as plain string (unsupported length)' => $sha256,
];
foreach ($cases as $name => $fp) {
	echo "-- $name\n";
	[$c, $errno] = xsock_connect_s_server('-cert {certs}/server.pem', xsock_client_ssl(['peer_fingerprint' => $fp]));
	var_dump($c !== false);
}
echo "-- fingerprint does not replace verification\n";
[$c] = xsock_connect_s_server('-cert {certs}/selfsigned.pem', ['peer_name' => 'localhost',
	'peer_fingerprint' => xsock_fingerprint('selfsigned.crt', 'sha1')]);
var_dump($c !== false);
echo "-- fingerprint alone with verify_peer off\n";
[$c] = xsock_connect_s_server('-cert {certs}/selfsigned.pem', ['verify_peer' => false, 'peer_name' => 'localhost',
	'peer_fingerprint' => xsock_fingerprint('selfsigned.crt', 'md5')]);
var_dump($c !== false);
?>
--EXPECTF--
-- md5 string
bool(true)
-- sha1 string upper case
bool(true)
-- sha256 array
bool(true)
-- sha1 + sha256 array
bool(true)
-- sha1 string mismatch

Warning: stream_socket_client(): peer_fingerprint match failure%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
-- sha256 array mismatch

Warning: stream_socket_client(): peer_fingerprint match failure%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
-- array with one wrong entry

Warning: stream_socket_client(): peer_fingerprint match failure%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
-- sha256 as plain string (unsupported length)

Warning: stream_socket_client(): peer_fingerprint match failure%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
-- fingerprint does not replace verification

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
-- fingerprint alone with verify_peer off
bool(true)
