<?php
/*
 * bench.php - one benchmark, one mode.  The mode is whatever this PHP
 * process loads: `php bench.php run tls_bulk` measures PHP's built-in
 * transports, `php -d extension=.../xsock.so bench.php run tls_bulk`
 * measures xsock.  Nothing in this file differs between the two.
 *
 *   php bench.php run BENCH [key=value ...]    client side; prints one JSON line
 *   php bench.php serve BENCH [key=value ...]  server side (started by `run`)
 *   php bench.php probe                        which transports work in this mode
 *
 * The server of a client benchmark is this script again in a second
 * process, started with the same PHP command line (PHP_BINARY plus
 * $XSOCK_BENCH_PHP_ARGS, which run.php sets to the -d flags of the mode),
 * so "xsock" means xsock on both ends and "builtin" PHP on both ends.
 * The exception is `select`, a server benchmark: this process is the
 * stream_select() server and the load comes from the C load generator
 * (ceiling load), the same program in both modes.
 *
 * Keys: secs (time bound of a rate benchmark), max (count bound), mib
 * (bulk size), conns (rss_idle, mem_burst, idle10k), burst (mem_burst),
 * clients, trips, reqsize (select), clients, reqs (tls_server), certs.
 */

const CHUNK = 65536;

function opts(array $argv): array
{
	$o = [
		'secs' => 1.0, 'max' => 1000000, 'mib' => 256, 'conns' => 300, 'burst' => 70000,
		'clients' => 200, 'trips' => 1000, 'reqsize' => 128, 'reqs' => 5,
		'certs' => __DIR__ . '/certs',
	];
	foreach ($argv as $arg) {
		[$k, $v] = explode('=', $arg, 2) + [1 => ''];
		$o[$k] = is_numeric($v) ? $v + 0 : $v;
	}
	return $o;
}

function fail(string $why): never
{
	fwrite(STDERR, "bench.php: $why\n");
	exit(1);
}

function mode(): string
{
	if (!extension_loaded('xsock')) {
		return 'builtin';
	}
	$t = function_exists('xsock_transports') ? xsock_transports() : [];
	return ($t['tls'] ?? 'xsock') === 'xsock' ? 'xsock' : 'xsock(tcp only)';
}

/* The command line that starts this script in the same mode. */
function self_cmd(string $role, string $bench, array $o): string
{
	$args = getenv('XSOCK_BENCH_PHP_ARGS');
	if ($args === false) {
		$so = realpath(__DIR__ . '/../modules/xsock.so');
		$args = extension_loaded('xsock') && $so ? '-d extension=' . escapeshellarg($so) : '';
	}
	$cmd = escapeshellarg(PHP_BINARY) . ' ' . $args . ' ' . escapeshellarg(__FILE__)
		. ' ' . $role . ' ' . escapeshellarg($bench);
	foreach ($o as $k => $v) {
		$cmd .= ' ' . escapeshellarg("$k=$v");
	}
	return $cmd;
}

/* Start a peer and wait (bounded) for its "READY <port>" line. */
function peer_start(string $cmd, float $timeout = 20.0): array
{
	$spec = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR];
	$proc = proc_open('exec ' . $cmd, $spec, $pipes);
	if (!$proc) {
		fail("cannot start $cmd");
	}
	stream_set_blocking($pipes[1], false);
	$out = '';
	$end = microtime(true) + $timeout;
	while (microtime(true) < $end) {
		$r = [$pipes[1]];
		$w = $e = null;
		if (stream_select($r, $w, $e, 0, 100000) > 0) {
			$out .= (string) fread($pipes[1], 8192);
		}
		if (preg_match('/^READY (\d+)/m', $out, $m)) {
			return ['proc' => $proc, 'pipes' => $pipes, 'port' => (int) $m[1]];
		}
		if (!proc_get_status($proc)['running']) {
			break;
		}
	}
	peer_stop(['proc' => $proc, 'pipes' => $pipes]);
	fail("peer not ready: $cmd\n$out");
}

