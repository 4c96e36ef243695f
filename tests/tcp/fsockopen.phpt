--TEST--
tcp: fsockopen() host and port forms, errno/errstr
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $addr] = xsock_listen('tcp', '127.0.0.1');
$port = xsock_port($addr);

function check($f, $srv, $addr)
{
	if (!$f) {
		echo "no stream\n";
		return;
	}
	$a = stream_socket_accept($srv, 2);
	fwrite($f, "hi");
	echo stream_socket_get_name($f, true) === $addr ? 'peer ok' : 'peer wrong', ' ', compat_read($a, 2), "\n";
}

/* No scheme means tcp; the port argument is appended as ":port". */
$errno = 5;
$errstr = 'junk';
$f = fsockopen('127.0.0.1', $port, $errno, $errstr);
var_dump($errno, $errstr);
check($f, $srv, $addr);
var_dump(stream_get_meta_data($f)['stream_type'] === stream_get_meta_data(stream_socket_client("tcp://$addr"))['stream_type']);
stream_socket_accept($srv, 2);

check(fsockopen('tcp://127.0.0.1', $port), $srv, $addr);

/* port <= 0: the host string is used as given. */
check(fsockopen("127.0.0.1:$port"), $srv, $addr);
check(fsockopen("127.0.0.1:$port", -1), $srv, $addr);
check(fsockopen("tcp://127.0.0.1:$port", 0, $errno, $errstr, 2), $srv, $addr);

/* ... so a host without a port cannot be parsed. */
var_dump(fsockopen('127.0.0.1', -1, $errno, $errstr), $errno, $errstr);
var_dump(fsockopen('127.0.0.1', 0, $errno, $errstr), $errno, $errstr);
var_dump(fsockopen('127.0.0.1'));

/* IPv6 forms are in ipv6.phpt. */

/* Refused. */
$free = compat_free_addr('tcp');
var_dump(fsockopen('127.0.0.1', xsock_port($free), $errno, $errstr, 2), $errno, $errstr);

/* Bad timeouts throw. */
try {
	fsockopen('127.0.0.1', $port, $errno, $errstr, -5);
} catch (ValueError $e) {
	echo get_class($e), "\n";
}
?>
--EXPECTF--
int(0)
string(0) ""
peer ok hi
bool(true)
peer ok hi
peer ok hi
peer ok hi
peer ok hi

Warning: fsockopen(): Unable to connect to 127.0.0.1:-1 (Failed to parse address "127.0.0.1")%S in %s on line %d
bool(false)
int(0)
string(35) "Failed to parse address "127.0.0.1""

Warning: fsockopen(): Unable to connect to 127.0.0.1:0 (Failed to parse address "127.0.0.1")%S in %s on line %d
bool(false)
int(0)
string(35) "Failed to parse address "127.0.0.1""

Warning: fsockopen(): Unable to connect to 127.0.0.1:-1 (Failed to parse address "127.0.0.1")%S in %s on line %d
bool(false)

Warning: fsockopen(): Unable to connect to 127.0.0.1:%d (Connection refused)%S in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"
ValueError
