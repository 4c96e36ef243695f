--TEST--
xsock: OCSP stapling edge cases - a certificate with the TLS Feature must-staple extension, a staple about another certificate, verify_peer off, stapling unasked, and a server name from SNI_server_certs (no staple: it belongs to the main certificate)
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
if ($r = xsock_need_program('faketime')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/ocsp.inc';

$d = sys_get_temp_dir() . '/xsock_ocspx_' . getmypid();
/* Removed when the script ends, however it ends; a glob in --CLEAN-- would hit other runs' folders. */
register_shutdown_function('xsock_ocsp_clean', $d);
xsock_ocsp_pki($d);
$client = ['cafile' => "$d/ca.pem", 'peer_name' => 'localhost', 'ocsp_stapling' => true];
$leaf = "-cert $d/leaf.pem -key $d/leaf.key";
$must = "-cert $d/muststaple.pem -key $d/muststaple.key";

/* The certificate itself demands a staple: without one the handshake must fail, with a good one it passes. */
xsock_ocsp_try('must-staple certificate, no staple', $must, $client);
xsock_ocsp_try('must-staple certificate, good staple', "$must -status_file $d/muststaple-good.der", $client);
/* A client that never asked for a staple gets none, and PHP's rules apply (nothing checked). */
xsock_ocsp_try('must-staple certificate, stapling not asked', $must, ['ocsp_stapling' => false] + $client);
/* A genuine, well-signed response - about a different certificate. */
xsock_ocsp_try('staple about another certificate', "$leaf -status_file $d/other-good.der", $client);
/* verify_peer off: the chain is not verified, the staple still is (against cafile). */
$noverify = ['verify_peer' => false] + $client;
xsock_ocsp_try('verify_peer off, good staple', "$leaf -status_file $d/good.der", $noverify);
xsock_ocsp_try('verify_peer off, revoked staple', "$leaf -status_file $d/revoked.der", $noverify);
/* A staple nobody asked for is ignored, even a revoked one: the option is off by default, as in PHP. */
xsock_ocsp_try('revoked staple, stapling off', "$leaf -status_file $d/revoked.der", ['ocsp_stapling' => false] + $client);

/* Server side with SNI: the staple belongs to the main certificate only (README); a name served from SNI_server_certs gets none. */
[$srv] = xsock_tls_listen(['local_cert' => "$d/leaf.pem", 'local_pk' => "$d/leaf.key", 'ocsp_staple_file' => "$d/good.der",
	'SNI_server_certs' => ['a.test' => xsock_cert('a.test.pem')]]);
foreach (['localhost', 'a.test'] as $name) {
	[$ok, $out] = xsock_s_client_accept($srv, "-status -servername $name");
	echo "-- s_client -servername $name: ", preg_match('/Cert Status: (\w+)/', $out, $m) ? "staple {$m[1]}"
		: (str_contains($out, 'OCSP response: no response sent') ? 'no staple' : "unexpected: $out"), "\n";
}
fclose($srv);
?>
--EXPECT--
-- must-staple certificate, no staple
failed
OCSP staple check failed: the server sent no OCSP response, and its certificate requires one (TLS Feature must-staple)
-- must-staple certificate, good staple
connected
-- must-staple certificate, stapling not asked
connected
-- staple about another certificate
failed
OCSP staple check failed: the server's OCSP response is not for its certificate
-- verify_peer off, good staple
connected
-- verify_peer off, revoked staple
failed
OCSP staple check failed: the server's OCSP response says the certificate was revoked at <date> (keyCompromise)
-- revoked staple, stapling off
connected
-- s_client -servername localhost: staple good
-- s_client -servername a.test: no staple
