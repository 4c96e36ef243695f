--TEST--
TLS built-in server: every accept builds a new SSL_CTX, so sessions are never resumed
--SKIPIF--
<?php
if (extension_loaded('xsock')) die('skip builtin behaviour');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$sess = tempnam(sys_get_temp_dir(), 'xsocksess');
foreach (['tls', 'tlsv1.2'] as $scheme) {
	[$srv] = xsock_tls_listen(xsock_server_ssl(), $scheme);
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
New, TLSv1.3, Cipher is %s
New, TLSv1.3, Cipher is %s
New, TLSv1.2, Cipher is %s
New, TLSv1.2, Cipher is %s
