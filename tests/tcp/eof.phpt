--TEST--
tcp: feof on peer close, feof on a listening socket with a pending connection
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $cli, $acc, $addr] = compat_tcp_pair();

var_dump(feof($cli), feof($acc));

/* Buffered data first, then EOF. */
fwrite($acc, "bye");
fclose($acc);
usleep(50000);
var_dump(feof($cli));
var_dump(fread($cli, 10));
var_dump(fread($cli, 10));
var_dump(feof($cli), stream_get_meta_data($cli)['eof']);

/* Without reading, feof notices the close by itself. */
[$srv2, $cli2, $acc2] = compat_tcp_pair();
var_dump(feof($cli2));
fclose($acc2);
usleep(50000);
var_dump(feof($cli2));

/* A listening socket: false when idle, true while a connection waits. */
var_dump(feof($srv));
$c3 = stream_socket_client("tcp://$addr");
usleep(20000);
var_dump(feof($srv));
$a3 = stream_socket_accept($srv, 2);
var_dump(is_resource($a3));
fwrite($c3, "ok");
var_dump(compat_read($a3, 2));
?>
--EXPECT--
bool(false)
bool(false)
bool(false)
string(3) "bye"
string(0) ""
bool(true)
bool(true)
bool(false)
bool(true)
bool(false)
bool(true)
bool(true)
string(2) "ok"
