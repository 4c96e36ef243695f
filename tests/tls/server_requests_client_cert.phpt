--TEST--
TLS server default: it asks for a client certificate, so a client that sends one fails verification (no trust store)
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

foreach (['default' => [], 'verify_peer false' => ['verify_peer' => false],
		'cafile only' => ['cafile' => xsock_cert('ca.pem')]] as $name => $opts) {
	echo "-- server $name, client sends client.pem\n";
	[$srv, $addr] = xsock_tls_listen(xsock_server_ssl($opts));
	$w = xsock_tls_worker('
		xsock_worker_ready();
		$ctx = stream_context_create(["ssl" => xsock_client_ssl(["local_cert" => xsock_cert("client.pem")])]);
		$c = @stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
		echo "client read: ", var_export($c ? @fgets($c) : false, true), "\n";
	');
	$c = stream_socket_accept($srv, 5);
	echo "accepted: ", var_export($c !== false, true), "\n";
	if ($c) {
		fwrite($c, "welcome\n");
		fclose($c);
	}
	echo xsock_peer_wait($w);
	fclose($srv);
}
?>
--EXPECTF--
-- server default, client sends client.pem

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
accepted: false
client read: false
-- server verify_peer false, client sends client.pem
accepted: true
client read: 'welcome
'
-- server cafile only, client sends client.pem
accepted: true
client read: 'welcome
'
