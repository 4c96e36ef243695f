--TEST--
tcp: stream_socket_get_name formats (IPv4; IPv6 in ipv6.phpt), peer of a listening socket
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $cli, $acc, $addr] = compat_tcp_pair('127.0.0.1');
$v4 = '/^127\.0\.0\.1:[1-9]\d*$/';
foreach ([
	'server local' => stream_socket_get_name($srv, false),
	'client local' => stream_socket_get_name($cli, false),
	'client peer' => stream_socket_get_name($cli, true),
	'accepted local' => stream_socket_get_name($acc, false),
	'accepted peer' => stream_socket_get_name($acc, true),
] as $what => $name) {
	echo $what, ': ', preg_match($v4, $name) ? 'ok' : var_export($name, true), "\n";
}
var_dump(stream_socket_get_name($srv, true));
var_dump(stream_socket_get_name($cli, false) === stream_socket_get_name($acc, true));

/* A closed stream cannot be asked. */
fclose($cli);
try {
	stream_socket_get_name($cli, false);
} catch (TypeError $e) {
	echo $e->getMessage(), "\n";
}
?>
--EXPECT--
server local: ok
client local: ok
client peer: ok
accepted local: ok
accepted peer: ok
bool(false)
bool(true)
stream_socket_get_name(): supplied resource is not a valid stream resource
