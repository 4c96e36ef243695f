--TEST--
udp: socket context option so_broadcast on bind and connect
--EXTENSIONS--
sockets
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

$on = stream_context_create(['socket' => ['so_broadcast' => true]]);

[$s, $addr] = compat_udp_bind();
echo 'bind default: ', compat_sockopt($s, SOL_SOCKET, SO_BROADCAST), "\n";
[$b, $baddr] = compat_udp_bind('127.0.0.1', $on);
echo 'bind so_broadcast: ', compat_sockopt($b, SOL_SOCKET, SO_BROADCAST), "\n";

$c = stream_socket_client("udp://$addr");
echo 'connect default: ', compat_sockopt($c, SOL_SOCKET, SO_BROADCAST), "\n";
$c = stream_socket_client("udp://$addr", $errno, $errstr, 2, STREAM_CLIENT_CONNECT, $on);
echo 'connect so_broadcast: ', compat_sockopt($c, SOL_SOCKET, SO_BROADCAST), "\n";

/* tcp ignores it. */
[$t, $taddr] = xsock_listen('tcp', '127.0.0.1', $on);
echo 'tcp server: ', compat_sockopt($t, SOL_SOCKET, SO_BROADCAST), "\n";

/*
 * The loopback broadcast address: connecting needs SO_BROADCAST.  Nothing
 * is sent, and the address is on lo.
 */
var_dump(stream_socket_client('udp://127.255.255.255:9', $errno, $errstr, 2), $errno, $errstr);
$bc = stream_socket_client('udp://127.255.255.255:9', $errno, $errstr, 2, STREAM_CLIENT_CONNECT, $on);
var_dump(is_resource($bc), $errno, $errstr);
?>
--EXPECTF--
bind default: 0
bind so_broadcast: 1
connect default: 0
connect so_broadcast: 1
tcp server: 0

Warning: stream_socket_client(): Unable to connect to udp://127.255.255.255:9 (Permission denied)%S in %s on line %d
bool(false)
int(13)
string(17) "Permission denied"
bool(true)
int(0)
string(0) ""
