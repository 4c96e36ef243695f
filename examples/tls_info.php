<?php
/*
 * tls_info.php - print xsock_tls_info() for a TLS connection.
 *
 *   php -d extension=/path/to/xsock.so examples/tls_info.php
 *
 * Starts `openssl s_server -www` on 127.0.0.1 (random port, throwaway
 * self-signed certificate made with ext/openssl), connects twice (the
 * second connection resumes from xsock's session cache) and prints what
 * each session negotiated.  Loopback only; every wait is bounded.
 */

declare(strict_types=1);

if (!function_exists('xsock_tls_info')) {
	fwrite(STDERR, "needs the xsock extension\n");
	exit(1);
}
$dir = sys_get_temp_dir() . '/xsock-tls-info-' . getmypid();
@mkdir($dir, 0700);
$key = openssl_pkey_new(['private_key_type' => OPENSSL_KEYTYPE_EC, 'curve_name' => 'prime256v1']);
$cert = openssl_csr_sign(openssl_csr_new(['commonName' => 'localhost'], $key), null, $key, 1);
openssl_x509_export_to_file($cert, "$dir/cert.pem");
openssl_pkey_export_to_file($key, "$dir/key.pem");

$cmd = ['openssl', 's_server', '-accept', '127.0.0.1:0', '-www', '-naccept', '2',
	'-cert', "$dir/cert.pem", '-key', "$dir/key.pem"];
$proc = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
stream_set_timeout($pipes[1], 10);
$addr = null;
while ($addr === null && ($line = fgets($pipes[1])) !== false) {
	if (preg_match('/^ACCEPT (\S+)/', $line, $m)) {
		$addr = $m[1];
	}
}
try {
	if ($addr === null) {
		fwrite(STDERR, "openssl s_server did not start\n");
		exit(1);
	}
	$ctx = stream_context_create(['ssl' => ['cafile' => "$dir/cert.pem", 'peer_name' => 'localhost']]);
	foreach (['first connection', 'second connection'] as $what) {
		$c = stream_socket_client("tls://$addr", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
		if ($c === false) {
			fwrite(STDERR, "connect failed: $errstr\n");
			exit(1);
		}
		stream_set_timeout($c, 5);
		fwrite($c, "GET / HTTP/1.0\r\n\r\n");
		stream_get_contents($c);		/* TLS 1.3 tickets arrive with the response */
		echo "== $what\n";
		print_r(xsock_tls_info($c));
		fclose($c);
	}
} finally {
	proc_terminate($proc);
	proc_close($proc);
	array_map('unlink', glob("$dir/*"));
	rmdir($dir);
}
