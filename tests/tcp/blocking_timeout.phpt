--TEST--
tcp: stream_set_blocking results, stream_set_timeout and timed_out, non-blocking reads
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $cli, $acc] = compat_tcp_pair();

/* stream_set_blocking answers true whatever the previous mode was. */
var_dump(stream_set_blocking($acc, false));
var_dump(stream_get_meta_data($acc)['blocked']);
var_dump(stream_set_blocking($acc, false));
var_dump(stream_set_blocking($acc, true));
var_dump(stream_get_meta_data($acc)['blocked']);
var_dump(stream_set_blocking($srv, false), stream_set_blocking($srv, true));

/* Blocking read with a timeout: false after the timeout, timed_out set. */
var_dump(stream_set_timeout($acc, 0, 300000));
$t = microtime(true);
var_dump(fread($acc, 10));
$el = microtime(true) - $t;
var_dump($el > 0.25 && $el < 2.0 ? 'waited' : "took $el");
$m = stream_get_meta_data($acc);
var_dump($m['timed_out'], $m['eof']);

/* A read that gets data clears timed_out. */
fwrite($cli, "data");
var_dump(fread($acc, 10));
var_dump(stream_get_meta_data($acc)['timed_out']);

/* fgets times out to false as well; stream_set_timeout clears the flag. */
var_dump(fgets($acc));
var_dump(stream_get_meta_data($acc)['timed_out']);
var_dump(stream_set_timeout($acc, 5));
var_dump(stream_get_meta_data($acc)['timed_out']);

/* Non-blocking: "" at once, timed_out untouched. */
stream_set_timeout($acc, 5);
stream_set_blocking($acc, false);
$t = microtime(true);
var_dump(fread($acc, 10));
var_dump(fgets($acc));
var_dump(microtime(true) - $t < 0.5);
$m = stream_get_meta_data($acc);
var_dump($m['timed_out'], $m['blocked'], $m['eof']);
fwrite($cli, "later");
var_dump(compat_read($acc, 5));

/* Non-blocking write of a small chunk goes through. */
var_dump(fwrite($acc, "nb"));
var_dump(compat_read($cli, 2));
?>
--EXPECT--
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
string(6) "waited"
bool(true)
bool(false)
string(4) "data"
bool(false)
bool(false)
bool(true)
bool(true)
bool(false)
string(0) ""
bool(false)
bool(true)
bool(false)
bool(false)
bool(false)
string(5) "later"
int(2)
string(2) "nb"
