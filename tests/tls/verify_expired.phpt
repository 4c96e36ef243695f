--TEST--
TLS client verification: expired certificate signed by the trusted CA is rejected
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

[$c, $errno] = xsock_connect_s_server('-cert {certs}/expired.pem', xsock_client_ssl());
var_dump($c, $errno);

echo "-- verify_peer off accepts it\n";
[$c] = xsock_connect_s_server('-cert {certs}/expired.pem', xsock_client_ssl(['verify_peer' => false]));
var_dump($c !== false);
?>
--EXPECTF--
Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
int(0)
-- verify_peer off accepts it
bool(true)
