<?php
/*
 * run.php - every benchmark, PHP's built-in transports against xsock, in one
 * run.  Each round runs the same script (bench.php) as
 *     php bench.php run BENCH ...                          (builtin)
 *     php -d extension=XSOCK_SO bench.php run BENCH ...    (xsock)
 * and the C reference (ceiling) with the same workload; the order of the
 * two PHP modes alternates from round to round.  The table shows medians.
 *
 * Usage: php bench/run.php [options]      (bench/run.sh is the same)
 *   --rounds=N       rounds per benchmark (default 5; --quick: 3; the
 *                    handshake rows run twice as many)
 *   --quick          smaller sizes and shorter time bounds (~1 minute)
 *   --ext=PATH       xsock.so (default ../modules/xsock.so next to bench/)
 *   --php=PATH       PHP binary (default: the one running this script)
 *   --only=a,b       run only these benchmarks
 *   --builtin-only   no xsock column
 *   --no-ceiling     no C columns (select, tls_server and idle10k still use
 *                    the C load generator / hold server)
 *   --no-nginx       no nginx column (tls_server)
 *   --secs=S         time bound of the rate benchmarks (default 1.5; --quick: 0.3)
 *   --out=FILE       write the Markdown report here (default RESULTS.md;
 *                    --quick writes none unless --out is given)
 *   --chart=FILE     PNG of the ratios (default ratios.png next to --out)
 *   --profile        also instructions, simulated cache misses and
 *                    mispredicts (callgrind) and system calls (strace) per
 *                    operation (profile.php; about 10 more minutes; needs
 *                    valgrind and strace)
 */

const BENCHES = [
	'tls_bulk' => ['TLS 1.3 bulk, 64 KiB fwrite -> fread', 'MiB/s', true],
	'tcp_bulk' => ['tcp bulk, 64 KiB fwrite -> fread', 'MiB/s', true],
	'hs_rsa' => ['full TLS handshakes, RSA-2048', 'conn/s', true],
	'hs_ecdsa' => ['full TLS handshakes, ECDSA P-256', 'conn/s', true],
	'hs_resume' => ['reconnects, default session handling (RSA)', 'conn/s', true],
	'tcp_connect' => ['tcp connect + 1 byte + close', 'conn/s', true],
	'rss_idle' => ['client RSS per idle TLS connection', 'KiB/conn', false],
	'mem_burst' => ['memory per connection after a burst', 'KiB/conn', false],
	'select' => ['stream_select TLS echo server', 'req/s', true],
	'tls_server' => ['TLS server, 200 concurrent clients: full handshakes', 'hs/s', true],
	'tls_server_req' => ['TLS server, the same run: keep-alive requests', 'req/s', true],
	'idle10k' => ['10,000 idle TLS connections in one process: RSS', 'KiB/conn', false],
	'idle10k_php' => ['10,000 idle TLS connections: memory_get_usage()', 'KiB/conn', false],
];
/* Rows that are a second figure of another row's runs: [row, key of "extra"]. */
const DERIVED = ['tls_server_req' => ['tls_server', 'req'], 'idle10k_php' => ['idle10k', 'php']];
/*
 * The targets xsock is held to (xsock/builtin in one run; for rss_idle
 * builtin/xsock).  The table shows "met" or "no" beside each; the C
 * column says whether libssl itself gets there on the machine.
 */
const TARGETS = [
	'tls_bulk' => 4.0, 'tcp_bulk' => 1.5, 'hs_rsa' => 3.0, 'hs_ecdsa' => 3.0,
	'hs_resume' => 10.0, 'tcp_connect' => 1.0, 'rss_idle' => 3.0,
];
const TLS_BENCHES = ['tls_bulk', 'hs_rsa', 'hs_ecdsa', 'hs_resume', 'rss_idle', 'select', 'tls_server', 'idle10k'];
/*
 * Rows bench/ceiling.c has no counterpart for: a PHP stream buffer has none
 * in C; the anchor of tls_server is nginx.
 */
const NO_CEILING = ['mem_burst', 'tls_server'];
/*
 * Rows with a "C better" column: the ceiling with read-ahead and buffered
 * writes.  Where those change nothing or cost, "C better" is the C ceiling
 * itself ("= C"): plain TCP has no records to batch, and for idle memory the
 * ceiling already releases its buffers, which a 64 KiB read-ahead and a
 * write buffer per connection would only add to.
 */
