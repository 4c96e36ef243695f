--TEST--
xsock: OCSP stapling - ssl.ocsp_stapling against openssl s_server -status_file (good, revoked, unknown, wrong responder, none), ocsp_must_staple, ssl.ocsp_staple_file served to openssl s_client -status and re-read after a rewrite
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

$d = sys_get_temp_dir() . '/xsock_ocsp_' . getmypid();
xsock_ocsp_pki($d);
$client = ['cafile' => "$d/ca.pem", 'peer_name' => 'localhost', 'ocsp_stapling' => true];
function try_client(string $name, string $args, array $ssl): void
{
	xsock_ocsp_try($name, $args, $ssl);
}
$srv = "-cert $d/leaf.pem -key $d/leaf.key";
try_client('good', "$srv -status_file $d/good.der", $client);
try_client('revoked', "$srv -status_file $d/revoked.der", $client);
try_client('unknown', "$srv -status_file $d/unknown.der", $client);
try_client('stale', "$srv -status_file $d/stale.der", $client);
try_client('wrong responder', "$srv -status_file $d/stranger.der", $client);
try_client('no staple', $srv, $client);
try_client('no staple, must staple', $srv, $client + ['ocsp_must_staple' => true]);
echo "-- bad value\n";
[[$c], $w] = xsock_catch(fn() => xsock_connect_s_server($srv, ['ocsp_stapling' => 'yes'] + $client));
echo $c !== false ? "connected\n" : "failed\n", preg_replace('/^\S+\(\): /', '', $w[0] ?? 'no warning'), "\n";

echo "-- server ocsp_staple_file\n";
copy("$d/good.der", "$d/served.der");
[$s] = xsock_tls_listen(['local_cert' => "$d/leaf.pem", 'local_pk' => "$d/leaf.key", 'ocsp_staple_file' => "$d/served.der"]);
[$ok, $out] = xsock_s_client_accept($s, "-status -CAfile $d/ca.pem");
echo preg_match('/OCSP Response Status: successful/', $out) ? "s_client: successful\n" : "s_client: $out\n";
echo preg_match('/Cert Status: (\w+)/', $out, $m) ? "s_client: {$m[1]}\n" : "s_client: no status\n";
sleep(2);
copy("$d/revoked.der", "$d/served.tmp");
rename("$d/served.tmp", "$d/served.der");
[$ok, $out] = xsock_s_client_accept($s, "-status -CAfile $d/ca.pem");
echo preg_match('/Cert Status: (\w+)/', $out, $m) ? "s_client after rewrite: {$m[1]}\n" : "s_client: no status\n";
fclose($s);
echo "-- server bad file\n";
file_put_contents("$d/junk.der", "not der");
[$s] = xsock_tls_listen(['local_cert' => "$d/leaf.pem", 'local_pk' => "$d/leaf.key", 'ocsp_staple_file' => "$d/junk.der"]);
[[$ok], $w] = xsock_catch(fn() => xsock_s_client_accept($s, "-status", null, '', 3));
echo $ok ? "accepted\n" : "refused\n";
foreach ($w as $x) {
	if (str_contains($x, 'OCSP')) {
		echo preg_replace('/`.*?\'/', '`<file>\'', $x), "\n";
	}
}
fclose($s);
?>
--CLEAN--
<?php
foreach (glob(sys_get_temp_dir() . '/xsock_ocsp_*/*') as $f) @unlink($f);
foreach (glob(sys_get_temp_dir() . '/xsock_ocsp_*') as $f) @rmdir($f);
?>
--EXPECT--
-- good
connected
-- revoked
failed
OCSP staple check failed: the server's OCSP response says the certificate was revoked at <date> (keyCompromise)
-- unknown
failed
OCSP staple check failed: the server's OCSP responder does not know its certificate (unknown)
-- stale
failed
OCSP staple check failed: the server's OCSP response is stale or not yet valid (thisUpdate/nextUpdate)
-- wrong responder
failed
OCSP staple check failed: the server's OCSP response is not signed by the issuer or a responder it authorised
-- no staple
connected
-- no staple, must staple
failed
OCSP staple check failed: the server sent no OCSP response (ocsp_must_staple)
-- bad value
failed
ocsp_stapling must be of type bool, string given
-- server ocsp_staple_file
s_client: successful
s_client: good
s_client after rewrite: revoked
-- server bad file
refused
stream_socket_accept(): Unable to use OCSP staple file `<file>': not a readable DER OCSP response
