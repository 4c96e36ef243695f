--TEST--
STARTTLS session_stream: the 4th argument of stream_socket_enable_crypto resumes the first connection's session (FTPS data channel style)
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

foreach (['TLS 1.3' => '', 'TLS 1.2' => '-tls1_2'] as $name => $flag) {
	echo "-- $name\n";
	$p = xsock_s_server("-cert {certs}/server.pem -naccept 2 -www $flag");
	$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
	$control = stream_socket_client("tcp://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	var_dump(stream_socket_enable_crypto($control, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
	fwrite($control, "GET / HTTP/1.0\r\n\r\n");
	echo xsock_lines(stream_get_contents($control), '/^(New|Reused),/', true);
	/* s_server serves one connection at a time: end this one at the socket level, keep the stream */
	stream_socket_shutdown($control, STREAM_SHUT_RDWR);
	$data = stream_socket_client("tcp://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	var_dump(stream_socket_enable_crypto($data, true, STREAM_CRYPTO_METHOD_TLS_CLIENT, $control));
	fwrite($data, "GET / HTTP/1.0\r\n\r\n");
	echo xsock_lines(stream_get_contents($data), '/^(New|Reused),/', true);
	fclose($control);
	fclose($data);
	xsock_proc_stop($p);
}

echo "-- unusable session streams: a warning, and the handshake still works\n";
$p = xsock_s_server('-cert {certs}/server.pem -naccept 2 -www');
[$plain, $plainAddr] = xsock_listen('tcp');
$sessions = [
	'php://memory' => fopen('php://memory', 'r+'),
	'tcp:// stream without TLS' => stream_socket_client("tcp://$plainAddr"),
];
foreach ($sessions as $kind => $session) {
	echo "$kind:\n";
	$c = stream_socket_client("tcp://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => xsock_client_ssl()]));
	var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT, $session));
	fwrite($c, "GET / HTTP/1.0\r\n\r\n");
	/* New or Reused is not asserted here: xsock may resume from its own client cache */
	echo xsock_lines(stream_get_contents($c), '/^(New|Reused),/') !== '' ? "served\n" : "no page\n";
	fclose($c);
}
xsock_proc_stop($p);
?>
--EXPECTF--
-- TLS 1.3
bool(true)
New, TLSv1.3, Cipher is %s
bool(true)
Reused, TLSv1.3, Cipher is %s
-- TLS 1.2
bool(true)
New, TLSv1.2, Cipher is %s
bool(true)
Reused, TLSv1.2, Cipher is %s
-- unusable session streams: a warning, and the handshake still works
php://memory:

Warning: stream_socket_enable_crypto(): Supplied session stream must be an SSL enabled stream in %s on line %d
bool(true)
served
tcp:// stream without TLS:

Warning: stream_socket_enable_crypto(): Supplied SSL session stream is not initialized in %s on line %d
bool(true)
served
