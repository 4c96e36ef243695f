--TEST--
tcp (xsock only on PHP < 8.6): an invalid keepalive, linger or user-timeout value fails the connect or bind with the reason; nothing is half-applied
--DESCRIPTION--
PHP 8.6 hands any value to setsockopt() (zval_get_long) and ignores the
failure: tcp_keepidle => "abc" or 0 connects with no tuning and no word.
xsock checks every value before it creates a socket and reports it the way
PHP reports "local_addr context option is not a string." (README,
differences table).
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only: PHP < 8.6 ignores these options');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $addr] = xsock_listen('tcp');
$bad = [
	['tcp_keepidle' => 0],
	['tcp_keepidle' => 'abc'],
	['tcp_keepintvl' => -1],
	['tcp_keepcnt' => 128],
	['tcp_keepidle' => []],
	['so_linger' => 'long'],
	['tcp_user_timeout' => -1],
	['tcp_user_timeout' => '10s'],
	/* a good value first: it must not reach the socket either */
	['so_keepalive' => true, 'tcp_keepidle' => 5, 'tcp_keepcnt' => null],
];
foreach ($bad as $opts) {
	$c = stream_socket_client("tcp://$addr", $errno, $errstr, 2, STREAM_CLIENT_CONNECT,
		stream_context_create(['socket' => $opts]));
	var_dump($c, $errno, $errstr);
}
/* No connection reached the server. */
var_dump(@stream_socket_accept($srv, 0.2));

echo "-- server\n";
$s = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['socket' => ['tcp_keepcnt' => 'many']]));
var_dump($s, $errstr);

echo "-- tls\n";
$c = stream_socket_client("tls://$addr", $errno, $errstr, 2, STREAM_CLIENT_CONNECT,
	stream_context_create(['socket' => ['tcp_keepintvl' => 0]]));
var_dump($c, $errstr);
?>
--EXPECTF--
Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (tcp_keepidle context option must be an integer between 1 and 32767 (seconds)) in %s on line %d
bool(false)
int(0)
string(76) "tcp_keepidle context option must be an integer between 1 and 32767 (seconds)"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (tcp_keepidle context option must be an integer between 1 and 32767 (seconds)) in %s on line %d
bool(false)
int(0)
string(76) "tcp_keepidle context option must be an integer between 1 and 32767 (seconds)"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (tcp_keepintvl context option must be an integer between 1 and 32767 (seconds)) in %s on line %d
bool(false)
int(0)
string(77) "tcp_keepintvl context option must be an integer between 1 and 32767 (seconds)"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (tcp_keepcnt context option must be an integer between 1 and 127) in %s on line %d
bool(false)
int(0)
string(63) "tcp_keepcnt context option must be an integer between 1 and 127"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (tcp_keepidle context option must be an integer between 1 and 32767 (seconds)) in %s on line %d
bool(false)
int(0)
string(76) "tcp_keepidle context option must be an integer between 1 and 32767 (seconds)"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (so_linger context option must be an integer (seconds)) in %s on line %d
bool(false)
int(0)
string(53) "so_linger context option must be an integer (seconds)"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (tcp_user_timeout context option must be an integer between 0 and 2147483647 (milliseconds)) in %s on line %d
bool(false)
int(0)
string(90) "tcp_user_timeout context option must be an integer between 0 and 2147483647 (milliseconds)"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (tcp_user_timeout context option must be an integer between 0 and 2147483647 (milliseconds)) in %s on line %d
bool(false)
int(0)
string(90) "tcp_user_timeout context option must be an integer between 0 and 2147483647 (milliseconds)"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (tcp_keepcnt context option must be an integer between 1 and 127) in %s on line %d
bool(false)
int(0)
string(63) "tcp_keepcnt context option must be an integer between 1 and 127"
bool(false)
-- server

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1:0 (tcp_keepcnt context option must be an integer between 1 and 127) in %s on line %d
bool(false)
string(63) "tcp_keepcnt context option must be an integer between 1 and 127"
-- tls

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (tcp_keepintvl context option must be an integer between 1 and 32767 (seconds)) in %s on line %d
bool(false)
string(77) "tcp_keepintvl context option must be an integer between 1 and 32767 (seconds)"
