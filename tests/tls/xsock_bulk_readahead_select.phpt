--TEST--
xsock: a large fread() reads ahead past a bulk record run; records left in that read-ahead make stream_select() report the stream (the kernel holds nothing), and a later read gets them
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_proc_net()) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * The peer runs on PHP's own transports: one SSL_write per fwrite(), one
 * record per 16 KiB.  A first full-size record puts the reader in bulk
 * mode; then three full records and two small ones arrive together, and a
 * fread() of exactly the three full ones reads ahead far enough to take
 * the two small records off the socket too.
 */
[$srv, $addr] = xsock_listen('tls', '127.0.0.1', stream_context_create(['ssl' => xsock_server_ssl()]));
$w = xsock_worker_start('
	$ctx = stream_context_create(["ssl" => ["cafile" => ' . var_export(xsock_cert('ca.pem'), true) . ', "peer_name" => "localhost"]]);
	xsock_worker_ready();
	$c = stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
	stream_set_timeout($c, 5);
	fwrite($c, str_repeat("a", 16384));
	fgets($c);
	fwrite($c, str_repeat("b", 49152));
	fwrite($c, "small one\n");
	fwrite($c, "small two\n");
	echo "peer: ", json_encode(fgets($c)), "\n";
	fclose($c);
', 10.0, false);
$c = stream_socket_accept($srv, 5);
stream_set_timeout($c, 5);
$first = '';
while (strlen($first) < 16384) {
	$first .= fread($c, 16384 - strlen($first));
}
echo "first record: ", var_export($first === str_repeat('a', 16384), true), "\n";
fwrite($c, "go\n");
/* Wait until all of it is in the kernel's queue: 3 full records + 2 small ones. */
$deadline = microtime(true) + 5;
while (xsock_recv_queue($c) < 3 * 16406 + 2 * 32 && microtime(true) < $deadline) {
	usleep(10000);
}
$bulk = '';
while (strlen($bulk) < 49152) {
	$bulk .= fread($c, 49152 - strlen($bulk));
}
echo "bulk: ", var_export($bulk === str_repeat('b', 49152), true), "\n";
echo "kernel queue after the bulk read: ", xsock_recv_queue($c), "\n";
$r = [$c];
$wr = $e = null;
echo "select: ", stream_select($r, $wr, $e, 0), "\n";
/* fgets(): PHP 8.2's fread() would wait for more than the buffered bytes (bug #51056). */
echo "rest: ", json_encode(fgets($c)), " ", json_encode(fgets($c)), "\n";
fwrite($c, "done\n");
echo xsock_peer_wait($w);
?>
--EXPECT--
first record: true
bulk: true
kernel queue after the bulk read: 0
select: 1
rest: "small one\n" "small two\n"
peer: "done\n"
