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
const PROFILE_WHO = ['builtin', 'xsock', 'ceiling', 'better', 'contract'];
/*
 * Libraries of the split by library, by file name: PHP is the php binary
 * and its extensions but xsock; what matches none (ld.so, the vDSO, PCRE)
 * is "other".
 */
const PROFILE_GROUPS = [
	'libcrypto' => '/^libcrypto\.so/',
	'libssl' => '/^libssl\.so/',
	'libc' => '/^libc\.so/',
	'xsock.so' => '/^xsock\.so$/',
	'PHP' => '#^php[0-9.]*$|/lib/php/#',
	'C program' => '/^ceiling$/',
];
/*
 * callgrind also simulates the caches and the branch predictor (valgrind's
 * model of this machine's L1 and last-level caches): the counts of what
 * makes the same instructions cost more cycles in a bigger process, which
 * no CPU time on a shared machine resolves to a few percent.
 */
const PROFILE_CALLGRIND = 'valgrind --tool=callgrind --cache-sim=yes --branch-sim=yes --trace-children=yes';

/* What each tool wrote for every process of one run, summed by event; null if it failed. */
function profile_count(array $o, string $tool, string $who, string $bench, array $modes, int $n): ?array
{
	[$key] = PROFILE_ROWS[$bench];
	$kv = array_merge($o['params'][$bench] ?? [], ['secs' => 3600, $key => $n, 'certs' => __DIR__ . '/certs']);
	[$cmd, $env] = command($o, $who, $bench, $modes, $kv);
	$dir = sys_get_temp_dir() . '/xsock-profile-' . getmypid();
	@mkdir($dir);
	$wrap = $tool === 'callgrind'
		? PROFILE_CALLGRIND . " --callgrind-out-file=$dir/cg.%p"
		: "strace -f -c -o $dir/strace.out";
	[$rc, $out] = run_cmd("$wrap $cmd", $env, 900);
	$sum = $rc === 0 && is_array(json_decode(trim($out), true)) ? profile_sum($tool, $dir) : null;
	array_map('unlink', glob("$dir/*"));
	rmdir($dir);
	return $sum;
}

/* strace: ['syscalls' => n]; callgrind: its events (Ir, I1mr, D1mr, Bcm, ...). */
function profile_sum(string $tool, string $dir): ?array
{
	if ($tool === 'strace') {
		/* strace -c's last line: "100.00 ... TOTAL_CALLS [ERRORS] total". */
		$lines = file("$dir/strace.out", FILE_IGNORE_NEW_LINES) ?: [];
		preg_match('/^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?total$/', (string) end($lines), $m);
		return isset($m[1]) ? ['syscalls' => (float) $m[1]] : null;
	}
	$sum = [];
	foreach (glob("$dir/cg.*") as $f) {
		/* Only processes of the benchmark (the shell of proc_open execs away). */
		$text = (string) file_get_contents($f);
		if (!preg_match('/^events: (.+)$/m', $text, $e) || !preg_match('/^summary: (.+)$/m', $text, $v)) {
			continue;
		}
		$names = explode(' ', trim($e[1]));
		$counts = explode(' ', trim($v[1]));
		foreach ($names as $i => $name) {
			$sum[$name] = ($sum[$name] ?? 0.0) + (float) ($counts[$i] ?? 0);
		}
		foreach (profile_by_object($text) as $group => $ir) {
			$sum["ob:$group"] = ($sum["ob:$group"] ?? 0.0) + $ir;
		}
	}
	return ($sum['Ir'] ?? 0.0) > 0 ? $sum : null;
}

/* The library an object file of a callgrind profile counts under (PROFILE_GROUPS). */
function profile_group(string $object): string
{
	$base = basename($object);
	foreach (PROFILE_GROUPS as $group => $re) {
		if (preg_match($re, $base) || preg_match($re, $object)) {
			return $group;
		}
	}
	return 'other';
}

