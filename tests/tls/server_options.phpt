--TEST--
TLS server options that work: passphrase, ECDSA certificate, dh_param for DHE suites, rsa_key_size and security_level warnings
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$show = function ($c) {
	$m = stream_get_meta_data($c)['crypto'];
	echo "server: {$m['protocol']} {$m['cipher_name']}\n";
};
$cases = [
	'encrypted key, passphrase "secret"' => ['local_cert' => xsock_cert('server-enc.pem'), 'passphrase' => 'secret'],
	'separate encrypted key file' => ['local_cert' => xsock_cert('server.crt'), 'local_pk' => xsock_cert('server-enc.key'), 'passphrase' => 'secret'],
	'ECDSA P-256 certificate' => ['local_cert' => xsock_cert('ecdsa.pem')],
	'dh_param + DHE-only cipher list' => xsock_server_ssl(['dh_param' => xsock_cert('dh2048.pem'), 'ciphers' => 'DHE-RSA-AES128-GCM-SHA256']),
	'DHE-only cipher list without dh_param' => xsock_server_ssl(['ciphers' => 'DHE-RSA-AES128-GCM-SHA256']),
	'rsa_key_size (removed option)' => xsock_server_ssl(['rsa_key_size' => 2048]),
	'security_level -1 (warned, still applied)' => xsock_server_ssl(['security_level' => -1]),
];
foreach ($cases as $name => $ssl) {
	echo "-- $name\n";
	[[$ok, $out], $msgs] = xsock_catch(fn() => xsock_accept_one($ssl, xsock_client_ssl(), 'tlsv1.2', $show));
	var_dump($ok);
	echo $out;
	foreach ($msgs as $m) {
		echo "warning: $m\n";
	}
}
?>
--EXPECTF--
-- encrypted key, passphrase "secret"
server: TLSv1.2 ECDHE-RSA-AES%s
bool(true)
client: connected, read hello
-- separate encrypted key file
server: TLSv1.2 ECDHE-RSA-AES%s
bool(true)
client: connected, read hello
-- ECDSA P-256 certificate
server: TLSv1.2 ECDHE-ECDSA-AES%s
bool(true)
client: connected, read hello
-- dh_param + DHE-only cipher list
server: TLSv1.2 DHE-RSA-AES128-GCM-SHA256
bool(true)
client: connected, read hello
-- DHE-only cipher list without dh_param
bool(false)
client: failed
warning: stream_socket_accept(): SSL_R_NO_SHARED_CIPHER: no suitable shared cipher could be used.  This could be because the server is missing an SSL certificate (local_cert context option)%A
warning: stream_socket_accept(): Failed to enable crypto
warning: stream_socket_accept(): Accept failed: %s
-- rsa_key_size (removed option)
server: TLSv1.2 ECDHE-RSA-AES%s
bool(true)
client: connected, read hello
warning: stream_socket_accept(): rsa_key_size context option has been removed
-- security_level -1 (warned, still applied)
server: TLSv1.2 ECDHE-RSA-AES%s
bool(true)
client: connected, read hello
warning: stream_socket_accept(): Security level must be between 0 and 5
