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
 *   --rounds=N       rounds per benchmark (default 5; --quick: 3)
 *   --quick          smaller sizes and shorter time bounds (~1 minute)
 *   --ext=PATH       xsock.so (default ../modules/xsock.so next to bench/)
 *   --php=PATH       PHP binary (default: the one running this script)
 *   --only=a,b       run only these benchmarks
 *   --builtin-only   no xsock column
 *   --no-ceiling     no C column (select then uses the C load generator still)
 *   --secs=S         time bound of the rate benchmarks (default 1.5; --quick: 0.3)
 *   --out=FILE       write the Markdown report here (default RESULTS.md;
 *                    --quick writes none unless --out is given)
 *   --chart=FILE     PNG of the ratios (default ratios.png next to --out)
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
];
/*
 * The targets xsock is held to (xsock/builtin in one run; for rss_idle
 * builtin/xsock).  The table shows "met" or "no" beside each; the C
 * column says whether libssl itself gets there on the machine.
 */
const TARGETS = [
	'tls_bulk' => 4.0, 'tcp_bulk' => 1.5, 'hs_rsa' => 3.0, 'hs_ecdsa' => 3.0,
	'hs_resume' => 10.0, 'tcp_connect' => 1.0, 'rss_idle' => 3.0,
];
const TLS_BENCHES = ['tls_bulk', 'hs_rsa', 'hs_ecdsa', 'hs_resume', 'rss_idle', 'select'];
/* Rows bench/ceiling.c has no counterpart for: a PHP stream buffer has none in C. */
const NO_CEILING = ['mem_burst'];

