--TEST--
TLS server: SNI_server_certs with bad entries; PHP's warnings at accept
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$cases = [
	'not an array' => 'a.test.pem',
	'integer host key' => [xsock_cert('a.test.pem')],
	'empty array' => [],
	'file missing' => ['a.test' => '/nonexistent/a.pem'],
	'certificate file without key' => ['a.test' => xsock_cert('a.test.crt')],
	'array without local_cert' => ['a.test' => ['local_pk' => xsock_cert('a.test.key')]],
	'array without local_pk' => ['a.test' => ['local_cert' => xsock_cert('a.test.crt')]],
	'empty per-host array' => ['a.test' => []],
	'per-host key missing' => ['a.test' => ['local_cert' => xsock_cert('a.test.crt'), 'local_pk' => '/nonexistent/a.key']],
];
foreach ($cases as $name => $sni) {
	echo "-- $name\n";
	[$ok, $out] = xsock_accept_one(xsock_server_ssl(['SNI_server_certs' => $sni]),
		['verify_peer' => false, 'peer_name' => 'a.test']);
	var_dump($ok);
	echo $out;
}
?>
--EXPECTF--
-- not an array

Warning: stream_socket_accept(): SNI_server_certs requires an array mapping host names to cert paths%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- integer host key

Warning: stream_socket_accept(): SNI_server_certs array requires string host name keys%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- empty array

Warning: stream_socket_accept(): SNI_server_certs host cert array must not be empty%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- file missing

Warning: stream_socket_accept(): Failed setting local cert chain file `/nonexistent/a.pem'; check that your cafile/capath settings include details of your certificate and its issuer%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- certificate file without key

Warning: stream_socket_accept(): Failed setting private key from file `%sa.test.crt'%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- array without local_cert

Warning: stream_socket_accept(): local_cert not present in the array%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- array without local_pk

Warning: stream_socket_accept(): local_pk not present in the array%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- empty per-host array

Warning: stream_socket_accept(): local_cert not present in the array%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
-- per-host key missing

Warning: stream_socket_accept(): Failed setting private key from file `/nonexistent/a.key'%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
client: failed
