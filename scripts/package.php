<?php
/*
 * scripts/package.php - keep package.xml's file list equal to what git ships.
 *
 *   php scripts/package.php          rewrite the <contents> of package.xml
 *   php scripts/package.php --check  exit 1 and name every tracked file
 *                                    missing from package.xml (CI runs this,
 *                                    like APCu's checkrel.sh)
 */
chdir(dirname(__DIR__));

/* Which files ship, and in which role: build sources, tests, docs. */
function role(string $f): ?string
{
	if (preg_match('#^(\.ci/|\.git|scripts/package\.php$|package\.xml$|bench/out/)#', $f)) {
		return null;
	}
	if (str_starts_with($f, 'tests/')) {
		return 'test';
	}
	if (preg_match('#\.(c|h|m4|w32)$|\.stub\.php$#', $f) && !str_starts_with($f, 'fuzz/') && !str_starts_with($f, 'bench/')) {
		return 'src';
	}
	return 'doc';
}

$files = array_filter(explode("\n", trim((string) shell_exec('git ls-files'))));
$ship = [];
foreach ($files as $f) {
	if (($r = role($f)) !== null) {
		$ship[$f] = $r;
	}
}
ksort($ship);

$xml = file_get_contents('package.xml');
if (in_array('--check', $argv, true)) {
	$missing = [];
	foreach ($ship as $f => $r) {
		if (!str_contains($xml, 'name="' . $f . '"')) {
			$missing[] = $f;
		}
	}
	foreach ($missing as $f) {
		fwrite(STDERR, "package.xml does not list $f\n");
	}
	echo count($ship) - count($missing), " of ", count($ship), " shipped files listed in package.xml\n";
	exit($missing ? 1 : 0);
}

$lines = [];
foreach ($ship as $f => $r) {
	$lines[] = sprintf('   <file name="%s" role="%s"/>', htmlspecialchars($f), $r);
}
$contents = "<contents>\n  <dir name=\"/\">\n" . implode("\n", $lines) . "\n  </dir>\n </contents>";
$xml = preg_replace('#<contents>.*</contents>#s', $contents, $xml);
file_put_contents('package.xml', $xml);
echo count($ship), " files listed\n";
