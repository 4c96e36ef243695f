--TEST--
tcp: server socket options: SO_REUSEADDR always, so_reuseport, backlog (ipv6_v6only in ipv6.phpt)
--EXTENSIONS--
sockets
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

$flags = STREAM_SERVER_BIND | STREAM_SERVER_LISTEN;
function server($host, $opts, $flags = STREAM_SERVER_BIND | STREAM_SERVER_LISTEN)
{
	$ctx = stream_context_create(['socket' => $opts]);
	$s = stream_socket_server("tcp://$host:0", $errno, $errstr, $flags, $ctx);
	if (!$s) {
		echo "failed: $errstr\n";
	}
	return $s;
}

/* SO_REUSEADDR is always on; SO_REUSEPORT only when asked. */
$s = server('127.0.0.1', []);
var_dump(compat_sockopt($s, SOL_SOCKET, SO_REUSEADDR), compat_sockopt($s, SOL_SOCKET, SO_REUSEPORT));
$s = server('127.0.0.1', ['so_reuseport' => true]);
var_dump(compat_sockopt($s, SOL_SOCKET, SO_REUSEPORT));
$s = server('127.0.0.1', ['so_reuseport' => 0]);
var_dump(compat_sockopt($s, SOL_SOCKET, SO_REUSEPORT));

/* Two servers with so_reuseport share a port; without it the second fails. */
$r1 = server('127.0.0.1', ['so_reuseport' => true]);
$port = xsock_port(stream_socket_get_name($r1, false));
$ctx = stream_context_create(['socket' => ['so_reuseport' => true]]);
$r2 = stream_socket_server("tcp://127.0.0.1:$port", $errno, $errstr, $flags, $ctx);
var_dump(is_resource($r2));
$r3 = stream_socket_server("tcp://127.0.0.1:$port", $errno, $errstr, $flags);
var_dump($r3, $errno, $errstr);

/* so_reuseport is not applied to clients. */
$ctx = stream_context_create(['socket' => ['so_reuseport' => true]]);
$c = stream_socket_client('tcp://' . stream_socket_get_name($r1, false), $errno, $errstr, 2, STREAM_CLIENT_CONNECT, $ctx);
var_dump(compat_sockopt($c, SOL_SOCKET, SO_REUSEPORT));

/* The default backlog (32) queues several connections; backlog 0 is in client_timeout.phpt. */
$s = server('127.0.0.1', []);
$addr = stream_socket_get_name($s, false);
$ok = 0;
for ($i = 0; $i < 5; $i++) {
	$ok += (bool) stream_socket_client("tcp://$addr", $errno, $errstr, 1);
}
var_dump($ok);
?>
--EXPECTF--
int(1)
int(0)
int(1)
int(0)
bool(true)

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1:%d (Address already in use)%S in %s on line %d
bool(false)
int(0)
string(22) "Address already in use"
int(0)
int(5)
