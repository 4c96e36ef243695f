--TEST--
xsock: writing on a TLS stream whose peer closed or reset never raises SIGPIPE with its default handler (PHP's own transport dies of it)
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('pcntl') || !extension_loaded('sockets')) die('skip pcntl and sockets needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/*
 * The worker restores SIGPIPE's default action (the CLI ignores it), sets
 * up TLS pairs inside itself with non-blocking handshakes, closes or
 * resets the server end, and writes on the client end until it fails.
 */
$certs = dirname(__DIR__) . '/certs';
$r = compat_run_php('$certs = ' . var_export($certs, true) . ';' . <<<'CODE'
pcntl_signal(SIGPIPE, SIG_DFL);
function tls_pair(string $certs): array
{
	$sctx = stream_context_create(['ssl' => ['local_cert' => "$certs/server.pem"]]);
	$srv = stream_socket_server('tcp://127.0.0.1:0', $en, $es, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $sctx);
	$c = stream_socket_client('tcp://' . stream_socket_get_name($srv, false), $en, $es, 5, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => ['cafile' => "$certs/ca.pem", 'peer_name' => 'localhost']]));
	$a = stream_socket_accept($srv, 5);
	/* ext/sockets cannot import a stream once TLS is on: take it now. */
	$sock = socket_import_stream($a);
	stream_set_blocking($c, false);
	stream_set_blocking($a, false);
	$cd = $ad = 0;
	$end = microtime(true) + 5;
	while (($cd !== true || $ad !== true) && microtime(true) < $end) {
		if ($cd !== true) {
			$cd = stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT);
		}
		if ($ad !== true) {
			$ad = stream_socket_enable_crypto($a, true, STREAM_CRYPTO_METHOD_TLS_SERVER);
		}
		usleep(1000);
	}
	stream_set_blocking($c, true);
	return [$c, $a, $sock];
}
function until_error($c): string
{
	$end = microtime(true) + 5;
	while (microtime(true) < $end) {
		$n = @fwrite($c, str_repeat('x', 1000));
		if ($n === false || $n === 0) {
			return 'error';
		}
		usleep(5000);
	}
	return 'no error';
}
[$c, $a] = tls_pair($certs);
fclose($a);
echo 'peer closed: ', until_error($c), "\n";
[$c, $a, $sock] = tls_pair($certs);
socket_set_option($sock, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
fclose($a);
unset($sock);
echo 'peer reset: ', until_error($c), "\n";
echo "survived\n";
CODE);
echo $r['out'], "\n";
var_dump($r['signal'], $r['exit']);
?>
--EXPECT--
peer closed: error
peer reset: error
survived

NULL
int(0)