/*
 * A callgrind profile's own instructions (Ir) by library.  Cost lines
 * follow "ob=" (the object of the functions after it); the one line after
 * "calls=" is a call's inclusive cost, counted in the callee already, so it
 * is skipped.  Names are compressed: "(3) /path" defines 3, "(3)" reuses it.
 */
function profile_by_object(string $text): array
{
	$names = [];
	$by = [];
	$group = 'other';
	$skip = false;
	foreach (explode("\n", $text) as $line) {
		$c = $line[0] ?? '';
		if (ctype_digit($c) || $c === '+' || $c === '-' || $c === '*') {
			if (!$skip) {
				$f = explode(' ', $line, 3);
				$by[$group] = ($by[$group] ?? 0.0) + (float) ($f[1] ?? 0);
			}
			$skip = false;
		} elseif (str_starts_with($line, 'calls=')) {
			$skip = true;
		} elseif (preg_match('/^(c?)ob=(?:\((\d+)\))?\s*(.*)$/', $line, $m)) {
			/* A callee's "cob=" can be the one that defines a name. */
			if ($m[3] !== '') {
				$names[$m[2]] = profile_group($m[3]);
			}
			if ($m[1] === '') {
				$group = $names[$m[2]] ?? 'other';
			}
		}
	}
	return $by;
}

/* [who => [event => count per op]] of one row: Ir and the simulated misses, syscalls. */
function profile_row(array $o, string $bench, array $modes): array
{
	[, $n1, $n2, , $tools] = PROFILE_ROWS[$bench];
	$row = [];
	foreach (PROFILE_WHO as $who) {
		if (!isset($modes[$who]) && !in_array($who, ['ceiling', 'better', 'contract'], true)
				|| $who === 'better' && in_array($bench, BETTER_IS_C, true)
				|| $who === 'contract' && !in_array($bench, CONTRACT, true)) {
			continue;
		}
		foreach (['callgrind', 'strace'] as $tool) {
			if (!in_array($tool, $tools, true)) {
				continue;
			}
			$a = profile_count($o, $tool, $who, $bench, $modes, $n1);
			$b = profile_count($o, $tool, $who, $bench, $modes, $n2);
			foreach ($a !== null && $b !== null ? $b : [] as $event => $count) {
				$row[$who][$event] = ($count - ($a[$event] ?? 0.0)) / ($n2 - $n1);
			}
			echo '.';
		}
	}
	return better_as_c($bench, $row);
}

/* KCachegrind's cycle estimate: Ir + 10 x (L1 misses + mispredicts) + 100 x LL misses. */
function profile_cycles(array $e): ?float
{
	if (!isset($e['Ir'], $e['I1mr'], $e['Bcm'])) {
		return null;
	}
	$l1 = $e['I1mr'] + $e['D1mr'] + $e['D1mw'];
	$ll = $e['ILmr'] + $e['DLmr'] + $e['DLmw'];
	return $e['Ir'] + 10 * ($l1 + $e['Bcm'] + $e['Bim']) + 100 * $ll;
}