const BETTER = ['tls_bulk', 'hs_rsa', 'hs_ecdsa', 'hs_resume', 'select'];
const BETTER_IS_C = ['tcp_bulk', 'tcp_connect', 'rss_idle', 'idle10k'];
/*
 * Rows with a "C contract" column: C better plus the system calls PHP's
 * stream contract costs any transport per connection (ceiling.c's
 * contract=1: timeouts by poll(), lossless close), so xsock / C contract
 * is what PHP's own work and xsock's code add.
 */
const CONTRACT = ['hs_rsa', 'hs_ecdsa', 'hs_resume', 'tcp_connect'];
/* Rows with an nginx column (driven by the same load generator). */
const NGINX = ['tls_server'];
/* 10,000 handshakes per mode take 20-40 s: rounds of this row (memory barely varies). */
const MAX_ROUNDS = ['idle10k' => 1];
/*
 * CPU per handshake moves by +-10 % between rounds on a shared machine
 * (the C ceiling against C better, the same handshake, shows it): these
 * rows run twice the rounds, so their medians settle.
 */
const ROUND_FACTOR = ['hs_rsa' => 2, 'hs_ecdsa' => 2, 'hs_resume' => 2];

function options(array $argv): array
{
	$o = [
		'rounds' => null, 'quick' => false, 'ext' => __DIR__ . '/../modules/xsock.so',
		'php' => PHP_BINARY, 'only' => '', 'builtin-only' => false, 'no-ceiling' => false,
		'no-nginx' => false, 'profile' => false,
		'secs' => null, 'out' => null, 'chart' => null,
	];
	foreach (array_slice($argv, 1) as $arg) {
		if (!preg_match('/^--([a-z-]+)(?:=(.*))?$/', $arg, $m) || !array_key_exists($m[1], $o)) {
			fwrite(STDERR, "unknown option $arg (see the top of bench/run.php)\n");
			exit(2);
		}
		$o[$m[1]] = isset($m[2]) ? $m[2] : true;
	}
	$q = $o['quick'];
	$o['rounds'] = max(1, (int) ($o['rounds'] ?? ($q ? 3 : 5)));
	$o['secs'] = (float) ($o['secs'] ?? ($q ? 0.3 : 1.5));
	if ($o['out'] === null && !$q) {
		$o['out'] = __DIR__ . '/RESULTS.md';
	}
	if ($o['chart'] === null && $o['out'] !== null) {
		$o['chart'] = dirname($o['out']) . '/ratios.png';
	}
	$o['params'] = [
		'tls_bulk' => ['mib' => $q ? 32 : 256],
		'tcp_bulk' => ['mib' => $q ? 128 : 1024],
		'rss_idle' => ['conns' => $q ? 100 : 300],
		'mem_burst' => ['conns' => $q ? 100 : 300, 'burst' => 70000],
		'select' => ['clients' => $q ? 50 : 200, 'trips' => 1000, 'reqsize' => 128],
		/* Long enough for each of 200 clients to reconnect several times. */
		'tls_server' => ['clients' => $q ? 50 : 200, 'reqs' => 5, 'secs' => $q ? 1 : 4],
		'idle10k' => ['conns' => $q ? 1000 : 10000],
	];
	return $o;
}

function sh(string $cmd): string
{
	return trim((string) shell_exec($cmd . ' 2>/dev/null'));
}

/* Run a command, bounded in time; returns [exit code, stdout, stderr]. */
function run_cmd(string $cmd, array $env, float $timeout = 120.0): array
{
	$spec = [1 => ['pipe', 'w'], 2 => ['pipe', 'w']];
	$proc = proc_open('exec ' . $cmd, $spec, $pipes, __DIR__, $env + getenv());
	$out = ['', ''];
	$end = microtime(true) + $timeout;
	foreach ([1, 2] as $i) {
		stream_set_blocking($pipes[$i], false);
	}
	while (microtime(true) < $end) {
		$r = [$pipes[1], $pipes[2]];
		$w = $e = null;
		if (stream_select($r, $w, $e, 0, 200000) > 0) {
			foreach ($r as $p) {
				$out[$p === $pipes[1] ? 0 : 1] .= (string) fread($p, 65536);
			}
		}
		if (feof($pipes[1]) && feof($pipes[2])) {
			break;
		}
	}
	/* Output closed: the process is exiting; reap it (still bounded). */
	while (($st = proc_get_status($proc))['running'] && microtime(true) < $end) {
		usleep(2000);
	}
	if ($st['running']) {
		posix_kill($st['pid'], SIGKILL);
		$out[1] .= "killed after {$timeout}s";
	}
	fclose($pipes[1]);
	fclose($pipes[2]);
	proc_close($proc);
	return [$st['running'] ? -1 : $st['exitcode'], $out[0], $out[1]];
}

