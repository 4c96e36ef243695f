--TEST--
xsock: udp ports PHP would silently change (negative, above 65535, no digits) are refused while parsing
--SKIPIF--
<?php if (!extension_loaded('xsock')) die('skip xsock only'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

foreach (['udp://127.0.0.1:99999', 'udp://127.0.0.1:-1', 'udp://127.0.0.1:abc12'] as $t) {
	$c = @stream_socket_client($t, $errno, $errstr, 1);
	echo 'client ', $t, ': ', var_export($c, true), " $errno ", compat_port_refusals($errstr), "\n";
	$s = @stream_socket_server($t, $errno, $errstr, STREAM_SERVER_BIND);
	echo 'server ', $t, ': ', var_export($s, true), " $errno ", compat_port_refusals($errstr), "\n";
}
$errno = 42;
var_dump(@fsockopen('udp://127.0.0.1', 70000, $errno, $errstr), $errno, compat_port_refusals($errstr));
?>
--EXPECTF--
client udp://127.0.0.1:99999: false 0 <range refusal>
server udp://127.0.0.1:99999: false 0 <range refusal>
client udp://127.0.0.1:-1: false 0 <range refusal>
server udp://127.0.0.1:-1: false 0 <range refusal>
client udp://127.0.0.1:abc12: false 0 Failed to parse address "127.0.0.1:abc12" <nan refusal>
server udp://127.0.0.1:abc12: false 0 Failed to parse address "127.0.0.1:abc12" <nan refusal>
bool(false)
int(0)
string(%d) "<range refusal>"
