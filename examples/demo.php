<?php
/*
 * demo.php - xsock in one minute.
 *
 *   php -d extension=/path/to/xsock.so examples/demo.php   through xsock
 *   php examples/demo.php                                  PHP's own transports, to compare
 *
 * It starts its own servers on 127.0.0.1 (random ports, in a child process,
 * with a throwaway certificate) and then, as a client:
 *   1. a tcp:// echo round trip,
 *   2. a verified tls:// connection,
 *   3. the "port 587 trap": tls:// to an SMTP server that wants STARTTLS,
 *      which fails; xsock says why, PHP only says "wrong version number",
 *   4. the right way: tcp://, EHLO, STARTTLS, enable crypto, EHLO again.
 * Exit status: 0 when every step behaved as expected, 1 otherwise.
 * Nothing here leaves loopback, and every wait is bounded.
 */

declare(strict_types=1);

const DEMO_TIMEOUT = 5;			/* seconds for any single connect, read or handshake */
const DEMO_SERVER_LIFE = 60;	/* seconds before the server process gives up on its own */

if (($argv[1] ?? '') === '--serve') {
	exit(serve_main($argv[2] ?? ''));
}
exit(main());

function main(): int
{
	ini_set('default_socket_timeout', (string) DEMO_TIMEOUT);
	$tmp = make_temp_dir();
	register_shutdown_function('remove_dir', $tmp, getmypid());
	$pem = make_certificate($tmp);

	show_setup($pem);
	$servers = start_servers($pem);
	if ($servers === null) {
		echo "\nFAILED: could not start the demo servers\n";
		return 1;
	}
	try {
		$ok = run_steps($servers['ports'], $pem);
	} finally {
		$servers['stop']();
	}
	echo $ok ? "\nAll steps behaved as expected.\n" : "\nFAILED: see the step marked FAIL above.\n";
	return $ok ? 0 : 1;
}

function run_steps(array $ports, ?string $pem): bool
{
	$ok = demo_tcp($ports['echo']);
	if ($pem === null) {
		echo "\n[2-4] SKIPPED: no certificate (needs ext/openssl or the openssl command)\n";
		return $ok;
	}
	$ok = demo_tls($ports['tls'], $pem) && $ok;
	$ok = demo_trap($ports['smtp'], $pem) && $ok;
	return demo_starttls($ports['smtp'], $pem) && $ok;
}

/* ------------------------------------------------------------------ */
/* What is loaded                                                      */
/* ------------------------------------------------------------------ */

function show_setup(?string $pem): void
{
	echo "xsock demo - PHP ", PHP_VERSION, ", ", defined('OPENSSL_VERSION_TEXT') ? OPENSSL_VERSION_TEXT : 'no ext/openssl', "\n";
	if (extension_loaded('xsock')) {
		echo "xsock: loaded (version ", phpversion('xsock') ?: '?', ")\n";
		if (function_exists('xsock_transports')) {
			echo "xsock_transports(): ", describe(xsock_transports()), "\n";
		}
	} else {
		echo "xsock: NOT loaded - this run shows PHP's built-in transports.\n";
		echo "       Run it with -d extension=/path/to/xsock.so to see the difference.\n";
	}
	echo "stream_get_transports(): ", implode(', ', stream_get_transports()), "\n";
	echo "certificate: ", $pem ?? 'none', "\n";
}

/* A list as "a, b"; a map of strings as "a, b (x); c (y)"; anything else as JSON. */
function describe($value): string
{
	if (!is_array($value) || count(array_filter($value, 'is_scalar')) !== count($value)) {
		return json_encode($value, JSON_UNESCAPED_SLASHES) ?: var_export($value, true);
	}
	if (array_values($value) === $value) {
		return implode(', ', $value);
	}
	$groups = [];
	foreach ($value as $k => $v) {
		$groups[(string) $v][] = $k;
	}
	$out = [];
	foreach ($groups as $v => $keys) {
		$out[] = implode(', ', $keys) . " ($v)";
	}
	return implode('; ', $out);
}

