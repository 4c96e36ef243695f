<?php
/*
 * scan.php - sort the sanitizer reports of an asan.sh run.
 *
 *   php scripts/asan/scan.php LOGDIR SRCDIR
 *
 * LOGDIR holds one file per process (ASan/LSan: asan.PID, UBSan:
 * ubsan.PID).  Each report (a memory error, one leak, one runtime error)
 * is xsock's when any of its stack frames is in xsock's sources or in
 * xsock.so; those are printed in full and counted.  The others come from
 * PHP, its extensions or its libraries; they are summarised only.
 * Exit status: the number of distinct xsock reports (capped at 100).
 */

if ($argc < 3) {
	fwrite(STDERR, "usage: scan.php LOGDIR SRCDIR\n");
	exit(2);
}
[, $logDir, $srcDir] = $argv;

/* A frame of ours: a path under the build copy (maybe stripped) or the module. */
function scan_is_ours(string $text, string $srcDir): bool
{
	$src = preg_quote(rtrim($srcDir, '/') . '/', '/');
	$re = '/^\s*#\d+ .*?(' . $src . '|[\s(])(xsock\.c|transports\/\w+\.[ch]|modules\/xsock\.so)\b/m';
	return preg_match($re, $text) === 1;
}

/*
 * Cut one log file into reports.  A memory error runs from its ERROR line
 * to its SUMMARY line (it has several stacks); a leak report is split
 * into one report per "Direct/Indirect leak" block; a UBSan report is the
 * "runtime error" line and the stack under it.
 */
function scan_split(string $log): array
{
	$reports = [];
	$lines = preg_split('/\r?\n/', $log);
	$cur = null;
	$kind = null;
	foreach ($lines as $line) {
		if (preg_match('/ERROR: AddressSanitizer:/', $line)) {
			$cur = [$line];
			$kind = 'asan';
			continue;
		}
		if ($kind === 'asan') {
			$cur[] = $line;
			if (str_starts_with($line, 'SUMMARY:')) {
				$reports[] = ['asan', implode("\n", $cur)];
				$cur = $kind = null;
			}
			continue;
		}
		if (preg_match('/^(Direct|Indirect) leak of/', $line) || str_contains($line, 'runtime error:')) {
			if ($cur !== null) {
				$reports[] = [$kind, implode("\n", $cur)];
			}
			$cur = [$line];
			$kind = str_contains($line, 'runtime error:') ? 'ubsan' : 'leak';
			continue;
		}
		if ($cur !== null) {
			if (trim($line) === '' || !preg_match('/^\s+#\d+ /', $line)) {
				$reports[] = [$kind, implode("\n", $cur)];
				$cur = $kind = null;
				continue;
			}
			$cur[] = $line;
		}
	}
	if ($cur !== null) {
		$reports[] = [$kind, implode("\n", $cur)];
	}
	return $reports;
}

/* The report without addresses, PIDs and sizes: equal stacks collapse. */
function scan_signature(string $report): string
{
	$s = preg_replace('/0x[0-9a-f]+/', '', $report);
	$s = preg_replace('/==\d+==/', '', $s);
	return preg_replace('/\d+ byte\(s\) in \d+ object\(s\)/', '', $s);
}

/* The first frame that is not the allocator or a sanitizer interceptor. */
function scan_first_frame(string $report): string
{
	foreach (preg_split('/\n/', $report) as $line) {
		if (preg_match('/^\s*#\d+ 0x[0-9a-f]+ in (\S+)(.*)$/', $line, $m)
			&& !preg_match('/^(__interceptor_|malloc|calloc|realloc|__sanitizer|__asan|__ubsan|_Z)/', $m[1])) {
			return $m[1] . $m[2];
		}
	}
	return '?';
}

$ours = [];
$foreign = [];
$files = glob(rtrim($logDir, '/') . '/*') ?: [];
foreach ($files as $file) {
	foreach (scan_split((string) file_get_contents($file)) as [$kind, $text]) {
		$sig = scan_signature($text);
		$slot = scan_is_ours($text, $srcDir) ? 'ours' : 'foreign';
		if (!isset($$slot[$sig])) {
			$$slot[$sig] = ['kind' => $kind, 'text' => $text, 'count' => 0, 'file' => basename($file)];
		}
		$$slot[$sig]['count']++;
	}
}

echo "== sanitizer reports: ", count($files), " log file(s) in $logDir\n";
if ($foreign) {
	echo "not xsock's (PHP, its extensions or libraries; not failed): ", count($foreign), " distinct\n";
	foreach ($foreign as $r) {
		printf("  %-5s x%-3d %s\n", $r['kind'], $r['count'], scan_first_frame($r['text']));
	}
}
if ($ours) {
	echo "xsock's: ", count($ours), " distinct report(s)\n";
	foreach ($ours as $r) {
		echo "---- {$r['kind']} (x{$r['count']}, first in {$r['file']})\n{$r['text']}\n";
	}
} else {
	echo "xsock's: none\n";
}
exit(min(count($ours), 100));
