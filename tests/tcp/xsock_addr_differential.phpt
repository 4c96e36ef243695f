--TEST--
xsock: thousands of generated addresses give PHP's outcome on stream_socket_client() and stream_socket_server() (a worker without xsock against one with it), except the ports PHP would silently change, which get xsock's message
--SKIPIF--
<?php if (!extension_loaded('xsock')) die('skip xsock only: compares xsock with PHP'); ?>
--FILE--
<?php
/*
 * Differential: the same deterministic list of targets (seeded) goes
 * through a worker on PHP's own transports and one on xsock; every outcome
 * (return type, errno, errstr, warnings, the peer or local port) must be
 * equal, except where PHP's atoi() finds no digits, a negative number or
 * one above 65535 -- there xsock must refuse with exactly its message
 * (from PHP 8.4.28 on PHP refuses the last two itself, and xsock must say
 * what PHP says).
 * Which targets those are is worked out here, independently of addr.c.
 * Every target is on loopback: a sink worker listens on 127.0.0.1 and ::1
 * on one port P; F is a port where nothing listens.
 */
require __DIR__ . '/../inc/compat.inc';

const SEED = 74429;
const CLIENTS = 2400;
const SERVERS = 900;
/* Seen on Debian 13's 8.4.28 (8.4.27 truncated); 8.5.13 assumed alike. */
define('PHP_REFUSES_RANGE', (PHP_VERSION_ID >= 80428 && PHP_VERSION_ID < 80500) || PHP_VERSION_ID >= 80513);

