--TEST--
core: every way into tcp:// and udp:// reaches the registered transport (stream_type labels)
--EXTENSIONS--
openssl
sockets
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $addr] = xsock_listen('tcp', '127.0.0.1');
[$usrv, $uaddr] = compat_udp_bind();
$port = xsock_port($addr);

$raw = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_connect($raw, '127.0.0.1', $port);
$rawu = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);

$streams = [
	'stream_socket_client tcp' => stream_socket_client("tcp://$addr"),
	'stream_socket_client no scheme' => stream_socket_client($addr),
	'stream_socket_server tcp' => $srv,
	'stream_socket_accept' => stream_socket_accept($srv, 2),
	'fsockopen' => fsockopen('127.0.0.1', $port),
	'fsockopen tcp://' => fsockopen('tcp://127.0.0.1', $port),
	'pfsockopen' => pfsockopen('127.0.0.1', $port),
	'socket_export_stream tcp' => socket_export_stream($raw),
	'stream_socket_client udp' => stream_socket_client("udp://$uaddr"),
	'stream_socket_server udp' => $usrv,
	'fsockopen udp://' => fsockopen('udp://127.0.0.1', xsock_port($uaddr)),
	'socket_export_stream udp' => socket_export_stream($rawu),
];
foreach ($streams as $what => $s) {
	echo $what, ': ', stream_get_meta_data($s)['stream_type'], "\n";
}

/* tcp:// accepts crypto calls (an openssl-style stream), udp:// does not. */
$c = stream_socket_client("tcp://$addr");
$a = stream_socket_accept($srv, 2);
stream_set_blocking($c, false);
var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
var_dump(@stream_socket_enable_crypto($streams['stream_socket_client udp'], true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
?>
--EXPECT--
stream_socket_client tcp: tcp_socket/ssl
stream_socket_client no scheme: tcp_socket/ssl
stream_socket_server tcp: tcp_socket/ssl
stream_socket_accept: tcp_socket/ssl
fsockopen: tcp_socket/ssl
fsockopen tcp://: tcp_socket/ssl
pfsockopen: tcp_socket/ssl
socket_export_stream tcp: tcp_socket/ssl
stream_socket_client udp: udp_socket
stream_socket_server udp: udp_socket
fsockopen udp://: udp_socket
socket_export_stream udp: udp_socket
int(0)
bool(false)
