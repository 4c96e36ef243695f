--TEST--
tcp: socket_import_stream / socket_export_stream with ext/sockets
--EXTENSIONS--
sockets
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $cli, $acc, $addr] = compat_tcp_pair();

/* Import: the Socket shares the stream's descriptor. */
$sock = socket_import_stream($cli);
var_dump($sock instanceof Socket);
var_dump(socket_get_option($sock, SOL_SOCKET, SO_TYPE) === SOCK_STREAM);
var_dump(socket_getpeername($sock, $ip, $port), $ip, $port === xsock_port($addr));
var_dump(socket_write($sock, "via socket"));
var_dump(compat_read($acc, 10));
socket_write(socket_import_stream($acc), "answer");
var_dump(socket_read($sock, 6));

/* Import of a listening stream, then accept through ext/sockets. */
$lsock = socket_import_stream($srv);
$c2 = stream_socket_client("tcp://$addr");
$a2 = socket_accept($lsock);
var_dump($a2 instanceof Socket);
socket_write($a2, "from socket_accept");
var_dump(compat_read($c2, 18));

/* Exporting an imported socket gives the stream back. */
$back = socket_export_stream($sock);
var_dump($back === $cli);

/* Export of a socket made by ext/sockets: a tcp stream with working I/O. */
$raw = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
var_dump(socket_connect($raw, '127.0.0.1', xsock_port($addr)));
$st = socket_export_stream($raw);
var_dump(get_resource_type($st));
$m = stream_get_meta_data($st);
var_dump($m['stream_type'] === stream_get_meta_data($cli)['stream_type'], $m['blocked'], $m['mode']);
var_dump(stream_socket_get_name($st, true) === $addr);
$a3 = stream_socket_accept($srv, 2);
var_dump(fwrite($st, "exported"));
var_dump(compat_read($a3, 8));
fwrite($a3, "reply");
var_dump(compat_read($st, 5));

/* stream_set_blocking on the exported stream acts on the shared fd. */
var_dump(stream_set_blocking($st, false));
var_dump(fread($st, 10));
var_dump(stream_get_meta_data($st)['blocked']);

/* A closed stream cannot be imported. */
fclose($c2);
try {
	socket_import_stream($c2);
} catch (TypeError $e) {
	echo $e->getMessage(), "\n";
}
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
string(9) "127.0.0.1"
bool(true)
int(10)
string(10) "via socket"
string(6) "answer"
bool(true)
string(18) "from socket_accept"
bool(true)
bool(true)
string(6) "stream"
bool(true)
bool(true)
string(2) "r+"
bool(true)
int(8)
string(8) "exported"
string(5) "reply"
bool(true)
string(0) ""
bool(false)
socket_import_stream(): supplied resource is not a valid stream resource
