--TEST--
tcp/udp: addresses PHP reads with atoi() (trailing /id, blanks, a sign, a second colon) reach the port written; "::1:PORT" is a resolver error
--FILE--
<?php
/*
 * PHP takes the port with atoi(): "127.0.0.1:8080/client0" is the
 * documented way to give a persistent connection its own identity (PHP bug
 * #74429) and "[::1]:8080/" a common configuration value.  Each form must
 * reach the listener on the port written, in both modes.
 */
require __DIR__ . '/../inc/compat.inc';

[$srv, $addr] = xsock_listen('tcp', '127.0.0.1');
$port = xsock_port($addr);
$srv6 = stream_socket_server("tcp://[::1]:$port", $errno, $errstr);
if (!$srv6) {
	/* The v4 port is taken on ::1: listen on a fresh pair. */
	[$srv6, $addr6] = xsock_listen('tcp', '::1');
} else {
	$addr6 = "[::1]:$port";
}
$port6 = xsock_port($addr6);

/* Connect, say whether the peer port is $want, and accept on $srv when it worked. */
function reach(string $target, int $want, $srv = null): array
{
	$c = stream_socket_client($target, $errno, $errstr, 2);
	$peer = $c ? stream_socket_get_name($c, true) : "failed: $errno $errstr";
	echo addcslashes($target, "\t"), ': ',
		$c && xsock_port($peer) === $want ? 'port as written' : $peer, "\n";
	return [$c, $c && $srv ? stream_socket_accept($srv, 2) : null];
}

$held = [];
foreach (["$port/client0", "$port/", " $port", "\t+$port", "$port ", "$port:90", "000$port", "{$port}abc"] as $p) {
	$held[] = reach("tcp://127.0.0.1:$p", $port, $srv);
}
foreach (["$port6/", " $port6/x"] as $p) {
	$held[] = reach("tcp://[::1]:$p", $port6, $srv6);
}
$held[] = reach("127.0.0.1:$port/no-scheme", $port, $srv);

echo "-- udp\n";
[$u, $uaddr] = compat_udp_bind();
$uport = xsock_port($uaddr);
[$c] = reach("udp://127.0.0.1:$uport/x", $uport);
fwrite($c, 'datagram');
var_dump(stream_socket_recvfrom($u, 100));

echo "-- pfsockopen: a suffix is a separate persistent connection (bug #74429)\n";
$p0 = pfsockopen("tcp://127.0.0.1:$port/client0", -1, $errno, $errstr, 2);
$a0 = stream_socket_accept($srv, 2);
$p1 = pfsockopen("tcp://127.0.0.1:$port/client1", -1, $errno, $errstr, 2);
$a1 = stream_socket_accept($srv, 2);
var_dump(xsock_port(stream_socket_get_name($p0, true)) === $port, xsock_port(stream_socket_get_name($p1, true)) === $port);
var_dump(stream_socket_get_name($p0, false) !== stream_socket_get_name($p1, false));
$again = pfsockopen("tcp://127.0.0.1:$port/client0", -1, $errno, $errstr, 2);
var_dump(stream_socket_get_name($again, false) === stream_socket_get_name($p0, false));
fclose($p0);
fclose($p1);

echo "-- server\n";
foreach (['tcp://127.0.0.1:0/x', 'tcp://[::1]: 0', 'udp://127.0.0.1:+0 '] as $t) {
	$flags = str_starts_with($t, 'udp') ? STREAM_SERVER_BIND : STREAM_SERVER_BIND | STREAM_SERVER_LISTEN;
	$s = stream_socket_server($t, $errno, $errstr, $flags);
	echo "$t: ", $s && xsock_port(stream_socket_get_name($s, false)) > 0 ? 'bound to a port' : "failed: $errno $errstr", "\n";
}

echo "-- unbracketed ::1\n";
$errno = 42;
$c = stream_socket_client("tcp://::1:$port6", $errno, $errstr, 2);
var_dump($c, $errno, $errstr);
$c = fsockopen('::1', $port6, $errno, $errstr, 2);
var_dump($c, $errno, $errstr);
?>
--EXPECTF--
tcp://127.0.0.1:%d/client0: port as written
tcp://127.0.0.1:%d/: port as written
tcp://127.0.0.1: %d: port as written
tcp://127.0.0.1:\t+%d: port as written
tcp://127.0.0.1:%d : port as written
tcp://127.0.0.1:%d:90: port as written
tcp://127.0.0.1:000%d: port as written
tcp://127.0.0.1:%dabc: port as written
tcp://[::1]:%d/: port as written
tcp://[::1]: %d/x: port as written
127.0.0.1:%d/no-scheme: port as written
-- udp
udp://127.0.0.1:%d/x: port as written
string(8) "datagram"
-- pfsockopen: a suffix is a separate persistent connection (bug #74429)
bool(true)
bool(true)
bool(true)
bool(true)
-- server
tcp://127.0.0.1:0/x: bound to a port
tcp://[::1]: 0: bound to a port
udp://127.0.0.1:+0 : bound to a port
-- unbracketed ::1

Warning: stream_socket_client(): php_network_getaddresses: getaddrinfo for  failed: %s in %s on line %d

Warning: stream_socket_client(): Unable to connect to tcp://::1:%d (php_network_getaddresses: getaddrinfo for  failed: %s)%S in %s on line %d
bool(false)
int(0)
string(%d) "php_network_getaddresses: getaddrinfo for  failed: %s"

Warning: fsockopen(): php_network_getaddresses: getaddrinfo for  failed: %s in %s on line %d

Warning: fsockopen(): Unable to connect to ::1:%d (php_network_getaddresses: getaddrinfo for  failed: %s)%S in %s on line %d
bool(false)
int(0)
string(%d) "php_network_getaddresses: getaddrinfo for  failed: %s"
