--TEST--
xsock: examples/tls_info.php prints xsock_tls_info() of a fresh and a resumed connection to its own openssl s_server
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$example = dirname(__DIR__, 2) . '/examples/tls_info.php';
exec('timeout 30 ' . xsock_test_php() . ' ' . escapeshellarg($example) . ' 2>&1', $out, $rc);
$text = implode("\n", $out);
echo "exit $rc\n";
echo preg_match_all('/\[protocol\] => TLSv1\.[23]/', $text), " sessions\n";
echo preg_match('/== second connection.*\[resumed\] => 1\s+\[resumed_from\] => cache/s', $text) ? "resumed\n" : "not resumed\n$text\n";
echo preg_match('/\[pin\] => sha256\/\/\S{44}/', $text) ? "pin\n" : "no pin\n";
?>
--EXPECT--
exit 0
2 sessions
resumed
pin
