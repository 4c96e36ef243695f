--TEST--
TLS client verification: self-signed certificate rejected, accepted with allow_self_signed
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

echo "-- default options\n";
[$c, $errno, $errstr] = xsock_connect_s_server('-cert {certs}/selfsigned.pem', ['peer_name' => 'localhost']);
var_dump($c, $errno, $errstr);

echo "-- allow_self_signed, verify_peer_name off\n";
[$c] = xsock_connect_s_server('-cert {certs}/selfsigned.pem', ['allow_self_signed' => true, 'verify_peer_name' => false]);
var_dump($c !== false);

echo "-- allow_self_signed with peer_name localhost\n";
[$c] = xsock_connect_s_server('-cert {certs}/selfsigned.pem', ['allow_self_signed' => true, 'peer_name' => 'localhost']);
var_dump($c !== false);

echo "-- allow_self_signed, name taken from the URL (127.0.0.1 is not in the SAN)\n";
[$c] = xsock_connect_s_server('-cert {certs}/selfsigned.pem', ['allow_self_signed' => true]);
var_dump($c);

echo "-- verify_peer off\n";
[$c] = xsock_connect_s_server('-cert {certs}/selfsigned.pem', ['verify_peer' => false, 'verify_peer_name' => false]);
var_dump($c !== false);

echo "-- trusted through cafile\n";
[$c] = xsock_connect_s_server('-cert {certs}/selfsigned.pem', ['cafile' => xsock_cert('selfsigned.crt'), 'peer_name' => 'localhost']);
var_dump($c !== false);
?>
--EXPECTF--
-- default options

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
int(0)
string(%d) "%A"
-- allow_self_signed, verify_peer_name off
bool(true)
-- allow_self_signed with peer_name localhost
bool(true)
-- allow_self_signed, name taken from the URL (127.0.0.1 is not in the SAN)

Warning: stream_socket_client(): Peer certificate subjectAltName did not match expected name `127.0.0.1'%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
-- verify_peer off
bool(true)
-- trusted through cafile
bool(true)