/* xsock's enable-crypto when it is there; PHP's otherwise (same contract). */
function enable_crypto($stream, bool $enable, ?int $method = null)
{
	if (function_exists('xsock_enable_crypto')) {
		return xsock_enable_crypto($stream, $enable, $method);
	}
	return stream_socket_enable_crypto($stream, $enable, $method);
}

/* Run $fn, collecting the warnings it raises instead of printing them. */
function capture(callable $fn, ?array &$warnings)
{
	$warnings = [];
	set_error_handler(function (int $no, string $msg) use (&$warnings): bool {
		$warnings[] = $msg;
		return true;
	});
	try {
		return $fn();
	} finally {
		restore_error_handler();
	}
}

function report(bool $ok, string $what): bool
{
	echo $ok ? "  => ok: " : "  => FAIL: ", $what, "\n";
	return $ok;
}

/* ------------------------------------------------------------------ */
/* The four client steps                                               */
/* ------------------------------------------------------------------ */

function demo_tcp(int $port): bool
{
	echo "\n[1/4] tcp:// echo round trip\n";
	$s = capture(fn() => stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, DEMO_TIMEOUT), $w);
	if (!$s) {
		return report(false, "connect failed: " . implode(' / ', $w));
	}
	stream_set_timeout($s, DEMO_TIMEOUT);
	echo "  stream_type: ", stream_get_meta_data($s)['stream_type'], "\n";
	fwrite($s, "hello over tcp\n");
	$line = fgets($s);
	fclose($s);
	echo "  sent \"hello over tcp\", got back ", var_export($line === false ? false : rtrim($line), true), "\n";
	return report($line === "hello over tcp\n", "tcp echo round trip");
}

function client_context(string $pem)
{
	return stream_context_create(['ssl' => [
		'cafile' => $pem,
		'peer_name' => 'localhost',
		'verify_peer' => true,
		'verify_peer_name' => true,
	]]);
}

function demo_tls(int $port, string $pem): bool
{
	echo "\n[2/4] tls:// with certificate verification\n";
	$s = capture(fn() => stream_socket_client("tls://127.0.0.1:$port", $errno, $errstr, DEMO_TIMEOUT,
		STREAM_CLIENT_CONNECT, client_context($pem)), $w);
	if (!$s) {
		return report(false, "TLS connect failed: " . implode(' / ', $w));
	}
	stream_set_timeout($s, DEMO_TIMEOUT);
	$meta = stream_get_meta_data($s);
	echo "  stream_type: ", $meta['stream_type'], "\n";
	echo "  crypto: ", $meta['crypto']['protocol'] ?? '?', ", ", $meta['crypto']['cipher_name'] ?? '?', "\n";
	fwrite($s, "hello over tls\n");
	$line = fgets($s);
	fclose($s);
	echo "  sent \"hello over tls\", got back ", var_export($line === false ? false : rtrim($line), true), "\n";
	return report($line === "hello over tls\n", "verified TLS echo round trip");
}

function demo_trap(int $port, string $pem): bool
{
	echo "\n[3/4] The port 587 trap: tls:// to an SMTP server that expects STARTTLS\n";
	$errno = 0;
	$errstr = '';
	$s = capture(function () use ($port, $pem, &$errno, &$errstr) {
		return stream_socket_client("tls://127.0.0.1:$port", $errno, $errstr, DEMO_TIMEOUT,
			STREAM_CLIENT_CONNECT, client_context($pem));
	}, $w);
	if ($s) {
		fclose($s);
		return report(false, "the TLS handshake with a plaintext server succeeded?!");
	}
	echo "  stream_socket_client() returned false, as it must. Its warnings:\n";
	foreach ($w as $msg) {
		echo "    ", str_replace("\n", "\n    ", $msg), "\n";
	}
	echo "  \$errno = $errno, \$errstr = ", var_export($errstr, true), "\n";
	$all = implode("\n", $w) . "\n" . $errstr;
	$hinted = stripos($all, 'STARTTLS') !== false;
	if (!extension_loaded('xsock')) {
		echo "  PHP does not say why. With xsock loaded the warning names the SMTP\n";
		echo "  greeting and tells you to use STARTTLS.\n";
		return report(true, "failed as expected (built-in transports)");
	}
	return report($hinted, $hinted ? "xsock explained the failure" : "xsock gave no STARTTLS hint");
}

