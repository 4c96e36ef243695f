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
 * renegotiation); any other line is sent to the client as data.
 */
function pump_until_handshakes($c, array &$p, int $want): void
{
	stream_set_blocking($c, false);
	$end = microtime(true) + 10;
	while (preg_match_all('/SSL_do_handshake -> 1/', $p['output']) < $want && microtime(true) < $end) {
		fread($c, 8192);
		xsock_proc_read($p, 0.02);
	}
	stream_set_blocking($c, true);
}

function run(string $version, array $commands): void
{
	$p = xsock_s_server("-naccept 1 -$version -cert {certs}/server.pem");
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
		/*
		 * s_server drops a stdin line sent while its handshake is pending,
		 * and the handshake completes only when the client reads: drive it
		 * with non-blocking reads until the server reports it (bounded),
		 * instead of hoping a fixed sleep was long enough.
		 */
		pump_until_handshakes($c, $p, $i + 1);
		fwrite($p['pipes'][0], "server line $i after $cmd\n");
		echo "$version client read: ", var_export(fgets($c), true), "\n";
	}
	fwrite($c, "bye\n");
	$end = microtime(true) + 10;
	while (!preg_match('/^bye/m', $p['output']) && microtime(true) < $end) {
		xsock_proc_read($p, 0.02);
	}
	echo xsock_lines($p['output'], '/^(client line|bye)/');
	echo 'handshakes seen by the server: ', preg_match_all('/SSL_do_handshake -> 1/', $p['output']), "\n";
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
bye
client line 0 after k
client line 1 after K
client line 2 after k
handshakes seen by the server: 3
tls1_2 client read: before
tls1_2 client read: 'server line 0 after r
'
tls1_2 client read: 'server line 1 after r
'
bye
client line 0 after r
client line 1 after r
handshakes seen by the server: 2
