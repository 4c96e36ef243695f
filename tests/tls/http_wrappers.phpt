--TEST--
http:// and https:// wrappers over the transports: Content-Length and chunked bodies (a read filter) over tcp://, a file from openssl s_server -WWW over ssl://, byte for byte
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($why = xsock_need_program('openssl')) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/* Joined once, not appended to: large bodies stay fast under ASan (one realloc per append there). */
function body(string $seed, int $len): string
{
	$parts = [];
	for ($i = 0; 32 * $i < $len; $i++) {
		$parts[] = hash('sha256', "$seed$i", true);
	}
	return substr(implode('', $parts), 0, $len);
}

/* A plain HTTP/1.1 server: /length answers with Content-Length, /chunked in 7000-byte chunks. */
$w = xsock_tls_worker('
	function body(string $seed, int $len): string
	{
		$parts = [];
		for ($i = 0; 32 * $i < $len; $i++) {
			$parts[] = hash("sha256", "$seed$i", true);
		}
		return substr(implode("", $parts), 0, $len);
	}
	[$srv, $addr] = xsock_listen("tcp");
	xsock_worker_ready($addr);
	for ($n = 0; $n < 2; $n++) {
		$c = stream_socket_accept($srv, 10);
		$req = "";
		while (!str_contains($req, "\r\n\r\n") && ($l = fgets($c)) !== false) {
			$req .= $l;
		}
		if (str_starts_with($req, "GET /length")) {
			$b = body("L", 300000);
			fwrite($c, "HTTP/1.1 200 OK\r\nContent-Length: " . strlen($b) . "\r\nConnection: close\r\n\r\n" . $b);
		} else {
			fwrite($c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
			foreach (str_split(body("C", 200000), 7000) as $piece) {
				fwrite($c, dechex(strlen($piece)) . "\r\n" . $piece . "\r\n");
			}
			fwrite($c, "0\r\n\r\n");
		}
		fclose($c);
	}
');
$addr = $w['addr'];
$a = file_get_contents("http://$addr/length");
$b = file_get_contents("http://$addr/chunked");
echo 'length: ', strlen($a), ' bytes, same: ', var_export($a === body('L', 300000), true), "\n";
echo 'chunked: ', strlen($b), ' bytes, same: ', var_export($b === body('C', 200000), true), "\n";
xsock_peer_wait($w);

/* https:// against openssl s_server -WWW (serving its working directory), verified against the test CA. */
$dir = sys_get_temp_dir() . '/xsock-www-' . getmypid();
@mkdir($dir);
$file = body('W', 500000);
file_put_contents("$dir/file.bin", $file);
$cert = __DIR__ . '/../certs/server.pem';
$s = xsock_proc_start('sh -c ' . escapeshellarg('cd ' . escapeshellarg($dir)
	. ' && exec openssl s_server -accept 127.0.0.1:0 -WWW -cert ' . escapeshellarg($cert)), '/^ACCEPT (\S+)/');
$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
$got = @file_get_contents('https://localhost:' . xsock_port($s['addr']) . '/file.bin', false, $ctx);
echo 'https: ', strlen((string) $got), ' bytes, same: ', var_export($got === $file, true), "\n";
xsock_proc_stop($s);
unlink("$dir/file.bin");
rmdir($dir);
?>
--EXPECT--
length: 300000 bytes, same: true
chunked: 200000 bytes, same: true
https: 500000 bytes, same: true