function demo_starttls(int $port, string $pem): bool
{
	echo "\n[4/4] The right way: tcp://, EHLO, STARTTLS, enable crypto, EHLO again\n";
	$s = capture(fn() => stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, DEMO_TIMEOUT,
		STREAM_CLIENT_CONNECT, client_context($pem)), $w);
	if (!$s) {
		return report(false, "connect failed: " . implode(' / ', $w));
	}
	stream_set_timeout($s, DEMO_TIMEOUT);
	$ok = smtp_starttls_dialogue($s);
	fclose($s);
	return report($ok, "SMTP session: STARTTLS upgrade, EHLO again, QUIT");
}

function smtp_starttls_dialogue($s): bool
{
	if (smtp_reply($s)[0] !== 220) {
		return false;
	}
	$ehlo = smtp_command($s, 'EHLO demo.example');
	if ($ehlo[0] !== 250 || !in_array('STARTTLS', $ehlo[1], true)) {
		echo "  the server does not offer STARTTLS\n";
		return false;
	}
	if (smtp_command($s, 'STARTTLS')[0] !== 220) {
		return false;
	}
	$on = capture(fn() => enable_crypto($s, true, STREAM_CRYPTO_METHOD_TLS_CLIENT), $w);
	echo "  ", function_exists('xsock_enable_crypto') ? 'xsock_enable_crypto' : 'stream_socket_enable_crypto',
		"() returned ", var_export($on, true), $w ? ' (' . implode(' / ', $w) . ')' : '', "\n";
	if ($on !== true) {
		return false;
	}
	$meta = stream_get_meta_data($s);
	echo "  crypto: ", $meta['crypto']['protocol'] ?? '?', ", ", $meta['crypto']['cipher_name'] ?? '?', "\n";
	/* RFC 3207 section 4.2: the client forgets what it knew and says EHLO again. */
	$ehlo = smtp_command($s, 'EHLO demo.example');
	if ($ehlo[0] !== 250 || in_array('STARTTLS', $ehlo[1], true)) {
		return false;
	}
	return smtp_command($s, 'QUIT')[0] === 221;
}

/* Send one command, print the exchange, return [code, [keywords...]]. */
function smtp_command($s, string $line): array
{
	echo "  C: $line\n";
	fwrite($s, "$line\r\n");
	return smtp_reply($s);
}

/* Read a (multi-line) reply: "250-..." lines up to the "250 ..." one. */
function smtp_reply($s): array
{
	$words = [];
	while (($line = fgets($s, 1024)) !== false) {
		$line = rtrim($line, "\r\n");
		echo "  S: $line\n";
		$words[] = strtoupper(strtok(substr($line, 4), ' ') ?: '');
		if (strlen($line) < 4 || $line[3] !== '-') {
			return [(int) substr($line, 0, 3), $words];
		}
	}
	echo "  (no reply: ", stream_get_meta_data($s)['timed_out'] ? 'timed out' : 'connection closed', ")\n";
	return [0, $words];
}

/* ------------------------------------------------------------------ */
/* Servers: echo, TLS echo, SMTP with STARTTLS                         */
/* ------------------------------------------------------------------ */

/*
 * With pcntl the servers run in a fork of this process, so they use the
 * same transports (xsock or not).  Without it, in a second PHP process
 * started from this file with --serve.
 */
function start_servers(?string $pem): ?array
{
	if (function_exists('pcntl_fork') && function_exists('posix_kill')) {
		return fork_servers($pem);
	}
	return spawn_servers($pem);
}

