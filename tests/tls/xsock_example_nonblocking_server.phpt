--TEST--
xsock: examples/tls_server_nonblocking.php serves good clients at once while a silent and a half-ClientHello client wait out their handshake timeout
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only (stream_socket_get_crypto_status() on 8.2-8.5)');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$example = dirname(__DIR__, 2) . '/examples/tls_server_nonblocking.php';
$p = xsock_proc_start(xsock_test_php() . ' ' . escapeshellarg($example) . ' --handshake-timeout=1.5 --run=10',
	'/^listening on (\S+)/');
$addr = $p['addr'];

$silent = stream_socket_client("tcp://$addr");
$half = stream_socket_client("tcp://$addr");
fwrite($half, "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" . str_repeat("\x00", 8));
usleep(100000);

/* Three clients at once, each connected while the two bad ones are still pending. */
$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
$t = microtime(true);
$good = [];
for ($i = 1; $i <= 3; $i++) {
	$good[$i] = stream_socket_client("tls://$addr", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	fwrite($good[$i], "client $i\n");
}
foreach ($good as $i => $g) {
	stream_set_timeout($g, 5);
	echo rtrim((string) fgets($g)), "\n";
	fclose($g);
}
echo "served while the bad clients hung: ", var_export(microtime(true) - $t < 1.2, true), "\n";

/* The bad clients are dropped after their 1.5 s: EOF, not a hang. */
foreach (['silent' => $silent, 'half' => $half] as $name => $s) {
	stream_set_timeout($s, 5);
	$got = fread($s, 100);
	echo "$name: closed by the server: ", var_export($got === '' && feof($s), true), "\n";
}
$out = xsock_proc_wait($p, 1);
echo "server log: served ", substr_count($out, '] served'), ", TLS up ", substr_count($out, '] TLS up'),
	", handshake timeouts ", substr_count($out, '] handshake timeout'), "\n";
?>
--EXPECT--
hello client 1
hello client 2
hello client 3
served while the bad clients hung: true
silent: closed by the server: true
half: closed by the server: true
server log: served 3, TLS up 3, handshake timeouts 2
