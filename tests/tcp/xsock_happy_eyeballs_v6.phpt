--TEST--
xsock: connecting by name when only the IPv6 loopback listens is fast
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/compat.inc';
if (!compat_have_ipv6()) die('skip no IPv6 loopback');
if (!compat_resolves_to('localhost', AF_INET6) || !compat_resolves_to('localhost', AF_INET)) {
	die('skip localhost does not name both ::1 and 127.0.0.1 here');
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $addr] = xsock_listen('tcp', '::1');
$port = xsock_port($addr);
foreach ([null, 0, 100] as $ms) {
	$ctx = stream_context_create($ms === null ? [] : ['socket' => ['happy_eyeballs_delay' => $ms]]);
	$t = microtime(true);
	$c = stream_socket_client("tcp://localhost:$port", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	$el = microtime(true) - $t;
	if (!$c) {
		echo "failed: $errno $errstr\n";
		continue;
	}
	$a = stream_socket_accept($srv, 2);
	echo $el < 1.0 ? 'fast' : "slow ($el s)", ' ',
		preg_match('/^\[::1\]:\d+$/', stream_socket_get_name($c, true)) ? 'v6' : 'other', "\n";
}
?>
--EXPECT--
fast v6
fast v6
fast v6
