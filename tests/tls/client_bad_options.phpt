--TEST--
TLS client: unusable local_cert / local_pk / passphrase, invalid ciphers and ALPN string
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$cases = [
	'local_cert file missing' => ['local_cert' => '/nonexistent/xsock-client.pem'],
	'wrong passphrase' => ['local_cert' => xsock_cert('server-enc.pem'), 'passphrase' => 'wrong'],
	'key does not match certificate' => ['local_cert' => xsock_cert('client.crt'), 'local_pk' => xsock_cert('other.key')],
	'invalid cipher string' => ['ciphers' => 'NOPE-NOTHING'],
	'ALPN item longer than 255 bytes' => ['alpn_protocols' => 'h2,' . str_repeat('x', 256)],
	'correct passphrase works' => ['local_cert' => xsock_cert('server-enc.pem'), 'passphrase' => 'secret'],
];
foreach ($cases as $name => $opts) {
	echo "-- $name\n";
	[$c, $errno] = xsock_connect_s_server('-cert {certs}/server.pem', xsock_client_ssl($opts));
	var_dump($c !== false, $errno);
}
?>
--EXPECTF--
-- local_cert file missing

Warning: stream_socket_client(): Unable to set local cert chain file `/nonexistent/xsock-client.pem'; Check that your cafile/capath settings include details of your certificate and its issuer%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
int(0)
-- wrong passphrase

Warning: stream_socket_client(): Unable to set private key file `%sserver-enc.pem'%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
int(0)
-- key does not match certificate

Warning: stream_socket_client(): Unable to set private key file `%sother.key'%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
int(0)
-- invalid cipher string

Warning: stream_socket_client(): Failed to enable crypto%A
Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
int(0)
-- ALPN item longer than 255 bytes

Warning: stream_socket_client(): Failed parsing comma-separated TLS ALPN protocol string%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
int(0)
-- correct passphrase works
bool(true)
int(0)
