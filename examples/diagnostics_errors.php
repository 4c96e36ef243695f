<?php
/*
 * diagnostics_errors.php - what xsock can tell about a connection that
 * worked (xsock_tls_info()) and about three that failed (xsock_last_error()).
 *
 *   php -d extension=/path/to/xsock.so examples/diagnostics_errors.php
 *
 * Everything runs on 127.0.0.1: `openssl s_server` with a throwaway
 * certificate for "localhost" (made with ext/openssl), and a child PHP
 * that greets like an SMTP server on its submission port.  The failures:
 *  1. connection refused: a loopback port nobody listens on;
 *  2. wrong host name: the certificate is for localhost, we ask for
 *     mail.example.net;
 *  3. the port-587 mistake: tls:// (implicit TLS) to a server that speaks
 *     plaintext first and expects STARTTLS.
 * Every wait is bounded; the servers are stopped at the end.
 */

declare(strict_types=1);

if (!function_exists('xsock_last_error')) {
	fwrite(STDERR, "needs the xsock extension\n");
	exit(1);
}

/* Start $cmd, wait for the line matching $ready (10 s at most): [process, pipes, $m[1]]. */
function start(array $cmd, string $ready): array
{
	$proc = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
	stream_set_timeout($pipes[1], 10);
	while (($line = fgets($pipes[1])) !== false) {
		if (preg_match($ready, $line, $m)) {
			return [$proc, $pipes, $m[1]];
		}
	}
	proc_terminate($proc);
	fwrite(STDERR, "$cmd[0] did not start\n");
	exit(1);
}

function stop(array $server): void
{
	proc_terminate($server[0]);
	proc_close($server[0]);
}

/* The keys of a failure record that say most, in reading order. */
function explain(string $what, ?array $e): void
{
	echo "== $what\n";
	if ($e === null) {
		echo "  (no failure recorded)\n";
		return;
	}
	/* The warning text ends with the hint, when there is one: shown once, on its own. */
	$e['message'] = str_replace([isset($e['hint']) ? "; $e[hint]" : '', "\n"], ['', ' '], $e['message']);
	foreach (['phase', 'errno_name', 'message', 'hint', 'address', 'peer_name'] as $k) {
		if (isset($e[$k]) && $e[$k] !== '') {
			printf("  %-11s %s\n", "$k:", $e[$k]);
		}
	}
	foreach ($e['attempts'] ?? [] as $a) {
		printf("  %-11s %s %s\n", 'attempt:', $a['address'], $a['result']);
	}
	if (isset($e['verify'])) {
		printf("  %-11s %d %s (depth %d, %s)\n", 'verify:', $e['verify']['code'], $e['verify']['string'],
			$e['verify']['depth'], $e['verify']['subject']);
	}
	if (isset($e['tls_alert'])) {
		printf("  %-11s %s %s\n", 'tls_alert:', $e['tls_alert']['direction'], $e['tls_alert']['name']);
	}
	foreach ($e['openssl'] ?? [] as $o) {
		printf("  %-11s %s: %s\n", 'openssl:', $o['library'], $o['reason']);
	}
}

$dir = sys_get_temp_dir() . '/xsock-diag-' . getmypid();
@mkdir($dir, 0700);
$key = openssl_pkey_new(['private_key_type' => OPENSSL_KEYTYPE_EC, 'curve_name' => 'prime256v1']);
$cert = openssl_csr_sign(openssl_csr_new(['commonName' => 'localhost'], $key), null, $key, 1);
openssl_x509_export_to_file($cert, "$dir/cert.pem");
openssl_pkey_export_to_file($key, "$dir/key.pem");

$tls = start(['openssl', 's_server', '-accept', '127.0.0.1:0', '-www', '-naccept', '2',
	'-cert', "$dir/cert.pem", '-key', "$dir/key.pem"], '/^ACCEPT (\S+)/');
/* A plaintext greeting first, as on port 587 (RFC 6409); one client, 10 s at most. */
$smtp = start([PHP_BINARY, '-n', '-r', '
	$srv = stream_socket_server("tcp://127.0.0.1:0");
	echo "READY ", stream_socket_get_name($srv, false), "\n";
	if ($c = @stream_socket_accept($srv, 10)) {
		fwrite($c, "220 mail.example.net ESMTP ready\r\n");
		stream_set_timeout($c, 2);
		fread($c, 4096);
	}'], '/^READY (\S+)/');
try {
	$trust = ['cafile' => "$dir/cert.pem"];

	/* The good connection: what the session negotiated. */
	$c = stream_socket_client("tls://$tls[2]", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => $trust + ['peer_name' => 'localhost']]));
	if ($c === false) {
		fwrite(STDERR, "the good connection failed: $errstr\n");
		exit(1);
	}
	$i = xsock_tls_info($c);
	echo "== good connection to localhost ($tls[2])\n";
	printf("  %-11s %s, %s (%d bits), group %s\n", 'session:', $i['protocol'], $i['cipher']['name'],
		$i['cipher']['bits'], $i['group'] ?? '-');
	printf("  %-11s %s\n  %-11s %s\n  %-11s %.1f ms\n", 'peer:', $i['peer_chain'][0]['subject'],
		'pin:', $i['peer_chain'][0]['pin'], 'handshake:', $i['timings']['handshake']);
	fclose($c);

	/* 1. Refused: a port that was just free. */
	$probe = stream_socket_server('tcp://127.0.0.1:0');
	$closed = stream_socket_get_name($probe, false);
	fclose($probe);
	@stream_socket_client("tcp://$closed", $errno, $errstr, 2);
	explain("connection refused ($closed)", xsock_last_error());

	/* 2. The certificate is for localhost, not for the name we asked for. */
	@stream_socket_client("tls://$tls[2]", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => $trust + ['peer_name' => 'mail.example.net']]));
	explain('wrong host name (mail.example.net)', xsock_last_error());

	/* 3. Implicit TLS to a server that expects STARTTLS. */
	@stream_socket_client("tls://$smtp[2]", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => $trust + ['peer_name' => 'localhost']]));
	explain('implicit TLS to a submission port (587-style)', xsock_last_error());
	echo "  \$errstr:    $errstr\n";
} finally {
	stop($tls);
	stop($smtp);
	array_map('unlink', glob("$dir/*"));
	rmdir($dir);
}
