--TEST--
TLS mutual authentication against openssl: PHP client vs s_server -Verify, PHP server vs s_client -cert
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

foreach (['with client.pem' => ['local_cert' => xsock_cert('client.pem')], 'without certificate' => []] as $name => $o) {
	echo "-- PHP client $name vs s_server -Verify 1\n";
	$p = xsock_s_server('-cert {certs}/server.pem -naccept 1 -Verify 1 -verify_return_error -CAfile {certs}/ca.pem -rev');
	$ctx = stream_context_create(['ssl' => xsock_client_ssl($o)]);
	$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	var_dump($c !== false);
	if ($o) {
		fwrite($c, "abc\n");
	}
	/* without a certificate the server's alert is what arrives */
	var_dump(fgets($c));
	fclose($c);
	echo xsock_lines(xsock_peer_wait($p), '/^(Peer certificate|Verification|CONNECTION (ESTABLISHED|FAILURE))/');
}

echo "-- PHP server (verify_peer, cafile) vs s_client -cert client.crt -key client.key\n";
[$srv] = xsock_tls_listen(xsock_server_ssl(['verify_peer' => true, 'cafile' => xsock_cert('ca.pem'), 'capture_peer_cert' => true]));
[$ok, $out] = xsock_s_client_accept($srv, '-cert {certs}/client.crt -key {certs}/client.key -CAfile {certs}/ca.pem -brief',
	function ($c) use ($srv) {
		$cert = stream_context_get_options($srv)['ssl']['peer_certificate'];
		echo "server saw: ", openssl_x509_parse($cert)['subject']['CN'], "\n";
		fwrite($c, "hello client\n");
	});
var_dump($ok);
echo xsock_lines($out, '/^(Verification|hello)/');
?>
--EXPECTF--
-- PHP client with client.pem vs s_server -Verify 1
bool(true)
string(4) "cba
"
CONNECTION ESTABLISHED
Peer certificate: O=xsock tests, CN=xsock test client
Verification: OK
-- PHP client without certificate vs s_server -Verify 1
bool(true)

Warning: fgets(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00045C:SSL routines::tlsv13 alert certificate required in %s on line %d
bool(false)
CONNECTION FAILURE
-- PHP server (verify_peer, cafile) vs s_client -cert client.crt -key client.key
server saw: xsock test client
bool(true)
Verification: OK
hello client
