--TEST--
TLS: stream_select() on a record that has arrived leaves its bytes in the kernel, so a caller that polls the fd itself (mysqlnd) still sees it readable
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.inc';
if ($why = xsock_need_proc_net()) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * mysqli_poll() casts the stream for select (as stream_select() does),
 * then select()s the raw fd and never looks at PHP's buffers.  A cast
 * that reads the record off the socket leaves that fd silent: the poll
 * sits out its timeout although the answer is there.  The kernel's
 * Recv-Q is what such a caller sees.
 */
foreach (['tlsv1.2', 'tlsv1.3'] as $scheme) {
	$w = xsock_tls_worker('
		[$srv, $addr] = xsock_tls_listen(xsock_server_ssl(), ' . var_export($scheme, true) . ');
		xsock_worker_ready($addr);
		$s = stream_socket_accept($srv, 5);
		fwrite($s, "answer\n");
		fgets($s);
	');
	$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
	$c = stream_socket_client("$scheme://{$w['addr']}", $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
	/* The answer (and on TLS 1.3 the session tickets before it) arrives unread. */
	$end = microtime(true) + 5;
	do {
		usleep(100000);
		$q = xsock_recv_queue($c);
	} while ($q === 0 && microtime(true) < $end);
	usleep(200000);
	$r = [$c];
	$wr = $ex = null;
	echo "$scheme: select ", stream_select($r, $wr, $ex, 2), ", bytes still in the kernel: ",
		xsock_recv_queue($c) > 0 ? "yes" : "no", "\n";
	/* A second cast (stream_select casts before and after select) changes nothing. */
	$r = [$c];
	echo "$scheme: select again ", stream_select($r, $wr, $ex, 2), ", bytes still in the kernel: ",
		xsock_recv_queue($c) > 0 ? "yes" : "no", "\n";
	echo "$scheme: read ", fgets($c);
	echo "$scheme: kernel queue after the read: ", xsock_recv_queue($c), "\n";
	fwrite($c, "bye\n");
	echo xsock_proc_wait($w);
	fclose($c);
}
?>
--EXPECT--
tlsv1.2: select 1, bytes still in the kernel: yes
tlsv1.2: select again 1, bytes still in the kernel: yes
tlsv1.2: read answer
tlsv1.2: kernel queue after the read: 0
tlsv1.3: select 1, bytes still in the kernel: yes
tlsv1.3: select again 1, bytes still in the kernel: yes
tlsv1.3: read answer
tlsv1.3: kernel queue after the read: 0