function peer_stop(array $p): void
{
	/*
	 * SIGTERM first: a server under callgrind writes its profile when it
	 * dies of a signal it can catch; SIGKILL only if it is still there
	 * after 30 s (callgrind's dump takes a few).
	 */
	$st = proc_get_status($p['proc']);
	if ($st['running']) {
		posix_kill($st['pid'], SIGTERM);
	}
	for ($i = 0; $st['running'] && $i < 3000; $i++) {
		usleep(10000);
		$st = proc_get_status($p['proc']);
	}
	if ($st['running']) {
		posix_kill($st['pid'], SIGKILL);
	}
	foreach ($p['pipes'] as $pipe) {
		if (is_resource($pipe)) {
			fclose($pipe);
		}
	}
	proc_close($p['proc']);
}

function ready(int $port): void
{
	fwrite(STDOUT, "READY $port\n");
	fflush(STDOUT);
}

/*
 * $cpu: CPU microseconds per unit of $value's numerator (MiB, conn, req).
 * $extra: second figures of the same run (run.php shows them as rows of their own).
 */
function result(float $value, string $unit, string $info, ?float $cpu = null, array $extra = []): void
{
	$r = ['value' => $value, 'unit' => $unit, 'info' => $info, 'mode' => mode()];
	if ($cpu !== null) {
		$r['cpu'] = $cpu;
	}
	if ($extra !== []) {
		$r['extra'] = $extra;
	}
	echo json_encode($r), "\n";
}

/*
 * CPU seconds (user + system) of this process, plus those of the peer
 * process when given: cost per operation, which other load on the machine
 * disturbs far less than the wall-clock rate.
 */
function cpu_secs(?array $peer = null): float
{
	$ru = getrusage();
	$s = $ru['ru_utime.tv_sec'] + $ru['ru_stime.tv_sec']
		+ ($ru['ru_utime.tv_usec'] + $ru['ru_stime.tv_usec']) / 1e6;
	if ($peer !== null) {
		$stat = (string) @file_get_contents('/proc/' . proc_get_status($peer['proc'])['pid'] . '/stat');
		/* After "pid (comm) ": state, then utime and stime are fields 14 and 15; USER_HZ is 100 on Linux. */
		$f = explode(' ', substr($stat, strrpos($stat, ')') + 2));
		$s += ((int) ($f[11] ?? 0) + (int) ($f[12] ?? 0)) / 100;
	}
	return $s;
}

/*
 * Server context: the certificate, TLS 1.3 only, and no client certificate
 * asked for: the handshake of the C ceiling and of nginx
 * (ssl_protocols TLSv1.3, ssl_verify_client off).  PHP's verify_peer
 * defaults to on for servers too, which sends a CertificateRequest.
 */
function server_ctx(array $o, string $pem)
{
	return stream_context_create(['ssl' => [
		'local_cert' => $o['certs'] . "/$pem",
		'verify_peer' => false,
		'crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_3_SERVER,
	]]);
}

/*
 * Client context: PHP's defaults (verify_peer and verify_peer_name on)
 * against the bench CA, offering TLS 1.3 only as the C ceiling does
 * (PHP's tls:// would also offer TLS 1.2 and its two dozen suites, which
 * the server then searches).  session_cache is xsock's option (PHP
 * ignores it): false where the benchmark wants full handshakes.
 */
function client_ctx(array $o, bool $resume = false)
{
	return stream_context_create(['ssl' => [
		'cafile' => $o['certs'] . '/ca.pem',
		'peer_name' => 'localhost',
		'session_cache' => $resume,
		'crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT,
	]]);
}

function listen(string $scheme, $ctx)
{
	$flags = STREAM_SERVER_BIND | STREAM_SERVER_LISTEN;
	$srv = stream_socket_server("$scheme://127.0.0.1:0", $errno, $errstr, $flags, $ctx);
	if (!$srv) {
		fail("listen $scheme: $errstr");
	}
	ready((int) substr(strrchr(stream_socket_get_name($srv, false), ':'), 1));
	return $srv;
}

