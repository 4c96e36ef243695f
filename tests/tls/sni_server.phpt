--TEST--
TLS server SNI: SNI_server_certs (file and local_cert/local_pk forms) picks the certificate for openssl s_client -servername
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

[$srv, $addr] = xsock_tls_listen(xsock_server_ssl(['SNI_server_certs' => [
	'a.test' => xsock_cert('a.test.pem'),
	'b.test' => ['local_cert' => xsock_cert('b.test.crt'), 'local_pk' => xsock_cert('b.test.key')],
]]));
foreach (['a.test', 'b.test', 'c.test', 'A.TEST'] as $name) {
	echo "-- $name\n";
	[$ok, $out] = xsock_s_client_accept($srv, "-servername $name -brief -CAfile {certs}/ca.pem -verify_return_error",
		function ($c) { fwrite($c, "hello\n"); });
	var_dump($ok);
	echo xsock_lines($out, '/^(Peer certificate|Verification|hello)/');
}
echo "-- no SNI sent\n";
[$ok, $out] = xsock_s_client_accept($srv, '-noservername -brief -CAfile {certs}/ca.pem');
echo xsock_lines($out, '/^Peer certificate/');
?>
--EXPECT--
-- a.test
bool(true)
Peer certificate: O=xsock tests, CN=a.test
Verification: OK
hello
-- b.test
bool(true)
Peer certificate: O=xsock tests, CN=b.test
Verification: OK
hello
-- c.test
bool(true)
Peer certificate: O=xsock tests, CN=localhost
Verification: OK
hello
-- A.TEST
bool(true)
Peer certificate: O=xsock tests, CN=a.test
Verification: OK
hello
-- no SNI sent
Peer certificate: O=xsock tests, CN=localhost
