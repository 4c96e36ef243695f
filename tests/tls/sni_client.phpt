--TEST--
TLS client SNI: peer_name chooses the certificate of an SNI-aware openssl s_server
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$server = '-cert {certs}/b.test.pem -servername a.test -cert2 {certs}/a.test.pem';
foreach ([['peer_name' => 'a.test'], ['peer_name' => 'b.test'],
		['peer_name' => 'a.test', 'SNI_enabled' => false, 'verify_peer_name' => false]] as $opts) {
	echo "-- ", json_encode($opts), "\n";
	[$c, , , $ctx] = xsock_connect_s_server($server, xsock_client_ssl($opts + ['capture_peer_cert' => true]));
	$o = stream_context_get_options($ctx)['ssl'];
	echo "connected: ", var_export($c !== false, true), " cert CN=", openssl_x509_parse($o['peer_certificate'])['subject']['CN'], "\n";
}
echo "-- SNI off, name checked: mismatch\n";
[$c] = xsock_connect_s_server($server, xsock_client_ssl(['peer_name' => 'a.test', 'SNI_enabled' => false]));
var_dump($c);
?>
--EXPECTF--
-- {"peer_name":"a.test"}
connected: true cert CN=a.test
-- {"peer_name":"b.test"}
connected: true cert CN=b.test
-- {"peer_name":"a.test","SNI_enabled":false,"verify_peer_name":false}
connected: true cert CN=b.test
-- SNI off, name checked: mismatch

Warning: stream_socket_client(): Peer certificate subjectAltName did not match expected name `a.test'%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
