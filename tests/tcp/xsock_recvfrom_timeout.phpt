--TEST--
xsock: stream_socket_recvfrom() on a connected blocking socket with nothing to read waits at most the stream timeout (PHP blocks forever), then returns what arrives
--SKIPIF--
<?php if (!extension_loaded('xsock')) die('skip xsock only'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/* The wait that remains after recvfrom's first try (which never waits) found nothing. */
[$srv, $cli, $acc] = compat_tcp_pair();
stream_set_timeout($acc, 1);
foreach ([0, STREAM_PEEK] as $flags) {
	$t = microtime(true);
	$r = stream_socket_recvfrom($acc, 16, $flags);
	$took = microtime(true) - $t;
	echo "flags $flags: ", var_export($r, true), ", timed_out ", var_export(stream_get_meta_data($acc)['timed_out'], true),
		", after ", $took >= 0.9 && $took < 3 ? "the 1 s timeout" : sprintf("%.2f s", $took), "\n";
}
fwrite($cli, "hi");
echo "data: ", var_export(stream_socket_recvfrom($acc, 16, 0, $addr), true), ", timed_out ",
	var_export(stream_get_meta_data($acc)['timed_out'], true), "\n";
?>
--EXPECT--
flags 0: false, timed_out true, after the 1 s timeout
flags 2: false, timed_out true, after the 1 s timeout
data: 'hi', timed_out false
