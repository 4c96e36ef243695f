--TEST--
TLS mutual authentication: server with verify_peer + cafile; client with, without and with an untrusted certificate
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$clients = [
	'client.pem (signed by our CA)' => ['local_cert' => xsock_cert('client.pem')],
	'no certificate' => [],
	'untrusted.pem' => ['local_cert' => xsock_cert('untrusted.pem')],
];
foreach ($clients as $name => $opts) {
	echo "-- $name\n";
	[$srv, $addr] = xsock_tls_listen(xsock_server_ssl([
		'verify_peer' => true, 'cafile' => xsock_cert('ca.pem'), 'capture_peer_cert' => true]));
	$w = xsock_tls_worker('
		xsock_worker_ready();
		$ctx = stream_context_create(["ssl" => xsock_client_ssl(' . var_export($opts, true) . ')]);
		$c = @stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
		echo "client read: ", var_export($c ? @fgets($c) : false, true), "\n";
	');
	$c = stream_socket_accept($srv, 5);
	$o = stream_context_get_options($srv)['ssl'];
	echo "accepted: ", var_export($c !== false, true), "; client cert seen: ",
		isset($o['peer_certificate']) ? openssl_x509_parse($o['peer_certificate'])['subject']['CN'] : 'none', "\n";
	if ($c) {
		fwrite($c, "welcome\n");
		fclose($c);
	}
	echo xsock_peer_wait($w);
	fclose($srv);
}
?>
--EXPECTF--
-- client.pem (signed by our CA)
accepted: true; client cert seen: xsock test client
client read: 'welcome
'
-- no certificate

Warning: stream_socket_accept(): Could not get peer certificate%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
accepted: false; client cert seen: none
client read: false
-- untrusted.pem

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
accepted: false; client cert seen: none
client read: false
