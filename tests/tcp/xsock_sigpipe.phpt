--TEST--
xsock: writing to a vanished peer never raises SIGPIPE, even with its default handler
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('pcntl') || !extension_loaded('posix')) die('skip pcntl and posix needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/*
 * The CLI ignores SIGPIPE; a worker puts the default action back (which
 * kills the process) and then writes to a closed peer three ways.
 */
$r = compat_run_php(<<<'CODE'
pcntl_signal(SIGPIPE, SIG_DFL);
function pair()
{
	$srv = stream_socket_server('tcp://127.0.0.1:0');
	$c = stream_socket_client('tcp://' . stream_socket_get_name($srv, false));
	$a = stream_socket_accept($srv, 2);
	fclose($a);
	return $c;
}
function until_error(callable $write)
{
	$end = microtime(true) + 5;
	while (microtime(true) < $end) {
		if ($write() === false) {
			return 'error';
		}
		usleep(10000);
	}
	return 'no error';
}
$c = pair();
$r = until_error(fn() => fwrite($c, str_repeat('x', 100)));
echo "fwrite: $r\n";
$c = pair();
$r = until_error(fn() => stream_socket_sendto($c, 'x') < 0 ? false : true);
echo "sendto: $r\n";
$c = pair();
stream_set_blocking($c, false);
$r = until_error(fn() => fwrite($c, str_repeat('x', 100)));
echo "non-blocking fwrite: $r\n";
echo "survived\n";
CODE);
echo $r['out'], "\n";
var_dump($r['signal'], $r['exit']);
?>
--EXPECTF--
Notice: fwrite(): Send of 100 bytes failed with errno=%r(32 Broken pipe|104 Connection reset by peer)%r in %s on line %d
fwrite: error
%Asendto: error

Notice: fwrite(): Send of 100 bytes failed with errno=%r(32 Broken pipe|104 Connection reset by peer)%r in %s on line %d
non-blocking fwrite: error
survived

NULL
int(0)
