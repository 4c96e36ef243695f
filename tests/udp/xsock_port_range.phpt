--TEST--
xsock: udp ports PHP would silently change (negative, above 65535, no digits) are refused while parsing
--SKIPIF--
<?php if (!extension_loaded('xsock')) die('skip xsock only'); ?>
--FILE--
<?php
foreach (['udp://127.0.0.1:99999', 'udp://127.0.0.1:-1', 'udp://127.0.0.1:abc12'] as $t) {
	$c = @stream_socket_client($t, $errno, $errstr, 1);
	echo 'client ', $t, ': ', var_export($c, true), " $errno $errstr\n";
	$s = @stream_socket_server($t, $errno, $errstr, STREAM_SERVER_BIND);
	echo 'server ', $t, ': ', var_export($s, true), " $errno $errstr\n";
}
$errno = 42;
var_dump(@fsockopen('udp://127.0.0.1', 70000, $errno, $errstr), $errno, $errstr);
?>
--EXPECTF--
client udp://127.0.0.1:99999: false 0 Failed to parse address "127.0.0.1:99999": port must be between 0 and 65535%S
server udp://127.0.0.1:99999: false 0 Failed to parse address "127.0.0.1:99999": port must be between 0 and 65535%S
client udp://127.0.0.1:-1: false 0 Failed to parse address "127.0.0.1:-1": port must be between 0 and 65535%S
server udp://127.0.0.1:-1: false 0 Failed to parse address "127.0.0.1:-1": port must be between 0 and 65535%S
client udp://127.0.0.1:abc12: false 0 Failed to parse address "127.0.0.1:abc12": port must be a number
server udp://127.0.0.1:abc12: false 0 Failed to parse address "127.0.0.1:abc12": port must be a number
bool(false)
int(0)
string(%d) "Failed to parse address "127.0.0.1:70000": port must be between 0 and 65535%S"
