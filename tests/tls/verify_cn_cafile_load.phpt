--TEST--
TLS client verification: PHP's CN mismatch text (a certificate without subjectAltName) and its cafile load failures (empty file, missing file)
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

echo "-- no subjectAltName, CN cn-only.test, peer_name localhost\n";
$cert = xsock_make_cert('cn-only.test', '');
[$c, $errno] = xsock_connect_s_server('-cert ' . escapeshellarg($cert), xsock_client_ssl());
var_dump($c, $errno);

echo "-- the same with peer_name cn-only.test\n";
[$c] = xsock_connect_s_server('-cert ' . escapeshellarg($cert), xsock_client_ssl(['peer_name' => 'cn-only.test']));
var_dump($c !== false);

$empty = tempnam(sys_get_temp_dir(), 'xsockca');
echo "-- cafile is an empty file\n";
[$c] = xsock_connect_s_server('-cert {certs}/server.pem', xsock_client_ssl(['cafile' => $empty]));
var_dump($c);
unlink($empty);

echo "-- cafile does not exist\n";
[$c] = xsock_connect_s_server('-cert {certs}/server.pem', xsock_client_ssl(['cafile' => $empty]));
var_dump($c);
?>
--EXPECTF--
-- no subjectAltName, CN cn-only.test, peer_name localhost

Warning: stream_socket_client(): Peer certificate CN=`cn-only.test' did not match expected CN=`localhost'%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
int(0)
-- the same with peer_name cn-only.test
bool(true)
-- cafile is an empty file

Warning: no valid certs found cafile stream: `%s' in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
-- cafile does not exist

Warning: failed loading cafile stream: `%s' in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
