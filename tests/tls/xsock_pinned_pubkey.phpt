--TEST--
xsock: ssl.pinned_pubkey (curl's sha256// syntax) - leaf match, renewal with the same key, pinned_chain, verify_peer off, mismatch names the server's pins, bad syntax
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

/* The pin computed independently of xsock: SHA-256 of the DER SPKI that ext/openssl exports as PEM. */
function pin_of(string $pem): string
{
	$spki = openssl_pkey_get_details(openssl_pkey_get_public($pem))['key'];
	$der = base64_decode(preg_replace('/-----[^-]+-----|\s/', '', $spki));
	return 'sha256//' . base64_encode(hash('sha256', $der, true));
}

/* Warnings print pins by name, so the expectation checks which keys the mismatch text names. */
function try_pin(string $name, string $serverArgs, array $ssl): void
{
	global $names;

	echo "-- $name\n";
	$t = microtime(true);
	[[$c, $errno, $errstr], $warnings] = xsock_catch(fn() => xsock_connect_s_server($serverArgs, $ssl));
	echo $c !== false ? "connected\n" : "failed\n";
	foreach ($warnings as $w) {
		echo '  ', strtr($w, $names), "\n";
	}
	if (microtime(true) - $t > 4) {
		echo "  too slow\n";
	}
}

$server = pin_of(file_get_contents(xsock_cert('server.crt')));
$inter = pin_of(file_get_contents(xsock_cert('inter.pem')));
$other = pin_of(file_get_contents(xsock_cert('other.crt')));
$self = pin_of(file_get_contents(xsock_cert('selfsigned.crt')));
$chainLeaf = pin_of(file_get_contents(xsock_cert('chain.crt')));
$ca = pin_of(file_get_contents(xsock_cert('ca.pem')));
$chainArgs = '-cert {certs}/chain.crt -key {certs}/chain.key -cert_chain {certs}/inter.pem';
$names = [$server => '{server}', $inter => '{inter}', $other => '{other}', $self => '{self}',
	$chainLeaf => '{chain}', $ca => '{ca}'];

/* A renewal: a new certificate (new serial, new dates) for the same key, signed by the test CA. */
$dir = sys_get_temp_dir() . '/xsock_pin_' . getmypid();
@mkdir($dir);
$key = openssl_pkey_get_private(file_get_contents(xsock_cert('server.key')));
$csr = openssl_csr_new(['commonName' => 'localhost', 'organizationName' => 'xsock tests'], $key);
$renewed = openssl_csr_sign($csr, file_get_contents(xsock_cert('ca.pem')),
	openssl_pkey_get_private(file_get_contents(xsock_cert('ca.key'))), 30, ['digest_alg' => 'sha256', 'x509_extensions' => 'v3_req',
	'config' => (function () use ($dir) {
		file_put_contents("$dir/ext.cnf", "[req]\ndistinguished_name=dn\n[dn]\n[v3_req]\nsubjectAltName=DNS:localhost\n");
		return "$dir/ext.cnf";
	})()], 4242);
openssl_x509_export($renewed, $pem);
openssl_pkey_export($key, $keyPem);
file_put_contents("$dir/renewed.pem", $pem . $keyPem);
var_dump(openssl_x509_fingerprint($pem) !== xsock_fingerprint('server.crt', 'sha1'));

try_pin('leaf pin', '-cert {certs}/server.pem', xsock_client_ssl(['pinned_pubkey' => $server]));
try_pin('second of two pins', '-cert {certs}/server.pem', xsock_client_ssl(['pinned_pubkey' => "$other;$server"]));
try_pin('renewed certificate, same key', "-cert $dir/renewed.pem", xsock_client_ssl(['pinned_pubkey' => $server]));
try_pin('wrong pin', '-cert {certs}/server.pem', xsock_client_ssl(['pinned_pubkey' => $other]));
try_pin('self-signed, verify_peer off, right pin', '-cert {certs}/selfsigned.pem',
	['verify_peer' => false, 'peer_name' => 'localhost', 'pinned_pubkey' => $self]);
try_pin('self-signed, verify_peer off, wrong pin', '-cert {certs}/selfsigned.pem',
	['verify_peer' => false, 'verify_peer_name' => false, 'pinned_pubkey' => $server]);
try_pin('intermediate pin without pinned_chain', $chainArgs,
	xsock_client_ssl(['pinned_pubkey' => $inter]));
try_pin('intermediate pin with pinned_chain', $chainArgs,
	xsock_client_ssl(['pinned_pubkey' => $inter, 'pinned_chain' => true]));
try_pin('pinned_chain, unverified chain: only the leaf counts', $chainArgs,
	['verify_peer' => false, 'verify_peer_name' => false, 'pinned_pubkey' => $inter, 'pinned_chain' => true]);
try_pin('bad syntax: sha1//', '-cert {certs}/server.pem', xsock_client_ssl(['pinned_pubkey' => 'sha1//abc']));
try_pin('bad syntax: trailing ;', '-cert {certs}/server.pem', xsock_client_ssl(['pinned_pubkey' => "$server;"]));
try_pin('bad syntax: array', '-cert {certs}/server.pem', xsock_client_ssl(['pinned_pubkey' => [$server]]));

array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
bool(true)
-- leaf pin
connected
-- second of two pins
connected
-- renewed certificate, same key
connected
-- wrong pin
failed
  stream_socket_client(): Public key pin mismatch: the server's key is {server}; its verified chain has {ca}; expected {other}
  stream_socket_client(): Failed to enable crypto
  stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s)
-- self-signed, verify_peer off, right pin
connected
-- self-signed, verify_peer off, wrong pin
failed
  stream_socket_client(): Public key pin mismatch: the server's key is {self}; expected {server}
  stream_socket_client(): Failed to enable crypto
  stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s)
-- intermediate pin without pinned_chain
failed
  stream_socket_client(): Public key pin mismatch: the server's key is {chain}; its verified chain has {inter}, {ca}; expected {inter}
  stream_socket_client(): Failed to enable crypto
  stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s)
-- intermediate pin with pinned_chain
connected
-- pinned_chain, unverified chain: only the leaf counts
failed
  stream_socket_client(): Public key pin mismatch: the server's key is {chain}; the chain it sent has {inter}; expected {inter}
  stream_socket_client(): Failed to enable crypto
  stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s)
-- bad syntax: sha1//
failed
  stream_socket_client(): Invalid pinned_pubkey: expected "sha256//<base64 of the SHA-256 of the SubjectPublicKeyInfo>", several separated by ';'
  stream_socket_client(): Failed to enable crypto
  stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s)
-- bad syntax: trailing ;
failed
  stream_socket_client(): Invalid pinned_pubkey: expected "sha256//<base64 of the SHA-256 of the SubjectPublicKeyInfo>", several separated by ';'
  stream_socket_client(): Failed to enable crypto
  stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s)
-- bad syntax: array
failed
  stream_socket_client(): Invalid pinned_pubkey: expected "sha256//<base64 of the SHA-256 of the SubjectPublicKeyInfo>", several separated by ';'
  stream_socket_client(): Failed to enable crypto
  stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s)
