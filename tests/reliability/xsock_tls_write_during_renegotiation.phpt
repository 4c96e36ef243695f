--TEST--
reliability (xsock only): a blocking fwrite() while the server's TLS 1.2 renegotiation is under way waits for the handshake and writes, where PHP's transport returns 0 and writes nothing
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($why = xsock_need_program('openssl')) die($why);
if (!function_exists('posix_kill')) die('skip posix needed');
if (!is_readable('/proc/self/task/' . getmypid() . '/children')) die('skip /proc/PID/task/PID/children needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/* openssl itself: the peer runs under `timeout`, which stays its parent. */
function peer_pid(array $p): int
{
	$pid = proc_get_status($p['proc'])['pid'];
	return (int) trim((string) file_get_contents("/proc/$pid/task/$pid/children"));
}

$p = xsock_s_server('-naccept 1 -state -tls1_2 -cert {certs}/server.pem');
$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
stream_set_timeout($c, 3);
fwrite($p['pipes'][0], "before\n");
echo 'client read: ', fgets($c);

/*
 * The HelloRequest is on the client's socket once s_server's state says
 * so: OpenSSL reports a state when it moves on from it, after the flush
 * (-state prints on stderr, unbuffered).
 */
fwrite($p['pipes'][0], "r\n");
echo 'hello request sent: ', var_export(xsock_proc_read_until($p, '/:SSLv3\/TLS write hello request$/m'), true), "\n";

/*
 * Freeze the server, then let the client read the HelloRequest: it
 * answers with a ClientHello and now waits for the server's reply, in
 * the middle of the renegotiation.  The server thaws 0.5 s later.
 */
$pid = peer_pid($p);
posix_kill($pid, SIGSTOP);
stream_set_blocking($c, false);
echo 'non-blocking read: ', var_export(fread($c, 8192), true), "\n";
stream_set_blocking($c, true);
exec("(sleep 0.5; kill -CONT $pid) >/dev/null 2>&1 &");

$t = microtime(true);
echo 'fwrite: ', var_export(fwrite($c, "bye\n"), true), "\n";
$waited = microtime(true) - $t;
echo 'it waited for the frozen server: ', var_export($waited > 0.3 && $waited < 3, true), "\n";

echo 'the server got it: ', var_export(xsock_proc_read_until($p, '/^bye$/m'), true), "\n";
echo 'renegotiation finished (client Finished read twice): ',
	var_export(preg_match_all('/:SSLv3\/TLS read finished$/m', $p['output']) === 2, true), "\n";
fclose($c);
xsock_proc_stop($p);
?>
--EXPECT--
client read: before
hello request sent: true
non-blocking read: ''
fwrite: 4
it waited for the frozen server: true
the server got it: true
renegotiation finished (client Finished read twice): true