function prepare(array &$o): void
{
	if (!is_file(__DIR__ . '/certs/ca.pem')) {
		passthru('sh ' . escapeshellarg(__DIR__ . '/certs/make-certs.sh'));
	}
	$bin = __DIR__ . '/ceiling';
	$src = __DIR__ . '/ceiling.c';
	if (!is_file($bin) || filemtime($bin) < filemtime($src)) {
		$cc = 'cc -O2 -Wall -o ' . escapeshellarg($bin) . ' ' . escapeshellarg($src) . ' -lssl -lcrypto';
		echo "building the C reference: $cc\n";
		system($cc, $rc);
		if ($rc !== 0) {
			echo "  (failed: no C column, and no select benchmark)\n";
		}
	}
	$o['has_ceiling'] = is_file($bin) && is_executable($bin);
	$o['nginx'] = $o['no-nginx'] ? '' : nginx_binary();
	if (!$o['no-nginx'] && $o['nginx'] === '') {
		echo "nginx not found (apt-get install nginx-light): no nginx column\n";
	}
}

function nginx_binary(): string
{
	foreach (['/usr/sbin/nginx', sh('command -v nginx')] as $bin) {
		if ($bin !== '' && is_executable($bin)) {
			return $bin;
		}
	}
	return '';
}

/*
 * The PHP command line of each mode.  When xsock's TLS does not work yet
 * (probe), TLS benchmarks run xsock with xsock.transports=tcp,udp: TLS is
 * then PHP's own and the column is marked.
 */
function modes(array &$o): array
{
	$php = escapeshellarg($o['php']);
	$modes = ['builtin' => ['args' => '', 'tls_args' => '', 'note' => '']];
	$p = probe($php, '');
	$o['probe']['builtin'] = $p;
	if ($o['builtin-only']) {
		return $modes;
	}
	$so = realpath($o['ext']);
	if ($so === false) {
		echo "xsock: {$o['ext']} not found: builtin only\n";
		$o['xsock_missing'] = true;
		return $modes;
	}
	$args = '-d extension=' . escapeshellarg($so);
	$p = probe($php, $args);
	$o['probe']['xsock'] = $p;
	if (($p['mode'] ?? '') !== 'xsock' || empty($p['tcp_ok'])) {
		echo "xsock: $so does not load or tcp fails: builtin only\n", json_encode($p), "\n";
		$o['xsock_missing'] = true;
		return $modes;
	}
	$modes['xsock'] = ['args' => $args, 'tls_args' => $args, 'note' => ''];
	if (empty($p['tls_ok'])) {
		echo "xsock: TLS does not work yet (" . ($p['tls_error'] ?? '?') . "): "
			. "TLS rows run xsock with xsock.transports=tcp,udp (PHP's TLS)\n";
		$modes['xsock']['tls_args'] = $args . ' -d xsock.transports=tcp,udp';
		$modes['xsock']['note'] = 'xsock TLS not working: PHP TLS';
	}
	return $modes;
}

function probe(string $php, string $args): array
{
	[$rc, $out, $err] = run_cmd("$php $args bench.php probe", ['XSOCK_BENCH_PHP_ARGS' => $args], 60);
	$p = json_decode(trim($out), true);
	return is_array($p) ? $p : ['error' => trim($out . $err), 'rc' => $rc];
}