function connect(string $scheme, int $port, $ctx = null)
{
	$ctx ??= stream_context_create();
	$s = stream_socket_client("$scheme://127.0.0.1:$port", $errno, $errstr, 10,
		STREAM_CLIENT_CONNECT, $ctx);
	if (!$s) {
		fail("connect $scheme: $errstr");
	}
	return $s;
}

function read_full($s, int $len): string
{
	$buf = '';
	while (strlen($buf) < $len) {
		$d = fread($s, $len - strlen($buf));
		if ($d === false || ($d === '' && feof($s))) {
			fail('unexpected EOF');
		}
		$buf .= $d;
	}
	return $buf;
}

function write_full($s, string $data): void
{
	while ($data !== '') {
		$n = fwrite($s, $data);
		if ($n === false || $n === 0) {
			fail('write failed');
		}
		$data = (string) substr($data, $n);
	}
}

function crypto_info($s): string
{
	$c = stream_get_meta_data($s)['crypto'] ?? [];
	return trim(($c['protocol'] ?? '?') . ' ' . ($c['cipher_name'] ?? ''));
}

/* ---- servers ---- */

function serve_bulk(array $o, bool $tls): void
{
	$srv = listen($tls ? 'tls' : 'tcp', $tls ? server_ctx($o, 'rsa.pem') : null);
	$c = stream_socket_accept($srv, 30);
	if (!$c) {
		fail('accept');
	}
	$total = unpack('J', read_full($c, 8))[1];
	$got = 0;
	while ($got < $total) {
		$d = fread($c, CHUNK);
		if ($d === false || ($d === '' && feof($c))) {
			fail("bulk: EOF after $got of $total bytes");
		}
		$got += strlen($d);
	}
	write_full($c, 'k');
	fclose($c);
}

/* Accept, (handshake inside accept), say "x", close; until killed. */
function serve_rate(array $o, ?string $pem): void
{
	$srv = listen($pem ? 'tls' : 'tcp', $pem ? server_ctx($o, $pem) : null);
	$end = microtime(true) + $o['secs'] + 120;
	while (microtime(true) < $end) {
		$c = @stream_socket_accept($srv, 1);
		if ($c) {
			@fwrite($c, 'x');
			fclose($c);
		}
	}
}

/* Accept and hold every connection; until killed. */
function serve_hold(array $o): void
{
	$srv = listen('tls', server_ctx($o, 'rsa.pem'));
	$held = [];
	$end = microtime(true) + 180;
	while (microtime(true) < $end) {
		$c = @stream_socket_accept($srv, 1);
		if ($c) {
			$held[] = $c;
		}
	}
}

/* Accept, send one line and a burst behind it, close; until killed. */
function serve_burst(array $o): void
{
	$srv = listen('tcp', null);
	$burst = "first line\n" . str_repeat('x', (int) $o['burst']);
	$end = microtime(true) + 180;
	while (microtime(true) < $end) {
		$c = @stream_socket_accept($srv, 1);
		if ($c) {
			write_full($c, $burst);
			fclose($c);
		}
	}
}

/* ---- clients ---- */

function run_bulk(array $o, bool $tls): void
{
	$peer = peer_start(self_cmd('serve', $tls ? 'tls_bulk' : 'tcp_bulk', $o));
	$ctx = $tls ? client_ctx($o) : null;
	$s = connect($tls ? 'tls' : 'tcp', $peer['port'], $ctx);
	$info = $tls ? crypto_info($s) : 'tcp';
	$chunks = intdiv((int) ($o['mib'] * 1048576), CHUNK);
	$buf = str_repeat('a', CHUNK);
	write_full($s, pack('J', $chunks * CHUNK));
	$c0 = cpu_secs($peer);
	$t0 = hrtime(true);
	for ($i = 0; $i < $chunks; $i++) {
		write_full($s, $buf);
	}
	if (read_full($s, 1) !== 'k') {
		fail('bad ack');
	}
	$t = (hrtime(true) - $t0) / 1e9;
	$cpu = cpu_secs($peer) - $c0;
	fclose($s);
	peer_stop($peer);
	$mib = $chunks * CHUNK / 1048576;
	result($mib / $t, 'MiB/s', $info, $cpu * 1e6 / $mib);
}

