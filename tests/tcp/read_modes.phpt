--TEST--
tcp: reads of every size mixed with fgets/fgetc/stream_get_line lose and reorder nothing; unbuffered, chunk size 1 and read filters keep PHP's semantics
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/* A peer that sends the mix and closes, from another process. */
[$srv, $addr] = xsock_listen('tcp');
$w = xsock_worker_start('
	require ' . var_export(__DIR__ . '/../inc/compat.inc', true) . ';
	xsock_worker_ready();
	$c = stream_socket_client(' . var_export("tcp://$addr", true) . ', $en, $es, 5);
	fwrite($c, compat_read_mix_data());
	fclose($c);
', 10);
$c = stream_socket_accept($srv, 5);
echo implode("\n", compat_read_mix($c)), "\n";
xsock_proc_wait($w);

/* Default: a small fread() fills PHP's read buffer, the rest waits there. */
[$srv2, $cli, $acc] = compat_tcp_pair();
fwrite($acc, "abcdef");
fclose($acc);	/* PHP 8.2 reads once more after buffered bytes: let that find EOF */
usleep(20000);
var_dump(fread($cli, 1), stream_get_meta_data($cli)['unread_bytes']);
var_dump(fread($cli, 100));

/* stream_set_read_buffer($s, 0): nothing is read ahead of the script. */
[$srv3, $cli, $acc] = compat_tcp_pair();
var_dump(stream_set_read_buffer($cli, 0));
fwrite($acc, "abcdef");
fclose($acc);	/* PHP 8.2 reads once more after buffered bytes: let that find EOF */
usleep(20000);
var_dump(fread($cli, 1), stream_get_meta_data($cli)['unread_bytes']);
var_dump(stream_socket_recvfrom($cli, 100, STREAM_PEEK));
var_dump(fread($cli, 2));
/* ... and back to buffered. */
var_dump(stream_set_read_buffer($cli, 8192));
var_dump(fread($cli, 1), stream_get_meta_data($cli)['unread_bytes']);

/* Chunk size 1 reads unbuffered too (PHP's rule). */
[$srv4, $cli, $acc] = compat_tcp_pair();
stream_set_chunk_size($cli, 1);
fwrite($acc, "xyz");
fclose($acc);
usleep(20000);
var_dump(fread($cli, 1), stream_get_meta_data($cli)['unread_bytes']);

/* A read filter with a small chunk size: every byte, filtered, in order. */
[$srv5, $cli, $acc] = compat_tcp_pair();
stream_set_chunk_size($cli, 100);
stream_filter_append($cli, 'string.toupper', STREAM_FILTER_READ);
$data = str_repeat('abcdefghij', 3000);
fwrite($acc, $data);
fclose($acc);
$got = '';
$end = microtime(true) + 5;
while (!feof($cli) && microtime(true) < $end) {
	$got .= fread($cli, strlen($got) % 2 ? 10 : 20000);
}
var_dump($got === strtoupper($data));
?>
--EXPECT--
first line "line 0 \n", then "li", record "ne 1 b"
read 175575 of 175575 bytes, in order: true
string(1) "a"
int(5)
string(5) "bcdef"
int(0)
string(1) "a"
int(0)
string(5) "bcdef"
string(2) "bc"
int(0)
string(1) "d"
int(2)
string(1) "x"
int(0)
bool(true)
