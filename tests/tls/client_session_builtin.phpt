--TEST--
TLS built-in client: a second stream_socket_client() with the same context starts a new session
--SKIPIF--
<?php
if (extension_loaded('xsock')) die('skip builtin behaviour');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$p = xsock_s_server('-cert {certs}/server.pem -naccept 2 -www');
$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
for ($i = 0; $i < 2; $i++) {
	$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	fwrite($c, "GET / HTTP/1.0\r\n\r\n");
	$page = stream_get_contents($c);
	fclose($c);
	echo xsock_lines($page, '/^(New|Reused),/', true);
}
xsock_proc_stop($p);
?>
--EXPECTF--
New, TLSv1.3, Cipher is %s
New, TLSv1.3, Cipher is %s
