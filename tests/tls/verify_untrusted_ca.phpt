--TEST--
TLS client verification: certificate from a CA that is not in cafile
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

echo "-- cafile = our CA\n";
[$c] = xsock_connect_s_server('-cert {certs}/untrusted.pem', xsock_client_ssl());
var_dump($c);

echo "-- cafile = the other CA\n";
[$c] = xsock_connect_s_server('-cert {certs}/untrusted.pem', xsock_client_ssl(['cafile' => xsock_cert('untrusted-ca.pem')]));
var_dump($c !== false);

echo "-- capath pointing at a directory without CA hash links: nothing trusted\n";
[$c] = xsock_connect_s_server('-cert {certs}/server.pem', ['capath' => __DIR__, 'peer_name' => 'localhost']);
var_dump($c);
?>
--EXPECTF--
-- cafile = our CA

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
-- cafile = the other CA
bool(true)
-- capath pointing at a directory without CA hash links: nothing trusted

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
