--TEST--
xsock: writing after the peer reset the connection never raises SIGPIPE with its default handler (PHP's own transport dies of it)
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('pcntl') || !extension_loaded('sockets')) die('skip pcntl and sockets needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/*
 * The CLI ignores SIGPIPE; the worker restores the default action, which
 * kills the process, then writes to a peer that closed with an RST, in
 * blocking and non-blocking mode and through stream_socket_sendto.
 */
$r = compat_run_php(<<<'CODE'
pcntl_signal(SIGPIPE, SIG_DFL);
function reset_pair()
{
	$srv = stream_socket_server('tcp://127.0.0.1:0');
	$c = stream_socket_client('tcp://' . stream_socket_get_name($srv, false));
	$a = stream_socket_accept($srv, 2);
	socket_set_option(socket_import_stream($a), SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
	fclose($a);
	usleep(20000);
	return $c;
}
$c = reset_pair();
for ($i = 0; $i < 3; $i++) {
	$ok[] = @fwrite($c, 'x');
}
echo 'blocking: ', json_encode($ok), "\n";
$c = reset_pair();
stream_set_blocking($c, false);
$ok = [];
for ($i = 0; $i < 3; $i++) {
	$ok[] = @fwrite($c, 'x');
}
echo 'non-blocking: ', json_encode($ok), "\n";
$c = reset_pair();
$ok = [];
for ($i = 0; $i < 3; $i++) {
	$ok[] = @stream_socket_sendto($c, 'x');
}
echo 'sendto: ', json_encode($ok), "\n";
echo "survived\n";
CODE);
echo $r['out'], "\n";
var_dump($r['signal'], $r['exit']);
?>
--EXPECT--
blocking: [false,false,false]
non-blocking: [false,false,false]
sendto: [-1,-1,-1]
survived

NULL
int(0)
