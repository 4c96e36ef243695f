--TEST--
tcp: STREAM_CLIENT_ASYNC_CONNECT returns the stream at once; metadata still says blocked
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $addr] = xsock_listen('tcp', '127.0.0.1');
$flags = STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT;

$c = stream_socket_client("tcp://$addr", $errno, $errstr, 2, $flags);
var_dump(is_resource($c), $errno, $errstr);
$meta = stream_get_meta_data($c);
var_dump($meta['blocked'], $meta['timed_out'], $meta['eof']);

/* The connect completes: the socket becomes writable and data flows. */
$r = $e = null;
$w = [$c];
var_dump(stream_select($r, $w, $e, 2));
var_dump(fwrite($c, "hello"));
$a = stream_socket_accept($srv, 2);
var_dump(compat_read($a, 5));
fwrite($a, "back");
var_dump(compat_read($c, 4));

/* A refused async connect is reported by the first I/O, not by the call. */
$free = compat_free_addr('tcp');
$c = stream_socket_client("tcp://$free", $errno, $errstr, 2, $flags);
var_dump(is_resource($c), $errno, $errstr);
$w = [$c];
var_dump(stream_select($r, $w, $e, 2));
var_dump(fwrite($c, "x"));
?>
--EXPECTF--
bool(true)
int(0)
string(0) ""
bool(true)
bool(false)
bool(false)
int(1)
int(5)
string(5) "hello"
string(4) "back"
bool(true)
int(0)
string(0) ""
int(1)

Notice: fwrite(): Send of 1 bytes failed with errno=111 Connection refused in %s on line %d
bool(false)
