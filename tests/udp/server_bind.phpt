--TEST--
udp: stream_socket_server needs STREAM_SERVER_BIND; the default flags fail
--FILE--
<?php
$errno = 42;
$errstr = 'junk';
var_dump(stream_socket_server('udp://127.0.0.1:0', $errno, $errstr), $errno, $errstr);

$s = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
var_dump(is_resource($s), $errno, $errstr);
$name = stream_socket_get_name($s, false);
var_dump((bool) preg_match('/^127\.0\.0\.1:[1-9]\d*$/', $name));

/* SO_REUSEADDR is always set, and on Linux it lets two udp sockets share a port. */
$again = stream_socket_server("udp://$name", $errno, $errstr, STREAM_SERVER_BIND);
var_dump(is_resource($again), $errno, $errstr);

/* Address parse errors as for tcp. */
var_dump(stream_socket_server('udp://127.0.0.1', $errno, $errstr, STREAM_SERVER_BIND), $errno, $errstr);
?>
--EXPECTF--
Warning: stream_socket_server(): Unable to connect to udp://127.0.0.1:0 (Unknown error)%S in %s on line %d
bool(false)
int(0)
string(0) ""
bool(true)
int(0)
string(0) ""
bool(true)
bool(true)
int(0)
string(0) ""

Warning: stream_socket_server(): Unable to connect to udp://127.0.0.1 (Failed to parse address "127.0.0.1")%S in %s on line %d
bool(false)
int(0)
string(35) "Failed to parse address "127.0.0.1""
