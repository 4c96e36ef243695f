--TEST--
xsock: tcp ports PHP would silently change (no digits, negative, above 65535) are refused while parsing
--SKIPIF--
<?php if (!extension_loaded('xsock')) die('skip xsock only'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

function client($target)
{
	$errno = 42;
	$errstr = 'junk';
	$c = @stream_socket_client($target, $errno, $errstr, 1);
	$w = error_get_last()['message'] ?? '';
	error_clear_last();
	echo $target, ': ', var_export($c, true), " $errno ", compat_port_refusals($errstr), "\n";
	echo '  warning: ', compat_port_refusals($w), "\n";
}

function server($target)
{
	$errno = 42;
	$errstr = 'junk';
	$flags = str_starts_with($target, 'udp') ? STREAM_SERVER_BIND : STREAM_SERVER_BIND | STREAM_SERVER_LISTEN;
	$s = @stream_socket_server($target, $errno, $errstr, $flags);
	error_clear_last();
	echo 'server ', $target, ': ', var_export($s, true), " $errno ", compat_port_refusals($errstr), "\n";
}

/* Out of range. */
client('tcp://127.0.0.1:99999');
client('tcp://127.0.0.1:65536');
client('tcp://127.0.0.1:-1');
client('tcp://[::1]:70000');
client('127.0.0.1:99999');
/* atoi() gives 80 for this one (2^32 + 80 in an int): PHP connects to 80. */
client('tcp://127.0.0.1:4294967376');

/* No digits where atoi() looks: PHP's port 0. */
client('tcp://127.0.0.1:http');
client('tcp://127.0.0.1: ');
client('tcp://127.0.0.1:+x');
client('tcp://[::1]:/x');
client('tcp://127.0.0.1::80');

server('tcp://127.0.0.1:99999');
server('tcp://127.0.0.1:http');
server('udp://127.0.0.1:-5');

/* fsockopen's port argument is checked the same way. */
$errno = 42;
$errstr = 'junk';
var_dump(@fsockopen('127.0.0.1', 70000, $errno, $errstr, 1), $errno, compat_port_refusals($errstr));

/* The edges, and what atoi() reads as the number written, are ports, not parse errors. */
foreach (['tcp://127.0.0.1:65535', 'tcp://127.0.0.1:0', 'tcp://127.0.0.1:-0', 'tcp://127.0.0.1:0x50',
	'tcp://127.0.0.1:12abc', 'tcp://127.0.0.1: +65535/x'] as $t) {
	$c = @stream_socket_client($t, $errno, $errstr, 1);
	echo $t, ': ', str_starts_with($errstr, 'Failed to parse') ? "parse error: $errstr" : 'parsed', "\n";
}
?>
--EXPECTF--
tcp://127.0.0.1:99999: false 0 <range refusal>
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:99999 (<range refusal>)
tcp://127.0.0.1:65536: false 0 <range refusal>
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:65536 (<range refusal>)
tcp://127.0.0.1:-1: false 0 <range refusal>
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:-1 (<range refusal>)
tcp://[::1]:70000: false 0 <range refusal>
  warning: stream_socket_client(): Unable to connect to tcp://[::1]:70000 (<range refusal>)
127.0.0.1:99999: false 0 <range refusal>
  warning: stream_socket_client(): Unable to connect to 127.0.0.1:99999 (<range refusal>)
tcp://127.0.0.1:4294967376: false 0 <range refusal>
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:4294967376 (<range refusal>)
tcp://127.0.0.1:http: false 0 Failed to parse address "127.0.0.1:http" <nan refusal>
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:http (Failed to parse address "127.0.0.1:http" <nan refusal>)%S
tcp://127.0.0.1: : false 0 Failed to parse address "127.0.0.1: " <nan refusal>
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:  (Failed to parse address "127.0.0.1: " <nan refusal>)%S
tcp://127.0.0.1:+x: false 0 Failed to parse address "127.0.0.1:+x" <nan refusal>
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:+x (Failed to parse address "127.0.0.1:+x" <nan refusal>)%S
tcp://[::1]:/x: false 0 Failed to parse address "[::1]:/x" <nan refusal>
  warning: stream_socket_client(): Unable to connect to tcp://[::1]:/x (Failed to parse address "[::1]:/x" <nan refusal>)%S
tcp://127.0.0.1::80: false 0 Failed to parse address "127.0.0.1::80" <nan refusal>
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1::80 (Failed to parse address "127.0.0.1::80" <nan refusal>)%S
server tcp://127.0.0.1:99999: false 0 <range refusal>
server tcp://127.0.0.1:http: false 0 Failed to parse address "127.0.0.1:http" <nan refusal>
server udp://127.0.0.1:-5: false 0 <range refusal>
bool(false)
int(0)
string(%d) "<range refusal>"
tcp://127.0.0.1:65535: parsed
tcp://127.0.0.1:0: parsed
tcp://127.0.0.1:-0: parsed
tcp://127.0.0.1:0x50: parsed
tcp://127.0.0.1:12abc: parsed
tcp://127.0.0.1: +65535/x: parsed
