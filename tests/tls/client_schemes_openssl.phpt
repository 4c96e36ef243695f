--TEST--
TLS client: ssl://, tls://, tlsv1.2://, tlsv1.3:// against openssl s_server
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

foreach (['ssl', 'tls', 'tlsv1.2', 'tlsv1.3'] as $scheme) {
	$p = xsock_s_server('-cert {certs}/server.pem -naccept 1 -rev');
	$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
	$c = stream_socket_client("$scheme://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	$meta = stream_get_meta_data($c);
	fwrite($c, "hello $scheme\n");
	$line = fgets($c);
	printf("%-8s %s %s errno=%d errstr=%s reply=%s", $scheme, $meta['crypto']['protocol'],
		$meta['stream_type'], $errno, var_export($errstr, true), $line);
	fclose($c);
	xsock_peer_wait($p, 5);
}
?>
--EXPECT--
ssl      TLSv1.3 tcp_socket/ssl errno=0 errstr='' reply=lss olleh
tls      TLSv1.3 tcp_socket/ssl errno=0 errstr='' reply=slt olleh
tlsv1.2  TLSv1.2 tcp_socket/ssl errno=0 errstr='' reply=2.1vslt olleh
tlsv1.3  TLSv1.3 tcp_socket/ssl errno=0 errstr='' reply=3.1vslt olleh
