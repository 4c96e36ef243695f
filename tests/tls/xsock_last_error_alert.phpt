--TEST--
xsock_last_error(): tls_alert names the alert a failed handshake or read sent or received, with its direction
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';
require __DIR__ . '/../inc/tls.inc';

function alert(?array $e): string
{
	if ($e === null) {
		return 'no record';
	}
	$a = $e['tls_alert'] ?? null;
	return "phase=$e[phase] " . ($a ? "alert=$a[name] ($a[code]) $a[direction]" : 'no alert')
		. ' errno_name=' . var_export($e['errno_name'], true);
}

/* A self-signed server: our verification fails, we send unknown_ca. */
@xsock_connect_s_server('-cert {certs}/selfsigned.pem', xsock_client_ssl());
echo 'self-signed: ', alert(xsock_last_error()), "\n";

/* A TLS 1.2-only server and a TLS 1.3-only client: the server refuses with protocol_version. */
@xsock_connect_s_server('-cert {certs}/server.pem -tls1_2',
	xsock_client_ssl(['crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT]));
echo 'version: ', alert(xsock_last_error()), "\n";

/*
 * A server that requires a client certificate: in TLS 1.3 the client's
 * handshake completes first, the server's certificate_required arrives
 * with the first read.
 */
@xsock_connect_s_server('-cert {certs}/server.pem -Verify 1 -CAfile {certs}/ca.pem', xsock_client_ssl(), 'tls', 5,
	function ($c) {
		fwrite($c, "x\n");
		$d = @fread($c, 10);
		echo 'no client cert: read ', var_export($d, true), ', ', alert(xsock_last_error($c)), "\n";
	});

/* A good connection records nothing, on the stream or in the request's record. */
$before = xsock_last_error();
xsock_connect_s_server('-cert {certs}/server.pem', xsock_client_ssl(), 'tls', 5, function ($c) {
	echo 'good: ', alert(xsock_last_error($c)), "\n";
});
var_dump(xsock_last_error() === $before);
?>
--EXPECT--
self-signed: phase=verify alert=unknown_ca (48) sent errno_name=''
version: phase=tls_handshake alert=protocol_version (70) received errno_name=''
no client cert: read '', phase=read alert=certificate_required (116) received errno_name=''
good: no record
bool(true)
