--TEST--
reliability: peer resets the connection mid-stream (SO_LINGER 0): data before the RST is read, then fread false, feof, write fails with a notice
--SKIPIF--
<?php
if (!extension_loaded('sockets')) die('skip sockets extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/*
 * The worker sends 1000 bytes, waits for one byte back, then closes with
 * SO_LINGER {on, 0}: the kernel sends an RST instead of a FIN.  The
 * client is blocked in fread when it arrives.
 */
$w = xsock_worker_start('
	[$srv, $addr] = xsock_listen("tcp");
	xsock_worker_ready($addr);
	$c = stream_socket_accept($srv, 5);
	fwrite($c, str_repeat("d", 1000));
	stream_set_timeout($c, 5);
	fread($c, 1);
	usleep(100000);
	socket_set_option(socket_import_stream($c), SOL_SOCKET, SO_LINGER, ["l_onoff" => 1, "l_linger" => 0]);
	fclose($c);
	echo "worker: reset\n";
');
$c = stream_socket_client("tcp://{$w['addr']}", $errno, $errstr, 5);
stream_set_timeout($c, 5);
echo 'before the reset: ', strlen(compat_read($c, 1000)), " bytes\n";
fwrite($c, 'g');
$t = microtime(true);
$d = fread($c, 8192);
$took = microtime(true) - $t;
echo 'read at the reset: ', var_export($d, true), "\n";
var_dump(feof($c), stream_get_meta_data($c)['timed_out'], $took < 2.0);
var_dump(fwrite($c, 'after'));
var_dump(fread($c, 10));
fclose($c);
echo xsock_proc_wait($w);
?>
--EXPECTF--
before the reset: 1000 bytes
read at the reset: false
bool(true)
bool(false)
bool(true)

Notice: fwrite(): Send of 5 bytes failed with errno=%r(32 Broken pipe|104 Connection reset by peer)%r in %s on line %d
bool(false)
string(0) ""
worker: reset
