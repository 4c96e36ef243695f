--TEST--
tcp: stream_socket_shutdown RD/WR/RDWR; the peer sees EOF after WR
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $cli, $acc] = compat_tcp_pair();
stream_set_timeout($acc, 2);
stream_set_timeout($cli, 2);

/* WR: the peer reads EOF, the other direction still works. */
fwrite($cli, "last words");
var_dump(stream_socket_shutdown($cli, STREAM_SHUT_WR));
var_dump(compat_read($acc, 100));
var_dump(fread($acc, 10), feof($acc));
var_dump(fwrite($acc, "reply"));
var_dump(compat_read($cli, 5));

/* RD, then RDWR on the same stream. */
var_dump(stream_socket_shutdown($cli, STREAM_SHUT_RD));
var_dump(fread($cli, 10), feof($cli));
var_dump(stream_socket_shutdown($cli, STREAM_SHUT_RDWR));

/* RDWR: the peer sees EOF. */
[$srv2, $cli2, $acc2] = compat_tcp_pair();
stream_set_timeout($acc2, 2);
var_dump(stream_socket_shutdown($cli2, STREAM_SHUT_RDWR));
var_dump(fread($acc2, 10), feof($acc2));

try {
	stream_socket_shutdown($cli2, 7);
} catch (ValueError $e) {
	echo $e->getMessage(), "\n";
}
?>
--EXPECT--
bool(true)
string(10) "last words"
string(0) ""
bool(true)
int(5)
string(5) "reply"
bool(true)
string(0) ""
bool(true)
bool(true)
bool(true)
string(0) ""
bool(true)
stream_socket_shutdown(): Argument #2 ($mode) must be one of STREAM_SHUT_RD, STREAM_SHUT_WR, or STREAM_SHUT_RDWR
