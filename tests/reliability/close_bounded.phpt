--TEST--
reliability: fclose returns promptly while the peer keeps sending and never reads
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/*
 * A close that drains unread input (as xsock does) must stop draining:
 * this peer sends for 10 s.  fclose has to come back at once, in
 * blocking and in non-blocking mode.
 */
foreach (['blocking' => true, 'non-blocking' => false] as $mode => $blocking) {
	$w = xsock_worker_start('
		[$srv, $addr] = xsock_listen("tcp");
		xsock_worker_ready($addr);
		$c = stream_socket_accept($srv, 5);
		stream_set_blocking($c, false);
		$chunk = str_repeat("f", 65536);
		$end = microtime(true) + 10;
		while (microtime(true) < $end) {
			$r = null;
			$wr = [$c];
			$e = null;
			if (stream_select($r, $wr, $e, 0, 100000) > 0 && @fwrite($c, $chunk) === false) {
				break;
			}
			if (feof($c)) {
				break;
			}
		}
		echo "worker: done\n";
	');
	$c = stream_socket_client("tcp://{$w['addr']}", $errno, $errstr, 5);
	stream_set_blocking($c, $blocking);
	fread($c, 1000);
	usleep(200000);
	$t = microtime(true);
	fclose($c);
	$took = microtime(true) - $t;
	echo "$mode: fclose took less than 1 s: ", var_export($took < 1.0, true), "\n";
	echo xsock_proc_wait($w, 12);
}
?>
--EXPECT--
blocking: fclose took less than 1 s: true
worker: done
non-blocking: fclose took less than 1 s: true
worker: done
