--TEST--
xsock_enable_crypto(): the $session_stream argument resumes the first connection's session (client cache off)
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

foreach (['TLS 1.3' => '', 'TLS 1.2' => '-tls1_2'] as $name => $flag) {
	echo "-- $name\n";
	$p = xsock_s_server("-cert {certs}/server.pem -naccept 3 -www $flag");
	/* session_cache off: only the session stream can make it resume */
	$ctx = stream_context_create(['ssl' => xsock_client_ssl(['session_cache' => false])]);
	$page = function ($s) {
		fwrite($s, "GET / HTTP/1.0\r\n\r\n");
		return xsock_lines(stream_get_contents($s), '/^(New|Reused),/', true);
	};
	$first = stream_socket_client("tcp://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	var_dump(xsock_enable_crypto($first, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
	echo $page($first);
	stream_socket_shutdown($first, STREAM_SHUT_RDWR);

	$plain = stream_socket_client("tcp://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	var_dump(xsock_enable_crypto($plain, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
	echo "without session stream: ", $page($plain);
	fclose($plain);

	$second = stream_socket_client("tcp://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	var_dump(xsock_enable_crypto($second, true, STREAM_CRYPTO_METHOD_TLS_CLIENT, $first));
	echo "with session stream: ", $page($second);
	fclose($second);
	fclose($first);
	xsock_proc_stop($p);
}
?>
--EXPECTF--
-- TLS 1.3
bool(true)
New, TLSv1.3, Cipher is %s
bool(true)
without session stream: New, TLSv1.3, Cipher is %s
bool(true)
with session stream: Reused, TLSv1.3, Cipher is %s
-- TLS 1.2
bool(true)
New, TLSv1.2, Cipher is %s
bool(true)
without session stream: New, TLSv1.2, Cipher is %s
bool(true)
with session stream: Reused, TLSv1.2, Cipher is %s
