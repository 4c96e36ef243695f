--TEST--
xsock_last_error(): `address` and `attempts` list every address Happy Eyeballs tried, each with its result
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!file_exists('/usr/lib/x86_64-linux-gnu/libnss_wrapper.so')) die('skip needs libnss-wrapper (apt-get install libnss-wrapper)');
if (@stream_socket_server('tcp://[::1]:0') === false) die('skip no IPv6 loopback');
require __DIR__ . '/../inc/worker.inc';
$hosts = tempnam(sys_get_temp_dir(), 'xsockhosts');
file_put_contents($hosts, "127.0.0.1 he.test\n");
$ip = trim((string) shell_exec('LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libnss_wrapper.so NSS_WRAPPER_HOSTS=' . escapeshellarg($hosts)
	. ' NSS_WRAPPER_PASSWD=/etc/passwd NSS_WRAPPER_GROUP=/etc/group ' . xsock_test_php() . ' -r ' . escapeshellarg('echo gethostbyname("he.test");') . ' 2>/dev/null'));
unlink($hosts);
if ($ip !== '127.0.0.1') die('skip nss_wrapper does not reach the worker PHP here');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/* One address, no name: the refused attempt is `address` and the only entry. */
$free = compat_free_addr();
@stream_socket_client("tcp://$free", $en, $es, 2);
$e = xsock_last_error();
var_dump($e['address'] === $free, count($e['attempts']), $e['attempts'][0]['result'], $e['attempts'][0]['errno'] === $en);

/*
 * A name with ::1 and 127.0.0.1 (nss_wrapper's hosts file).  "refused":
 * a port free on both families.  "dead": both addresses are listeners
 * with a full accept queue (SYNs dropped), so both attempts are still
 * waiting when the connect timeout fires.  "not tried": the same dead
 * pair, but the attempt delay is longer than the timeout.
 */
function listener(string $host, int $port): array
{
	$ctx = stream_context_create(['socket' => ['backlog' => 0]]);
	$h = strpos($host, ':') !== false ? "[$host]" : $host;
	$srv = @stream_socket_server("tcp://$h:$port", $en, $es, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
	if (!$srv) {
		return [];
	}
	$keep = [$srv];
	$name = stream_socket_get_name($srv, false);
	for ($i = 0; $i < 2; $i++) {
		$keep[] = stream_socket_client("tcp://$name", $en, $es, 1, STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT);
	}
	return $keep;
}

function dead_pair(): array
{
	for ($try = 0; $try < 20; $try++) {
		$v4 = listener('127.0.0.1', 0);
		$port = xsock_port(stream_socket_get_name($v4[0], false));
		$v6 = listener('::1', $port);
		if ($v6) {
			usleep(50000);
			return [$port, [$v4, $v6]];
		}
	}
	throw new RuntimeException('no port free on both families');
}

function free_pair(): int
{
	for ($try = 0; $try < 20; $try++) {
		$port = xsock_port(compat_free_addr());
		$v6 = @stream_socket_server("tcp://[::1]:$port");
		if ($v6) {
			fclose($v6);
			return $port;
		}
	}
	throw new RuntimeException('no port free on both families');
}

$hosts = tempnam(sys_get_temp_dir(), 'xsockhosts');
file_put_contents($hosts, "::1 he.test\n127.0.0.1 he.test\n");
$env = 'LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libnss_wrapper.so NSS_WRAPPER_HOSTS=' . escapeshellarg($hosts)
	. ' NSS_WRAPPER_PASSWD=/etc/passwd NSS_WRAPPER_GROUP=/etc/group ';

function run(string $env, int $port, float $timeout, int $delay): void
{
	$code = '$ctx = stream_context_create(["socket" => ["happy_eyeballs_delay" => ' . $delay . ']]);
		$c = @stream_socket_client("tcp://he.test:' . $port . '", $en, $es, ' . $timeout . ', STREAM_CLIENT_CONNECT, $ctx);
		$e = xsock_last_error();
		echo "phase=$e[phase] errno_name=$e[errno_name] errno_matches=", var_export($e["errno"] === $en, true),
			" address=", preg_replace("/:\d+$/", ":PORT", $e["address"]), "\n";
		foreach ($e["attempts"] as $a) {
			echo "  ", preg_replace("/:\d+$/", ":PORT", $a["address"]), " $a[result] $a[errno]\n";
		}';
	echo preg_replace('/\b(111|110)\b/', 'ERRNO', (string) shell_exec($env . xsock_test_php() . ' -r ' . escapeshellarg($code) . ' 2>&1'));
}

echo "-- refused\n";
run($env, free_pair(), 2, 250);
[$port, $keep] = dead_pair();
echo "-- dead\n";
run($env, $port, 1, 250);
echo "-- not tried\n";
run($env, $port, 0.5, 5000);
unset($keep);
unlink($hosts);
?>
--EXPECT--
bool(true)
int(1)
string(12) "ECONNREFUSED"
bool(true)
-- refused
phase=connect errno_name=ECONNREFUSED errno_matches=true address=127.0.0.1:PORT
  [::1]:PORT ECONNREFUSED ERRNO
  127.0.0.1:PORT ECONNREFUSED ERRNO
-- dead
phase=connect errno_name=ETIMEDOUT errno_matches=true address=[::1]:PORT
  [::1]:PORT timeout ERRNO
  127.0.0.1:PORT timeout ERRNO
-- not tried
phase=connect errno_name=ETIMEDOUT errno_matches=true address=[::1]:PORT
  [::1]:PORT timeout ERRNO
  127.0.0.1:PORT not tried 0
