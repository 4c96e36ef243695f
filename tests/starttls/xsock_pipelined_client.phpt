--TEST--
xsock: STARTTLS command and ClientHello in one write; the bytes fgets() buffered are handed to the handshake
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_python_module('ssl')) die($r);
?>
--INI--
default_socket_timeout=3
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

[$srv, $addr] = xsock_listen('tcp', '127.0.0.1', stream_context_create(['ssl' => xsock_server_ssl()]));
foreach (['stream_socket_enable_crypto', 'xsock_enable_crypto'] as $fn) {
	echo "-- $fn\n";
	$py = xsock_python_spawn(xsock_py_starttls_client(), [xsock_port($addr), 'pipelined']);
	$c = stream_socket_accept($srv, 5);
	stream_set_timeout($c, 5);
	echo "S got: ", fgets($c);
	echo "S: ClientHello already buffered by PHP: ", var_export(stream_get_meta_data($c)['unread_bytes'] > 0, true), "\n";
	fwrite($c, "220 2.0.0 Ready to start TLS\r\n");
	$t = microtime(true);
	var_dump($fn($c, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
	echo "S: handshake under 2 s: ", var_export(microtime(true) - $t < 2, true), "\n";
	echo "S got: ", fgets($c);
	fwrite($c, "250 hello back\r\n");
	fclose($c);
	echo xsock_peer_wait($py);
}
?>
--EXPECT--
-- stream_socket_enable_crypto
S got: STARTTLS
S: ClientHello already buffered by PHP: true
bool(true)
S: handshake under 2 s: true
S got: hello over tls
py reply: 220 2.0.0 Ready to start TLS
py tls: TLSv1.3
py got: 250 hello back
-- xsock_enable_crypto
S got: STARTTLS
S: ClientHello already buffered by PHP: true
bool(true)
S: handshake under 2 s: true
S got: hello over tls
py reply: 220 2.0.0 Ready to start TLS
py tls: TLSv1.3
py got: 250 hello back
