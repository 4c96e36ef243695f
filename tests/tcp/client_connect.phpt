--TEST--
tcp: blocking stream_socket_client connect, errno/errstr on success, scheme optional
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $addr] = xsock_listen('tcp', '127.0.0.1');

/* Both out-parameters are reset on success. */
$errno = 99;
$errstr = 'junk';
$c = stream_socket_client("tcp://$addr", $errno, $errstr, 2);
var_dump(is_resource($c), $errno, $errstr);
$a = stream_socket_accept($srv, 2, $peer);
var_dump($peer === stream_socket_get_name($c, false));
var_dump(stream_socket_get_name($a, false) === $addr);
var_dump(stream_socket_get_name($c, true) === $addr);

var_dump(fwrite($c, "ping\n"));
var_dump(fgets($a));
var_dump(fwrite($a, "pong\n"));
var_dump(fgets($c));

/* Without a scheme the target goes to tcp. */
$c2 = stream_socket_client($addr, $errno, $errstr, 2);
$a2 = stream_socket_accept($srv, 2);
var_dump(stream_get_meta_data($c2)['stream_type'] === stream_get_meta_data($c)['stream_type']);
fwrite($a2, "x");
var_dump(fread($c2, 1));

/* Default timeout argument, no errno/errstr variables. */
$c3 = stream_socket_client("tcp://$addr");
var_dump(is_resource($c3));
?>
--EXPECT--
bool(true)
int(0)
string(0) ""
bool(true)
bool(true)
bool(true)
int(5)
string(5) "ping
"
int(5)
string(5) "pong
"
bool(true)
string(1) "x"
bool(true)
