--TEST--
reliability: TLS 1.3 KeyUpdate (k, K) and TLS 1.2 renegotiation (r) started by openssl s_server mid-stream: data keeps flowing both ways
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.inc';
if (!in_array('tls', stream_get_transports(), true)) die('skip tls transport needed');
if ($why = xsock_need_program('openssl')) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * s_server reads its stdin: a line "k" sends a KeyUpdate, "K" one that
 * asks the client to update its keys too, "r" a HelloRequest (TLS 1.2
 * renegotiation); any other line is sent to the client as data.  -state
 * prints its handshake states on stderr, unbuffered.
 */

/*
 * Drive the client with non-blocking reads until the server is done with
 * command $n (0-based), bounded.  s_server drops a stdin line sent while
 * its handshake is pending, and the handshake completes only when the
 * client reads.  "SSL_do_handshake -> 1" alone is not enough for "r": a
 * TLS 1.2 server's SSL_do_handshake() returns once the HelloRequest is
 * out, before the client has even answered, and a client still in the
 * renegotiation when it writes gets 0 from a blocking fwrite() on PHP's
 * own transport (SSL_write() wants to read; xp_ssl.c retries only a
 * write that wants to write).  The renegotiation resumes the session, so
 * the client's Finished is its last message: once the server has read
 * it, the client's handshake is over too.
 */
function pump_until_done($c, array &$p, int $n, bool $renegotiated): void
{
	$done = function () use (&$p, $n, $renegotiated): bool {
		return preg_match_all('/SSL_do_handshake -> 1/', $p['output']) > $n
			&& (!$renegotiated || preg_match_all('/:SSLv3\/TLS read finished$/m', $p['output']) > $n + 1);
	};
	stream_set_blocking($c, false);
	$end = microtime(true) + 10;
	while (!$done() && microtime(true) < $end) {
		fread($c, 8192);
		xsock_proc_read($p, 0.02);
	}
	stream_set_blocking($c, true);
}

function run(string $version, array $commands): void
{
	$p = xsock_s_server("-naccept 1 -state -$version -cert {certs}/server.pem");
	$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
	$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	stream_set_timeout($c, 3);
	fwrite($p['pipes'][0], "before\n");
	echo "$version client read: ", fgets($c);
	foreach ($commands as $i => $cmd) {
		fwrite($p['pipes'][0], "$cmd\n");
		/* Let the server's handshake message arrive before our write. */
		usleep(150000);
		fwrite($c, "client line $i after $cmd\n");
		pump_until_done($c, $p, $i, $cmd === 'r');
		fwrite($p['pipes'][0], "server line $i after $cmd\n");
		echo "$version client read: ", var_export(fgets($c), true), "\n";
	}
	echo "$version bye written: ", var_export(fwrite($c, "bye\n"), true), "\n";
	xsock_proc_read_until($p, '/^bye/m');
	echo xsock_lines($p['output'], '/^(client line|bye)/');
	echo 'handshakes seen by the server: ', preg_match_all('/SSL_do_handshake -> 1/', $p['output']), "\n";
	/* What pump_until_done() relies on: every renegotiation resumed the session. */
	echo 'certificates the server sent: ', preg_match_all('/:SSLv3\/TLS write certificate$/m', $p['output']), "\n";
	fclose($c);
	xsock_proc_stop($p);
}

run('tls1_3', ['k', 'K', 'k']);
run('tls1_2', ['r', 'r']);
?>
--EXPECT--
tls1_3 client read: before
tls1_3 client read: 'server line 0 after k
'
tls1_3 client read: 'server line 1 after K
'
tls1_3 client read: 'server line 2 after k
'
tls1_3 bye written: 4
bye
client line 0 after k
client line 1 after K
client line 2 after k
handshakes seen by the server: 3
certificates the server sent: 1
tls1_2 client read: before
tls1_2 client read: 'server line 0 after r
'
tls1_2 client read: 'server line 1 after r
'
tls1_2 bye written: 4
bye
client line 0 after r
client line 1 after r
handshakes seen by the server: 2
certificates the server sent: 1