function fork_servers(?string $pem): ?array
{
	$ls = listen_all($pem);
	if ($ls === null) {
		return null;
	}
	$pid = pcntl_fork();
	if ($pid === -1) {
		return null;
	}
	if ($pid === 0) {
		serve($ls, $pem, microtime(true) + DEMO_SERVER_LIFE);
		exit(0);
	}
	$ports = array_map('port_of', $ls);
	foreach ($ls as $l) {
		fclose($l);
	}
	echo "servers: forked process $pid, ports ", http_build_query($ports, "", ", "), "\n";
	return ['ports' => $ports, 'stop' => function () use ($pid): void {
		posix_kill($pid, SIGTERM);
		$end = microtime(true) + 2;
		while (pcntl_waitpid($pid, $status, WNOHANG) === 0 && microtime(true) < $end) {
			usleep(20000);
		}
		if (microtime(true) >= $end) {
			posix_kill($pid, SIGKILL);
			pcntl_waitpid($pid, $status);
		}
	}];
}

function spawn_servers(?string $pem): ?array
{
	$spec = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['file', null_device(), 'w']];
	$proc = proc_open([PHP_BINARY, __FILE__, '--serve', $pem ?? ''], $spec, $pipes);
	if (!$proc) {
		return null;
	}
	$stop = function () use ($proc, $pipes): void {
		proc_terminate($proc, 9);
		foreach ($pipes as $p) {
			fclose($p);
		}
		proc_close($proc);
	};
	$r = [$pipes[1]];
	$w = $e = null;
	$line = stream_select($r, $w, $e, DEMO_TIMEOUT) ? fgets($pipes[1]) : false;
	$ports = $line !== false ? json_decode(substr($line, strlen('READY ')), true) : null;
	if (!is_array($ports)) {
		$stop();
		return null;
	}
	echo "servers: child PHP process (built-in transports unless xsock is in php.ini), ports ", http_build_query($ports, "", ", "), "\n";
	return ['ports' => $ports, 'stop' => $stop];
}

function serve_main(string $pem): int
{
	ini_set('default_socket_timeout', (string) DEMO_TIMEOUT);
	$pem = $pem !== '' ? $pem : null;
	$ls = listen_all($pem);
	if ($ls === null) {
		return 1;
	}
	echo "READY ", json_encode(array_map('port_of', $ls)), "\n";
	serve($ls, $pem, microtime(true) + DEMO_SERVER_LIFE);
	return 0;
}

/* The three listeners, each on 127.0.0.1 with a port the system picks. */
function listen_all(?string $pem): ?array
{
	$flags = STREAM_SERVER_BIND | STREAM_SERVER_LISTEN;
	$ls = ['echo' => @stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, $flags)];
	if ($pem !== null) {
		$ctx = stream_context_create(['ssl' => ['local_cert' => $pem]]);
		$ls['tls'] = @stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, $flags, $ctx);
		$ls['smtp'] = @stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, $flags);
	}
	return in_array(false, $ls, true) ? null : $ls;
}

function null_device(): string
{
	return PHP_OS_FAMILY === 'Windows' ? 'NUL' : '/dev/null';
}

function port_of($server): int
{
	$name = stream_socket_get_name($server, false);
	return (int) substr($name, strrpos($name, ':') + 1);
}

/* One connection at a time is enough: the client side does one step at a time. */
function serve(array $ls, ?string $pem, float $deadline): void
{
	while (microtime(true) < $deadline) {
		$r = array_values($ls);
		$w = $e = null;
		if (!@stream_select($r, $w, $e, 0, 200000)) {
			continue;
		}
		foreach ($r as $l) {
			/* A failed TLS accept (the trap's client gives up) is expected. */
			$c = @stream_socket_accept($l, DEMO_TIMEOUT);
			if (!$c) {
				continue;
			}
			stream_set_timeout($c, DEMO_TIMEOUT);
			if (array_search($l, $ls, true) === 'smtp') {
				smtp_session($c, $pem);
			} else {
				echo_session($c);
			}
			@fclose($c);
		}
	}
}

function echo_session($c): void
{
	while (($line = fgets($c)) !== false) {
		@fwrite($c, $line);
	}
}

