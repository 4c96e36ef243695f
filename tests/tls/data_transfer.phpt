--TEST--
TLS PHP vs PHP: 1 MiB each way intact (fread loops, records larger than the chunk size)
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

function read_exactly($s, int $n): string
{
	$buf = '';
	$end = microtime(true) + 10;
	while (strlen($buf) < $n && !feof($s) && microtime(true) < $end) {
		$buf .= fread($s, min(65536, $n - strlen($buf)));
	}
	return $buf;
}

[$srv, $addr] = xsock_tls_listen(xsock_server_ssl());
$w = xsock_tls_worker('
	xsock_worker_ready();
	$ctx = stream_context_create(["ssl" => xsock_client_ssl()]);
	$c = stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
	/* implode, not .=: appending 32 bytes at a time is quadratic under ASan. */
	$data = implode("", array_map(fn ($i) => hash("sha256", "c$i", true), range(0, 32767)));
	$n = 0;
	foreach (str_split($data, 100000) as $piece) {
		$n += fwrite($c, $piece);
	}
	echo "client wrote $n, sha1 ", sha1($data), "\n";
	$back = "";
	$end = microtime(true) + 10;
	while (!feof($c) && microtime(true) < $end) {
		$back .= fread($c, 8192);
	}
	echo "client read ", strlen($back), ", sha1 ", sha1($back), "\n";
');
$c = stream_socket_accept($srv, 5);
$got = read_exactly($c, 1048576);
echo "server read ", strlen($got), "\n";
$data = implode('', array_map(fn ($i) => hash('sha256', "s$i", true), range(0, 32767)));
$n = 0;
foreach (str_split($data, 300000) as $piece) {
	$n += fwrite($c, $piece);
}
echo "server wrote $n\n";
fclose($c);
$out = xsock_peer_wait($w);
preg_match('/client wrote (\d+), sha1 (\w+)/', $out, $m1);
preg_match('/client read (\d+), sha1 (\w+)/', $out, $m2);
echo "client wrote $m1[1], server got the same bytes: ", var_export($m1[2] === sha1($got), true), "\n";
echo "client read $m2[1], client got the same bytes: ", var_export($m2[2] === sha1($data), true), "\n";
?>
--EXPECT--
server read 1048576
server wrote 1048576
client wrote 1048576, server got the same bytes: true
client read 1048576, client got the same bytes: true
