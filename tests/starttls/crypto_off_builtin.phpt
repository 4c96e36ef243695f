--TEST--
STARTTLS off, built-in: enable_crypto(false) returns false, leaves the close_notify record in front of the plaintext, and TLS cannot be turned on again
--SKIPIF--
<?php
if (extension_loaded('xsock')) die('skip builtin behaviour');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

[$srv, $addr] = xsock_listen('tcp', '127.0.0.1', stream_context_create(['ssl' => xsock_server_ssl()]));
$w = xsock_tls_worker('
	/* Read raw bytes until $want has arrived (bounded). */
	function until($c, $want) {
		$d = "";
		$end = microtime(true) + 5;
		while (!str_ends_with($d, $want) && !feof($c) && microtime(true) < $end) {
			$d .= fread($c, 1000);
		}
		return $d;
	}
	xsock_worker_ready();
	$ctx = stream_context_create(["ssl" => xsock_client_ssl()]);
	$c = stream_socket_client(' . var_export("tcp://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
	stream_set_timeout($c, 5);
	echo "C enable: ", var_export(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT), true), "\n";
	fwrite($c, "secret\n");
	echo "C got: ", fgets($c);
	echo "C disable: ", var_export(stream_socket_enable_crypto($c, false), true), "\n";
	echo "C crypto meta: ", var_export(isset(stream_get_meta_data($c)["crypto"]), true), "\n";
	$d = until($c, "PLAIN BACK\n");
	echo "C raw: record type ", bin2hex($d[0]), ", ", strlen($d) - 11, " bytes before the plaintext\n";
	fwrite($c, "PLAIN\n");
	$r = stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT);
	echo "C enable again: ", var_export($r, true), "\n";
');
$c = stream_socket_accept($srv, 5);
stream_set_timeout($c, 5);
echo "S enable: ", var_export(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_SERVER), true), "\n";
echo "S got: ", fgets($c);
fwrite($c, "secret back\n");
echo "S disable: ", var_export(stream_socket_enable_crypto($c, false), true), "\n";
fwrite($c, "PLAIN BACK\n");
$d = '';
$end = microtime(true) + 5;
while (!str_ends_with($d, "PLAIN\n") && !feof($c) && microtime(true) < $end) {
	$d .= fread($c, 1000);
}
echo "S raw: record type ", bin2hex($d[0]), ", ", strlen($d) - 6, " bytes before the plaintext\n";
$r = stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_SERVER);
echo "S enable again: ", var_export($r, true), "\n";
echo xsock_peer_wait($w);
?>
--EXPECTF--
S enable: true
S got: secret
S disable: false
S raw: record type 17, 24 bytes before the plaintext

Warning: stream_socket_enable_crypto(): SSL/TLS already set-up for this stream in %s on line %d
S enable again: false
C enable: true
C got: secret back
C disable: false
C crypto meta: false
C raw: record type 17, 24 bytes before the plaintext
worker warning: stream_socket_enable_crypto(): SSL/TLS already set-up for this stream
C enable again: false