function run_rate(array $o, string $bench, ?string $pem, bool $resume): void
{
	$peer = peer_start(self_cmd('serve', $bench, $o));
	$ctx = $pem ? client_ctx($o, $resume) : null;
	$scheme = $pem ? 'tls' : 'tcp';
	$n = 0;
	$info = $scheme;
	$c0 = cpu_secs($peer);
	$t0 = hrtime(true);
	do {
		$s = connect($scheme, $peer['port'], $ctx);
		if (fread($s, 1) !== 'x') {
			fail('no greeting');
		}
		if ($n === 0 && $pem) {
			$info = crypto_info($s);
		}
		fclose($s);
		$n++;
		$t = (hrtime(true) - $t0) / 1e9;
	} while ($t < $o['secs'] && $n < $o['max']);
	$cpu = cpu_secs($peer) - $c0;
	peer_stop($peer);
	result($n / $t, 'conn/s', "$n conns, $info", $cpu * 1e6 / $n);
}

function rss_kib(): int
{
	preg_match('/^VmRSS:\s+(\d+)/m', file_get_contents('/proc/self/status'), $m);
	return (int) $m[1];
}

function run_rss(array $o): void
{
	$peer = peer_start(self_cmd('serve', 'rss_idle', $o));
	$ctx = client_ctx($o);
	/* The first connection loads what is not per connection (CA store, contexts). */
	$held = [connect('tls', $peer['port'], $ctx)];
	gc_collect_cycles();
	$before = rss_kib();
	for ($i = 0; $i < $o['conns']; $i++) {
		$held[] = connect('tls', $peer['port'], $ctx);
	}
	$after = rss_kib();
	$info = "{$o['conns']} conns, $before -> $after KiB, " . crypto_info($held[0]);
	foreach ($held as $s) {
		fclose($s);
	}
	peer_stop($peer);
	result(($after - $before) / $o['conns'], 'KiB/conn', $info);
}

/*
 * What a client holds per connection once it has read one line of a burst
 * with fgets(): PHP's read buffer keeps the size of the chunk it was
 * filled with.  memory_get_usage() (Zend's heap, where stream buffers
 * live), so the figure is the streams' own, not the allocator's pages.
 */
function run_mem_burst(array $o): void
{
	$peer = peer_start(self_cmd('serve', 'mem_burst', $o));
	/* The first connection allocates what is per process, not per connection. */
	$held = [connect('tcp', $peer['port'])];
	fgets($held[0]);
	$before = memory_get_usage();
	for ($i = 0; $i < $o['conns']; $i++) {
		$s = connect('tcp', $peer['port']);
		if (fgets($s) !== "first line\n") {
			fail('no first line');
		}
		$held[] = $s;
	}
	$after = memory_get_usage();
	/* stream_set_chunk_size() answers with the old size; that stream is closed next. */
	$info = sprintf('%d conns, %d-byte bursts, %.0f -> %.0f KiB, chunk %d', $o['conns'], $o['burst'],
		$before / 1024, $after / 1024, stream_set_chunk_size($held[0], 8192));
	foreach ($held as $s) {
		fclose($s);
	}
	peer_stop($peer);
	result(($after - $before) / 1024 / $o['conns'], 'KiB/conn', $info);
}

/*
 * idle10k: 10,000 idle TLS client connections in this process, against
 * the C hold server (`ceiling hold`, the same in every mode).  VmRSS per
 * connection is everything (OpenSSL allocates with malloc); PHP's own
 * share is memory_get_usage() (Zend's heap).
 */
