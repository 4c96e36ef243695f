--TEST--
xsock: an fread() of 8 KiB or more takes what it asks straight from the socket (PHP's buffer stays empty, the rest stays queued); a smaller one still fills PHP's buffer
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $cli, $acc] = compat_tcp_pair();
fwrite($acc, str_repeat('a', 30000) . str_repeat('b', 30000));
usleep(50000);

/* Direct: exactly 20000 bytes leave the kernel, nothing is read ahead. */
$d = fread($cli, 20000);
echo strlen($d), ' read, unread_bytes ', stream_get_meta_data($cli)['unread_bytes'], "\n";
echo 'still queued in the socket: ', strlen(stream_socket_recvfrom($cli, 65536, STREAM_PEEK)), "\n";

/* Small: PHP's buffer is filled with one chunk (8192, PHP's size), as PHP does. */
$d .= fread($cli, 100);
echo strlen($d), ' read, unread_bytes ', stream_get_meta_data($cli)['unread_bytes'], "\n";
fclose($acc);	/* PHP 8.2 reads once more after buffered bytes: let that find EOF */
$d .= fread($cli, 65536);
echo strlen($d), ' read in all, in order: ', var_export($d === str_repeat('a', 30000) . str_repeat('b', 30000), true), "\n";
?>
--EXPECT--
20000 read, unread_bytes 0
still queued in the socket: 40000
20100 read, unread_bytes 8092
60000 read in all, in order: true