$sink = xsock_worker_start(<<<'PHP'
	$ctx = stream_context_create(['socket' => ['backlog' => 511]]);
	for ($try = 0; $try < 20; $try++) {
		$s4 = stream_socket_server('tcp://127.0.0.1:0', $en, $es, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
		$port = xsock_port(stream_socket_get_name($s4, false));
		$s6 = @stream_socket_server("tcp://[::1]:$port", $en, $es, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
		if ($s6) {
			break;
		}
	}
	xsock_worker_ready((string) $port);
	for (;;) {
		$r = [$s4, $s6];
		$w = $e = null;
		if (stream_select($r, $w, $e, 1) > 0) {
			foreach ($r as $s) {
				if ($c = @stream_socket_accept($s, 0)) {
					fclose($c);
				}
			}
		}
	}
	PHP);
$P = (int) $sink['addr'];
$F = xsock_port(compat_free_addr());

/* ---- the targets ---- */

function pick(array $a)
{
	return $a[mt_rand(0, count($a) - 1)];
}

function port_text(int $P, int $F): string
{
	if (mt_rand(0, 9) === 0) {
		return pick(['http', ':' . $P, '[' . $P, ']', '', ' ', '+', '-', 'x' . $P, "\0" . $P, '0x50', '-0']);
	}
	$blank = pick(['', '', '', ' ', '  ', "\t", "\n", "\r", "\x0b", "\x0c", " \t"]);
	$sign = pick(['', '', '', '', '', '', '+', '+', '-', '--', '+-', ' ', '0', '00']);
	$num = (string) pick([$P, $P, $P, $F, $F, 0, 65535, 65536, $P + 65536, $P + 131072, $F + 65536,
		4294967296 + $P, 99999, '99999999999999999999', '', '0' . $P]);
	$suffix = pick(['', '', '', '/', '/client0', ':90', ':', ' ', 'x', 'abc', ']', '[', "\0",
		'://', '?a=1', '#f', '.5', 'e3', "\t", '/:' . $P, ' 80', ':' . $F]);
	return $blank . $sign . $num . $suffix;
}

function target(int $P, int $F): string
{
	/* Hosts that resolve without DNS, or fail before asking it ("", "::1" unbracketed). */
	$hosts = ['127.0.0.1', '127.0.0.1', '127.0.0.1', 'localhost', 'localhost', '[::1]', '[::1]', '::1', '',
		'[127.0.0.1]', '[localhost]', '127.1', '[]', '[::1', '[::ffff:127.0.0.1]', "127.0.0.1\0",
		/* inet_aton's forms and a case change: numeric or /etc/hosts answers, no DNS either */
		'0x7f.1', '2130706433', '0177.0.0.1', '127.000.000.001', 'LOCALHOST', '[0:0:0:0:0:0:0:1]'];
	/* No unknown scheme: PHP's core answers it, with an uninitialised $errno. */
	$schemes = ['tcp://', 'tcp://', 'udp://', ''];
	/* A missing or odd separator must not make a host that only DNS could answer. */
	$safe = ['127.0.0.1', 'localhost', '::1', '', '127.1', '::ffff:127.0.0.1',
		'0x7f.1', '2130706433', '0177.0.0.1', '127.000.000.001', 'LOCALHOST', '0:0:0:0:0:0:0:1'];
	do {
		$t = pick($schemes) . pick($hosts) . pick([':', ':', ':', ':', ':', ':', '::', '', ']:']) . port_text($P, $F);
		[$scheme, $name] = scheme_of($t);
		$split = split_name($name);
	} while (!in_array($scheme, ['tcp', 'udp'], true) || ($split !== null && !in_array($split[0], $safe, true)));
	return $t;
}

/* [scheme, name] as PHP's transports.c splits them: tcp when there is none. */
function scheme_of(string $target): array
{
	return preg_match('#^([A-Za-z0-9+.-]{2,})://(.*)$#s', $target, $m) ? [$m[1], $m[2]] : ['tcp', $target];
}

mt_srand(SEED);
$clients = $servers = [];
for ($i = 0; $i < CLIENTS; $i++) {
	$clients[] = target($P, $F);
}
for ($i = 0; $i < SERVERS; $i++) {
	$servers[] = target($P, $F);
}

/*
 * [host, port text] as PHP's parse_ip_address_ex splits a name
 * (php-transports-8.2.md §5.2), or null where PHP fails to parse it.
 */
function split_name(string $name): ?array
{
	if (str_contains($name, "\0")) {
		return null;
	}
	if (strlen($name) > 1 && $name[0] === '[') {
		/* "]" is looked for before the last character, and ":" must follow it. */
		$close = strpos(substr($name, 1, strlen($name) - 2), ']');
		if ($close === false || $name[$close + 2] !== ':') {
			return null;
		}
		return [substr($name, 1, $close), substr($name, $close + 3)];
	}
	$colon = strlen($name) > 1 ? strpos(substr($name, 0, -1), ':') : false;
	return $colon === false ? null : [substr($name, 0, $colon), substr($name, $colon + 1)];
}

/*
 * The refusals, from PHP's split and atoi(): null when xsock must behave
 * as PHP, else xsock's reason.  C's isspace() in the C locale is
 * " \t\n\v\f\r".  "[v6]:" (empty port) and an empty host stay PHP's.
 */
function port_parts(string $target): ?array
{
	$split = split_name(scheme_of($target)[1]);
	if ($split === null || $split[1] === '') {
		return null;
	}
	preg_match('/^[\x20\x09-\x0d]*([+-]?)([0-9]*)/', $split[1], $m);
	$digits = ltrim($m[2], '0');
	$range = $m[2] !== '' && (($m[1] === '-' && $digits !== '') || strlen($digits) > 5 || (int) $digits > 65535);
	return ['host' => $split[0], 'digits' => $m[2] !== '', 'range' => $range];
}

function refusal(string $target): ?string
{
	$p = port_parts($target);
	/* PHP 8.4.28+ refuses an out-of-range port itself, before it looks at the host. */
	if ($p === null || $p['host'] === '' || ($p['range'] && PHP_REFUSES_RANGE)) {
		return null;
	}
	if (!$p['digits']) {
		return 'port must be a number';
	}
	return $p['range'] ? 'port must be between 0 and 65535' : null;
}

/* ---- run them in both modes ---- */

$job = tempnam(sys_get_temp_dir(), 'xsockaddr');
file_put_contents($job, serialize(['P' => $P, 'F' => $F, 'clients' => $clients, 'servers' => $servers]));
$code = <<<'PHP'
	$job = unserialize(file_get_contents(JOB));
	$known = [$job['P'] => 'P', $job['F'] => 'F'];
	$warnings = [];
	set_error_handler(function ($no, $msg) use (&$warnings) {
		$warnings[] = $msg;
		return true;
	});
	$port = fn ($s, $peer) => $known[xsock_port(stream_socket_get_name($s, $peer))] ?? 'other';
	$out = ['clients' => [], 'servers' => [], 'slow' => 0];
	foreach ($job['clients'] as $t) {
		$warnings = [];
		$errno = $errstr = null;
		$t0 = hrtime(true);
		$c = stream_socket_client($t, $errno, $errstr, 0.5);
		$out['slow'] += hrtime(true) - $t0 >= 400e6;
		$out['clients'][] = [is_resource($c), $errno, $errstr, $warnings, $c ? $port($c, true) : null];
		if ($c) {
			fclose($c);
		}
	}
	foreach ($job['servers'] as $t) {
		$warnings = [];
		$errno = $errstr = null;
		$udp = str_starts_with($t, 'udp://');
		$s = stream_socket_server($t, $errno, $errstr, $udp ? STREAM_SERVER_BIND : STREAM_SERVER_BIND | STREAM_SERVER_LISTEN);
		$out['servers'][] = [is_resource($s), $errno, $errstr, $warnings, $s ? $port($s, false) : null];
		if ($s) {
			fclose($s);
		}
	}
	file_put_contents(JOB . '.' . (extension_loaded('xsock') ? 'xsock' : 'php'), serialize($out));
	xsock_worker_ready('done');
	PHP;
$results = [];
/* One after the other: both bind port F, which must be free for each. */
$code = 'const JOB = ' . var_export($job, true) . ";\n" . $code;
foreach (['php' => false, 'xsock' => true] as $mode => $xsock) {
	xsock_proc_stop(xsock_worker_start($code, 60.0, $xsock));
	$results[$mode] = unserialize(file_get_contents("$job.$mode"));
	unlink("$job.$mode");
}
unlink($job);
xsock_proc_stop($sink);

/* ---- compare ---- */

$stats = ['equal' => 0, 'ok' => 0, 'refused' => 0, 'nan' => 0, 'range' => 0];
$bad = [];
foreach (['clients' => 'stream_socket_client', 'servers' => 'stream_socket_server'] as $kind => $fn) {
	foreach ($$kind as $i => $t) {
		$php = $results['php'][$kind][$i];
		$x = $results['xsock'][$kind][$i];
		$why = refusal($t);
		if ($why === null) {
			$ok = $php === $x;
			$stats['equal'] += $ok;
			$stats['ok'] += $ok && $x[0];
			/* 8.4.28+: PHP's own range refusal, which xsock must give the same. */
			$stats['range'] += $ok && PHP_REFUSES_RANGE && (port_parts($t)['range'] ?? false);
		} else {
			$name = scheme_of($t)[1];
			$errstr = "Failed to parse address \"$name\": $why";
			$want = [false, 0, $errstr, ["$fn(): Unable to connect to $t ($errstr)"], null];
			$ok = $x === $want;
			$stats['refused'] += $ok;
			$stats[$why === 'port must be a number' ? 'nan' : 'range'] += $ok;
		}
		if (!$ok && count($bad) < 10) {
			$bad[] = "$fn " . json_encode($t) . "\n  php:   " . json_encode($php) . "\n  xsock: " . json_encode($x)
				. ($why === null ? '' : "\n  want:  " . json_encode($want));
		}
	}
}
$total = CLIENTS + SERVERS;
echo 'targets: ', $total, ', as PHP or refused as expected: ',
	$stats['equal'] + $stats['refused'] === $total ? 'all' : $stats['equal'] + $stats['refused'], "\n";
echo implode("\n", $bad), $bad ? "\n" : '';
/* The mix must exercise every branch, or the comparison proves little. */
var_dump($stats['ok'] >= 300, $stats['equal'] - $stats['ok'] >= 300, $stats['nan'] >= 100, $stats['range'] >= 200);
/*
 * Every target is on loopback, so no connect may wait out its 0.5 s
 * timeout (a lookup that went to DNS would).  Counted per call, not as
 * the total time, which depends on the machine's load (ASan in CI).
 */
echo 'connects that waited 0.4 s or more: php ', $results['php']['slow'], ', xsock ', $results['xsock']['slow'], "\n";
?>
--EXPECT--
targets: 3300, as PHP or refused as expected: all
bool(true)
bool(true)
bool(true)
bool(true)
connects that waited 0.4 s or more: php 0, xsock 0
