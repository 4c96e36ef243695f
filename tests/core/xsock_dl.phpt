--TEST--
xsock: dl('xsock.so') is refused: xsock's warning, then PHP ends the script
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!is_readable('/proc/self/maps')) die('skip needs /proc/self/maps to find xsock.so');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/* The runner loaded xsock with -d extension=...; find that file. */
$so = null;
foreach (file('/proc/self/maps') as $line) {
	if (preg_match('#\s(/\S*/xsock\.so)$#', trim($line), $m)) {
		$so = $m[1];
		break;
	}
}
var_dump($so !== null);

$php = getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY;
$cmd = escapeshellarg($php) . ' -n -d enable_dl=1 -d display_errors=1 -d log_errors=0'
	. ' -d extension_dir=' . escapeshellarg(dirname($so))
	. ' -r ' . escapeshellarg('var_dump(dl("xsock.so")); var_dump(extension_loaded("xsock")); echo "end\n";');
$r = compat_run($cmd);
echo $r['out'], "\n";
var_dump($r['signal'], $r['exit']);
?>
--EXPECTF--
bool(true)
%Axsock cannot be loaded with dl(): persistent streams would outlive the library; load it with extension=xsock in php.ini%A
Fatal error: Unable to start xsock module in %s

NULL
int(255)
