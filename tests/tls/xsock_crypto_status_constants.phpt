--TEST--
tls (xsock only on PHP < 8.6): STREAM_CRYPTO_STATUS_* constants; stream_socket_get_crypto_status() is NONE on streams without TLS
--SKIPIF--
<?php
/* Runs with xsock (which offers the function on 8.2-8.5) and on PHP 8.6. */
if (!function_exists('stream_socket_get_crypto_status') && !extension_loaded('xsock')) die('skip stream_socket_get_crypto_status() needs PHP 8.6 or xsock');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

var_dump(STREAM_CRYPTO_STATUS_NONE, STREAM_CRYPTO_STATUS_WANT_READ, STREAM_CRYPTO_STATUS_WANT_WRITE);
var_dump(function_exists('stream_socket_get_crypto_status'));

[$srv, $cli, $acc] = compat_tcp_pair();
var_dump(@stream_socket_get_crypto_status($cli), @stream_socket_get_crypto_status($srv));
/* A non-blocking read that finds nothing is no crypto operation. */
stream_set_blocking($cli, false);
var_dump(fread($cli, 10), @stream_socket_get_crypto_status($cli));
var_dump(@stream_socket_get_crypto_status(fopen(__FILE__, 'r')));

try {
	stream_socket_get_crypto_status('not a stream');
} catch (TypeError $e) {
	echo $e->getMessage(), "\n";
}
fclose($cli);
try {
	stream_socket_get_crypto_status($cli);
} catch (TypeError $e) {
	echo $e->getMessage(), "\n";
}
?>
--EXPECT--
int(0)
int(1)
int(2)
bool(true)
int(0)
int(0)
string(0) ""
int(0)
int(0)
stream_socket_get_crypto_status(): Argument #1 ($stream) must be of type resource, string given
stream_socket_get_crypto_status(): supplied resource is not a valid stream resource
