<?php
/*
 * profile.php - `run.sh --profile`: what one operation costs in user-space
 * instructions (callgrind) and in system calls (strace -c), client and
 * server processes together, for builtin, xsock, the C ceiling and C
 * better.  Neither depends on the machine's load, which moves the CPU
 * times of the main tables by +-15 % between rounds here; together they
 * split a CPU gap into "our code runs more instructions" and "we ask the
 * kernel more often".
 *
 * Each figure is marginal: the count of a run of N2 operations minus one
 * of N1, divided by N2 - N1, so process start-up, certificate loading and
 * PHP's compile step cancel out.  Servers are stopped with SIGTERM, so
 * callgrind writes their profiles too (bench.php peer_stop, ceiling reap).
 */

/*
 * bench => [size key, N1, N2, unit, tools]; the rate rows are bounded by
 * max=.  tls_bulk counts system calls only: its instructions are mostly
 * memcpy(), and glibc picks a different copy routine by size (`rep movsb`
 * counts once per iteration under valgrind), so the same bytes moved in
 * other sizes give counts 30 % apart that say nothing about CPU.
 */
const PROFILE_ROWS = [
	'tls_bulk' => ['mib', 8, 24, 'MiB', ['strace']],
	'hs_rsa' => ['max', 20, 100, 'connection', ['callgrind', 'strace']],
	'hs_ecdsa' => ['max', 20, 100, 'connection', ['callgrind', 'strace']],
	'hs_resume' => ['max', 20, 100, 'connection', ['callgrind', 'strace']],
	'tcp_connect' => ['max', 100, 500, 'connection', ['callgrind', 'strace']],
];
const PROFILE_WHO = ['builtin', 'xsock', 'ceiling', 'better'];

/* Sum of the counts a tool wrote for every process of one run; null if it failed. */
function profile_count(array $o, string $tool, string $who, string $bench, array $modes, int $n): ?float
{
	[$key] = PROFILE_ROWS[$bench];
	$kv = array_merge($o['params'][$bench] ?? [], ['secs' => 3600, $key => $n, 'certs' => __DIR__ . '/certs']);
	[$cmd, $env] = command($o, $who, $bench, $modes, $kv);
	$dir = sys_get_temp_dir() . '/xsock-profile-' . getmypid();
	@mkdir($dir);
	$wrap = $tool === 'callgrind'
		? "valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=$dir/cg.%p"
		: "strace -f -c -o $dir/strace.out";
	[$rc, $out] = run_cmd("$wrap $cmd", $env, 900);
	$sum = $rc === 0 && is_array(json_decode(trim($out), true)) ? profile_sum($tool, $dir) : null;
	array_map('unlink', glob("$dir/*"));
	rmdir($dir);
	return $sum;
}

function profile_sum(string $tool, string $dir): ?float
{
	if ($tool === 'strace') {
		/* strace -c's last line: "100.00 ... TOTAL_CALLS [ERRORS] total". */
		$lines = file("$dir/strace.out", FILE_IGNORE_NEW_LINES) ?: [];
		preg_match('/^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?total$/', (string) end($lines), $m);
		return isset($m[1]) ? (float) $m[1] : null;
	}
	$sum = 0.0;
	foreach (glob("$dir/cg.*") as $f) {
		/* Only processes of the benchmark (the shell of proc_open execs away). */
		if (preg_match('/^summary: (\d+)/m', (string) file_get_contents($f), $m)) {
			$sum += (float) $m[1];
		}
	}
	return $sum > 0 ? $sum : null;
}

/* [who => [instructions per op, system calls per op]] of one row. */
function profile_row(array $o, string $bench, array $modes): array
{
	[, $n1, $n2, , $tools] = PROFILE_ROWS[$bench];
	$row = [];
	foreach (PROFILE_WHO as $who) {
		if (!isset($modes[$who]) && !in_array($who, ['ceiling', 'better'], true)
				|| $who === 'better' && in_array($bench, BETTER_IS_C, true)) {
			continue;
		}
		foreach (['callgrind', 'strace'] as $i => $tool) {
			if (!in_array($tool, $tools, true)) {
				continue;
			}
			$a = profile_count($o, $tool, $who, $bench, $modes, $n1);
			$b = profile_count($o, $tool, $who, $bench, $modes, $n2);
			$row[$who][$i] = $a !== null && $b !== null ? ($b - $a) / ($n2 - $n1) : null;
			echo '.';
		}
	}
	return better_as_c($bench, $row);
}

function profile_table(array $o, array $modes): string
{
	$t = "| benchmark | per | builtin | xsock | C ceiling | C better | xsock/C better "
		. "| syscalls: builtin | xsock | C ceiling | C better |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
	foreach (array_keys(PROFILE_ROWS) as $bench) {
		if ($o['only'] !== '' && !in_array($bench, explode(',', $o['only']), true)) {
			continue;
		}
		printf("%-12s", $bench);
		$r = profile_row($o, $bench, $modes);
		echo "\n";
		$ins = fn ($w) => isset($r[$w][0]) ? number_format($r[$w][0] / 1e3, $r[$w][0] < 1e5 ? 1 : 0, '.', ',') . ' K' : '-';
		$sys = fn ($w) => isset($r[$w][1]) ? sprintf('%.1f', $r[$w][1]) : '-';
		/* A plain connect is all system calls: its few hundred instructions make no ratio. */
		$rel = isset($r['xsock'][0], $r['better'][0]) && $r['better'][0] >= 1e5 ? sprintf('%+.1f %%', 100 * ($r['xsock'][0] / $r['better'][0] - 1)) : '-';
		$t .= sprintf("| `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $bench, PROFILE_ROWS[$bench][3],
			$ins('builtin'), $ins('xsock'), $ins('ceiling'), $ins('better'), $rel,
			$sys('builtin'), $sys('xsock'), $sys('ceiling'), $sys('better'));
	}
	return $t;
}

const PROFILE_TEXT = <<<'MD'
`run.sh --profile`: user-space instructions (callgrind, `--trace-children=yes`)
and system calls (`strace -f -c`) of the client and the server process
together, per operation, as the difference between a run of N2 and one of N1
operations (start-up cancels out): tls_bulk 24 - 8 MiB, handshakes 100 - 20
connections, tcp_connect 500 - 100. tls_bulk has no instruction count: it is
mostly memcpy(), whose count under valgrind follows the copy routine glibc
picks for each size (`rep movsb` counts once per iteration), not the CPU.
Neither count depends on other load on the machine. Instructions are what each program's own code and the libraries
it calls execute; the system calls are what the kernel is asked for, whose
cost (TCP work, wake-ups) the CPU table above includes and callgrind does not.
strace slows the processes down, so a few more reads find no data yet than in
an untraced run.
MD;
