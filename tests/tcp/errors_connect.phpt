--TEST--
tcp: connect errors: refused, unknown host, unknown transport
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
$free = compat_free_addr('tcp');
$targets = [
	"tcp://$free",
	$free,
	'tcp://nonexistent.invalid:80',
	'foo://127.0.0.1:80',
	'abcdefghijabcdefghijabcdefghijabcdefghij://127.0.0.1:80',
];
/*
 * For an unknown transport stream_socket_client() leaves $errno holding
 * whatever was on the stack (PHP 8.2 bug), so it is not checked.
 */
foreach ($targets as $t) {
	$errno = 42;
	$errstr = 'junk';
	$c = stream_socket_client($t, $errno, $errstr, 2);
	var_dump($c, $errno, $errstr);
}

/* fsockopen prints host and port argument as given. */
var_dump(fsockopen('nonexistent.invalid', 80, $errno, $errstr, 2), $errno, $errstr);
CODE);
?>
--EXPECTF--
Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (Connection refused)%S in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"

Warning: stream_socket_client(): Unable to connect to 127.0.0.1:%d (Connection refused)%S in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"

Warning: stream_socket_client(): php_network_getaddresses: getaddrinfo for nonexistent.invalid failed: %s in %s on line %d

Warning: stream_socket_client(): Unable to connect to tcp://nonexistent.invalid:80 (php_network_getaddresses: getaddrinfo for nonexistent.invalid failed: %s)%S in %s on line %d
bool(false)
int(0)
string(%d) "php_network_getaddresses: getaddrinfo for nonexistent.invalid failed: %s"

Warning: stream_socket_client(): Unable to connect to foo://127.0.0.1:80 (Unable to find the socket transport "foo" - did you forget to enable it when you configured PHP?)%S in %s on line %d
bool(false)
int(%i)
string(96) "Unable to find the socket transport "foo" - did you forget to enable it when you configured PHP?"

Warning: stream_socket_client(): Unable to connect to abcdefghijabcdefghijabcdefghijabcdefghij://127.0.0.1:80 (Unable to find the socket transport "abcdefghijabcdefghijabcdefghija" - did you forget to enable it when you configured PHP?)%S in %s on line %d
bool(false)
int(%i)
string(124) "Unable to find the socket transport "abcdefghijabcdefghijabcdefghija" - did you forget to enable it when you configured PHP?"

Warning: fsockopen(): php_network_getaddresses: getaddrinfo for nonexistent.invalid failed: %s in %s on line %d

Warning: fsockopen(): Unable to connect to nonexistent.invalid:80 (php_network_getaddresses: getaddrinfo for nonexistent.invalid failed: %s)%S in %s on line %d
bool(false)
int(0)
string(%d) "php_network_getaddresses: getaddrinfo for nonexistent.invalid failed: %s"
