--TEST--
tcp: pfsockopen() and STREAM_CLIENT_PERSISTENT reuse a live connection, replace a dead one
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $addr] = xsock_listen('tcp', '127.0.0.1');
$port = xsock_port($addr);

$errno = 7;
$errstr = 'junk';
$a = pfsockopen('127.0.0.1', $port, $errno, $errstr);
var_dump($errno, $errstr, get_resource_type($a));
$s1 = stream_socket_accept($srv, 2);

/* Same key while alive: the same resource, no new connection. */
$b = pfsockopen('127.0.0.1', $port);
var_dump($a === $b);
var_dump(@stream_socket_accept($srv, 0.2));
fwrite($b, "one");
var_dump(compat_read($s1, 3));

/* The peer goes away: the liveness check drops the old stream. */
fclose($s1);
usleep(50000);
$c = pfsockopen('127.0.0.1', $port);
var_dump($c === $a, get_resource_type($c));
$s2 = stream_socket_accept($srv, 2);
var_dump(is_resource($s2));
fwrite($c, "two");
var_dump(compat_read($s2, 3));
var_dump(pfsockopen('127.0.0.1', $port) === $c);

/* stream_socket_client's persistent flag has its own key. */
$flags = STREAM_CLIENT_CONNECT | STREAM_CLIENT_PERSISTENT;
$d = stream_socket_client("tcp://$addr", $errno, $errstr, 2, $flags);
var_dump($d === $c, get_resource_type($d));
$s3 = stream_socket_accept($srv, 2);
$e = stream_socket_client("tcp://$addr", $errno, $errstr, 2, $flags);
var_dump($e === $d);
var_dump(@stream_socket_accept($srv, 0.2));
fwrite($e, "three");
var_dump(compat_read($s3, 5));
?>
--EXPECT--
int(0)
string(0) ""
string(17) "persistent stream"
bool(true)
bool(false)
string(3) "one"
bool(false)
string(17) "persistent stream"
bool(true)
string(3) "two"
bool(true)
bool(false)
string(17) "persistent stream"
bool(true)
bool(false)
string(5) "three"
