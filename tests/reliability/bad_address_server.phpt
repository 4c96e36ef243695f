--TEST--
reliability: malformed addresses on stream_socket_server (tcp and udp): PHP's warnings, false, no crash
--FILE--
<?php
$long = str_repeat('a', 5000);

set_error_handler(function ($no, $msg) {
	echo '  warning: ', str_replace(str_repeat('a', 5000), '<5000 x a>', $msg), "\n";
	return true;
});

$targets = [
	'tcp://127.0.0.1',
	'tcp://[::1',
	'tcp://[::1]',
	"tcp://$long:0",
	"tcp://127.0.0.1\0:0",
	'udp://127.0.0.1',
	'udp://[::1',
	"udp://$long:0",
	"udp://127.0.0.1\0:0",
];
foreach ($targets as $t) {
	$flags = str_starts_with($t, 'udp') ? STREAM_SERVER_BIND : STREAM_SERVER_BIND | STREAM_SERVER_LISTEN;
	$errno = 42;
	$errstr = 'junk';
	$r = stream_socket_server($t, $errno, $errstr, $flags);
	$errstr = str_replace($long, '<5000 x a>', $errstr);
	echo 'server ', addcslashes(str_replace($long, '<5000 x a>', $t), "\0"), ': ', var_export($r, true), " errno=$errno errstr=$errstr\n";
}
echo "done\n";
?>
--EXPECTF--
  warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1 (Failed to parse address "127.0.0.1")%S
server tcp://127.0.0.1: false errno=0 errstr=Failed to parse address "127.0.0.1"
  warning: stream_socket_server(): Unable to connect to tcp://[::1 (Failed to parse IPv6 address "[::1")%S
server tcp://[::1: false errno=0 errstr=Failed to parse IPv6 address "[::1"
  warning: stream_socket_server(): Unable to connect to tcp://[::1] (Failed to parse IPv6 address "[::1]")%S
server tcp://[::1]: false errno=0 errstr=Failed to parse IPv6 address "[::1]"
  warning: stream_socket_server(): php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s
  warning: stream_socket_server(): Unable to connect to tcp://<5000 x a>:0 (php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s)%S
server tcp://<5000 x a>:0: false errno=0 errstr=php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s
  warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1 (The hostname must not contain null bytes)%S
server tcp://127.0.0.1\000:0: false errno=0 errstr=The hostname must not contain null bytes
  warning: stream_socket_server(): Unable to connect to udp://127.0.0.1 (Failed to parse address "127.0.0.1")%S
server udp://127.0.0.1: false errno=0 errstr=Failed to parse address "127.0.0.1"
  warning: stream_socket_server(): Unable to connect to udp://[::1 (Failed to parse IPv6 address "[::1")%S
server udp://[::1: false errno=0 errstr=Failed to parse IPv6 address "[::1"
  warning: stream_socket_server(): php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s
  warning: stream_socket_server(): Unable to connect to udp://<5000 x a>:0 (php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s)%S
server udp://<5000 x a>:0: false errno=0 errstr=php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s
  warning: stream_socket_server(): Unable to connect to udp://127.0.0.1 (The hostname must not contain null bytes)%S
server udp://127.0.0.1\000:0: false errno=0 errstr=The hostname must not contain null bytes
done
