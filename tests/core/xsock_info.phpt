--TEST--
xsock: php --ri xsock shows the version, OpenSSL and the served transports
--SKIPIF--
<?php if (!extension_loaded('xsock')) die('skip xsock only'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/worker.inc';

$out = (string) shell_exec(xsock_test_php() . ' --ri xsock 2>&1');
var_dump(str_starts_with(trim($out), 'xsock'));
var_dump(str_contains($out, 'Version'));
var_dump(str_contains($out, phpversion('xsock')));
var_dump(str_contains($out, 'OpenSSL'));

/* One line lists every scheme xsock serves, each as a whole word. */
$served = array_keys(array_filter(xsock_transports(), fn($v) => $v === 'xsock'));
$found = false;
foreach (explode("\n", $out) as $line) {
	$all = true;
	foreach ($served as $name) {
		if (!preg_match('/(?<![\w.])' . preg_quote($name, '/') . '(?![\w.])/', $line)) {
			$all = false;
			break;
		}
	}
	$found = $found || $all;
}
var_dump(count($served) > 0, $found);
/* How lookups are bounded by the connect timeout: the backend dns.c was built with. */
var_dump(preg_match('/^DNS lookups bounded by the connect timeout => (getaddrinfo_a|resolver thread|none \(blocking, as PHP\))$/m', $out));
if (!$found) {
	echo $out;
}
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
int(1)