function run_idle10k(array $o): void
{
	$limit = posix_getrlimit()['soft openfiles'] ?? 0;
	if ($limit !== 'unlimited' && (int) $limit < $o['conns'] + 64) {
		fail("idle10k: ulimit -n is $limit, needs {$o['conns']} + 64 (bench/run.sh raises it)");
	}
	$ceiling = getenv('XSOCK_BENCH_CEILING') ?: __DIR__ . '/ceiling';
	$peer = peer_start(escapeshellarg($ceiling) . ' hold ' . escapeshellarg("certs={$o['certs']}"));
	$ctx = client_ctx($o);
	$held = [connect('tls', $peer['port'], $ctx)];
	gc_collect_cycles();
	[$rss0, $php0] = [rss_kib(), memory_get_usage()];
	$t0 = hrtime(true);
	for ($i = 0; $i < $o['conns']; $i++) {
		$held[] = connect('tls', $peer['port'], $ctx);
	}
	$t = (hrtime(true) - $t0) / 1e9;
	[$rss1, $php1] = [rss_kib(), memory_get_usage()];
	$info = sprintf('%d conns in %.1f s, RSS %d -> %d KiB, memory_get_usage %.0f -> %.0f KiB, %s',
		$o['conns'], $t, $rss0, $rss1, $php0 / 1024, $php1 / 1024, crypto_info($held[0]));
	foreach ($held as $s) {
		fclose($s);
	}
	peer_stop($peer);
	result(($rss1 - $rss0) / $o['conns'], 'KiB/conn', $info, null,
		['php' => ($php1 - $php0) / 1024 / $o['conns']]);
}

/*
 * stream_select() TLS echo server under the C load generator.  Client
 * streams are non-blocking; what fwrite() cannot take now waits in $out.
 */
function run_select(array $o): void
{
	$srv = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, server_ctx($o, 'rsa.pem'));
	if (!$srv) {
		fail("listen: $errstr");
	}
	$port = (int) substr(strrchr(stream_socket_get_name($srv, false), ':'), 1);
	$ceiling = getenv('XSOCK_BENCH_CEILING') ?: __DIR__ . '/ceiling';
	$cmd = escapeshellarg($ceiling) . " load port=$port";
	foreach (['secs', 'clients', 'trips', 'reqsize', 'certs'] as $k) {
		$cmd .= ' ' . escapeshellarg("$k={$o[$k]}");
	}
	$gen = proc_open('exec ' . $cmd, [1 => ['pipe', 'w'], 2 => STDERR], $pipes);
	$ctl = $pipes[1];
	$conns = $out = [];
	$report = '';
	$c0 = $c1 = null;
	$end = microtime(true) + $o['secs'] + 60;
	while (microtime(true) < $end) {
		foreach (select_round($conns, [$srv, $ctl], $out) as $c) {
			if ($c === $ctl) {
				$report .= (string) fread($ctl, 8192);
				if ($c0 === null && str_contains($report, "GO\n")) {
					$c0 = cpu_secs();
				}
				if (feof($ctl)) {
					$c1 = cpu_secs();
					break 2;
				}
			} elseif ($c === $srv) {
				$n = @stream_socket_accept($srv, 5);
				if ($n) {
					stream_set_blocking($n, false);
					$conns[(int) $n] = $n;
				}
			} else {
				$d = fread($c, 8192);
				if ($d === false || ($d === '' && feof($c))) {
					unset($conns[(int) $c], $out[(int) $c]);
					fclose($c);
				} elseif ($d !== '') {
					$out[(int) $c] = ($out[(int) $c] ?? '') . $d;
					flush_out($c, $out);
				}
			}
		}
	}
	proc_close($gen);
	$res = json_decode(trim(str_replace("GO\n", '', $report)), true);
	if (!is_array($res) || $c0 === null || $c1 === null) {
		fail("load generator failed: $report");
	}
	/* The server's CPU only: the load generator is the same in both modes. */
	$total = (int) preg_replace('/.* (\d+) round trips.*/', '$1', $res['info']);
	result($res['value'], $res['unit'], $res['info'], ($c1 - $c0) * 1e6 / max(1, $total));
}

