--TEST--
tcp: address parse errors: warnings, errno 0 and errstr
--FILE--
<?php
$targets = [
	'tcp://127.0.0.1',
	'tcp://127.0.0.1:',
	'tcp://',
	'tcp://[',
	'tcp://[::1]',
	'tcp://[::1]x:0',
	'127.0.0.1',
	"tcp://127.0.0.1\0:80",
];
foreach ($targets as $t) {
	$errno = 42;
	$errstr = 'junk';
	$c = stream_socket_client($t, $errno, $errstr, 1);
	var_dump($c, $errno, $errstr);
}
?>
--EXPECTF--
Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1 (Failed to parse address "127.0.0.1")%S in %s on line %d
bool(false)
int(0)
string(35) "Failed to parse address "127.0.0.1""

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1: (Failed to parse address "127.0.0.1:")%S in %s on line %d
bool(false)
int(0)
string(36) "Failed to parse address "127.0.0.1:""

Warning: stream_socket_client(): Unable to connect to tcp:// (Failed to parse address "")%S in %s on line %d
bool(false)
int(0)
string(26) "Failed to parse address """

Warning: stream_socket_client(): Unable to connect to tcp://[ (Failed to parse address "[")%S in %s on line %d
bool(false)
int(0)
string(27) "Failed to parse address "[""

Warning: stream_socket_client(): Unable to connect to tcp://[::1] (Failed to parse IPv6 address "[::1]")%S in %s on line %d
bool(false)
int(0)
string(36) "Failed to parse IPv6 address "[::1]""

Warning: stream_socket_client(): Unable to connect to tcp://[::1]x:0 (Failed to parse IPv6 address "[::1]x:0")%S in %s on line %d
bool(false)
int(0)
string(39) "Failed to parse IPv6 address "[::1]x:0""

Warning: stream_socket_client(): Unable to connect to 127.0.0.1 (Failed to parse address "127.0.0.1")%S in %s on line %d
bool(false)
int(0)
string(35) "Failed to parse address "127.0.0.1""

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1\0:80 (The hostname must not contain null bytes)%S in %s on line %d
bool(false)
int(0)
string(40) "The hostname must not contain null bytes"
