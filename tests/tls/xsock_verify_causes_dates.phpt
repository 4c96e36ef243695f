--TEST--
xsock: an expired or not yet valid certificate is named with its date (UTC) after PHP's text
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

echo "-- expired (tests/certs/expired.pem: 2000-01-01 to 2001-01-01)\n";
[$c, $errno, $errstr] = xsock_connect_s_server('-cert {certs}/expired.pem', xsock_client_ssl());
var_dump($c, $errstr, xsock_last_error()['hint'] === $errstr);

echo "-- not yet valid (made now: 2100-01-01 12:30:45 to 2101-01-01)\n";
$future = xsock_make_cert('localhost', 'DNS:localhost', '21000101123045Z', '21010101000000Z');
[$c, $errno, $errstr] = xsock_connect_s_server('-cert ' . escapeshellarg($future), xsock_client_ssl());
var_dump($c, xsock_last_error()['hint']);

?>
--EXPECTF--
-- expired (tests/certs/expired.pem: 2000-01-01 to 2001-01-01)

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed; the server's certificate (CN=localhost,O=xsock tests) expired on 2001-01-01 00:00:00 UTC in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (the server's certificate (CN=localhost,O=xsock tests) expired on 2001-01-01 00:00:00 UTC) in %s on line %d
bool(false)
string(88) "the server's certificate (CN=localhost,O=xsock tests) expired on 2001-01-01 00:00:00 UTC"
bool(true)
-- not yet valid (made now: 2100-01-01 12:30:45 to 2101-01-01)

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed; the server's certificate (CN=localhost,O=xsock tests) is not valid before 2100-01-01 12:30:45 UTC in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
string(97) "the server's certificate (CN=localhost,O=xsock tests) is not valid before 2100-01-01 12:30:45 UTC"