/* A small SMTP submission server (RFC 5321 + RFC 3207 STARTTLS). */
function smtp_session($c, ?string $pem): void
{
	$tls = false;
	@fwrite($c, "220 localhost ESMTP xsock-demo\r\n");
	while (($line = fgets($c, 1024)) !== false) {
		$verb = strtoupper(strtok(rtrim($line, "\r\n"), ' ') ?: '');
		if ($verb === 'EHLO') {
			@fwrite($c, "250-localhost\r\n250-PIPELINING\r\n" . ($tls ? '' : "250-STARTTLS\r\n") . "250 8BITMIME\r\n");
		} elseif ($verb === 'STARTTLS' && !$tls) {
			@fwrite($c, "220 2.0.0 Ready to start TLS\r\n");
			stream_context_set_option($c, 'ssl', 'local_cert', $pem);
			$tls = @enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_SERVER) === true;
			if (!$tls) {
				return;
			}
		} elseif ($verb === 'QUIT') {
			@fwrite($c, "221 2.0.0 Bye\r\n");
			return;
		} else {
			/* Includes the ClientHello bytes of a client that used tls:// here. */
			@fwrite($c, "500 5.5.2 Error: command not recognized\r\n");
		}
	}
}

/* ------------------------------------------------------------------ */
/* A throwaway certificate for localhost / 127.0.0.1                   */
/* ------------------------------------------------------------------ */

function make_temp_dir(): string
{
	$dir = sys_get_temp_dir() . '/xsock-demo-' . getmypid() . '-' . bin2hex(random_bytes(4));
	if (!mkdir($dir, 0700)) {
		fwrite(STDERR, "cannot create $dir\n");
		exit(1);
	}
	return $dir;
}

function remove_dir(string $dir, int $owner): void
{
	if (getmypid() !== $owner) {
		return;	/* a forked server exiting: the parent still needs the files */
	}
	foreach (glob("$dir/*") ?: [] as $f) {
		unlink($f);
	}
	rmdir($dir);
}

function make_certificate(string $dir): ?string
{
	$cnf = "$dir/openssl.cnf";
	file_put_contents($cnf, "[req]\ndistinguished_name = dn\nprompt = no\n[dn]\nCN = localhost\n"
		. "[v3]\nsubjectAltName = DNS:localhost, IP:127.0.0.1\nbasicConstraints = critical, CA:FALSE\n"
		. "keyUsage = digitalSignature\nextendedKeyUsage = serverAuth\n");
	$pem = "$dir/localhost.pem";
	if (extension_loaded('openssl')) {
		return cert_with_ext_openssl($cnf, $pem);
	}
	return cert_with_openssl_cli($cnf, $pem);
}

function cert_with_ext_openssl(string $cnf, string $pem): ?string
{
	$opt = ['config' => $cnf, 'digest_alg' => 'sha256', 'x509_extensions' => 'v3',
		'private_key_type' => OPENSSL_KEYTYPE_EC, 'curve_name' => 'prime256v1', 'private_key_bits' => 2048];
	$key = openssl_pkey_new($opt);
	$csr = $key ? openssl_csr_new(['commonName' => 'localhost'], $key, $opt) : false;
	$crt = $csr ? openssl_csr_sign($csr, null, $key, 1, $opt, random_int(1, PHP_INT_MAX)) : false;
	if (!$crt || !openssl_x509_export($crt, $crtPem) || !openssl_pkey_export($key, $keyPem, null, $opt)) {
		return null;
	}
	file_put_contents($pem, $crtPem . $keyPem);
	return $pem;
}

function cert_with_openssl_cli(string $cnf, string $pem): ?string
{
	$cmd = ['openssl', 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
		'-nodes', '-days', '1', '-config', $cnf, '-extensions', 'v3', '-keyout', $pem, '-out', "$pem.crt"];
	$spec = [0 => ['pipe', 'r'], 1 => ['file', null_device(), 'w'], 2 => ['file', null_device(), 'w']];
	$p = @proc_open($cmd, $spec, $pipes);
	if (!$p) {
		return null;
	}
	fclose($pipes[0]);
	if (proc_close($p) !== 0 || !is_file("$pem.crt")) {
		return null;
	}
	file_put_contents($pem, file_get_contents("$pem.crt"), FILE_APPEND);
	return $pem;
}