function profile_table(array $o, array $modes): string
{
	$t = "| benchmark | per | builtin | xsock | C ceiling | C better | C contract | xsock/C better | xsock/C contract "
		. "| syscalls: builtin | xsock | C ceiling | C better | C contract |\n"
		. "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
	$sim = $libs = '';
	$groups = [...array_keys(PROFILE_GROUPS), 'other'];
	foreach (array_keys(PROFILE_ROWS) as $bench) {
		if ($o['only'] !== '' && !in_array($bench, explode(',', $o['only']), true)) {
			continue;
		}
		printf("%-12s", $bench);
		$r = profile_row($o, $bench, $modes);
		echo "\n";
		$k = fn (?float $v) => $v === null ? '-' : number_format($v / 1e3, $v < 1e5 ? 1 : 0, '.', ',') . ' K';
		$ins = fn ($w) => $k($r[$w]['Ir'] ?? null);
		$sys = fn ($w) => isset($r[$w]['syscalls']) ? sprintf('%.1f', $r[$w]['syscalls']) : '-';
		/* $a over $b, where $b's program runs enough instructions for a ratio: a plain connect is all system calls. */
		$pct = fn (?float $a, ?float $b, ?float $ir) => $a !== null && $b > 0 && $ir >= 1e5
			? sprintf('%+.1f %%', 100 * ($a / $b - 1)) : '-';
		$rel = fn ($w) => $pct($r['xsock']['Ir'] ?? null, $r[$w]['Ir'] ?? null, $r[$w]['Ir'] ?? null);
		$t .= sprintf("| `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $bench,
			PROFILE_ROWS[$bench][3], $ins('builtin'), $ins('xsock'), $ins('ceiling'), $ins('better'),
			$ins('contract'), $rel('better'), $rel('contract'),
			$sys('builtin'), $sys('xsock'), $sys('ceiling'), $sys('better'), $sys('contract'));
		$libs .= profile_libs_row($bench, $r, $k, $groups);
		if (!isset($r['contract']['I1mr'], $r['xsock']['I1mr'])) {
			continue;
		}
		[$x, $c] = [$r['xsock'], $r['contract']];
		[$cx, $cc] = [profile_cycles($x), profile_cycles($c)];
		$sim .= sprintf("| `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $bench, PROFILE_ROWS[$bench][3],
			$k($x['I1mr']), $k($c['I1mr']), $k($x['D1mr'] + $x['D1mw']), $k($c['D1mr'] + $c['D1mw']),
			$k($x['Bcm'] + $x['Bim']), $k($c['Bcm'] + $c['Bim']), $k($cx), $k($cc),
			$pct($cx, $cc, $c['Ir']));
	}
	if ($libs !== '') {
		$t .= "\nInstructions by library (the same callgrind runs): xsock's, and in brackets what it runs "
			. "more (+) or fewer (-) than C contract:\n\n| benchmark | per | "
			. implode(' | ', $groups) . " |\n|---|---" . str_repeat('|---:', count($groups)) . "|\n" . $libs;
	}
	return $sim === '' ? $t : $t . "\nSimulated caches and branch predictor (the same callgrind runs), against C contract:\n\n"
		. "| benchmark | per | L1i misses: xsock | C contract | L1d misses: xsock | C contract "
		. "| mispredicts: xsock | C contract | cycle estimate: xsock | C contract | xsock/C contract |\n"
		. "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n" . $sim;
}

/*
 * One row of the split by library: where xsock's extra instructions over
 * C contract run, or '' without both.  On hs_resume about half of libssl's
 * extra is PHP's default cipher list (74 suites against OpenSSL's 30,
 * which libssl filters per handshake); PHP's is stream and context work.
 */
function profile_libs_row(string $bench, array $r, callable $k, array $groups): string
{
	if (!isset($r['xsock']['Ir'], $r['contract']['Ir'])) {
		return '';
	}
	$row = "| `$bench` | " . PROFILE_ROWS[$bench][3];
	foreach ($groups as $g) {
		[$x, $c] = [$r['xsock']["ob:$g"] ?? 0.0, $r['contract']["ob:$g"] ?? 0.0];
		$row .= ' | ' . $k($x) . sprintf(' (%+.1f K)', ($x - $c) / 1e3);
	}
	return $row . " |\n";
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
an untraced run. The same callgrind runs simulate valgrind's model of this
machine's caches and branch predictor (`--cache-sim=yes --branch-sim=yes`):
L1 instruction and data misses and mispredicted branches per operation, and
KCachegrind's cycle estimate (Ir + 10 x (L1 misses + mispredicts) + 100 x
last-level misses), against C contract, the C program with the same system
calls. They show what makes the same work cost more cycles in a bigger
process, which CPU times on a shared machine cannot resolve to a few percent.
The split by library adds up each library's own instructions (callgrind's
self cost by object file) over both processes: it shows whether xsock's
extra instructions run in its own code, in PHP or in OpenSSL.
MD;
