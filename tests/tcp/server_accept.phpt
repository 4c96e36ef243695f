--TEST--
tcp: stream_socket_server bind/listen/accept, peer name argument, accept timeout
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

$errno = 3;
$errstr = 'junk';
$srv = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
var_dump(is_resource($srv), $errno, $errstr);
$addr = stream_socket_get_name($srv, false);

/* Bind only: the port is taken but nobody listens. */
$bound = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
var_dump(is_resource($bound));
$baddr = stream_socket_get_name($bound, false);
var_dump((bool) preg_match('/^127\.0\.0\.1:\d+$/', $baddr));
var_dump(@stream_socket_client("tcp://$baddr", $en, $es, 1), $en, $es);

/* Accept with the peer's address. */
$c = stream_socket_client("tcp://$addr");
$a = stream_socket_accept($srv, 2, $peer);
var_dump(get_resource_type($a), $peer === stream_socket_get_name($c, false));
var_dump(stream_socket_get_name($a, true) === $peer);
$m = stream_get_meta_data($a);
var_dump($m['blocked'], $m['mode'], $m['stream_type'] === stream_get_meta_data($c)['stream_type']);

/* Several queued connections are handed out in order. */
$cs = [];
for ($i = 0; $i < 3; $i++) {
	$cs[$i] = stream_socket_client("tcp://$addr");
	fwrite($cs[$i], "c$i");
}
for ($i = 0; $i < 3; $i++) {
	$x = stream_socket_accept($srv, 2, $p);
	echo compat_read($x, 2), ' ', $p === stream_socket_get_name($cs[$i], false) ? 'match' : 'mismatch', "\n";
}

/* An accepted stream starts with the listening socket's read timeout. */
stream_set_timeout($srv, 0, 300000);
$c4 = stream_socket_client("tcp://$addr");
$a4 = stream_socket_accept($srv, 2);
$t = microtime(true);
var_dump(fread($a4, 1));
$el = microtime(true) - $t;
var_dump($el > 0.25 && $el < 2.0 ? 'inherited' : "took $el");
var_dump(stream_get_meta_data($a4)['timed_out']);

/* Nothing pending: the timeout ends the wait. */
$t = microtime(true);
var_dump(stream_socket_accept($srv, 0.3, $peer2));
$el = microtime(true) - $t;
var_dump($el > 0.2 && $el < 2.0 ? 'bounded' : "took $el");
var_dump(stream_socket_accept($srv, 0));
?>
--EXPECTF--
bool(true)
int(0)
string(0) ""
bool(true)
bool(true)
bool(false)
int(111)
string(18) "Connection refused"
string(6) "stream"
bool(true)
bool(true)
bool(true)
string(2) "r+"
bool(true)
c0 match
c1 match
c2 match
bool(false)
string(9) "inherited"
bool(true)

Warning: stream_socket_accept(): Accept failed: Connection timed out in %s on line %d
bool(false)
string(7) "bounded"

Warning: stream_socket_accept(): Accept failed: Connection timed out in %s on line %d
bool(false)
