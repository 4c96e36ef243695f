--TEST--
reliability: a peer that accepts and says nothing: fread returns after the read timeout with timed_out set, every time, bounded
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $cli, $acc] = compat_tcp_pair();
stream_set_timeout($cli, 0, 300000);
foreach ([1, 2] as $round) {
	$t = microtime(true);
	$d = fread($cli, 100);
	$took = microtime(true) - $t;
	$meta = stream_get_meta_data($cli);
	echo "round $round: ", var_export($d, true), ' timed_out=', var_export($meta['timed_out'], true),
		' eof=', var_export($meta['eof'], true), ' bounded=', var_export($took >= 0.25 && $took < 2.0, true), "\n";
}
/* fgets too, and the stream still works once the peer speaks. */
$t = microtime(true);
var_dump(fgets($cli), microtime(true) - $t < 2.0);
fwrite($acc, "late\n");
var_dump(fgets($cli), stream_get_meta_data($cli)['timed_out']);

/* A blocking stream_select on the silent peer returns 0 after its timeout. */
$r = [$cli];
$w = $e = null;
$t = microtime(true);
var_dump(stream_select($r, $w, $e, 0, 300000), microtime(true) - $t < 2.0);
?>
--EXPECT--
round 1: false timed_out=true eof=false bounded=true
round 2: false timed_out=true eof=false bounded=true
bool(false)
bool(true)
string(5) "late
"
bool(false)
int(0)
bool(true)
