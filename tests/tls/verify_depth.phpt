--TEST--
TLS client: verify_depth too small for the chain fails, large enough passes
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/* server.pem: leaf (depth 0) <- CA (depth 1).  chain.pem: leaf <- intermediate <- CA (depth 2). */
foreach ([['server.pem', '', 0], ['server.pem', '', 1], ['chain.pem', '-cert_chain {certs}/inter.pem', 1],
		['chain.pem', '-cert_chain {certs}/inter.pem', 2]] as [$cert, $extra, $depth]) {
	echo "-- $cert verify_depth=$depth\n";
	[$c] = xsock_connect_s_server("-cert {certs}/$cert $extra", xsock_client_ssl(['verify_depth' => $depth]));
	var_dump($c !== false);
}
echo "-- chain.pem without the intermediate sent: unverifiable\n";
[$c] = xsock_connect_s_server('-cert {certs}/chain.pem', xsock_client_ssl());
var_dump($c !== false);
?>
--EXPECTF--
-- server.pem verify_depth=0

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
-- server.pem verify_depth=1
bool(true)
-- chain.pem verify_depth=1

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
-- chain.pem verify_depth=2
bool(true)
-- chain.pem without the intermediate sent: unverifiable

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
