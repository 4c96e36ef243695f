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
require __DIR__ . '/../inc/tls.inc';

$d = sys_get_temp_dir() . '/xsock_ocsp_' . getmypid();
@mkdir($d);
function sh(string $cmd): void
{
	[$rc, $out] = [0, []];
	exec($cmd . ' 2>&1', $out, $rc);
	if ($rc !== 0) {
		echo "command failed: $cmd\n", implode("\n", $out), "\n";
	}
}
/* A CA, an OCSP responder it authorised, a leaf, a second leaf it never issued an index entry for, a stranger. */
file_put_contents("$d/ext.cnf", "[ocsp]\nextendedKeyUsage = OCSPSigning\n[leaf]\nsubjectAltName = DNS:localhost\n");
sh("openssl req -x509 -newkey rsa:2048 -nodes -keyout $d/ca.key -out $d/ca.pem -subj /CN=OCSP-Test-CA -days 2");
foreach (['resp' => 'ocsp', 'leaf' => 'leaf', 'other' => 'leaf'] as $n => $ext) {
	/* The responder's own name: OpenSSL finds the signer by name, the chain first. */
	$cn = $n === 'resp' ? 'OCSP-Responder' : 'localhost';
	sh("openssl req -newkey rsa:2048 -nodes -keyout $d/$n.key -out $d/$n.csr -subj /CN=$cn");
	sh("openssl x509 -req -in $d/$n.csr -CA $d/ca.pem -CAkey $d/ca.key -CAcreateserial -out $d/$n.pem -days 2 -extfile $d/ext.cnf -extensions $ext");
}
sh("openssl req -x509 -newkey rsa:2048 -nodes -keyout $d/stranger.key -out $d/stranger.pem -subj /CN=stranger -days 2");
$serial = strtoupper(trim(explode('=', shell_exec("openssl x509 -in $d/leaf.pem -noout -serial"))[1]));
$exp = gmdate('ymdHis\Z', time() + 86400);
$now = gmdate('ymdHis\Z', time() - 60);
file_put_contents("$d/good.idx", "V\t$exp\t\t$serial\tunknown\t/CN=localhost\n");
file_put_contents("$d/revoked.idx", "R\t$exp\t$now,keyCompromise\t$serial\tunknown\t/CN=localhost\n");
file_put_contents("$d/empty.idx", "");
function respond(string $d, string $idx, string $out, string $signer = 'resp'): void
{
	sh("openssl ocsp -index $d/$idx -rsigner $d/$signer.pem -rkey $d/$signer.key -CA $d/ca.pem -issuer $d/ca.pem -cert $d/leaf.pem -respout $d/$out -ndays 1");
}
respond($d, 'good.idx', 'good.der');
respond($d, 'revoked.idx', 'revoked.der');
respond($d, 'empty.idx', 'unknown.der');
respond($d, 'good.idx', 'stranger.der', 'stranger');
/* Stale: a real response made three days ago (faketime), whose nextUpdate (one day) has passed. */
sh("faketime -f -3d openssl ocsp -index $d/good.idx -rsigner $d/resp.pem -rkey $d/resp.key -CA $d/ca.pem -issuer $d/ca.pem -cert $d/leaf.pem -respout $d/stale.der -ndays 1");

$client = ['cafile' => "$d/ca.pem", 'peer_name' => 'localhost', 'ocsp_stapling' => true];
function try_client(string $name, string $args, array $ssl): void
{
	echo "-- $name\n";
	[[$c], $warnings] = xsock_catch(fn() => xsock_connect_s_server($args, $ssl));
	echo $c !== false ? "connected\n" : "failed\n";
	foreach ($warnings as $w) {
		if (preg_match('/OCSP[^\n]*/', $w, $m)) {
			echo preg_replace('/revoked at .*? GMT/', 'revoked at <date>', $m[0]), "\n";
		}
	}
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
