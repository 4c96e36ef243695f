--TEST--
tcp: stream_socket_recvfrom() returns at once where PHP's recv() does: listening socket, socket shut down for reading, reset connection (any flags, 60 s stream timeout)
--SKIPIF--
<?php if (!extension_loaded('sockets')) die('skip ext/sockets needed for SO_LINGER'); ?>
--INI--
default_socket_timeout=60
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/*
 * PHP's recv() on these sockets fails or reports EOF at once, so PHP
 * returns at once.  xsock bounds the wait where PHP would block forever,
 * and must not wait here: a wait would last the 60 s stream timeout.
 */
function probe(string $what, $stream): void
{
	$flags = ['0' => 0, 'STREAM_PEEK' => STREAM_PEEK, 'STREAM_OOB' => STREAM_OOB,
		'STREAM_PEEK|STREAM_OOB' => STREAM_PEEK | STREAM_OOB];
	foreach ($flags as $name => $f) {
		foreach ([false, true] as $withAddr) {
			$warnings = [];
			set_error_handler(function ($no, $str) use (&$warnings) {
				$warnings[] = $str;
				return true;
			});
			$t = microtime(true);
			$r = $withAddr ? stream_socket_recvfrom($stream, 16, $f, $addr) : stream_socket_recvfrom($stream, 16, $f);
			$took = microtime(true) - $t;
			restore_error_handler();
			printf("%s, %s%s: %s%s, %s\n", $what, $name, $withAddr ? ', address' : '', var_export($r, true),
				$warnings ? ' warning: ' . implode(' | ', $warnings) : '', $took < 1.0 ? 'at once' : sprintf('after %.1f s', $took));
		}
	}
}

[$srv, $cli, $acc] = compat_tcp_pair();
probe('listening', $srv);

stream_socket_shutdown($acc, STREAM_SHUT_RD);
probe('shut down for reading', $acc);

/* SO_LINGER 0: the close sends RST; the connected end then has a pending error. */
[$srv2, $cli2, $acc2] = compat_tcp_pair();
socket_set_option(socket_import_stream($acc2), SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
fclose($acc2);
usleep(100000);
probe('reset by peer', $cli2);
?>
--EXPECT--
listening, 0: false, at once
listening, 0, address: false, at once
listening, STREAM_PEEK: false, at once
listening, STREAM_PEEK, address: false, at once
listening, STREAM_OOB: false, at once
listening, STREAM_OOB, address: false, at once
listening, STREAM_PEEK|STREAM_OOB: false, at once
listening, STREAM_PEEK|STREAM_OOB, address: false, at once
shut down for reading, 0: '', at once
shut down for reading, 0, address: '', at once
shut down for reading, STREAM_PEEK: '', at once
shut down for reading, STREAM_PEEK, address: '', at once
shut down for reading, STREAM_OOB: false, at once
shut down for reading, STREAM_OOB, address: false, at once
shut down for reading, STREAM_PEEK|STREAM_OOB: false, at once
shut down for reading, STREAM_PEEK|STREAM_OOB, address: false, at once
reset by peer, 0: false, at once
reset by peer, 0, address: '', at once
reset by peer, STREAM_PEEK: '', at once
reset by peer, STREAM_PEEK, address: '', at once
reset by peer, STREAM_OOB: false, at once
reset by peer, STREAM_OOB, address: false, at once
reset by peer, STREAM_PEEK|STREAM_OOB: false, at once
reset by peer, STREAM_PEEK|STREAM_OOB, address: false, at once