--TEST--
udp: IPv6 loopback: bind, connect, sendto/recvfrom with [v6]:port addresses
--SKIPIF--
<?php
require __DIR__ . '/../inc/compat.inc';
if (!compat_have_ipv6()) die('skip no IPv6 loopback');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

$v6 = '/^\[::1\]:[1-9]\d*$/';
[$srv, $addr] = compat_udp_bind('::1');
var_dump((bool) preg_match($v6, $addr));
var_dump(stream_socket_get_name($srv, true));

$c = stream_socket_client("udp://$addr", $errno, $errstr, 2);
var_dump($errno, $errstr, stream_socket_get_name($c, true) === $addr);
fwrite($c, "six");
$r = [$srv];
$w = $e = null;
var_dump(stream_select($r, $w, $e, 2));
var_dump(stream_socket_recvfrom($srv, 100, 0, $from), $from === stream_socket_get_name($c, false));
var_dump((bool) preg_match($v6, $from));
var_dump(stream_socket_sendto($srv, "six back", 0, $from));
$r = [$c];
stream_select($r, $w, $e, 2);
var_dump(fread($c, 100));

/* fsockopen with a bracketed host and a port argument. */
$f = fsockopen('udp://[::1]', xsock_port($addr), $errno, $errstr);
fwrite($f, "fs");
$r = [$srv];
stream_select($r, $w, $e, 2);
var_dump(stream_socket_recvfrom($srv, 100, 0, $from2), $from2 === stream_socket_get_name($f, false));

/* An unconnected IPv6 socket sends to an IPv6 target. */
[$other, $oaddr] = compat_udp_bind('::1');
var_dump(stream_socket_sendto($other, "other", 0, $addr));
$r = [$srv];
stream_select($r, $w, $e, 2);
var_dump(stream_socket_recvfrom($srv, 100, 0, $from3), $from3 === $oaddr);
?>
--EXPECT--
bool(true)
bool(false)
int(0)
string(0) ""
bool(true)
int(1)
string(3) "six"
bool(true)
bool(true)
int(8)
string(8) "six back"
string(2) "fs"
bool(true)
int(5)
string(5) "other"
bool(true)
