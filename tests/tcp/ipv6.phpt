--TEST--
tcp: IPv6 loopback: connect, fsockopen, names, bindto, tcp_nodelay, ipv6_v6only, errors
--EXTENSIONS--
sockets
--SKIPIF--
<?php
require __DIR__ . '/../inc/compat.inc';
if (!compat_have_ipv6()) die('skip no IPv6 loopback');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

$v6 = '/^\[::1\]:[1-9]\d*$/';

echo "-- connect\n";
[$srv, $addr] = xsock_listen('tcp', '::1');
var_dump((bool) preg_match($v6, $addr));
$errno = 42;
$errstr = 'junk';
$c = stream_socket_client("tcp://$addr", $errno, $errstr, 2);
$a = stream_socket_accept($srv, 2, $peer);
var_dump($errno, $errstr);
var_dump((bool) preg_match($v6, $peer), $peer === stream_socket_get_name($c, false));
fwrite($c, "six");
var_dump(compat_read($a, 3));

echo "-- names\n";
foreach ([
	'client local' => stream_socket_get_name($c, false),
	'client peer' => stream_socket_get_name($c, true),
	'accepted local' => stream_socket_get_name($a, false),
	'accepted peer' => stream_socket_get_name($a, true),
] as $what => $name) {
	echo $what, ': ', preg_match($v6, $name) ? 'ok' : var_export($name, true), "\n";
}
var_dump(stream_socket_get_name($srv, true));
/* A server bound to the IPv6 form of an IPv4 address shows the mapped form. */
$m = stream_socket_server('tcp://[::ffff:127.0.0.1]:0', $errno, $errstr);
var_dump((bool) preg_match('/^\[::ffff:127\.0\.0\.1\]:\d+$/', stream_socket_get_name($m, false)));

echo "-- fsockopen\n";
$f = fsockopen('[::1]', xsock_port($addr), $errno, $errstr);
var_dump(stream_socket_get_name($f, true) === $addr);
$f = fsockopen("[::1]:" . xsock_port($addr));
var_dump(stream_socket_get_name($f, true) === $addr);
/*
 * Without brackets it fails: PHP takes the first colon, so the host is ""
 * and the resolver says so (mysqlnd builds exactly this for host "::1").
 */
var_dump(@fsockopen('::1', xsock_port($addr), $errno, $errstr), $errno, $errstr);

echo "-- server port 0 forms\n";
$s = stream_socket_server('tcp://[::1]:', $errno, $errstr);
var_dump((bool) preg_match($v6, stream_socket_get_name($s, false)));

echo "-- refused\n";
$free = compat_free_addr('tcp', '::1');
var_dump(stream_socket_client("tcp://$free", $errno, $errstr, 2), $errno, $errstr);

echo "-- bindto\n";
function via($target, $bindto, $srv)
{
	$ctx = stream_context_create(['socket' => ['bindto' => $bindto]]);
	$c = stream_socket_client("tcp://$target", $errno, $errstr, 2, STREAM_CLIENT_CONNECT, $ctx);
	if (!$c) {
		echo "failed: $errno '$errstr'\n";
		return null;
	}
	stream_socket_accept($srv, 2);
	return stream_socket_get_name($c, false);
}
$free = compat_free_addr('tcp', '::1');
var_dump(via($addr, $free, $srv) === $free);
var_dump((bool) preg_match($v6, via($addr, '[::1]:0', $srv)));
/* An IPv4 bindto (or "0:0") skips IPv6 addresses: nothing is left to try. */
via($addr, '127.0.0.1:0', $srv);
via($addr, '0:0', $srv);

echo "-- tcp_nodelay\n";
$on = stream_context_create(['socket' => ['tcp_nodelay' => true]]);
[$srvn, $addrn] = xsock_listen('tcp', '::1', $on);
$cn = stream_socket_client("tcp://$addrn", $errno, $errstr, 2, STREAM_CLIENT_CONNECT, $on);
$an = stream_socket_accept($srvn, 2);
echo compat_sockopt($srvn, SOL_TCP, TCP_NODELAY), compat_sockopt($cn, SOL_TCP, TCP_NODELAY),
	compat_sockopt($an, SOL_TCP, TCP_NODELAY), "\n";

echo "-- ipv6_v6only\n";
/*
 * Linux forces the flag on for a specific address such as ::1, so this
 * needs the wildcard; bind only, so nothing listens on it.
 */
foreach (['true' => true, 'false' => false, 'null' => null, 'unset' => 'unset'] as $k => $v) {
	$ctx = stream_context_create(['socket' => $v === 'unset' ? [] : ['ipv6_v6only' => $v]]);
	$s = stream_socket_server('tcp://[::]:0', $errno, $errstr, STREAM_SERVER_BIND, $ctx);
	echo $k, ': ', compat_sockopt($s, IPPROTO_IPV6, IPV6_V6ONLY), "\n";
}
?>
--EXPECTF--
-- connect
bool(true)
int(0)
string(0) ""
bool(true)
bool(true)
string(3) "six"
-- names
client local: ok
client peer: ok
accepted local: ok
accepted peer: ok
bool(false)
bool(true)
-- fsockopen
bool(true)
bool(true)
bool(false)
int(0)
string(%d) "php_network_getaddresses: getaddrinfo for  failed: %s"
-- server port 0 forms
bool(true)
-- refused

Warning: stream_socket_client(): Unable to connect to tcp://[::1]:%d (Connection refused)%S in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"
-- bindto
bool(true)
bool(true)

Warning: stream_socket_client(): Unable to connect to tcp://[::1]:%d (Unknown error)%S in %s on line %d
failed: 0 ''

Warning: stream_socket_client(): Unable to connect to tcp://[::1]:%d (Unknown error)%S in %s on line %d
failed: 0 ''
-- tcp_nodelay
011
-- ipv6_v6only
true: 1
false: 0
null: 0
unset: 0
