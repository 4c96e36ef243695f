--TEST--
xsock: a TLS server resumes sessions (openssl s_client -sess_out, then -sess_in shows "Reused")
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

$sess = tempnam(sys_get_temp_dir(), 'xsocksess');
foreach (['tls' => [], 'tlsv1.2' => [], 'tlsv1.2 no_ticket (session ids)' => ['no_ticket' => true]] as $name => $opts) {
	echo "-- $name\n";
	[$srv] = xsock_tls_listen(xsock_server_ssl($opts), explode(' ', $name)[0]);
	foreach (["-sess_out $sess", "-sess_in $sess"] as $arg) {
		[$ok, $out] = xsock_s_client_accept($srv, "-CAfile {certs}/ca.pem $arg",
			function ($c) { fwrite($c, "hi\n"); });
		echo xsock_lines($out, '/^(New|Reused),/', true);
	}
	fclose($srv);
}
@unlink($sess);
?>
--EXPECTF--
-- tls
New, TLSv1.3, Cipher is %s
Reused, TLSv1.3, Cipher is %s
-- tlsv1.2
New, TLSv1.2, Cipher is %s
Reused, TLSv1.2, Cipher is %s
-- tlsv1.2 no_ticket (session ids)
New, TLSv1.2, Cipher is %s
Reused, TLSv1.2, Cipher is %s