/*
 * tls_server: a tcp:// listener; every accepted stream turns on TLS with
 * non-blocking stream_socket_enable_crypto() calls driven by
 * stream_select(), then answers keep-alive HTTP/1.1 requests with a fixed
 * response (the requests nginx, the anchor of this row, answers too).
 * The load is `ceiling tlsload`: clients connecting at once, each doing a
 * full handshake and reqs requests, then reconnecting.
 */
const TLS_SERVER_RESPONSE = "HTTP/1.1 200 OK\r\nServer: bench\r\nContent-Type: text/plain\r\n"
	. "Content-Length: 64\r\nConnection: keep-alive\r\n\r\n";

function run_tls_server(array $o): void
{
	$ctx = server_ctx($o, 'rsa.pem');
	/* As nginx's backlog=511 in its config: 200 clients connect at once. */
	stream_context_set_option($ctx, 'socket', 'backlog', 511);
	$srv = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
	if (!$srv) {
		fail("listen: $errstr");
	}
	$port = (int) substr(strrchr(stream_socket_get_name($srv, false), ':'), 1);
	$gen = load_start('tlsload', $port, $o, ['clients', 'reqs']);
	$ctl = $gen['pipes'][1];
	/* id => [stream, handshake done, input not yet answered] */
	$conns = $out = [];
	$report = '';
	$end = microtime(true) + $o['secs'] + 60;
	while (microtime(true) < $end && !feof($ctl)) {
		foreach (select_round(array_map(fn ($conn) => $conn[0], $conns), [$srv, $ctl], $out) as $c) {
			if ($c === $ctl) {
				$report .= (string) fread($ctl, 8192);
			} elseif ($c === $srv) {
				accept_all($srv, $conns);
			} elseif (!tls_server_step($conns[(int) $c], $out)) {
				unset($conns[(int) $c], $out[(int) $c]);
				fclose($c);
			}
		}
	}
	proc_close($gen['proc']);
	$res = json_decode(trim($report), true);
	if (!is_array($res)) {
		fail("load generator failed: $report");
	}
	result($res['value'], $res['unit'], $res['info'], $res['cpu'] ?? null, $res['extra'] ?? []);
}

/* The load generator against this process on $port; it measures our CPU (pid=). */
function load_start(string $what, int $port, array $o, array $keys): array
{
	$ceiling = getenv('XSOCK_BENCH_CEILING') ?: __DIR__ . '/ceiling';
	$cmd = escapeshellarg($ceiling) . " $what port=$port pid=" . getmypid();
	foreach (array_merge(['secs', 'certs'], $keys) as $k) {
		$cmd .= ' ' . escapeshellarg("$k={$o[$k]}");
	}
	$proc = proc_open('exec ' . $cmd, [1 => ['pipe', 'w'], 2 => STDERR], $pipes);
	if (!$proc) {
		fail("cannot start $cmd");
	}
	return ['proc' => $proc, 'pipes' => $pipes];
}

/* Every connection waiting on the listener (it is readable, so one at least). */
function accept_all($srv, array &$conns): void
{
	$timeout = 5;
	while ($c = @stream_socket_accept($srv, $timeout)) {
		stream_set_blocking($c, false);
		$conns[(int) $c] = [$c, false, ''];
		$timeout = 0;
	}
}

/* One readable connection: handshake step or requests; false when it is done. */
function tls_server_step(array &$conn, array &$out): bool
{
	[$c, $tls] = $conn;
	if (!$tls) {
		/* 0: the handshake needs more from the peer; stream_select() says when. */
		$r = @stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_SERVER);
		$conn[1] = $r === true;
		return $r !== false;
	}
	/* @: when its time is up the load generator drops its connections (RST). */
	$d = @fread($c, 8192);
	if ($d === false || ($d === '' && feof($c))) {
		return false;
	}
	$conn[2] .= $d;
	$n = substr_count($conn[2], "\r\n\r\n");
	if ($n > 0) {
		$conn[2] = (string) substr($conn[2], strrpos($conn[2], "\r\n\r\n") + 4);
		$out[(int) $c] = ($out[(int) $c] ?? '') . str_repeat(TLS_SERVER_RESPONSE . str_repeat('b', 64), $n);
		flush_out($c, $out);
	}
	return true;
}

