--TEST--
TLS client: crypto_method and min/max_proto_version pick the protocol version
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
	'ssl:// crypto_method TLSv1_2_CLIENT' => ['ssl', ['crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT]],
	'tls:// crypto_method TLSv1_3_CLIENT' => ['tls', ['crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT]],
	'tls:// max_proto_version TLSv1.2' => ['tls', ['max_proto_version' => STREAM_CRYPTO_PROTO_TLSv1_2]],
	'tls:// min_proto_version TLSv1.3' => ['tls', ['min_proto_version' => STREAM_CRYPTO_PROTO_TLSv1_3]],
	'tlsv1.2:// ignores crypto_method TLSv1_3' => ['tlsv1.2', ['crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT]],
];
foreach ($cases as $name => [$scheme, $opts]) {
	echo "$name: ";
	xsock_connect_s_server('-cert {certs}/server.pem', xsock_client_ssl($opts), $scheme, 5, function ($c) {
		echo stream_get_meta_data($c)['crypto']['protocol'], "\n";
	});
}
echo "-- tcp:// + stream_socket_enable_crypto with TLSv1_2_CLIENT\n";
xsock_connect_s_server('-cert {certs}/server.pem', xsock_client_ssl(), 'tcp', 5, function ($c) {
	var_dump(stream_get_meta_data($c)['stream_type'], isset(stream_get_meta_data($c)['crypto']));
	var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT));
	echo stream_get_meta_data($c)['crypto']['protocol'], "\n";
});
echo "-- server only speaks TLS 1.3, client only 1.2\n";
[$c] = xsock_connect_s_server('-cert {certs}/server.pem -tls1_3', xsock_client_ssl(), 'tlsv1.2');
var_dump($c);
?>
--EXPECTF--
ssl:// crypto_method TLSv1_2_CLIENT: TLSv1.2
tls:// crypto_method TLSv1_3_CLIENT: TLSv1.3
tls:// max_proto_version TLSv1.2: TLSv1.2
tls:// min_proto_version TLSv1.3: TLSv1.3
tlsv1.2:// ignores crypto_method TLSv1_3: TLSv1.2
-- tcp:// + stream_socket_enable_crypto with TLSv1_2_CLIENT
string(14) "tcp_socket/ssl"
bool(false)
bool(true)
TLSv1.2
-- server only speaks TLS 1.3, client only 1.2

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00042E:SSL routines::tlsv1 alert protocol version%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tlsv1.2://127.0.0.1:%d (%s) in %s on line %d
bool(false)
