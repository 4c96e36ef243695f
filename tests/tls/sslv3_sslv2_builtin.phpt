--TEST--
TLS built-in: sslv3:// and sslv2:// are not registered on OpenSSL 3
--SKIPIF--
<?php
if (extension_loaded('xsock')) die('skip builtin behaviour');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
if (in_array('sslv3', stream_get_transports(), true)) die('skip this OpenSSL has SSLv3');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

[$srv, $addr] = xsock_listen('tcp');
foreach (['sslv3', 'sslv2'] as $scheme) {
	$c = stream_socket_client("$scheme://$addr", $errno, $errstr, 1);
	/* $errno is not asserted: PHP leaves it uninitialised on this path (seen: 32685) */
	var_dump($c, $errstr);
	$s = @stream_socket_server("$scheme://127.0.0.1:0", $errno, $errstr);
	var_dump($s, $errstr);
}
?>
--EXPECTF--
Warning: stream_socket_client(): Unable to connect to sslv3://127.0.0.1:%d (Unable to find the socket transport "sslv3" - did you forget to enable it when you configured PHP?) in %s on line %d
bool(false)
string(%d) "Unable to find the socket transport "sslv3" - did you forget to enable it when you configured PHP?"
bool(false)
string(%d) "Unable to find the socket transport "sslv3" - did you forget to enable it when you configured PHP?"

Warning: stream_socket_client(): Unable to connect to sslv2://127.0.0.1:%d (Unable to find the socket transport "sslv2" - did you forget to enable it when you configured PHP?) in %s on line %d
bool(false)
string(%d) "Unable to find the socket transport "sslv2" - did you forget to enable it when you configured PHP?"
bool(false)
string(%d) "Unable to find the socket transport "sslv2" - did you forget to enable it when you configured PHP?"
