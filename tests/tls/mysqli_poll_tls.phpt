--TEST--
TLS: mysqli_poll() on async queries over TLS (MariaDB) returns the links whose answers have arrived at once, with one and with three links
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.inc';
if ($why = xsock_need_mariadb()) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * mysqlnd casts each link's stream for select, then select()s the raw fd
 * itself.  A cast that reads the answer off the socket into PHP's buffer
 * leaves the fd silent, and mysqli_poll() waits out its whole timeout (2 s
 * here) with the answer already in memory.
 */
$db = xsock_mariadb_start();
try {
	foreach ([1, 3] as $n) {
		$links = [];
		for ($i = 0; $i < $n; $i++) {
			$links[$i] = xsock_mariadb_connect($db);
			$tls = $links[$i]->query("SHOW STATUS LIKE 'Ssl_version'")->fetch_row()[1];
			$links[$i]->query("SELECT $i AS id, REPEAT('x', 100) AS pad", MYSQLI_ASYNC);
		}
		/* Let every answer arrive before polling. */
		usleep(500000);
		$read = $links;
		$error = $reject = $links;
		$t = microtime(true);
		$ready = mysqli_poll($read, $error, $reject, 2);
		$took = microtime(true) - $t;
		echo "$n link(s) over ", $tls !== '' ? 'TLS' : 'plaintext', ": mysqli_poll returned $ready ",
			$took < 0.5 ? "at once" : sprintf("after %.1f s", $took), "\n";
		foreach ($read as $link) {
			$row = $link->reap_async_query()->fetch_assoc();
			echo "  link {$row['id']}: ", strlen($row['pad']), " bytes\n";
		}
		foreach ($links as $link) {
			$link->close();
		}
	}
} finally {
	xsock_mariadb_stop($db);
}
?>
--EXPECT--
1 link(s) over TLS: mysqli_poll returned 1 at once
  link 0: 100 bytes
3 link(s) over TLS: mysqli_poll returned 3 at once
  link 0: 100 bytes
  link 1: 100 bytes
  link 2: 100 bytes
