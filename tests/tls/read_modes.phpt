--TEST--
TLS: reads of every size mixed with fgets/fgetc/stream_get_line lose and reorder nothing; small reads are buffered, an unbuffered stream reads only what is asked
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';
require __DIR__ . '/../inc/compat.inc';

/* Three connections: the mix, then "abcdef" twice; each waits for "ok". */
[$srv, $addr] = xsock_tls_listen(xsock_server_ssl());
$w = xsock_tls_worker('
	require ' . var_export(__DIR__ . '/../inc/compat.inc', true) . ';
	xsock_worker_ready();
	$ctx = stream_context_create(["ssl" => xsock_client_ssl()]);
	foreach ([compat_read_mix_data(), "abcdef", "abcdef"] as $data) {
		$c = stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
		fwrite($c, $data);
		fread($c, 2);
		fclose($c);
	}
');

$c = stream_socket_accept($srv, 5);
echo implode("\n", compat_read_mix($c)), "\n";
fwrite($c, "ok");
fclose($c);

foreach (['buffered' => 8192, 'unbuffered' => 0] as $mode => $size) {
	$c = stream_socket_accept($srv, 5);
	stream_set_read_buffer($c, $size);
	$first = fread($c, 1);
	echo "$mode: ", $first, ', unread ', stream_get_meta_data($c)['unread_bytes'];
	echo ', then ', fread($c, 5), "\n";
	fwrite($c, "ok");
	fclose($c);
}
xsock_peer_wait($w);
?>
--EXPECT--
first line "line 0 \n", then "li", record "ne 1 b"
read 175575 of 175575 bytes, in order: true
buffered: a, unread 5, then bcdef
unbuffered: a, unread 0, then bcdef
