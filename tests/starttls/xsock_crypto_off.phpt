--TEST--
xsock: enable_crypto(false) returns true, the stream is clean plaintext afterwards, and TLS can be turned on again (PHP on both ends)
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

[$srv, $addr] = xsock_listen('tcp', '127.0.0.1', stream_context_create(['ssl' => xsock_server_ssl()]));
$w = xsock_tls_worker('
	xsock_worker_ready();
	$ctx = stream_context_create(["ssl" => xsock_client_ssl()]);
	$c = stream_socket_client(' . var_export("tcp://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
	stream_set_timeout($c, 5);
	for ($round = 1; $round <= 2; $round++) {
		echo "C enable: ", var_export(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT), true), "\n";
		fwrite($c, "secret $round\n");
		echo "C got: ", fgets($c);
		echo "C disable: ", var_export(stream_socket_enable_crypto($c, false), true), "\n";
		echo "C crypto meta: ", var_export(isset(stream_get_meta_data($c)["crypto"]), true), "\n";
		echo "C got plain: ", json_encode(fgets($c)), "\n";
		fwrite($c, "PLAIN $round\n");
	}
	echo "C final: ", json_encode(fgets($c)), "\n";
');
$c = stream_socket_accept($srv, 5);
stream_set_timeout($c, 5);
for ($round = 1; $round <= 2; $round++) {
	echo "S enable: ", var_export(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_SERVER), true), "\n";
	echo "S got: ", fgets($c);
	fwrite($c, "secret back $round\n");
	echo "S disable: ", var_export(stream_socket_enable_crypto($c, false), true), "\n";
	fwrite($c, "PLAIN BACK $round\n");
	echo "S got plain: ", json_encode(fgets($c)), "\n";
}
fwrite($c, "bye in plaintext\n");
fclose($c);
echo xsock_peer_wait($w);
?>
--EXPECT--
S enable: true
S got: secret 1
S disable: true
S got plain: "PLAIN 1\n"
S enable: true
S got: secret 2
S disable: true
S got plain: "PLAIN 2\n"
C enable: true
C got: secret back 1
C disable: true
C crypto meta: false
C got plain: "PLAIN BACK 1\n"
C enable: true
C got: secret back 2
C disable: true
C crypto meta: false
C got plain: "PLAIN BACK 2\n"
C final: "bye in plaintext\n"
