<?php
/*
 * sequential.php - many TLS connections one after another, with the file
 * descriptor count and the resident memory sampled as they go
 * (tests/load/run.sh).
 *
 *   php sequential.php server CERTDIR COUNT RSS_KIB
 *   php sequential.php client HOST:PORT CERTDIR COUNT RSS_KIB
 *
 * The server accepts COUNT TLS connections in turn (blocking tls://
 * server, handshake on accept), echoes one line on each and closes it.
 * The client connects COUNT times, sends a line, checks the echo and
 * closes.  Each side samples /proc/self/fd and VmRSS before the first
 * connection and after every 1000, and fails if the fd count ever differs
 * from the first sample or VmRSS grows by more than RSS_KIB after the
 * first 1000 (warm-up: OpenSSL's and PHP's caches fill there).  The last
 * line printed is a JSON summary; the exit code is 0 only if it passed.
 */

$role = $argv[1] ?? '';
if ($role === 'server') {
	[, , $certs, $count, $rssKib] = $argv + [null, null, null, 10000, 2048];
} elseif ($role === 'client') {
	[, , $addr, $certs, $count, $rssKib] = $argv + [null, null, null, null, 10000, 2048];
} else {
	fwrite(STDERR, "usage: sequential.php server CERTDIR COUNT RSS_KIB | client HOST:PORT CERTDIR COUNT RSS_KIB\n");
	exit(2);
}
$count = (int) $count;
$rssKib = (int) $rssKib;
require __DIR__ . '/common.inc';
$errors = [];
load_collect_warnings($errors);

function fd_count(): int
{
	return count(scandir('/proc/self/fd')) - 2;
}

function rss_kib(): int
{
	preg_match('/^VmRSS:\s+(\d+) kB/m', (string) file_get_contents('/proc/self/status'), $m);
	return (int) ($m[1] ?? 0);
}

/* Compare the samples; returns the problems found. */
function judge(array $samples, int $rssKib): array
{
	$bad = [];
	$fds = array_column($samples, 'fds');
	if (count(array_unique($fds)) > 1) {
		$bad[] = 'fd count changed: ' . implode(' ', $fds);
	}
	if (count($samples) > 2) {
		$grew = end($samples)['rss_kib'] - $samples[1]['rss_kib'];
		if ($grew > $rssKib) {
			$bad[] = "VmRSS grew by $grew KiB after warm-up (bound $rssKib KiB)";
		}
	}
	return $bad;
}

/* One connection's work, per role; false on any failure. */
function serve_one($srv, int $i): bool
{
	$c = stream_socket_accept($srv, 30);
	if (!$c) {
		return false;
	}
	$line = fgets($c);
	$ok = $line === "hello $i\n" && fwrite($c, $line) === strlen($line);
	fclose($c);
	return $ok;
}

function connect_one(string $addr, string $certs, int $i): bool
{
	$ctx = stream_context_create(['ssl' => ['cafile' => "$certs/ca.pem", 'peer_name' => 'localhost']]);
	$c = stream_socket_client("tls://$addr", $errno, $errstr, 30, STREAM_CLIENT_CONNECT, $ctx);
	if (!$c) {
		return false;
	}
	fwrite($c, "hello $i\n");
	$ok = fgets($c) === "hello $i\n";
	fclose($c);
	return $ok;
}

$srv = null;
if ($role === 'server') {
	$ctx = stream_context_create(['ssl' => ['local_cert' => "$certs/server.pem"]]);
	$srv = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
	if (!$srv) {
		fwrite(STDERR, "listen failed: $errstr\n");
		exit(2);
	}
	echo 'READY ', stream_socket_get_name($srv, false), "\n";
}

$samples = [['after' => 0, 'fds' => fd_count(), 'rss_kib' => rss_kib()]];
$failed = 0;
$t = microtime(true);
for ($i = 1; $i <= $count; $i++) {
	$ok = $role === 'server' ? serve_one($srv, $i) : connect_one($addr, $certs, $i);
	if (!$ok) {
		$failed++;
		if ($failed > 10) {
			$errors[] = "giving up after $failed failed connections";
			break;
		}
	}
	if ($i % 1000 === 0) {
		gc_collect_cycles();
		$samples[] = ['after' => $i, 'fds' => fd_count(), 'rss_kib' => rss_kib()];
	}
}
$problems = judge($samples, $rssKib);
if ($failed) {
	$problems[] = "$failed connections failed";
}
$summary = [
	'role' => $role,
	'connections' => $count,
	'seconds' => round(microtime(true) - $t, 1),
	'samples' => $samples,
	'warnings' => count($errors),
	'first_warnings' => array_slice($errors, 0, 5),
	'problems' => $problems,
	'xsock' => extension_loaded('xsock'),
];
echo json_encode($summary), "\n";
exit($problems || $errors ? 1 : 0);
