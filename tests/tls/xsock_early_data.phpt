--TEST--
xsock: PHP 8.6's TLS 1.3 early data on every PHP: client early_data with a resumed session, server max_early_data and early_data_cb; rejected 0-RTT is sent again after the handshake; interop with s_client -early_data and s_server -early_data
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock feature');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * A worker client connects twice: the first connection gets the server's
 * ticket through session_new_cb, the second resumes it with session_data
 * and sends "EARLY" as 0-RTT, then "after" as ordinary data.
 */
function client_twice(string $addr, string $addr2): array
{
	return xsock_tls_worker('
		xsock_worker_ready();
		$sessions = [];
		$ssl = ["verify_peer" => false, "verify_peer_name" => false];
		$c = stream_socket_client("tls://' . $addr . '", $en, $es, 5, STREAM_CLIENT_CONNECT,
			stream_context_create(["ssl" => $ssl + ["session_new_cb" => function ($s, $sess) use (&$sessions) {
				$sessions[] = $sess;
			}]]));
		fwrite($c, "first\n");
		echo "client got ", fgets($c);
		fclose($c);
		$c = stream_socket_client("tls://' . $addr2 . '", $en, $es, 5, STREAM_CLIENT_CONNECT,
			stream_context_create(["ssl" => $ssl + ["session_data" => end($sessions), "early_data" => "EARLY\n"]]));
		fwrite($c, "after\n");
		echo "client got ", fgets($c);
		fclose($c);
	');
}

/*
 * Accept both connections of client_twice(); print what each one read.
 * With $ssl2 the second goes to another server (another SSL_CTX, so other
 * ticket keys): it cannot resume, and rejects the 0-RTT data.
 */
function serve_twice(array $ssl, ?array $ssl2 = null): void
{
	$tls13 = ['crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_3_SERVER];
	[$srv, $addr] = xsock_tls_listen(xsock_server_ssl($ssl + $tls13));
	[$srv2, $addr2] = $ssl2 === null ? [$srv, $addr] : xsock_tls_listen(xsock_server_ssl($ssl2 + $tls13));
	$w = client_twice($addr, $addr2);
	for ($i = 1; $i <= 2; $i++) {
		$c = stream_socket_accept($i === 1 ? $srv : $srv2, 5);
		$line = fgets($c);
		$data = $line;
		if ($line === "EARLY\n") {
			$data .= fgets($c);
		}
		echo "connection $i read: ", json_encode($data), "\n";
		fwrite($c, "ok $i\n");
		fclose($c);
	}
	fclose($srv);
	if ($srv2 !== $srv) {
		fclose($srv2);
	}
	echo xsock_peer_wait($w);
}

echo "-- max_early_data with early_data_cb: accepted, handed to the callback\n";
serve_twice(['max_early_data' => 1024, 'early_data_cb' => function ($stream, string $data) {
	echo "early_data_cb(", get_resource_type($stream), ", ", json_encode($data), ")\n";
}]);
echo "-- max_early_data without a callback: accepted, read first\n";
serve_twice(['max_early_data' => 1024]);
echo "-- rejected by the server: the client sends it again after the handshake\n";
$cb = fn($s, $d) => print("early_data_cb must not run\n");
serve_twice(['max_early_data' => 1024], ['max_early_data' => 1024, 'session_id_context' => 'other', 'early_data_cb' => $cb]);
echo "-- a session without 0-RTT (no max_early_data): sent after the handshake\n";
serve_twice([]);

echo "-- s_client -early_data against xsock\n";
$sess = tempnam(sys_get_temp_dir(), 'xsocksess');
$early = tempnam(sys_get_temp_dir(), 'xsockearly');
file_put_contents($early, "S_CLIENT-EARLY\n");
[$srv] = xsock_tls_listen(xsock_server_ssl(['max_early_data' => 1024,
	'early_data_cb' => fn($s, $d) => print("early_data_cb: " . json_encode($d) . "\n")]));
[$ok, $out] = xsock_s_client_accept($srv, "-tls1_3 -sess_out $sess -ign_eof", fn($c) => fwrite($c, "hi\n"));
[$ok, $out] = xsock_s_client_accept($srv, "-tls1_3 -sess_in $sess -early_data $early -ign_eof", fn($c) => fwrite($c, "hi\n"));
echo xsock_lines($out, '/^Early data was/', true);
fclose($srv);

echo "-- xsock against s_server -early_data\n";
$p = xsock_s_server('-cert {certs}/server.pem -naccept 2 -early_data -tls1_3');
$sessions = [];
$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
	stream_context_create(['ssl' => xsock_client_ssl(['session_new_cb' => function ($s, $session) use (&$sessions) {
		$sessions[] = $session;
	}])]));
stream_set_timeout($c, 0, 500000);
fread($c, 1);	/* s_server sends nothing: this reads its tickets */
fclose($c);
$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
	stream_context_create(['ssl' => xsock_client_ssl(['session_data' => end($sessions), 'early_data' => "XSOCK-EARLY\n"])]));
fclose($c);
echo xsock_lines(xsock_peer_wait($p), '/^(Early data received:|XSOCK-EARLY)$/');
@unlink($sess);
@unlink($early);
?>
--EXPECT--
-- max_early_data with early_data_cb: accepted, handed to the callback
connection 1 read: "first\n"
early_data_cb(stream, "EARLY\n")
connection 2 read: "after\n"
client got ok 1
client got ok 2
-- max_early_data without a callback: accepted, read first
connection 1 read: "first\n"
connection 2 read: "EARLY\nafter\n"
client got ok 1
client got ok 2
-- rejected by the server: the client sends it again after the handshake
connection 1 read: "first\n"
connection 2 read: "EARLY\nafter\n"
client got ok 1
client got ok 2
-- a session without 0-RTT (no max_early_data): sent after the handshake
connection 1 read: "first\n"
connection 2 read: "EARLY\nafter\n"
client got ok 1
client got ok 2
-- s_client -early_data against xsock
early_data_cb: "S_CLIENT-EARLY\n"
Early data was accepted
-- xsock against s_server -early_data
Early data received:
XSOCK-EARLY
