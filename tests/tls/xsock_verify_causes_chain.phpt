--TEST--
xsock: a refused chain names its cause after PHP's text: self-signed leaf, untrusted root in the chain, missing intermediate, unknown root, verify_depth; in $errstr and xsock_last_error()['hint'] too
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/* PHP's warnings print; the hint must be the same in $errstr and in the record. */
function attempt(string $what, string $server, array $ssl): void
{
	echo "-- $what\n";
	[$c, $errno, $errstr] = xsock_connect_s_server($server, $ssl);
	$hint = xsock_last_error()['hint'] ?? null;
	var_dump($c, $hint === $errstr ? 'errstr = hint' : [$errstr, $hint]);
}

attempt('self-signed leaf', '-cert {certs}/selfsigned.pem', xsock_client_ssl());
attempt('the server sends an untrusted self-signed root along', '-cert {certs}/untrusted.pem -cert_chain {certs}/untrusted-ca.pem',
	xsock_client_ssl());
attempt('missing intermediate: the server sends its leaf only, the client trusts the root', '-cert {certs}/chain.pem',
	xsock_client_ssl());
attempt('intermediate sent, root not trusted', '-cert {certs}/chain.pem -cert_chain {certs}/inter.pem',
	xsock_client_ssl(['cafile' => xsock_cert('untrusted-ca.pem')]));
attempt('chain deeper than verify_depth', '-cert {certs}/chain.pem -cert_chain {certs}/inter.pem',
	xsock_client_ssl(['verify_depth' => 1]));

echo "-- the same chain verifies when the intermediate is sent\n";
[$c] = xsock_connect_s_server('-cert {certs}/chain.pem -cert_chain {certs}/inter.pem', xsock_client_ssl());
var_dump($c !== false);
?>
--EXPECTF--
-- self-signed leaf

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed; the server's certificate (CN=localhost,O=xsock tests) is self-signed: trust it with the cafile option, or set allow_self_signed; the trust store was the cafile context option (%stests%ecerts%eca.pem) in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (the server's certificate (CN=localhost,O=xsock tests) is self-signed: trust it with the cafile option, or set allow_self_signed; the trust store was the cafile context option (%sca.pem)) in %s on line %d
bool(false)
string(13) "errstr = hint"
-- the server sends an untrusted self-signed root along

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed; the certificate at depth 1 of the server's chain (CN=xsock untrusted CA,O=xsock tests) is a self-signed root that the trust store does not hold; the trust store was the cafile context option (%sca.pem) in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
string(13) "errstr = hint"
-- missing intermediate: the server sends its leaf only, the client trusts the root

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed; the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test intermediate CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was the cafile context option (%sca.pem) in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
string(13) "errstr = hint"
-- intermediate sent, root not trusted

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed; the certificate at depth 1 of the server's chain (CN=xsock test intermediate CA,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent 2 certificates; the trust store was the cafile context option (%suntrusted-ca.pem) in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
string(13) "errstr = hint"
-- chain deeper than verify_depth

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed; the certificate at depth 2 of the server's chain (CN=xsock test CA,O=xsock tests) is deeper in the chain than verify_depth (1) allows in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
string(13) "errstr = hint"
-- the same chain verifies when the intermediate is sent
bool(true)
