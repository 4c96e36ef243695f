--TEST--
tcp (xsock only): tcp_user_timeout makes a peer that stopped taking data surface as "Connection timed out" within seconds
--DESCRIPTION--
The server accepts and never reads, so its receive window closes and the
client's data stays unacknowledged.  Linux counts that time (zero-window
probing included) against TCP_USER_TIMEOUT and then drops the connection:
with 1000 ms the client's write fails after about 1.5 s.  Without the
option it is the kernel's retry budget: minutes (checked for 3 s here).
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only: tcp_user_timeout is an xsock option');
if (PHP_OS_FAMILY !== 'Linux') die('skip Linux TCP_USER_TIMEOUT');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/* Write to a peer that never reads until a write fails or $limit seconds pass. */
function stall(array $socket, float $limit): void
{
	[$srv, $addr] = xsock_listen('tcp');
	$c = stream_socket_client("tcp://$addr", $errno, $errstr, 2, STREAM_CLIENT_CONNECT,
		stream_context_create(['socket' => $socket]));
	$acc = stream_socket_accept($srv, 2);
	stream_set_blocking($c, false);
	$chunk = str_repeat('x', 65536);
	$t0 = microtime(true);
	while (($t = microtime(true) - $t0) < $limit) {
		$n = fwrite($c, $chunk);
		if ($n === false) {
			printf("write failed after %s s\n", $t < 10 ? 'less than 10' : round($t));
			return;
		}
		if ($n === 0) {
			$r = $e = null;
			$w = [$c];
			stream_select($r, $w, $e, 0, 200000);
		}
	}
	echo "still connected after {$limit} s\n";
}

stall(['tcp_user_timeout' => 1000], 20);
stall([], 3);
?>
--EXPECTF--
Notice: fwrite(): Send of %d bytes failed with errno=110 Connection timed out in %s on line %d
write failed after less than 10 s
still connected after 3 s
