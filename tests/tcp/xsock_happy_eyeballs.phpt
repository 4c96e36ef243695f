--TEST--
xsock: connecting by name when only the IPv4 loopback listens is fast; happy_eyeballs_delay is accepted
--SKIPIF--
<?php if (!extension_loaded('xsock')) die('skip xsock only'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/*
 * If localhost also names ::1, that family refuses (nothing listens
 * there); the IPv4 attempt must still win well under a second.  A
 * blackholed address would need firewall rules, so it is not tested.
 */
[$srv, $addr] = xsock_listen('tcp', '127.0.0.1');
$port = xsock_port($addr);

function attempt($target, $srv, $ctx = null)
{
	$t = microtime(true);
	$c = $ctx ? stream_socket_client($target, $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx)
		: stream_socket_client($target, $errno, $errstr, 5);
	$el = microtime(true) - $t;
	if (!$c) {
		echo "$target failed: $errno $errstr\n";
		return;
	}
	$a = stream_socket_accept($srv, 2);
	fwrite($c, 'he');
	printf("%s: %s %s %s\n", $target, $el < 1.0 ? 'fast' : "slow ($el s)",
		preg_match('/^127\.0\.0\.1:\d+$/', stream_socket_get_name($c, true)) ? 'v4' : 'other',
		compat_read($a, 2));
}

attempt("tcp://localhost:$port", $srv);
attempt("localhost:$port", $srv);

foreach ([0, 100, 250, 1000] as $ms) {
	echo "delay $ms ";
	attempt("tcp://localhost:$port", $srv, stream_context_create(['socket' => ['happy_eyeballs_delay' => $ms]]));
}

$t = microtime(true);
$f = fsockopen('localhost', $port, $errno, $errstr, 5);
stream_socket_accept($srv, 2);
echo 'fsockopen: ', $f && microtime(true) - $t < 1.0 ? 'fast' : 'slow or failed', "\n";

/* A refused name fails fast as well, with the last errno. */
$free = compat_free_addr('tcp');
$t = microtime(true);
$c = @stream_socket_client('tcp://localhost:' . xsock_port($free), $errno, $errstr, 5);
echo 'refused: ', var_export($c, true), " $errno $errstr ", microtime(true) - $t < 1.0 ? 'fast' : 'slow', "\n";
?>
--EXPECTF--
tcp://localhost:%d: fast v4 he
localhost:%d: fast v4 he
delay 0 tcp://localhost:%d: fast v4 he
delay 100 tcp://localhost:%d: fast v4 he
delay 250 tcp://localhost:%d: fast v4 he
delay 1000 tcp://localhost:%d: fast v4 he
fsockopen: fast
refused: false 111 Connection refused fast