/* One measurement; null (and a message) when it failed. */
function measure(array $o, string $who, string $bench, array $modes): ?array
{
	$kv = array_merge(['secs' => $o['secs']], $o['params'][$bench] ?? [], ['certs' => __DIR__ . '/certs']);
	if ($who === 'nginx') {
		return nginx_measure($o, $kv);
	}
	[$cmd, $env] = command($o, $who, $bench, $modes, $kv);
	return measured($who, $bench, run_cmd($cmd, $env, 300));
}

/* The command line (and environment) of one run of bench by who. */
function command(array $o, string $who, string $bench, array $modes, array $kv): array
{
	if ($who === 'better' || ($who === 'contract' && in_array($bench, BETTER, true))) {
		$kv['better'] = 1;
	}
	if ($who === 'contract') {
		$kv['contract'] = 1;
	}
	$args = '';
	foreach ($kv as $k => $v) {
		$args .= ' ' . escapeshellarg("$k=$v");
	}
	if (in_array($who, ['ceiling', 'better', 'contract'], true)) {
		$cmd = escapeshellarg(__DIR__ . '/ceiling') . ' ' . escapeshellarg($bench) . $args;
		$env = [];
	} else {
		$m = $modes[$who];
		$flags = in_array($bench, TLS_BENCHES, true) ? $m['tls_args'] : $m['args'];
		$cmd = escapeshellarg($o['php']) . " $flags bench.php run " . escapeshellarg($bench) . $args;
		$env = ['XSOCK_BENCH_PHP_ARGS' => $flags, 'XSOCK_BENCH_CEILING' => __DIR__ . '/ceiling'];
	}
	return [$cmd, $env];
}

/* The JSON line of a run, or null and what went wrong. */
function measured(string $who, string $bench, array $run): ?array
{
	[$rc, $out, $err] = $run;
	$res = json_decode(trim($out), true);
	if ($rc !== 0 || !is_array($res)) {
		echo "\n  $who $bench failed (exit $rc): " . trim($err . $out) . "\n";
		return null;
	}
	return $res;
}

/*
 * nginx as the anchor of tls_server: one process (master_process off, so
 * the one pid is the worker whose CPU the load generator measures), the
 * bench certificate, TLS 1.3 only with OpenSSL's default suites as PHP,
 * the same fixed 64-byte body as bench.php's server.  Config, pid file and
 * logs in a temp dir; started under timeout(1), stopped by its pid.
 */
function nginx_measure(array $o, array $kv): ?array
{
	$dir = sys_get_temp_dir() . '/xsock-bench-nginx-' . getmypid();
	@mkdir($dir, 0700);
	$port = free_port();
	file_put_contents("$dir/nginx.conf", nginx_conf($dir, $port, $kv['certs'] . '/rsa.pem'));
	$cmd = sprintf('timeout -s KILL %d %s -p %s -e %s -c %s', (int) $kv['secs'] + 60,
		escapeshellarg($o['nginx']), escapeshellarg("$dir/"), escapeshellarg("$dir/error.log"),
		escapeshellarg("$dir/nginx.conf"));
	$proc = proc_open('exec ' . $cmd, [1 => ['file', '/dev/null', 'w'], 2 => ['file', "$dir/stderr", 'w']], $pipes);
	$pid = $proc ? nginx_wait($dir, $port) : 0;
	$res = null;
	if ($pid > 0) {
		$args = " port=$port pid=$pid";
		foreach (['secs', 'certs', 'clients', 'reqs'] as $k) {
			$args .= ' ' . escapeshellarg("$k={$kv[$k]}");
		}
		$res = measured('nginx', 'tls_server', run_cmd(escapeshellarg(__DIR__ . '/ceiling') . " tlsload$args", [], 120));
		posix_kill($pid, SIGTERM);
	} else {
		echo "\n  nginx did not start: " . @file_get_contents("$dir/stderr") . @file_get_contents("$dir/error.log") . "\n";
		if ($proc && proc_get_status($proc)['running']) {
			/* timeout(1) passes the signal on to nginx. */
			posix_kill(proc_get_status($proc)['pid'], SIGTERM);
		}
	}
	if ($proc) {
		proc_close($proc);
	}
	array_map('unlink', glob("$dir/*") ?: []);
	@rmdir($dir);
	return $res;
}

