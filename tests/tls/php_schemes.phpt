--TEST--
TLS PHP vs PHP: each scheme on both ends, data both ways, crypto meta on both ends
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

foreach (['ssl', 'tls', 'tlsv1.2', 'tlsv1.3'] as $scheme) {
	[$srv, $addr] = xsock_tls_listen(xsock_server_ssl(), $scheme);
	$w = xsock_tls_worker('
		xsock_worker_ready();
		$ctx = stream_context_create(["ssl" => xsock_client_ssl()]);
		$c = stream_socket_client(' . var_export("$scheme://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
		$m = stream_get_meta_data($c)["crypto"];
		fwrite($c, "ping from client\n");
		echo "client got: ", fgets($c);
		echo "client protocol: ", $m["protocol"], " ", $m["cipher_version"], "\n";
		fclose($c);
	');
	$conn = stream_socket_accept($srv, 5);
	$m = stream_get_meta_data($conn);
	echo "$scheme server got: ", fgets($conn);
	fwrite($conn, "pong from server\n");
	echo "server protocol: ", $m['crypto']['protocol'], " bits>0: ", var_export($m['crypto']['cipher_bits'] > 0, true), "\n";
	echo "server eof after close: ", var_export(fread($conn, 10) === '' && feof($conn), true), "\n";
	fclose($conn);
	fclose($srv);
	echo xsock_peer_wait($w);
}
?>
--EXPECT--
ssl server got: ping from client
server protocol: TLSv1.3 bits>0: true
server eof after close: true
client got: pong from server
client protocol: TLSv1.3 TLSv1.3
tls server got: ping from client
server protocol: TLSv1.3 bits>0: true
server eof after close: true
client got: pong from server
client protocol: TLSv1.3 TLSv1.3
tlsv1.2 server got: ping from client
server protocol: TLSv1.2 bits>0: true
server eof after close: true
client got: pong from server
client protocol: TLSv1.2 TLSv1.2
tlsv1.3 server got: ping from client
server protocol: TLSv1.3 bits>0: true
server eof after close: true
client got: pong from server
client protocol: TLSv1.3 TLSv1.3
