--TEST--
xsock: 1 MiB in one fwrite() and back, against PHP's own TLS transport: intact and in order through coalesced writes and bulk read-ahead, odd sizes around record and buffer boundaries too; the bulk buffers are freed when the calls return
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * Data no shift or repetition can fake: a chain of SHA-256 digests.  Joined
 * once: appending 32 bytes at a time reallocates a MiB 32,768 times, which
 * takes over a minute under ASan (USE_ZEND_ALLOC=0, a fresh mmap each time).
 */
function pattern(int $len, string $seed): string
{
	$parts = [];
	for ($i = 0; 32 * $i < $len; $i++) {
		$parts[] = hash('sha256', "$seed $i", true);
	}
	return substr(implode('', $parts), 0, $len);
}

$sizes = [1 << 20, 16385, 65536, 65537, 49153, 3];
[$srv, $addr] = xsock_listen('tls', '127.0.0.1', stream_context_create(['ssl' => xsock_server_ssl()]));
/* The peer runs on PHP's own transports: one SSL_write per fwrite(), fread() of what arrived. */
$w = xsock_worker_start('
	function pattern(int $len, string $seed): string
	{
		$parts = [];
		for ($i = 0; 32 * $i < $len; $i++) {
			$parts[] = hash("sha256", "$seed $i", true);
		}
		return substr(implode("", $parts), 0, $len);
	}
	$ctx = stream_context_create(["ssl" => ["cafile" => ' . var_export(xsock_cert('ca.pem'), true) . ', "peer_name" => "localhost"]]);
	xsock_worker_ready();
	$c = stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
	stream_set_timeout($c, 10);
	foreach (' . var_export($sizes, true) . ' as $n) {
		$data = pattern($n, "up $n");
		for ($off = 0; $off < $n; $off += $k) {
			$k = fwrite($c, substr($data, $off));
			if (!$k) { echo "peer: write failed\n"; exit; }
		}
		$got = "";
		while (strlen($got) < $n && !feof($c)) {
			$got .= fread($c, $n - strlen($got));
		}
		echo "peer got $n: ", $got === pattern($n, "down $n") ? "intact" : "DIFFERS (" . strlen($got) . " bytes)", "\n";
	}
	fclose($c);
', 20.0, false);
$c = stream_socket_accept($srv, 5);
stream_set_timeout($c, 10);
$base = memory_get_usage();
foreach ($sizes as $n) {
	$got = '';
	while (strlen($got) < $n && !feof($c)) {
		/* Large reads: the BIO reads ahead up to 64 KiB at a time. */
		$got .= fread($c, max(65536, $n - strlen($got)));
	}
	echo "got $n: ", $got === pattern($n, "up $n") ? 'intact' : 'DIFFERS (' . strlen($got) . ' bytes)', "\n";
	$data = pattern($n, "down $n");
	echo "wrote $n: ", var_export(fwrite($c, $data) === $n, true), "\n";
	unset($data, $got);
}
$held = memory_get_usage() - $base;
echo "memory held after the bulk rounds: ", $held < 8192 ? 'under 8 KiB' : "$held bytes", "\n";
echo xsock_peer_wait($w);
?>
--EXPECT--
got 1048576: intact
wrote 1048576: true
got 16385: intact
wrote 16385: true
got 65536: intact
wrote 65536: true
got 65537: intact
wrote 65537: true
got 49153: intact
wrote 49153: true
got 3: intact
wrote 3: true
memory held after the bulk rounds: under 8 KiB
peer got 1048576: intact
peer got 16385: intact
peer got 65536: intact
peer got 65537: intact
peer got 49153: intact
peer got 3: intact