function nginx_conf(string $dir, int $port, string $pem): string
{
	$body = str_repeat('b', 64);
	return <<<CONF
	daemon off;
	master_process off;
	worker_processes 1;
	pid $dir/nginx.pid;
	error_log $dir/error.log warn;
	events { worker_connections 1024; }
	http {
	    access_log off;
	    client_body_temp_path $dir;
	    proxy_temp_path $dir;
	    fastcgi_temp_path $dir;
	    uwsgi_temp_path $dir;
	    scgi_temp_path $dir;
	    default_type text/plain;
	    server {
	        listen 127.0.0.1:$port ssl backlog=511;
	        ssl_certificate $pem;
	        ssl_certificate_key $pem;
	        ssl_protocols TLSv1.3;
	        location / { return 200 "$body"; }
	    }
	}

	CONF;
}

/* A port free now on 127.0.0.1 (nginx binds it a moment later). */
function free_port(): int
{
	$s = stream_socket_server('tcp://127.0.0.1:0');
	$port = (int) substr(strrchr(stream_socket_get_name($s, false), ':'), 1);
	fclose($s);
	return $port;
}

/* nginx's pid once it accepts connections on $port (bounded); 0 when it did not. */
function nginx_wait(string $dir, int $port): int
{
	$end = microtime(true) + 10;
	while (microtime(true) < $end) {
		$pid = (int) @file_get_contents("$dir/nginx.pid");
		$s = $pid > 0 ? @stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 1) : false;
		if ($s) {
			fclose($s);
			return $pid;
		}
		usleep(20000);
	}
	return 0;
}

function median(array $v): ?float
{
	if ($v === []) {
		return null;
	}
	sort($v);
	$n = count($v);
	return $n % 2 ? $v[intdiv($n, 2)] : ($v[$n / 2 - 1] + $v[$n / 2]) / 2;
}

/* Who runs a row, in this round's order. */
function round_order(array $o, string $bench, array $who, int $r): array
{
	/* builtin, xsock | xsock, builtin | ...: drift hits both alike. */
	$order = $r % 2 ? array_reverse($who) : $who;
	$c = $o['has_ceiling'] && !$o['no-ceiling'];
	if ($c && !in_array($bench, NO_CEILING, true)) {
		$order[] = 'ceiling';
	}
	if ($c && in_array($bench, BETTER, true)) {
		$order[] = 'better';
	}
	if ($c && in_array($bench, CONTRACT, true)) {
		$order[] = 'contract';
	}
	if ($o['nginx'] !== '' && $o['has_ceiling'] && in_array($bench, NGINX, true)) {
		$order[] = 'nginx';
	}
	return $order;
}

/* The row itself and the rows DERIVED from its runs' "extra" figures. */
function run_bench(array $o, string $bench, array $modes): array
{
	$who = array_keys($modes);
	$rows = [$bench => ['values' => [], 'info' => []]];
	$derived = array_keys(array_filter(DERIVED, fn ($d) => $d[0] === $bench));
	foreach ($derived as $d) {
		$rows[$d] = ['values' => [], 'info' => []];
	}
	printf("%-12s", $bench);
	$rounds = min($o['rounds'] * (ROUND_FACTOR[$bench] ?? 1), MAX_ROUNDS[$bench] ?? PHP_INT_MAX);
	for ($r = 0; $r < $rounds; $r++) {
		foreach (round_order($o, $bench, $who, $r) as $w) {
			/* These need the C load generator or hold server. */
			if (in_array($bench, ['select', 'tls_server', 'idle10k'], true) && !$o['has_ceiling']) {
				continue;
			}
			$res = measure($o, $w, $bench, $modes);
			if ($res !== null) {
				add_result($rows[$bench], $w, $res['value'], $res['cpu'] ?? null, $res['info']);
				foreach ($derived as $d) {
					if (isset($res['extra'][DERIVED[$d][1]])) {
						add_result($rows[$d], $w, $res['extra'][DERIVED[$d][1]], null, $res['info']);
					}
				}
			}
			echo '.';
		}
	}
	foreach ($rows as &$row) {
		foreach ($row['values'] as $w => $v) {
			$row['median'][$w] = median($v);
		}
		foreach ($row['cpu'] ?? [] as $w => $v) {
			$row['cpu_median'][$w] = median($v);
		}
	}
	unset($row);
	echo "\n";
	return $rows;
}

