--TEST--
TLS non-blocking handshake: stream_socket_enable_crypto returns 0 until the handshake is done, then true
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/* Call enable_crypto until it stops returning 0; returns every result. */
function handshake($s, int $method): array
{
	$results = [];
	$end = microtime(true) + 5;
	do {
		$r = stream_socket_enable_crypto($s, true, $method);
		$results[] = $r;
		if ($r === 0) {
			$rd = [$s];
			$wr = $ex = null;
			stream_select($rd, $wr, $ex, 0, 50000);
		}
	} while ($r === 0 && microtime(true) < $end);
	return $results;
}

function summary(array $res): string
{
	$zeros = array_slice($res, 0, -1);
	return 'last: ' . var_export(end($res), true) . ', all before it 0: '
		. var_export($zeros === [] || array_unique($zeros) === [0], true);
}

echo "-- both ends in this process, stepped by hand\n";
[$srv, $addr] = xsock_listen('tcp', '127.0.0.1', stream_context_create(['ssl' => xsock_server_ssl()]));
$cl = stream_socket_client("tcp://$addr", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
	stream_context_create(['ssl' => xsock_client_ssl()]));
$sv = stream_socket_accept($srv, 5);
stream_set_blocking($cl, false);
stream_set_blocking($sv, false);
$c = $s = 0;
$steps = [];
$end = microtime(true) + 5;
while (($c === 0 || $s === 0) && microtime(true) < $end) {
	if ($c === 0) {
		$c = stream_socket_enable_crypto($cl, true, STREAM_CRYPTO_METHOD_TLS_CLIENT);
		$steps[] = 'C' . var_export($c, true);
	}
	if ($s === 0) {
		$s = stream_socket_enable_crypto($sv, true, STREAM_CRYPTO_METHOD_TLS_SERVER);
		$steps[] = 'S' . var_export($s, true);
	}
	usleep(1000);
}
echo "client first call: ", $steps[0], ", server first call: ", $steps[1], "\n";
var_dump($c, $s);
echo "blocked stays false: ", var_export(stream_get_meta_data($cl)['blocked'], true), " ", var_export(stream_get_meta_data($sv)['blocked'], true), "\n";
fwrite($cl, "ping\n");
$line = '';
while ($line === '' && microtime(true) < $end) {
	$line = (string) fgets($sv);
}
echo "server read: $line";

echo "-- client side, against s_server\n";
$p = xsock_s_server('-cert {certs}/server.pem -naccept 1 -rev');
$c = stream_socket_client("tcp://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
	stream_context_create(['ssl' => xsock_client_ssl()]));
stream_set_blocking($c, false);
echo summary(handshake($c, STREAM_CRYPTO_METHOD_TLS_CLIENT)), "\n";
echo "protocol: ", stream_get_meta_data($c)['crypto']['protocol'], "\n";
stream_set_blocking($c, true);
fwrite($c, "non-blocking\n");
echo fgets($c);
fclose($c);
xsock_peer_wait($p);

echo "-- server side, against s_client\n";
[$srv] = xsock_listen('tcp', '127.0.0.1', stream_context_create(['ssl' => xsock_server_ssl()]));
[$ok, $out] = xsock_s_client_accept($srv, '-CAfile {certs}/ca.pem -brief', function ($c) {
	stream_set_blocking($c, false);
	echo summary(handshake($c, STREAM_CRYPTO_METHOD_TLS_SERVER)), "\n";
	stream_set_blocking($c, true);
	fwrite($c, "served\n");
});
echo xsock_lines($out, '/^(Verification|served)/');
?>
--EXPECT--
-- both ends in this process, stepped by hand
client first call: C0, server first call: S0
bool(true)
bool(true)
blocked stays false: false false
server read: ping
-- client side, against s_server
last: true, all before it 0: true
protocol: TLSv1.3
gnikcolb-non
-- server side, against s_client
last: true, all before it 0: true
Verification: OK
served
