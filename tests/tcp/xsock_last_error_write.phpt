--TEST--
xsock_last_error($stream): a write to a peer that reset the connection records the write phase on that stream only
--EXTENSIONS--
sockets
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $addr] = xsock_listen('tcp');
$c = stream_socket_client("tcp://$addr", $errno, $errstr, 5);
$a = stream_socket_accept($srv, 5);
var_dump(xsock_last_error($c));
/* SO_LINGER 0: the close sends RST, so the client's next writes fail. */
socket_set_option(socket_import_stream($a), SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
fclose($a);
usleep(200000);
for ($i = 0; $i < 20 && xsock_last_error($c) === null; $i++) {
	@fwrite($c, str_repeat('x', 1000));
	usleep(50000);
}
$e = xsock_last_error($c);
var_dump($e['phase'], $e['errno_name'], $e['errno'] > 0, $e['message'] !== '');
var_dump(xsock_last_error());
?>
--EXPECTF--
NULL
string(5) "write"
string(%d) "E%s"
bool(true)
bool(true)
NULL
