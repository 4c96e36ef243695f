--TEST--
STARTTLS SMTP dialogue, PHP on both ends: tcp:// then stream_socket_enable_crypto() on each side
--SKIPIF--
<?php
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
	$reply = function () use ($c) {
		$all = "";
		do {
			$line = fgets($c);
			$all .= $line;
		} while ($line !== false && $line[3] === "-");
		return $all;
	};
	echo "C got: ", $reply();
	fwrite($c, "EHLO client.example\r\n");
	$ehlo = $reply();
	echo "C: STARTTLS offered: ", var_export(str_contains($ehlo, "250-STARTTLS"), true), "\n";
	fwrite($c, "STARTTLS\r\n");
	echo "C got: ", $reply();
	var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
	echo "C protocol: ", stream_get_meta_data($c)["crypto"]["protocol"], "\n";
	fwrite($c, "EHLO client.example\r\n");
	echo "C: STARTTLS offered again: ", var_export(str_contains($reply(), "STARTTLS"), true), "\n";
	fwrite($c, "QUIT\r\n");
	echo "C got: ", $reply();
');
$c = stream_socket_accept($srv, 5);
stream_set_timeout($c, 5);
fwrite($c, "220 mail.example ESMTP\r\n");
echo "S got: ", fgets($c);
fwrite($c, "250-mail.example\r\n250-STARTTLS\r\n250 SIZE 1000000\r\n");
echo "S got: ", fgets($c);
fwrite($c, "220 2.0.0 Ready to start TLS\r\n");
var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
echo "S protocol: ", stream_get_meta_data($c)['crypto']['protocol'], "\n";
echo "S got: ", fgets($c);
fwrite($c, "250-mail.example\r\n250 SIZE 1000000\r\n");
echo "S got: ", fgets($c);
fwrite($c, "221 2.0.0 Bye\r\n");
fclose($c);
echo xsock_peer_wait($w);
?>
--EXPECT--
S got: EHLO client.example
S got: STARTTLS
bool(true)
S protocol: TLSv1.3
S got: EHLO client.example
S got: QUIT
C got: 220 mail.example ESMTP
C: STARTTLS offered: true
C got: 220 2.0.0 Ready to start TLS
bool(true)
C protocol: TLSv1.3
C: STARTTLS offered again: false
C got: 221 2.0.0 Bye
