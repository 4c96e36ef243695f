--TEST--
TLS server: ssl://, tls://, tlsv1.2://, tlsv1.3:// servers against openssl s_client; version mismatch fails at accept
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

foreach (['ssl', 'tls', 'tlsv1.2', 'tlsv1.3'] as $scheme) {
	[$srv] = xsock_tls_listen(xsock_server_ssl(), $scheme);
	[$ok, $out] = xsock_s_client_accept($srv, '-CAfile {certs}/ca.pem -verify_return_error -brief', function ($c) use ($scheme) {
		$m = stream_get_meta_data($c);
		echo "$scheme server: {$m['crypto']['protocol']} {$m['stream_type']}\n";
		fwrite($c, "from $scheme\n");
	});
	echo xsock_lines($out, '/^(Protocol version|Verification:|from )/');
	fclose($srv);
}
echo "-- tlsv1.2:// server, s_client -tls1_3\n";
[$srv] = xsock_tls_listen(xsock_server_ssl(), 'tlsv1.2');
[$ok, $out] = xsock_s_client_accept($srv, '-tls1_3 -CAfile {certs}/ca.pem');
var_dump($ok);
?>
--EXPECTF--
ssl server: TLSv1.3 tcp_socket/ssl
Protocol version: TLSv1.3
Verification: OK
from ssl
tls server: TLSv1.3 tcp_socket/ssl
Protocol version: TLSv1.3
Verification: OK
from tls
tlsv1.2 server: TLSv1.2 tcp_socket/ssl
Protocol version: TLSv1.2
Verification: OK
from tlsv1.2
tlsv1.3 server: TLSv1.3 tcp_socket/ssl
Protocol version: TLSv1.3
Verification: OK
from tlsv1.3
-- tlsv1.2:// server, s_client -tls1_3

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000102:SSL routines::unsupported protocol%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
