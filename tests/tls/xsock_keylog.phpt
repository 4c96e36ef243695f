--TEST--
TLS (xsock only): xsock.keylog allows ssl.keylog_file and SSLKEYLOGFILE (0600 file, one line per secret, a warning once per process); off by default, symlinks and bad values refused
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($why = xsock_need_program('openssl')) die($why);
?>
--INI--
xsock.keylog=1
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$dir = sys_get_temp_dir() . '/xsock-keylog-' . getmypid();
@mkdir($dir, 0700);
umask(022);	/* the file must be 0600 whatever the umask lets through */

/* One HTTP request to a fresh s_server; $args picks the protocol. */
function fetch(string $args, array $ssl): bool
{
	$p = xsock_s_server("-cert {certs}/server.pem -naccept 1 -www $args");
	$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => xsock_client_ssl($ssl)]));
	$ok = $c !== false && fwrite($c, "GET / HTTP/1.0\r\n\r\n") > 0 && stream_get_contents($c) !== '';
	if ($c) {
		fclose($c);
	}
	xsock_proc_stop($p);
	return $ok;
}

/* The labels of a key log, sorted (NSS key log format: LABEL <client random> <secret>); OpenSSL versions may log in another order. */
function labels(string $file): string
{
	$out = [];
	foreach (file($file, FILE_IGNORE_NEW_LINES) as $line) {
		$out[] = preg_match('/^([A-Z_0-9]+) [0-9a-f]{64} [0-9a-f]{64,}$/', $line, $m) ? $m[1] : "bad line: $line";
	}
	sort($out);
	return implode(' ', $out);
}

$log = "$dir/keys.log";
echo "TLS 1.3:\n";
var_dump(fetch('-tls1_3', ['keylog_file' => $log]));
printf("mode %o\n", fileperms($log) & 0777);
echo labels($log), "\n";

echo "TLS 1.2, appended, no second warning:\n";
var_dump(fetch('-tls1_2', ['keylog_file' => $log]));
echo labels($log), "\n";

echo "a symlink is not followed:\n";
symlink("$dir/target", "$dir/link");
var_dump(fetch('', ['keylog_file' => "$dir/link"]));
var_dump(file_exists("$dir/target"));

echo "not a path:\n";
var_dump(fetch('', ['keylog_file' => ['x']]));

/* SSLKEYLOGFILE for a process with xsock.keylog on; ignored with it off (the default), as is keylog_file. */
/* The s_server peer runs from this process: only the PHP client sees SSLKEYLOGFILE. */
$client = 'require ' . var_export(__DIR__ . '/../inc/tls.inc', true) . ';
$o = xsock_client_ssl(isset($argv[2]) ? ["keylog_file" => $argv[2]] : []);
$c = stream_socket_client("tls://$argv[1]", $en, $es, 5, STREAM_CLIENT_CONNECT, stream_context_create(["ssl" => $o]));
fwrite($c, "GET / HTTP/1.0\r\n\r\n");
echo stream_get_contents($c) !== "" ? "fetched\n" : "nothing\n";';
file_put_contents("$dir/client.php", "<?php $client");
foreach (['1' => 'env-on.log', '0' => 'env-off.log'] as $on => $name) {
	echo "SSLKEYLOGFILE, xsock.keylog=$on: ";
	$p = xsock_s_server("-cert {certs}/server.pem -naccept 1 -www");
	$cmd = 'SSLKEYLOGFILE=' . escapeshellarg("$dir/$name") . ' ' . xsock_test_php() . " -d xsock.keylog=$on -d display_errors=stderr "
		. escapeshellarg("$dir/client.php") . ' ' . escapeshellarg($p['addr']) . ' 2>&1';
	echo preg_replace('/^PHP Warning: +/m', 'Warning: ', trim((string) shell_exec($cmd))), "\n";
	xsock_proc_stop($p);
	/* libcurl (php-curl, loaded on Debian 13) creates SSLKEYLOGFILE empty at start-up: what counts is what is in it. */
	$l = file_exists("$dir/$name") ? labels("$dir/$name") : '';
	var_dump($l === '' ? 'no secrets' : $l);
}
echo "keylog_file, xsock.keylog=0: ";
$p = xsock_s_server("-cert {certs}/server.pem -naccept 1 -www");
echo trim((string) shell_exec(xsock_test_php() . ' -d xsock.keylog=0 ' . escapeshellarg("$dir/client.php") . ' '
	. escapeshellarg($p['addr']) . ' ' . escapeshellarg("$dir/opt-off.log") . ' 2>&1')), "\n";
xsock_proc_stop($p);
var_dump(file_exists("$dir/opt-off.log"));

foreach (glob("$dir/*") as $f) {
	unlink($f);
}
rmdir($dir);
?>
--EXPECTF--
TLS 1.3:

Warning: stream_socket_client(): xsock.keylog is on: TLS secrets are being written to %s/keys.log (SSLKEYLOGFILE format); whoever can read that file can decrypt this process's TLS traffic in %s on line %d
bool(true)
mode 600
CLIENT_HANDSHAKE_TRAFFIC_SECRET CLIENT_TRAFFIC_SECRET_0 EXPORTER_SECRET SERVER_HANDSHAKE_TRAFFIC_SECRET SERVER_TRAFFIC_SECRET_0
TLS 1.2, appended, no second warning:
bool(true)
CLIENT_HANDSHAKE_TRAFFIC_SECRET CLIENT_RANDOM CLIENT_TRAFFIC_SECRET_0 EXPORTER_SECRET SERVER_HANDSHAKE_TRAFFIC_SECRET SERVER_TRAFFIC_SECRET_0
a symlink is not followed:

Warning: stream_socket_client(): xsock.keylog: cannot append TLS secrets to %s/link: it is a symlink, which is not followed; this connection's secrets are not logged in %s on line %d
bool(true)
bool(false)
not a path:

Warning: stream_socket_client(): ssl.keylog_file must be a non-empty path string; no TLS secrets are logged in %s on line %d
bool(true)
SSLKEYLOGFILE, xsock.keylog=1: Warning: stream_socket_client(): xsock.keylog is on: TLS secrets are being written to %s/env-on.log (SSLKEYLOGFILE format); whoever can read that file can decrypt this process's TLS traffic in %s on line %d
fetched
string(%d) "CLIENT_HANDSHAKE_TRAFFIC_SECRET CLIENT_TRAFFIC_SECRET_0 EXPORTER_SECRET SERVER_HANDSHAKE_TRAFFIC_SECRET SERVER_TRAFFIC_SECRET_0"
SSLKEYLOGFILE, xsock.keylog=0: fetched
string(10) "no secrets"
keylog_file, xsock.keylog=0: fetched
bool(false)
