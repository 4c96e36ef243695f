<?php
/*
 * report.php - RESULTS.md and the ratio chart for run.php.  Everything
 * above the NOTES marker is rewritten on each run; what a person wrote
 * below it is kept.
 */

const NOTES_MARK = '<!-- notes below this line are kept by run.php -->';

function machine(array $o): array
{
	$cpu = preg_match('/^model name\s*:\s*(.+)$/m', (string) @file_get_contents('/proc/cpuinfo'), $m) ? $m[1] : '?';
	$b = $o['probe']['builtin'] ?? [];
	/* A copy without .git (e.g. in a chroot) says what it is a copy of. */
	$commit = sh('git -C ' . escapeshellarg(__DIR__ . '/..') . ' rev-parse --short HEAD')
		?: (getenv('XSOCK_BENCH_COMMIT') ?: 'unknown (not a git checkout; set XSOCK_BENCH_COMMIT)');
	$dirty = sh('git -C ' . escapeshellarg(__DIR__ . '/..') . ' status --porcelain -- . | head -1') !== '';
	$so = realpath($o['ext']);
	return [
		'date' => gmdate('Y-m-d H:i') . ' UTC',
		'nproc' => sh('nproc'),
		'CPU' => $cpu,
		'kernel' => php_uname('r'),
		'PHP' => $b['php'] ?? PHP_VERSION,
		'OpenSSL (PHP)' => $b['openssl'] ?? '?',
		'OpenSSL (C ceiling, libssl-dev)' => sh('openssl version'),
		'xsock commit' => $commit . ($dirty ? ' + uncommitted changes' : ''),
		'xsock.so' => $so ? $so . ' (' . gmdate('Y-m-d H:i', filemtime($so)) . ' UTC)' : 'not found',
		'memcpy of 64 KiB, page-aligned source (`ceiling memcpy`)' => memcpy_line($o),
		'load average before / after' => "{$o['load_before']} / {$o['load_after']}",
		'rounds' => $o['rounds'] . ($o['quick'] ? ' (--quick)' : '') . ' (handshake rows: ' . 2 * $o['rounds'] . ')',
		'run time' => sprintf('%.0f s', $o['elapsed']),
	];
}

/*
 * The destination offsets PHP's buffer-to-string copy hits (+24) against
 * aligned ones: on CPUs where +24 is much slower, every buffered byte pays.
 */
function memcpy_line(array $o): string
{
	if (empty($o['has_ceiling'])) {
		return 'not measured (no C build)';
	}
	$r = json_decode(sh(escapeshellarg(__DIR__ . '/ceiling') . ' memcpy'), true);
	if (!is_array($r)) {
		return 'not measured';
	}
	$parts = [];
	foreach ($r as $k => $v) {
		$parts[] = str_replace(' GB/s', '', $k) . ' ' . $v;
	}
	return implode(', ', $parts) . ' GB/s';
}

function details(array $rows): string
{
	$d = "| benchmark | who | value per round | CPU µs/op per round | what the run reported (last round) |\n|---|---|---|---|---|\n";
	foreach ($rows as $bench => $row) {
		foreach ($row['values'] as $who => $vals) {
			$d .= sprintf("| %s | %s | %s | %s | %s |\n", $bench, $who,
				implode(', ', array_map('fmt', $vals)),
				implode(', ', array_map('fmt', $row['cpu'][$who] ?? [])), $row['info'][$who] ?? '');
		}
	}
	return $d;
}

