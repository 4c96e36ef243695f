--TEST--
TLS client verification: host name not in the certificate (SAN DNS:other.test only)
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

echo "-- peer_name localhost\n";
[$c, $errno] = xsock_connect_s_server('-cert {certs}/other.pem', xsock_client_ssl());
var_dump($c, $errno);

echo "-- peer_name other.test\n";
[$c] = xsock_connect_s_server('-cert {certs}/other.pem', xsock_client_ssl(['peer_name' => 'other.test']));
var_dump($c !== false);

echo "-- upper case peer_name matches\n";
[$c] = xsock_connect_s_server('-cert {certs}/other.pem', xsock_client_ssl(['peer_name' => 'OTHER.TEST']));
var_dump($c !== false);

echo "-- verify_peer_name off\n";
[$c] = xsock_connect_s_server('-cert {certs}/other.pem', xsock_client_ssl(['verify_peer_name' => false]));
var_dump($c !== false);

echo "-- IP SAN of the main certificate matches the URL host\n";
[$c] = xsock_connect_s_server('-cert {certs}/server.pem', ['cafile' => xsock_cert('ca.pem')]);
var_dump($c !== false);
?>
--EXPECTF--
-- peer_name localhost

Warning: stream_socket_client(): Peer certificate subjectAltName did not match expected name `localhost'%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
int(0)
-- peer_name other.test
bool(true)
-- upper case peer_name matches
bool(true)
-- verify_peer_name off
bool(true)
-- IP SAN of the main certificate matches the URL host
bool(true)
