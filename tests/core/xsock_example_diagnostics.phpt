--TEST--
xsock: examples/diagnostics_errors.php prints xsock_tls_info() of a good connection and xsock_last_error() of a refused connect, a wrong host name and implicit TLS to a STARTTLS port
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

$example = dirname(__DIR__, 2) . '/examples/diagnostics_errors.php';
exec('timeout 30 ' . xsock_test_php() . ' ' . escapeshellarg($example) . ' 2>&1', $out, $rc);
$text = implode("\n", $out);
echo "exit $rc\n";
/* Each section's phase (and its first details), in order. */
preg_match_all('/^== .*$\n(?:  (?:phase|session|errno_name|peer_name|attempt): .*\n?)*/m', $text, $m);
foreach ($m[0] as $section) {
	echo preg_replace(['/\d+\.\d+\.\d+\.\d+:\d+/', '/TLSv1\.[23], \S+ \(\d+ bits\), group \S+/'], ['ADDR', 'TLS SESSION'], rtrim($section)), "\n";
}
echo preg_match('/peer_name: +mail\.example\.net/', $text) && preg_match('/hint: +the certificate is for localhost \(its CN\)/', $text)
	? "name hint\n" : "no name hint\n";
echo preg_match('/hint: +the server sent a plaintext SMTP greeting \("220 mail\.example\.net ESMTP ready"\): this port expects STARTTLS/', $text)
	? "587 hint\n" : "no 587 hint\n";
echo preg_match('/\$errstr: +the server sent a plaintext SMTP greeting/', $text) ? "587 errstr\n" : "no 587 errstr\n";
echo preg_match('/pin: +sha256\/\/\S{44}/', $text) ? "pin\n" : "no pin\n";
if ($rc !== 0) {
	echo $text, "\n";
}
?>
--EXPECT--
exit 0
== good connection to localhost (ADDR)
  session:    TLS SESSION
== connection refused (ADDR)
  phase:      connect
  errno_name: ECONNREFUSED
== wrong host name (mail.example.net)
  phase:      verify
== implicit TLS to a submission port (587-style)
  phase:      tls_handshake
name hint
587 hint
587 errstr
pin
