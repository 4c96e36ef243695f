--TEST--
udp: socket_import_stream / socket_export_stream
--EXTENSIONS--
sockets
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $addr] = compat_udp_bind();
$c = stream_socket_client("udp://$addr");
$sock = socket_import_stream($c);
var_dump(socket_get_option($sock, SOL_SOCKET, SO_TYPE) === SOCK_DGRAM);
var_dump(socket_send($sock, "dgram", 5, 0));
var_dump(stream_socket_recvfrom($srv, 100));

$ssock = socket_import_stream($srv);
var_dump(socket_sendto($ssock, "back", 4, 0, '127.0.0.1', xsock_port(stream_socket_get_name($c, false))));
var_dump(socket_recv($sock, $buf, 100, 0), $buf);

var_dump(socket_export_stream($sock) === $c);

$raw = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
socket_bind($raw, '127.0.0.1', 0);
$st = socket_export_stream($raw);
var_dump(stream_get_meta_data($st)['stream_type']);
var_dump(stream_socket_sendto($st, "exported", 0, $addr));
var_dump(stream_socket_recvfrom($srv, 100, 0, $from), $from === stream_socket_get_name($st, false));
?>
--EXPECT--
bool(true)
int(5)
string(5) "dgram"
int(4)
int(4)
string(4) "back"
bool(true)
string(10) "udp_socket"
int(8)
string(8) "exported"
bool(true)