/*
 * One stream_select() of a server loop: $streams (id => stream) and
 * $others for reading, the streams with output waiting in $out for
 * writing, which is flushed here; returns the readable ones.
 */
function select_round(array $streams, array $others, array &$out): array
{
	$r = array_merge(array_values($streams), $others);
	$w = [];
	foreach ($out as $id => $pending) {
		$w[] = $streams[$id];
	}
	$e = null;
	if (stream_select($r, $w, $e, 1) === false) {
		fail('stream_select');
	}
	foreach ($w as $c) {
		flush_out($c, $out);
	}
	return $r;
}

function flush_out($c, array &$out): void
{
	$id = (int) $c;
	$n = @fwrite($c, $out[$id]);
	if ($n === false) {
		return;
	}
	$out[$id] = (string) substr($out[$id], $n);
	if ($out[$id] === '') {
		unset($out[$id]);
	}
}

/* ---- probe: does this mode's tcp and tls work end to end? ---- */

function run_probe(array $o): void
{
	$res = ['mode' => mode(), 'php' => PHP_VERSION, 'openssl' => OPENSSL_VERSION_TEXT];
	if (function_exists('xsock_transports')) {
		$res['transports'] = xsock_transports();
	}
	foreach (['tcp_connect' => null, 'hs_rsa' => 'rsa.pem'] as $bench => $pem) {
		$ok = false;
		$peer = peer_start(self_cmd('serve', $bench, ['secs' => 5] + $o), 10);
		$s = @stream_socket_client(($pem ? 'tls' : 'tcp') . "://127.0.0.1:{$peer['port']}",
			$errno, $errstr, 5, STREAM_CLIENT_CONNECT, $pem ? client_ctx($o) : stream_context_create());
		if ($s) {
			stream_set_timeout($s, 5);
			$ok = fread($s, 1) === 'x';
			fclose($s);
		}
		peer_stop($peer);
		$res[$pem ? 'tls_ok' : 'tcp_ok'] = $ok;
		if (!$ok) {
			$res[$pem ? 'tls_error' : 'tcp_error'] = $errstr ?: 'no greeting';
		}
	}
	echo json_encode($res), "\n";
}

function main(array $argv): void
{
	[$role, $bench] = [$argv[1] ?? '', $argv[2] ?? ''];
	$o = opts(array_slice($argv, 3));
	if ($role === 'probe') {
		run_probe(opts(array_slice($argv, 2)));
		return;
	}
	$pems = ['hs_rsa' => 'rsa.pem', 'hs_ecdsa' => 'ecdsa.pem', 'hs_resume' => 'rsa.pem', 'tcp_connect' => null];
	$serve = $role === 'serve';
	switch (true) {
		case $bench === 'tls_bulk' || $bench === 'tcp_bulk':
			$serve ? serve_bulk($o, $bench === 'tls_bulk') : run_bulk($o, $bench === 'tls_bulk');
			break;
		case array_key_exists($bench, $pems):
			$serve ? serve_rate($o, $pems[$bench])
				: run_rate($o, $bench, $pems[$bench], $bench === 'hs_resume');
			break;
		case $bench === 'rss_idle':
			$serve ? serve_hold($o) : run_rss($o);
			break;
		case $bench === 'mem_burst':
			$serve ? serve_burst($o) : run_mem_burst($o);
			break;
		case $bench === 'select' && !$serve:
			run_select($o);
			break;
		case $bench === 'tls_server' && !$serve:
			run_tls_server($o);
			break;
		case $bench === 'idle10k' && !$serve:
			run_idle10k($o);
			break;
		default:
			fail("usage: php bench.php run|serve|probe BENCH [key=value ...]");
	}
}

main($argv);
