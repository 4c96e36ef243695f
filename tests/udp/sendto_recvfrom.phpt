--TEST--
udp: connected client, sendto with an address, recvfrom returning the peer address, select
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $addr] = compat_udp_bind();
$errno = 42;
$errstr = 'junk';
$c = stream_socket_client("udp://$addr", $errno, $errstr, 2);
var_dump(is_resource($c), $errno, $errstr);
$caddr = stream_socket_get_name($c, false);
var_dump((bool) preg_match('/^127\.0\.0\.1:[1-9]\d*$/', $caddr));
var_dump(stream_socket_get_name($c, true) === $addr);
var_dump(stream_socket_get_name($srv, true));

/* Datagram boundaries are kept. */
var_dump(fwrite($c, "first"));
var_dump(fwrite($c, "second"));
$r = [$srv];
$w = $e = null;
var_dump(stream_select($r, $w, $e, 2));
var_dump(stream_socket_recvfrom($srv, 100, 0, $from), $from === $caddr);
var_dump(stream_socket_recvfrom($srv, 100, STREAM_PEEK, $from2), $from2 === $caddr);
var_dump(stream_socket_recvfrom($srv, 3));

/* Reply to the address recvfrom gave. */
var_dump(stream_socket_sendto($srv, "reply", 0, $from));
$r = [$c];
var_dump(stream_select($r, $w, $e, 2));
var_dump(fread($c, 100));

/* An unconnected socket sends to any address; recvfrom names the sender. */
[$other, $oaddr] = compat_udp_bind();
var_dump(stream_socket_sendto($other, "from other", 0, $addr));
$r = [$srv];
stream_select($r, $w, $e, 2);
var_dump(stream_socket_recvfrom($srv, 100, 0, $from3), $from3 === $oaddr);

/* IPv6 is in ipv6.phpt. */
/* Bad targets for sendto. */
var_dump(stream_socket_sendto($srv, "x", 0, 'bogus'));
?>
--EXPECTF--
bool(true)
int(0)
string(0) ""
bool(true)
bool(true)
bool(false)
int(5)
int(6)
int(1)
string(5) "first"
bool(true)
string(6) "second"
bool(true)
string(3) "sec"
int(5)
int(1)
string(5) "reply"
int(10)
string(10) "from other"
bool(true)

Warning: stream_socket_sendto(): Failed to parse `bogus' into a valid network address in %s on line %d
bool(false)