function options(array $argv): array
{
	$o = [
		'rounds' => null, 'quick' => false, 'ext' => __DIR__ . '/../modules/xsock.so',
		'php' => PHP_BINARY, 'only' => '', 'builtin-only' => false, 'no-ceiling' => false,
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
	$kv = ['secs' => $o['secs']] + ($o['params'][$bench] ?? []) + ['certs' => __DIR__ . '/certs'];
	$args = '';
	foreach ($kv as $k => $v) {
		$args .= ' ' . escapeshellarg("$k=$v");
	}
	if ($who === 'ceiling') {
		$cmd = escapeshellarg(__DIR__ . '/ceiling') . ' ' . escapeshellarg($bench) . $args;
		$env = [];
	} else {
		$m = $modes[$who];
		$flags = in_array($bench, TLS_BENCHES, true) ? $m['tls_args'] : $m['args'];
		$cmd = escapeshellarg($o['php']) . " $flags bench.php run " . escapeshellarg($bench) . $args;
		$env = ['XSOCK_BENCH_PHP_ARGS' => $flags, 'XSOCK_BENCH_CEILING' => __DIR__ . '/ceiling'];
	}
	[$rc, $out, $err] = run_cmd($cmd, $env);
	$res = json_decode(trim($out), true);
	if ($rc !== 0 || !is_array($res)) {
		echo "\n  $who $bench failed (exit $rc): " . trim($err . $out) . "\n";
		return null;
	}
	return $res;
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

function run_bench(array $o, string $bench, array $modes): array
{
	$who = array_keys($modes);
	$row = ['values' => [], 'info' => []];
	printf("%-12s", $bench);
	for ($r = 0; $r < $o['rounds']; $r++) {
		/* builtin, xsock | xsock, builtin | ...: drift hits both alike. */
		$order = $r % 2 ? array_reverse($who) : $who;
		if ($o['has_ceiling'] && !$o['no-ceiling'] && !in_array($bench, NO_CEILING, true)) {
			$order[] = 'ceiling';
		}
		foreach ($order as $w) {
			if ($bench === 'select' && !$o['has_ceiling']) {
				continue;
			}
			$res = measure($o, $w, $bench, $modes);
			if ($res !== null) {
				$row['values'][$w][] = $res['value'];
				$row['info'][$w] = $res['info'];
				if (isset($res['cpu'])) {
					$row['cpu'][$w][] = $res['cpu'];
				}
			}
			echo '.';
		}
	}
	foreach ($row['values'] as $w => $v) {
		$row['median'][$w] = median($v);
	}
	foreach ($row['cpu'] ?? [] as $w => $v) {
		$row['cpu_median'][$w] = median($v);
	}
	echo "\n";
	return $row;
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
	$t = "| benchmark | unit | builtin | xsock | xsock/builtin | target | C ceiling | C/builtin |\n"
		. "|---|---|---:|---:|---:|---|---:|---:|\n";
	foreach ($rows as $bench => $row) {
		[$title, $unit, $higher] = BENCHES[$bench];
		$rx = ratio($row, $bench);
		$rc = ratio($row, $bench, 'ceiling');
		$mark = isset($modes['xsock']) && $modes['xsock']['note'] !== '' && in_array($bench, TLS_BENCHES, true) ? ' *' : '';
		$t .= sprintf("| %s (`%s`) | %s%s | %s | %s%s | %s | %s | %s | %s |\n",
			$title, $bench, $unit, $higher ? '' : ' (lower is better)',
			fmt($row['median']['builtin'] ?? null), fmt($row['median']['xsock'] ?? null), $mark,
			$rx === null ? '-' : sprintf('%.2f', $rx) . ($higher ? '' : ' (inverted)'),
			target_cell($bench, $rx),
			fmt($row['median']['ceiling'] ?? null),
			$rc === null ? '-' : sprintf('%.2f', $rc));
	}
	return $t;
}

function target_cell(string $bench, ?float $ratio): string
{
	if (!isset(TARGETS[$bench])) {
		return '';
	}
	$want = sprintf('>= %g', TARGETS[$bench]);
	return $ratio === null ? $want : $want . ($ratio >= TARGETS[$bench] ? ' met' : ' no');
}

/* CPU per operation; lower is better, so the ratio is builtin/xsock. */
function cpu_table(array $rows): string
{
	$t = "| benchmark | CPU per | builtin | xsock | builtin/xsock | C ceiling | builtin/C |\n"
		. "|---|---|---:|---:|---:|---:|---:|\n";
	foreach ($rows as $bench => $row) {
		$m = $row['cpu_median'] ?? [];
		if ($m === []) {
			continue;
		}
		$per = ['MiB/s' => 'MiB', 'conn/s' => 'connection', 'req/s' => 'request (server only)'][BENCHES[$bench][1]];
		$r = fn ($a, $b) => isset($m[$a], $m[$b]) && $m[$b] > 0 ? sprintf('%.2f', $m[$a] / $m[$b]) : '-';
		$t .= sprintf("| `%s` | %s, µs | %s | %s | %s | %s | %s |\n", $bench, $per,
			fmt($m['builtin'] ?? null), fmt($m['xsock'] ?? null), $r('builtin', 'xsock'),
			fmt($m['ceiling'] ?? null), $r('builtin', 'ceiling'));
	}
	return $t;
}

function main(array $argv): void
{
	$o = options($argv);
	chdir(__DIR__);
	prepare($o);
	$modes = modes($o);
	$only = $o['only'] === '' ? array_keys(BENCHES) : explode(',', $o['only']);
	$rows = [];
	$o['load_before'] = sh('cut -d" " -f1-3 /proc/loadavg');
	$t0 = microtime(true);
	echo "rounds: {$o['rounds']}, modes: " . implode(', ', array_keys($modes))
		. ($o['has_ceiling'] && !$o['no-ceiling'] ? ', ceiling' : '') . "\n";
	foreach ($only as $bench) {
		if (!isset(BENCHES[$bench])) {
			fwrite(STDERR, "unknown benchmark $bench\n");
			exit(2);
		}
		$rows[$bench] = run_bench($o, $bench, $modes);
	}
	$o['elapsed'] = microtime(true) - $t0;
	$o['load_after'] = sh('cut -d" " -f1-3 /proc/loadavg');
	$table = table($o, $rows, $modes);
	$cpu = cpu_table($rows);
	echo "\n", $table;
	echo "Ratios: > 1 means xsock is better; for RSS the ratio is builtin/xsock (lower RSS is better).\n";
	if (isset($modes['xsock']) && $modes['xsock']['note'] !== '') {
		echo "* {$modes['xsock']['note']}\n";
	}
	echo "\nCPU time per operation (client + server process unless noted; lower is better):\n", $cpu;
	printf("%.0f s\n", $o['elapsed']);
	if ($o['out'] !== null) {
		require __DIR__ . '/report.php';
		write_report($o, $rows, $modes, $table, $cpu);
	}
}

main($argv);