function add_result(array &$row, string $who, float $value, ?float $cpu, string $info): void
{
	$row['values'][$who][] = $value;
	$row['info'][$who] = $info;
	if ($cpu !== null) {
		$row['cpu'][$who][] = $cpu;
	}
}

function fmt(?float $v): string
{
	if ($v === null) {
		return '-';
	}
	return $v >= 100 ? number_format($v, 0, '.', '') : number_format($v, 1, '.', '');
}

/* xsock/builtin, inverted for "lower is better" so that > 1 means xsock wins. */
function ratio(array $row, string $bench, string $a = 'xsock', string $b = 'builtin'): ?float
{
	$x = $row['median'][$a] ?? null;
	$y = $row['median'][$b] ?? null;
	if (!$x || !$y) {
		return null;
	}
	return BENCHES[$bench][2] ? $x / $y : $y / $x;
}

function table(array $o, array $rows, array $modes): string
{
	$t = "| benchmark | unit | builtin | xsock | xsock/builtin | target | C ceiling | C/builtin | C better | nginx | xsock/nginx |\n"
		. "|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|\n";
	foreach ($rows as $bench => $row) {
		[$title, $unit, $higher] = BENCHES[$bench];
		$rx = ratio($row, $bench);
		$mark = isset($modes['xsock']) && $modes['xsock']['note'] !== '' && in_array($bench, TLS_BENCHES, true) ? ' *' : '';
		$t .= sprintf("| %s (`%s`) | %s%s | %s | %s%s | %s | %s | %s | %s | %s | %s | %s |\n",
			$title, $bench, $unit, $higher ? '' : ' (lower is better)',
			fmt($row['median']['builtin'] ?? null), fmt($row['median']['xsock'] ?? null), $mark,
			fmt_ratio($rx, $higher ? '' : ' (inverted)'),
			target_cell($bench, $rx),
			fmt($row['median']['ceiling'] ?? null), fmt_ratio(ratio($row, $bench, 'ceiling')),
			better_cell($bench, $row['median']),
			fmt($row['median']['nginx'] ?? null), fmt_ratio(ratio($row, $bench, 'xsock', 'nginx')));
	}
	return $t;
}

function better_cell(string $bench, array $m): string
{
	return in_array($bench, BETTER_IS_C, true) && isset($m['ceiling']) ? '= C' : fmt($m['better'] ?? null);
}

/* Figures by who, with "C better" filled in as the ceiling's where they are one ("= C"). */
function better_as_c(string $bench, array $m): array
{
	if (in_array($bench, BETTER_IS_C, true) && isset($m['ceiling'])) {
		$m['better'] = $m['ceiling'];
	}
	return $m;
}

/* $m[$a] / $m[$b] of one row's CPU medians, as a cell. */
function cpu_ratio(array $m, string $a, string $b): string
{
	return fmt_ratio(isset($m[$a], $m[$b]) && $m[$b] > 0 ? $m[$a] / $m[$b] : null);
}

function fmt_ratio(?float $r, string $suffix = ''): string
{
	return $r === null ? '-' : sprintf('%.2f', $r) . $suffix;
}

function target_cell(string $bench, ?float $ratio): string
{
	if (!isset(TARGETS[$bench])) {
		return '';
	}
	$want = sprintf('>= %g', TARGETS[$bench]);
	return $ratio === null ? $want : $want . ($ratio >= TARGETS[$bench] ? ' met' : ' no');
}

/*
 * CPU per operation; lower is better, so builtin/xsock > 1 means xsock is
 * cheaper, C/C better > 1 that "C better" is, xsock/nginx > 1 that xsock
 * needs more than nginx.
 */
