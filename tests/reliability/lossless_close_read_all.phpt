--TEST--
reliability: bulk upload then fclose with nothing left unread: the server receives every byte (FIN, not RST)
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/*
 * The server reads only after the client has written everything and
 * closed, so most of the 8 MiB is still in the kernel's buffers at
 * fclose.  The client read everything the server sent, so the close is an
 * orderly FIN and nothing may be lost.
 */
$w = xsock_worker_start('
	[$srv, $addr] = xsock_listen("tcp");
	xsock_worker_ready($addr);
	$c = stream_socket_accept($srv, 5);
	fwrite($c, "hello\n");
	usleep(300000);
	$n = 0;
	$h = hash_init("sha1");
	$end = microtime(true) + 10;
	while (!feof($c) && microtime(true) < $end) {
		$d = fread($c, 65536);
		if ($d === false) {
			echo "server: read error\n";
			break;
		}
		$n += strlen($d);
		hash_update($h, $d);
	}
	echo "server got $n bytes, sha1 ", hash_final($h), "\n";
');
$c = stream_socket_client("tcp://{$w['addr']}", $errno, $errstr, 5);
echo 'client read: ', fgets($c);
$data = substr(str_repeat(hash('sha256', 'lossless'), (8 << 20) / 64), 0, 8 << 20);
$n = fwrite($c, $data);
fclose($c);
$out = xsock_proc_wait($w);
echo "client wrote $n bytes\n";
echo $out;
var_dump(str_contains($out, 'sha1 ' . sha1($data)));
?>
--EXPECTF--
client read: hello
client wrote 8388608 bytes
server got 8388608 bytes, sha1 %s
bool(true)
