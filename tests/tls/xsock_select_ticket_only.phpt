--TEST--
xsock: stream_select() on a blocking TLS 1.3 client tells the truth: session tickets alone are not "readable", late data is, small records in a burst are all seen
--SKIPIF--
<?php if (!extension_loaded('xsock')) die('skip xsock only'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * A TLS 1.3 server sends its NewSessionTicket right after the handshake.
 * PHP's built-in select() sees those bytes on the socket and reports the
 * stream readable; the fread() that follows then waits for application
 * data that is not there.  xsock consumes a ticket that has arrived and
 * keeps waiting.  (One that arrives while select() sleeps still wakes it:
 * select() watches the raw socket.  The fread() after it then waits for
 * data within the stream timeout, like any blocking read.)
 */
[$srv, $addr] = xsock_tls_listen(xsock_server_ssl(), 'tlsv1.3');
$w = xsock_tls_worker('
	$ctx = stream_context_create(["ssl" => xsock_client_ssl()]);
	xsock_worker_ready();
	$c = stream_socket_client(' . var_export("tlsv1.3://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
	/* Let the ticket arrive first: one that lands during select() wakes the raw fd. */
	usleep(300000);
	$r = [$c]; $wr = $ex = null;
	$t = microtime(true);
	$n = stream_select($r, $wr, $ex, 1);
	echo "select with only tickets on the wire: $n after ", (microtime(true) - $t) >= 0.9 ? "the full second" : "less", "\n";
	$r = [$c];
	$n = stream_select($r, $wr, $ex, 5);
	echo "select once data is sent: $n\n";
	echo "read: ", fgets($c);
	$got = "";
	stream_set_blocking($c, false);
	$end = microtime(true) + 5;
	while (strlen($got) < 200 && microtime(true) < $end) {
		$r = [$c];
		if (stream_select($r, $wr, $ex, 1) > 0) {
			$got .= fread($c, 8192);
		}
	}
	echo "burst of 50 small records: ", strlen($got), " bytes, ", substr_count($got, "rec"), " records\n";
');
$s = stream_socket_accept($srv, 5);
usleep(1500000);
fwrite($s, "late data\n");
usleep(200000);
for ($i = 0; $i < 50; $i++) {
	fwrite($s, "rec\n");
}
echo xsock_proc_wait($w);
fclose($s);
?>
--EXPECT--
select with only tickets on the wire: 0 after the full second
select once data is sent: 1
read: late data
burst of 50 small records: 200 bytes, 50 records