function method_text(array $o): string
{
	$p = $o['params'];
	return <<<MD
- One command: `bench/run.sh` (= `php bench/run.php`). For every benchmark
  and round it runs `php bench/bench.php run BENCH` (builtin) and
  `php -d extension=…/xsock.so bench/bench.php run BENCH` (xsock): the same
  script, only the loaded extension differs. The order of the two alternates
  per round; then the C reference `bench/ceiling` runs the same workload.
  The table shows the median of the rounds; every round is listed below.
- Peers: a client benchmark's server is `bench.php serve BENCH` started with
  the same PHP command line, so xsock talks to xsock and builtin to builtin
  (both ends of a deployment usually run the same code, and a server built
  into the measurement of the other mode would hide half of the difference).
  `select` is a server benchmark: the PHP process is the `stream_select()`
  server and the load comes from `ceiling load`, the same C program in both
  modes.
- TLS: TLS 1.3 only on both sides (`crypto_method` TLSv1_3 client and
  server, as the C ceiling's `SSL_CTX_set_min_proto_version`: PHP's
  `tls://` would also offer TLS 1.2 and two dozen more suites), PHP's
  default client settings (`verify_peer`, `verify_peer_name`) against
  `bench/certs/ca.pem` with `peer_name` localhost; servers use
  `bench/certs/rsa.pem` (RSA-2048) or `ecdsa.pem` (P-256), made by
  `bench/certs/make-certs.sh`, with `verify_peer` off (PHP's server default
  is on, which sends a CertificateRequest that neither the C ceiling nor
  nginx sends). So every column runs the same handshake messages. No
  TCP_NODELAY anywhere (PHP's default).
- `tls_bulk` / `tcp_bulk`: one connection, {$p['tls_bulk']['mib']} / {$p['tcp_bulk']['mib']} MiB
  written with 64 KiB `fwrite()`s, the server `fread(\$c, 65536)`s until it
  has all, then writes one byte; the client's clock runs from the first
  write to that byte. Handshake not included.
- `hs_rsa`, `hs_ecdsa`: for {$o['secs']} s: connect, handshake, read one byte the
  server writes after accepting, `fclose()`. xsock's client session cache
  is off (`ssl.session_cache => false`): full handshakes only.
- `hs_resume`: the same loop with default settings. xsock's client offers
  the TLS 1.3 ticket from the previous connection and its server (one
  SSL_CTX per listening socket) accepts it. PHP has no client session cache
  and its server builds a new SSL_CTX (new ticket keys) per accepted
  connection, so it cannot resume even when handed a session via
  `stream_socket_enable_crypto(…, \$session_stream)`: builtin does a full
  handshake here. The C ceiling resumes with SSL_get1_session/SSL_set_session.
- `tcp_connect`: the same loop over tcp://.
- `rss_idle`: the client opens one TLS connection (warm-up: CA store,
  contexts), reads VmRSS from /proc/self/status, opens {$p['rss_idle']['conns']} more and
  holds them idle, reads VmRSS again; (after - before) / {$p['rss_idle']['conns']}. Lower is better.
- `mem_burst`: the server sends each connection one line and {$p['mem_burst']['burst']} bytes behind it,
  then closes; the client opens one connection (warm-up), then {$p['mem_burst']['conns']} more, reads
  one line from each with `fgets()` and holds them; `memory_get_usage()` after - before, /
  {$p['mem_burst']['conns']}. PHP's read buffer keeps the size of the chunk it was filled with, so this is
  the chunk size new streams start with (PHP: 8192). No C column. Lower is better.
- `select`: {$p['select']['clients']} clients connect (handshakes not timed), then each
  does request/response round trips of {$p['select']['reqsize']} bytes, one in flight, until
  {$p['select']['trips']} trips or {$o['secs']} s. The PHP server: `stream_select()` over the
  listener and non-blocking client streams, `fread(\$c, 8192)`, `fwrite()`
  the same bytes back. The C ceiling is an epoll server on libssl.
- `tls_server`: one PHP process, a `tcp://` listener (backlog 511);
  accepted streams are non-blocking and turn TLS on with
  `stream_socket_enable_crypto(\$c, true, STREAM_CRYPTO_METHOD_TLS_SERVER)`
  calls whenever `stream_select()` says they are readable (RSA-2048), then
  answer keep-alive HTTP/1.1 `GET`s with a fixed 64-byte body. The load is
  `ceiling tlsload`: {$p['tls_server']['clients']} non-blocking clients at once, each connects, does a
  full handshake (no session offered), {$p['tls_server']['reqs']} requests one after the other,
  sends close_notify, closes and connects again, for {$p['tls_server']['secs']} s. `tls_server`
  is handshakes/s, `tls_server_req` requests/s of the same runs; CPU is the
  server process's only (measured by the load generator from
  /proc/PID/stat), per connection. No C column: the anchor is **nginx**
  (Debian's nginx-light; nginx on Debian 13), driven by the same load
  generator: `master_process off` (one process, the worker), the same
  certificate, `ssl_protocols TLSv1.3` and OpenSSL's default suites and
  groups (the run reports the negotiated suite), `return 200` with the
  same body, backlog 511; config, pid file and logs in a temp dir, port
  chosen free, started under `timeout`, stopped by its pid.
- `idle10k`: the PHP client holds {$p['idle10k']['conns']} idle TLS connections (after one
  warm-up connection) to `ceiling hold`, the same C server in every column;
  VmRSS and `memory_get_usage()` after - before, per connection
  (`idle10k_php` is the second: OpenSSL allocates with malloc, so it is
  PHP's own share only). One round ({$p['idle10k']['conns']} handshakes per mode take
  20-40 s; the figure moves by < 1 % between rounds). `run.sh` raises
  `ulimit -n` to 20000 (the hard limit if lower). The C column is
  `ceiling idle10k` (as `rss_idle`, with SSL_MODE_RELEASE_BUFFERS).
- C ceiling (`bench/ceiling.c`, `cc -O2 … -lssl -lcrypto`): libssl directly,
  one SSL_CTX per side, the same record sizes (64 KiB writes), TLS 1.3, the
  default cipher, the same verification; fork()ed server.
- C better (`ceiling BENCH better=1`; `tls_bulk`, the handshake rows and
  `select`): the same program doing what the best TLS programs do:
  read-ahead with a 64 KiB read buffer (`SSL_CTX_set_read_ahead`,
  `SSL_CTX_set_default_read_buffer_len`), so one recv() takes several
  records, and a `BIO_f_buffer` in front of the socket BIO, flushed after
  each `SSL_write()`, so a 64 KiB write (four records) leaves in one send().
  strace -c: 16 sends and about 34 receives per MiB instead of 64 and 129;
  in a full handshake 5 reads instead of 24 (libssl buffers a flight's
  writes itself). "= C" where neither applies: the TCP rows have no
  records, and the memory rows' ceiling already releases idle buffers,
  which read-ahead and a write buffer would only add to.
- C contract (`ceiling BENCH contract=1`, with `better=1` on the TLS rows;
  `tcp_connect` and the handshake rows): C better plus the system calls
  that PHP's stream contract makes any transport pay per connection, which
  PHP's own transports pay too: a connect that honours its timeout
  (non-blocking `connect()`, `poll()`, back to blocking: 2 calls more), a
  `poll()` before each read that waits (one per flight), `poll()` before
  `accept()` (the accept timeout), and a lossless close (what the peer
  sent is read before `close()`, which would otherwise answer with RST).
  On `hs_resume` that is 7 `poll()`, 1 `fcntl()` and 2 `recv()` more per
  connection than C better (`strace -f -c`). xsock waits in `recv()` and
  `accept()` instead (`SO_RCVTIMEO`, netops.c): 1 `poll()` and 1
  `setsockopt()` where C contract makes 7 `poll()`, so 5 calls fewer.
  xsock / C contract is then what PHP's own work and xsock's code add;
  C contract / C better is what the contract costs done the usual way.
- The machine is shared: other jobs ran during the measurement (see the
  load average). Medians of interleaved rounds damp that, but single-digit
  percent differences are noise.
MD;
}

function write_report(array $o, array $rows, array $modes, string $table, string $cpu, string $profile): void
{
	$file = $o['out'];
	$notes = '';
	if (is_file($file)) {
		$old = file_get_contents($file);
		$at = strpos($old, NOTES_MARK);
		if ($at !== false) {
			$notes = substr($old, $at + strlen(NOTES_MARK));
		}
	}
	$md = "# xsock benchmarks: PHP's built-in transports vs xsock\n\n"
		. "Generated by `bench/run.sh`; rerun it to refresh. Ratios > 1 mean xsock is "
		. "better (for RSS the ratio is builtin/xsock, since lower RSS is better).\n\n";
	foreach (machine($o) as $k => $v) {
		$md .= "- $k: $v\n";
	}
	$md .= "\n## Results (medians)\n\n" . $table;
	if (isset($modes['xsock']) && $modes['xsock']['note'] !== '') {
		$md .= "\n\\* {$modes['xsock']['note']}: the xsock column of TLS rows ran with "
			. "`-d xsock.transports=tcp,udp`, i.e. PHP's own TLS.\n";
	} elseif (!isset($modes['xsock'])) {
		$md .= "\nxsock was not measured (missing or failed to load): builtin only.\n";
	}
	$chart = $o['chart'];
	if ($chart !== null && chart($rows, $chart)) {
		$md .= "\n![ratios](" . basename($chart) . ")\n";
	}
	$md .= "\n## CPU time per operation (medians)\n\n"
		. "User + system CPU of the client and the server process over the timed part "
		. "(for `select` and `tls_server` the server only: the load generator is the same C program in every column). "
		. "Other jobs on the machine change the wall-clock rates above much more than these. "
		. "Lower is better; ratios > 1 mean xsock is cheaper.\n\n" . $cpu
		. ($profile === '' ? '' : "\n## Instructions, simulated misses and system calls per operation\n\n" . PROFILE_TEXT . "\n\n" . $profile)
		. "\n## Every round\n\n" . details($rows) . "\n## Method\n\n" . method_text($o) . "\n\n"
		. NOTES_MARK . ($notes === '' ? "\n" : $notes);
	if (!is_dir(dirname($file))) {
		mkdir(dirname($file), 0777, true);
	}
	file_put_contents($file, $md);
	echo "wrote $file\n";
}

/* bench/chart.py with matplotlib, else gnuplot; false when neither works. */
function chart(array $rows, string $png): bool
{
	$data = [];
	foreach ($rows as $bench => $row) {
		$data[] = [
			'bench' => $bench . (BENCHES[$bench][2] ? '' : ' (inv.)'),
			'xsock' => ratio($row, $bench),
			'cpu' => isset($row['cpu_median']['builtin'], $row['cpu_median']['xsock']) && $row['cpu_median']['xsock'] > 0
				? $row['cpu_median']['builtin'] / $row['cpu_median']['xsock'] : null,
			'ceiling' => ratio($row, $bench, 'ceiling'),
			/* The better reference where a row has one: C better or nginx. */
			'anchor' => ratio($row, $bench, 'better') ?? ratio($row, $bench, 'nginx'),
			'target' => TARGETS[$bench] ?? null,
		];
	}
	$json = tempnam(sys_get_temp_dir(), 'xsockbench');
	file_put_contents($json, json_encode($data));
	foreach (['/usr/bin/python3', 'python3'] as $py) {
		[$rc] = run_cmd(escapeshellarg($py) . ' chart.py ' . escapeshellarg($json) . ' ' . escapeshellarg($png), [], 60);
		if ($rc === 0) {
			unlink($json);
			return true;
		}
	}
	unlink($json);
	return gnuplot($data, $png);
}

function gnuplot(array $data, string $png): bool
{
	$dat = '';
	foreach ($data as $i => $d) {
		$dat .= sprintf("%d \"%s\" %s %s %s %s\n", $i, $d['bench'], $d['xsock'] ?? 'NaN', $d['cpu'] ?? 'NaN',
			$d['ceiling'] ?? 'NaN', $d['anchor'] ?? 'NaN');
	}
	$f = tempnam(sys_get_temp_dir(), 'xsockgp');
	file_put_contents($f, $dat);
	$script = "set terminal pngcairo noenhanced size 900,500; set output '$png';"
		. "set style data histograms; set style fill solid; set logscale y 2; set yrange [0.25:*]; set key outside bottom center horizontal;"
		. "set ylabel 'ratio to builtin (>1 = better)'; set xtics rotate by -30;"
		. "plot '$f' using 3:xtic(2) title 'xsock/builtin (rate)', '' using 4 title 'builtin/xsock (CPU per op)',"
		. " '' using 5 title 'C ceiling/builtin (rate)', '' using 6 title 'C better or nginx/builtin (rate)', 1 notitle";
	[$rc] = run_cmd('gnuplot -e ' . escapeshellarg($script), [], 60);
	unlink($f);
	return $rc === 0;
}
