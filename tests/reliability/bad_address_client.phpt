--TEST--
reliability: malformed addresses on stream_socket_client, fsockopen and pfsockopen: PHP's warnings, false, no crash
--FILE--
<?php
/*
 * Each target fails before any connect: the parse or resolver error is
 * $errstr, $errno is 0, and the warning carries PHP's text.  A 5000-byte
 * host name is long enough for any fixed-size buffer to overflow.
 */
$long = str_repeat('a', 5000);

function show(string $what, $r, int $errno, string $errstr): void
{
	$errstr = str_replace(str_repeat('a', 5000), '<5000 x a>', $errstr);
	echo $what, ': ', var_export($r, true), " errno=$errno errstr=$errstr\n";
}

set_error_handler(function ($no, $msg) {
	echo '  warning: ', str_replace(str_repeat('a', 5000), '<5000 x a>', $msg), "\n";
	return true;
});

$targets = [
	'tcp://127.0.0.1',
	'tcp://[::1',
	'tcp://[::1:80',
	'udp://[::1',
	"tcp://$long:80",
	"tcp://127.0.\0.1:80",
	"tcp://127.0.0.1:8\0",
	'',
	':',
];
foreach ($targets as $t) {
	$errno = 42;
	$errstr = 'junk';
	$r = stream_socket_client($t, $errno, $errstr, 1);
	show('client ' . addcslashes(str_replace($long, '<5000 x a>', $t), "\0"), $r, $errno, $errstr);
}

$hosts = [['127.0.0.1', -1], ['[::1', 80], ['[::1', -1], [$long, 80], ["127.0.0.1\0", 80], ['udp://127.0.0.1', -1]];
foreach (['fsockopen', 'pfsockopen'] as $fn) {
	foreach ($hosts as [$h, $p]) {
		$errno = 42;
		$errstr = 'junk';
		$r = $fn($h, $p, $errno, $errstr, 1);
		show("$fn " . addcslashes(str_replace($long, '<5000 x a>', $h), "\0") . " $p", $r, $errno, $errstr);
	}
}
echo "done\n";
?>
--EXPECTF--
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1 (Failed to parse address "127.0.0.1")%S
client tcp://127.0.0.1: false errno=0 errstr=Failed to parse address "127.0.0.1"
  warning: stream_socket_client(): Unable to connect to tcp://[::1 (Failed to parse IPv6 address "[::1")%S
client tcp://[::1: false errno=0 errstr=Failed to parse IPv6 address "[::1"
  warning: stream_socket_client(): Unable to connect to tcp://[::1:80 (Failed to parse IPv6 address "[::1:80")%S
client tcp://[::1:80: false errno=0 errstr=Failed to parse IPv6 address "[::1:80"
  warning: stream_socket_client(): Unable to connect to udp://[::1 (Failed to parse IPv6 address "[::1")%S
client udp://[::1: false errno=0 errstr=Failed to parse IPv6 address "[::1"
  warning: stream_socket_client(): php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s
  warning: stream_socket_client(): Unable to connect to tcp://<5000 x a>:80 (php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s)%S
client tcp://<5000 x a>:80: false errno=0 errstr=php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s
  warning: stream_socket_client(): Unable to connect to tcp://127.0.\0.1:80 (The hostname must not contain null bytes)%S
client tcp://127.0.\000.1:80: false errno=0 errstr=The hostname must not contain null bytes
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:8\0 (The hostname must not contain null bytes)%S
client tcp://127.0.0.1:8\000: false errno=0 errstr=The hostname must not contain null bytes
  warning: stream_socket_client(): Unable to connect to  (Failed to parse address "")%S
client : false errno=0 errstr=Failed to parse address ""
  warning: stream_socket_client(): Unable to connect to : (Failed to parse address ":")%S
client :: false errno=0 errstr=Failed to parse address ":"
  warning: fsockopen(): Unable to connect to 127.0.0.1:-1 (Failed to parse address "127.0.0.1")%S
fsockopen 127.0.0.1 -1: false errno=0 errstr=Failed to parse address "127.0.0.1"
  warning: fsockopen(): Unable to connect to [::1:80 (Failed to parse IPv6 address "[::1:80")%S
fsockopen [::1 80: false errno=0 errstr=Failed to parse IPv6 address "[::1:80"
  warning: fsockopen(): Unable to connect to [::1:-1 (Failed to parse IPv6 address "[::1")%S
fsockopen [::1 -1: false errno=0 errstr=Failed to parse IPv6 address "[::1"
  warning: fsockopen(): php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s
  warning: fsockopen(): Unable to connect to <5000 x a>:80 (php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s)%S
fsockopen <5000 x a> 80: false errno=0 errstr=php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s
  warning: fsockopen(): Unable to connect to 127.0.0.1:80 (The hostname must not contain null bytes)%S
fsockopen 127.0.0.1\000 80: false errno=0 errstr=The hostname must not contain null bytes
  warning: fsockopen(): Unable to connect to udp://127.0.0.1:-1 (Failed to parse address "127.0.0.1")%S
fsockopen udp://127.0.0.1 -1: false errno=0 errstr=Failed to parse address "127.0.0.1"
  warning: pfsockopen(): Unable to connect to 127.0.0.1:-1 (Failed to parse address "127.0.0.1")%S
pfsockopen 127.0.0.1 -1: false errno=0 errstr=Failed to parse address "127.0.0.1"
  warning: pfsockopen(): Unable to connect to [::1:80 (Failed to parse IPv6 address "[::1:80")%S
pfsockopen [::1 80: false errno=0 errstr=Failed to parse IPv6 address "[::1:80"
  warning: pfsockopen(): Unable to connect to [::1:-1 (Failed to parse IPv6 address "[::1")%S
pfsockopen [::1 -1: false errno=0 errstr=Failed to parse IPv6 address "[::1"
  warning: pfsockopen(): php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s
  warning: pfsockopen(): Unable to connect to <5000 x a>:80 (php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s)%S
pfsockopen <5000 x a> 80: false errno=0 errstr=php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s
  warning: pfsockopen(): Unable to connect to 127.0.0.1:80 (The hostname must not contain null bytes)%S
pfsockopen 127.0.0.1\000 80: false errno=0 errstr=The hostname must not contain null bytes
  warning: pfsockopen(): Unable to connect to udp://127.0.0.1:-1 (Failed to parse address "127.0.0.1")%S
pfsockopen udp://127.0.0.1 -1: false errno=0 errstr=Failed to parse address "127.0.0.1"
done
