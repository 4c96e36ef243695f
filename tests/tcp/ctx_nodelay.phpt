--TEST--
tcp: socket context option tcp_nodelay on clients and accepted sockets
--EXTENSIONS--
sockets
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

$on = stream_context_create(['socket' => ['tcp_nodelay' => true]]);
$flags = STREAM_CLIENT_CONNECT;

/* Default: off everywhere. */
[$srv, $cli, $acc, $addr] = compat_tcp_pair();
echo 'default: ', compat_sockopt($srv, SOL_TCP, TCP_NODELAY), compat_sockopt($cli, SOL_TCP, TCP_NODELAY),
	compat_sockopt($acc, SOL_TCP, TCP_NODELAY), "\n";

/* Client side. */
$c = stream_socket_client("tcp://$addr", $errno, $errstr, 2, $flags, $on);
echo 'client: ', compat_sockopt($c, SOL_TCP, TCP_NODELAY), "\n";
$c = stream_socket_client("tcp://$addr", $errno, $errstr, 2, $flags, stream_context_create(['socket' => ['tcp_nodelay' => 'yes']]));
echo 'client truthy string: ', compat_sockopt($c, SOL_TCP, TCP_NODELAY), "\n";
$c = stream_socket_client("tcp://$addr", $errno, $errstr, 2, $flags, stream_context_create(['socket' => ['tcp_nodelay' => 0]]));
echo 'client 0: ', compat_sockopt($c, SOL_TCP, TCP_NODELAY), "\n";

/* Server side: each accepted socket gets it, the listener never does. */
[$srv2, $addr2] = xsock_listen('tcp', '127.0.0.1', $on);
echo 'listener: ', compat_sockopt($srv2, SOL_TCP, TCP_NODELAY), "\n";
$c2 = stream_socket_client("tcp://$addr2");
$a2 = stream_socket_accept($srv2, 2);
echo 'accepted: ', compat_sockopt($a2, SOL_TCP, TCP_NODELAY), ' its client: ', compat_sockopt($c2, SOL_TCP, TCP_NODELAY), "\n";
fwrite($c2, "x");
var_dump(compat_read($a2, 1));
?>
--EXPECT--
default: 000
client: 1
client truthy string: 1
client 0: 0
listener: 0
accepted: 1 its client: 0
string(1) "x"