function cpu_table(array $rows): string
{
	$t = "| benchmark | CPU per | builtin | xsock | builtin/xsock | C ceiling | builtin/C | C better | C/C better | xsock/C better | nginx | xsock/nginx |\n"
		. "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
	$any = false;
	foreach ($rows as $bench => $row) {
		$m = $row['cpu_median'] ?? [];
		if ($m === []) {
			continue;
		}
		$per = [
			'MiB/s' => 'MiB', 'conn/s' => 'connection', 'req/s' => 'request (server only)',
			'hs/s' => 'connection: handshake + requests (server only)',
		][BENCHES[$bench][1]];
		$m = better_as_c($bench, $m);
		$r = fn ($a, $b) => cpu_ratio($m, $a, $b);
		$t .= sprintf("| `%s` | %s, µs | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $bench, $per,
			fmt($m['builtin'] ?? null), fmt($m['xsock'] ?? null), $r('builtin', 'xsock'),
			fmt($m['ceiling'] ?? null), $r('builtin', 'ceiling'),
			better_cell($bench, $m), $r('ceiling', 'better'), $r('xsock', 'better'),
			fmt($m['nginx'] ?? null), $r('xsock', 'nginx'));
		$any = true;
	}
	return $any ? $t : "(no row measures CPU)\n";
}

/*
 * CPU per connection against the C program that keeps PHP's stream
 * contract: C contract / C better is what the contract's system calls
 * cost, xsock / C contract what is left for PHP and xsock.
 */
function contract_table(array $rows): string
{
	$t = "| benchmark | CPU per | xsock | C better | xsock/C better | C contract | C contract/C better | xsock/C contract |\n"
		. "|---|---|---:|---:|---:|---:|---:|---:|\n";
	$any = false;
	foreach ($rows as $bench => $row) {
		$m = better_as_c($bench, $row['cpu_median'] ?? []);
		if (!isset($m['contract'])) {
			continue;
		}
		$r = fn ($a, $b) => cpu_ratio($m, $a, $b);
		$t .= sprintf("| `%s` | connection, µs | %s | %s | %s | %s | %s | %s |\n", $bench,
			fmt($m['xsock'] ?? null), fmt($m['better'] ?? null), $r('xsock', 'better'),
			fmt($m['contract']), $r('contract', 'better'), $r('xsock', 'contract'));
		$any = true;
	}
	return $any ? $t : '';
}

/* --only names; a derived row runs as part of its own row. */
function selected(array $o): array
{
	$only = $o['only'] === '' ? array_keys(BENCHES) : explode(',', $o['only']);
	$run = [];
	foreach ($only as $bench) {
		if (!isset(BENCHES[$bench])) {
			fwrite(STDERR, "unknown benchmark $bench\n");
			exit(2);
		}
		$run[DERIVED[$bench][0] ?? $bench] = true;
	}
	return array_keys($run);
}

function main(array $argv): void
{
	$o = options($argv);
	chdir(__DIR__);
	prepare($o);
	$modes = modes($o);
	$only = selected($o);
	$rows = [];
	$o['load_before'] = sh('cut -d" " -f1-3 /proc/loadavg');
	$t0 = microtime(true);
	echo "rounds: {$o['rounds']}, modes: " . implode(', ', array_keys($modes))
		. ($o['has_ceiling'] && !$o['no-ceiling'] ? ', ceiling, C better, C contract' : '')
		. ($o['nginx'] !== '' ? ', nginx' : '') . "\n";
	foreach ($only as $bench) {
		$rows += run_bench($o, $bench, $modes);
	}
	$o['elapsed'] = microtime(true) - $t0;
	$o['load_after'] = sh('cut -d" " -f1-3 /proc/loadavg');
	$table = table($o, $rows, $modes);
	$cpu = cpu_table($rows);
	$contract = contract_table($rows);
	if ($contract !== '') {
		$cpu .= "\nAgainst a C program with PHP's stream contract (C contract: C better, plus timeouts by poll() and a lossless close):\n"
			. $contract;
	}
	echo "\n", $table;
	echo "Ratios: > 1 means xsock is better; for RSS the ratio is builtin/xsock (lower RSS is better).\n";
	if (isset($modes['xsock']) && $modes['xsock']['note'] !== '') {
		echo "* {$modes['xsock']['note']}\n";
	}
	echo "\nCPU time per operation (client + server process unless noted; lower is better):\n", $cpu;
	$profile = '';
	if ($o['profile']) {
		require __DIR__ . '/profile.php';
		echo "\nprofile: instructions, simulated misses and system calls per operation\n";
		$profile = profile_table($o, $modes);
		echo $profile;
	}
	printf("%.0f s\n", microtime(true) - $t0);
	if ($o['out'] !== null) {
		require __DIR__ . '/report.php';
		write_report($o, $rows, $modes, $table, $cpu, $profile);
	}
}

main($argv);
