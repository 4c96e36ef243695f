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
	if (preg_match('#(^|/)\.[^/]+$|^(\.ci/|\.git|scripts/package\.php$|package\.xml$|bench/out/)#', $f)) {
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

/* Paths package.xml lists: its nested <dir>/<file> elements joined back up. */
function listed(string $xml): array
{
	$doc = new DOMDocument();
	$doc->loadXML($xml);
	$out = [];
	$walk = function (DOMElement $el, string $prefix) use (&$walk, &$out) {
		foreach ($el->childNodes as $n) {
			if (!$n instanceof DOMElement) {
				continue;
			}
			$name = $n->getAttribute('name');
			if ($n->tagName === 'dir') {
				$walk($n, $name === '/' ? '' : $prefix . $name . '/');
			} elseif ($n->tagName === 'file') {
				$out[$prefix . $name] = $n->getAttribute('role');
			}
		}
	};
	$walk($doc->getElementsByTagName('contents')->item(0), '');
	return $out;
}

/* The <contents> element: one <dir> per folder, as PECL packages are laid out. */
function contents(array $ship): string
{
	$tree = [];
	foreach ($ship as $f => $role) {
		$node = &$tree;
		$parts = explode('/', $f);
		$file = array_pop($parts);
		foreach ($parts as $d) {
			$node = &$node['dirs'][$d];
		}
		$node['files'][$file] = $role;
		unset($node);
	}
	$emit = function (array $node, int $depth) use (&$emit): string {
		$pad = str_repeat(' ', $depth);
		$out = '';
		if (isset($node['dirs'])) {
			ksort($node['dirs']);
		}
		foreach ($node['dirs'] ?? [] as $d => $sub) {
			$out .= "$pad<dir name=\"" . htmlspecialchars($d) . "\">\n" . $emit($sub, $depth + 1) . "$pad</dir>\n";
		}
		foreach ($node['files'] ?? [] as $f => $role) {
			$out .= "$pad<file name=\"" . htmlspecialchars($f) . "\" role=\"$role\"/>\n";
		}
		return $out;
	};
	$tree['dirs'] = $tree['dirs'] ?? [];
	return "<contents>\n  <dir name=\"/\">\n" . $emit($tree, 3) . "  </dir>\n </contents>";
}

$xml = file_get_contents('package.xml');
if (in_array('--check', $argv, true)) {
	$have = listed($xml);
	$missing = array_diff_key($ship, $have);
	foreach (array_keys($missing) as $f) {
		fwrite(STDERR, "package.xml does not list $f\n");
	}
	echo count($ship) - count($missing), " of ", count($ship), " shipped files listed in package.xml\n";
	exit($missing ? 1 : 0);
}

$xml = preg_replace('#<contents>.*</contents>#s', contents($ship), $xml);
file_put_contents('package.xml', $xml);
echo count($ship), " files listed\n";
