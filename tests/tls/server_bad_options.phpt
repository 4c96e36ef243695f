--TEST--
TLS server: missing or unusable certificate, key, passphrase, ciphers, dh_param; warnings at accept
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$cases = [
	'no local_cert' => [],
	'local_cert file missing' => ['local_cert' => '/nonexistent/xsock.pem'],
	'wrong passphrase' => ['local_cert' => xsock_cert('server-enc.pem'), 'passphrase' => 'wrong'],
	'key does not match certificate' => ['local_cert' => xsock_cert('server.crt'), 'local_pk' => xsock_cert('other.key')],
	'local_pk missing' => ['local_cert' => xsock_cert('server.crt'), 'local_pk' => '/nonexistent/xsock.key'],
	'certificate file without a key' => ['local_cert' => xsock_cert('server.crt')],
	'invalid cipher string' => xsock_server_ssl(['ciphers' => 'NOPE-NOTHING']),
	'dh_param file missing' => xsock_server_ssl(['dh_param' => '/nonexistent/dh.pem']),
	'dh_param not DH parameters' => xsock_server_ssl(['dh_param' => xsock_cert('server.crt')]),
	'ALPN item longer than 255 bytes' => xsock_server_ssl(['alpn_protocols' => str_repeat('a', 300)]),
];
foreach ($cases as $name => $ssl) {
	echo "-- $name\n";
	[$ok, $out] = xsock_accept_one($ssl);
	var_dump($ok);
	echo $out;
}
?>
--EXPECTF--
-- no local_cert

Warning: stream_socket_accept(): SSL_R_NO_SHARED_CIPHER: no suitable shared cipher could be used.  This could be because the server is missing an SSL certificate (local_cert context option)%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- local_cert file missing

Warning: stream_socket_accept(): Unable to set local cert chain file `/nonexistent/xsock.pem'; Check that your cafile/capath settings include details of your certificate and its issuer%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- wrong passphrase

Warning: stream_socket_accept(): Unable to set private key file `%sserver-enc.pem'%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- key does not match certificate

Warning: stream_socket_accept(): Unable to set private key file `%sother.key'%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- local_pk missing

Warning: stream_socket_accept(): Unable to set private key file `/nonexistent/xsock.key'%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- certificate file without a key

Warning: stream_socket_accept(): Unable to set private key file `%sserver.crt'%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- invalid cipher string

Warning: stream_socket_accept(): Failed to enable crypto%A
Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- dh_param file missing

Warning: stream_socket_accept(): Invalid dh_param%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- dh_param not DH parameters

Warning: stream_socket_accept(): Failed reading DH params%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- ALPN item longer than 255 bytes

Warning: stream_socket_accept(): Failed parsing comma-separated TLS ALPN protocol string%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
