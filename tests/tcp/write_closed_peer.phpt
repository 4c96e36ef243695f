--TEST--
tcp: writing to a peer that closed gives a notice and false
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/* The first write after the FIN may still succeed; the RST makes a later one fail. */
function write_until_error($s)
{
	$end = microtime(true) + 5;
	while (microtime(true) < $end) {
		$n = fwrite($s, str_repeat('x', 100));
		if ($n === false) {
			return 'false';
		}
		usleep(10000);
	}
	return 'never failed';
}

[$srv, $cli, $acc] = compat_tcp_pair();
fclose($acc);
var_dump(write_until_error($cli));
var_dump(feof($cli));

/* The peer closed with unread data: it sent an RST at once. */
[$srv, $cli, $acc] = compat_tcp_pair();
fwrite($cli, "unread");
usleep(50000);
fclose($acc);
usleep(50000);
var_dump(write_until_error($cli));

/* The same through a server-side stream. */
[$srv, $cli, $acc] = compat_tcp_pair();
fclose($cli);
var_dump(write_until_error($acc));
?>
--EXPECTF--
Notice: fwrite(): Send of 100 bytes failed with errno=%r(32 Broken pipe|104 Connection reset by peer)%r in %s on line %d
string(5) "false"
bool(true)

Notice: fwrite(): Send of 100 bytes failed with errno=%r(32 Broken pipe|104 Connection reset by peer)%r in %s on line %d
string(5) "false"

Notice: fwrite(): Send of 100 bytes failed with errno=%r(32 Broken pipe|104 Connection reset by peer)%r in %s on line %d
string(5) "false"
