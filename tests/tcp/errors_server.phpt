--TEST--
tcp: stream_socket_server errors: errno always 0, "Unable to connect to" wording
--SKIPIF--
<?php
require __DIR__ . '/../inc/compat.inc';
if ($why = compat_need_offline()) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/* nonexistent.invalid is looked up at a loopback resolver, never the host's (compat_run_offline). */
echo compat_run_offline(<<<'CODE'
[$busy, $busyAddr] = xsock_listen('tcp', '127.0.0.1');
$targets = [
	"tcp://$busyAddr",
	'tcp://127.0.0.1',
	'tcp://[::1]',
	'tcp://nonexistent.invalid:0',
	'foo://127.0.0.1:0',
];
foreach ($targets as $t) {
	$errno = 42;
	$errstr = 'junk';
	$s = stream_socket_server($t, $errno, $errstr);
	var_dump($s, $errno, $errstr);
}

/* The NUL check; the warning shows the raw string, cut at the NUL. */
$s = stream_socket_server("tcp://127.0.0.1\0:0", $errno, $errstr);
var_dump($s, $errno, $errstr);
CODE);
?>
--EXPECTF--
Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1:%d (Address already in use)%S in %s on line %d
bool(false)
int(0)
string(22) "Address already in use"

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1 (Failed to parse address "127.0.0.1")%S in %s on line %d
bool(false)
int(0)
string(35) "Failed to parse address "127.0.0.1""

Warning: stream_socket_server(): Unable to connect to tcp://[::1] (Failed to parse IPv6 address "[::1]")%S in %s on line %d
bool(false)
int(0)
string(36) "Failed to parse IPv6 address "[::1]""

Warning: stream_socket_server(): php_network_getaddresses: getaddrinfo for nonexistent.invalid failed: %s in %s on line %d

Warning: stream_socket_server(): Unable to connect to tcp://nonexistent.invalid:0 (php_network_getaddresses: getaddrinfo for nonexistent.invalid failed: %s)%S in %s on line %d
bool(false)
int(0)
string(%d) "php_network_getaddresses: getaddrinfo for nonexistent.invalid failed: %s"

Warning: stream_socket_server(): Unable to connect to foo://127.0.0.1:0 (Unable to find the socket transport "foo" - did you forget to enable it when you configured PHP?)%S in %s on line %d
bool(false)
int(0)
string(96) "Unable to find the socket transport "foo" - did you forget to enable it when you configured PHP?"

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1 (The hostname must not contain null bytes)%S in %s on line %d
bool(false)
int(0)
string(40) "The hostname must not contain null bytes"
