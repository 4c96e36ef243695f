--TEST--
xsock_enable_crypto(): same contract as stream_socket_enable_crypto (true / false / 0, ValueError), crypto_method from the context
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/* A connected tcp:// pair in this process: [client, accepted]. */
function pair(array $clientSsl, array $serverSsl): array
{
	[$srv, $addr] = xsock_listen('tcp', '127.0.0.1', stream_context_create(['ssl' => $serverSsl]));
	$cl = stream_socket_client("tcp://$addr", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => $clientSsl]));
	$sv = stream_socket_accept($srv, 5);
	return [$cl, $sv];
}

/* Step both ends non-blocking until neither returns 0; the results of each call. */
function step($cl, $sv, $cm, $sm): array
{
	stream_set_blocking($cl, false);
	stream_set_blocking($sv, false);
	$c = $s = 0;
	$seen = [];
	$end = microtime(true) + 5;
	while (($c === 0 || $s === 0) && microtime(true) < $end) {
		if ($c === 0) {
			$seen[] = 'C' . var_export($c = xsock_enable_crypto($cl, true, $cm), true);
		}
		if ($s === 0) {
			$seen[] = 'S' . var_export($s = xsock_enable_crypto($sv, true, $sm), true);
		}
		usleep(1000);
	}
	return $seen;
}

echo "-- non-blocking: 0 until done, then true on both ends\n";
[$cl, $sv] = pair(xsock_client_ssl(), xsock_server_ssl());
$seen = step($cl, $sv, STREAM_CRYPTO_METHOD_TLS_CLIENT, STREAM_CRYPTO_METHOD_TLS_SERVER);
echo "first calls: $seen[0] $seen[1]\n";
echo "ends true: ", var_export(in_array('Ctrue', $seen, true) && in_array('Strue', $seen, true), true), "\n";
echo "only 0 or true: ", var_export(array_diff($seen, ['C0', 'S0', 'Ctrue', 'Strue']) === [], true), "\n";
echo "client protocol: ", stream_get_meta_data($cl)['crypto']['protocol'], "\n";

echo "-- crypto_method omitted, taken from the context\n";
[$cl, $sv] = pair(xsock_client_ssl(['crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT]),
	xsock_server_ssl(['crypto_method' => STREAM_CRYPTO_METHOD_TLS_SERVER]));
stream_set_blocking($cl, false);
stream_set_blocking($sv, false);
$c = $s = 0;
$end = microtime(true) + 5;
while (($c === 0 || $s === 0) && microtime(true) < $end) {
	if ($c === 0) {
		$c = xsock_enable_crypto($cl, true);
	}
	if ($s === 0) {
		$s = xsock_enable_crypto($sv, true);
	}
	usleep(1000);
}
var_dump($c, $s);
echo "client protocol: ", stream_get_meta_data($cl)['crypto']['protocol'], "\n";

echo "-- crypto_method omitted, none in the context\n";
[$cl, $sv] = pair([], xsock_server_ssl());
try {
	xsock_enable_crypto($cl, true);
} catch (ValueError $e) {
	echo get_class($e), ": ", $e->getMessage(), "\n";
}

echo "-- failure returns false (client does not trust the server)\n";
[$cl, $sv] = pair(['cafile' => xsock_cert('untrusted-ca.pem'), 'peer_name' => 'localhost'], xsock_server_ssl());
$seen = @step($cl, $sv, STREAM_CRYPTO_METHOD_TLS_CLIENT, STREAM_CRYPTO_METHOD_TLS_SERVER);
echo "client gave false: ", var_export(in_array('Cfalse', $seen, true), true), "\n";

echo "-- a stream that is not an xsock tcp stream\n";
$mem = fopen('php://memory', 'r+');
[$r, $msgs] = xsock_catch(fn() => xsock_enable_crypto($mem, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
var_dump($r);
echo "warning says so: ", var_export(str_contains($msgs[0] ?? '', 'not an xsock tcp stream'), true), "\n";
?>
--EXPECT--
-- non-blocking: 0 until done, then true on both ends
first calls: C0 S0
ends true: true
only 0 or true: true
client protocol: TLSv1.3
-- crypto_method omitted, taken from the context
bool(true)
bool(true)
client protocol: TLSv1.2
-- crypto_method omitted, none in the context
ValueError: xsock_enable_crypto(): Argument #3 ($crypto_method) must be specified when enabling encryption
-- failure returns false (client does not trust the server)
client gave false: true
-- a stream that is not an xsock tcp stream
bool(false)
warning says so: true
