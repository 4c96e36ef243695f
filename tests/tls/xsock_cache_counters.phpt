--TEST--
TLS (xsock only): php --ri xsock / phpinfo() show xsock.keylog and the client session and SSL_CTX cache counters; a resumed reconnect counts a hit
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($why = xsock_need_program('openssl')) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/* The counters of one cache row of phpinfo(INFO_MODULES) (CLI: "name => value"). */
function counters(string $row): array
{
	ob_start();
	(new ReflectionExtension('xsock'))->info();
	$info = ob_get_clean();
	if (!preg_match('/^' . preg_quote($row, '/') . ' => entries: (\d+), hits: (\d+), misses: (\d+)$/m', $info, $m)) {
		return ['row missing' => $info];
	}
	return ['entries' => (int) $m[1], 'hits' => (int) $m[2], 'misses' => (int) $m[3]];
}

ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
echo preg_match('/^xsock\.keylog => Off => Off$/m', $info) ? "xsock.keylog shown\n" : $info;

$sess0 = counters('Client TLS session cache');
$ctx0 = counters('SSL_CTX cache');
var_dump($sess0['entries'] ?? null, $sess0['hits'] ?? null, $ctx0['hits'] ?? null);

/* Two connections with one option set: the second reuses the SSL_CTX and resumes the session. */
$p = xsock_s_server('-cert {certs}/server.pem -naccept 2 -www');
$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
$seen = [];
for ($i = 0; $i < 2; $i++) {
	$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	fwrite($c, "GET / HTTP/1.0\r\n\r\n");
	$seen[] = trim(xsock_lines(stream_get_contents($c), '/^(New|Reused),/', true));
	fclose($c);
	$seen[] = counters('Client TLS session cache');
}
xsock_proc_stop($p);
$ctx1 = counters('SSL_CTX cache');

[$first, $after1, $second, $after2] = $seen;
echo "first: $first\nsecond: $second\n";
echo 'first connection: a miss, tickets stored: ',
	var_export($after1['misses'] === $sess0['misses'] + 1 && $after1['hits'] === 0 && $after1['entries'] >= 1, true), "\n";
echo 'second connection: a hit: ', var_export($after2['hits'] === 1 && $after2['misses'] === $after1['misses'], true), "\n";
echo 'SSL_CTX: one built, then shared: ',
	var_export($ctx1['misses'] === $ctx0['misses'] + 1 && $ctx1['hits'] === $ctx0['hits'] + 1 && $ctx1['entries'] === 1, true), "\n";

/* An operator's view: php --ri xsock prints the same rows. */
$ri = (string) shell_exec(xsock_test_php() . ' --ri xsock 2>&1');
echo preg_match('/^Client TLS session cache => entries: 0, hits: 0, misses: 0$/m', $ri)
	&& preg_match('/^SSL_CTX cache => entries: 0, hits: 0, misses: 0$/m', $ri)
	&& preg_match('/^xsock\.keylog => /m', $ri) ? "--ri shows the rows\n" : $ri;
?>
--EXPECTF--
xsock.keylog shown
int(0)
int(0)
int(0)
first: New, TLSv1.3, Cipher is %s
second: Reused, TLSv1.3, Cipher is %s
first connection: a miss, tickets stored: true
second connection: a hit: true
SSL_CTX: one built, then shared: true
--ri shows the rows
