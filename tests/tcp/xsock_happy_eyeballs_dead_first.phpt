--TEST--
xsock: Happy Eyeballs: a name with a dead and a live address connects through the live one within the attempt delay, whichever the resolver lists first
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!file_exists('/usr/lib/x86_64-linux-gnu/libnss_wrapper.so')) die('skip needs libnss-wrapper (apt-get install libnss-wrapper)');
if (@stream_socket_server('tcp://[::1]:0') === false) die('skip no IPv6 loopback');
/* A PHP wrapper that sets its own LD_PRELOAD (scripts/asan.sh) hides nss_wrapper. */
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
require __DIR__ . '/../inc/worker.inc';

/*
 * A name that resolves to ::1 and 127.0.0.1 comes from nss_wrapper's hosts
 * file (no root, no /etc/hosts).  The dead address is a listener whose
 * accept queue is full (backlog 0 plus one waiting connection): Linux drops
 * further SYNs, so a connect there hangs until its timeout, like a
 * blackholed route.  PHP tries the addresses in turn and gives the first
 * one the whole budget; xsock starts the next one after 250 ms.
 */
function listener(string $host, int $port, bool $dead): array
{
	$ctx = stream_context_create(['socket' => ['backlog' => 0]]);
	$h = strpos($host, ':') !== false ? "[$host]" : $host;
	$srv = @stream_socket_server("tcp://$h:$port", $en, $es, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
	if (!$srv) {
		return [null, []];
	}
	$fill = [];
	if ($dead) {
		$name = stream_socket_get_name($srv, false);
		for ($i = 0; $i < 2; $i++) {
			$fill[] = stream_socket_client("tcp://$name", $en, $es, 1, STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT);
		}
	}
	return [$srv, $fill];
}

/* The same port on both families: find one free on both. */
function pair(bool $deadV6): array
{
	for ($try = 0; $try < 20; $try++) {
		[$v4, $f4] = listener('127.0.0.1', 0, !$deadV6);
		$port = xsock_port(stream_socket_get_name($v4, false));
		[$v6, $f6] = listener('::1', $port, $deadV6);
		if ($v6) {
			usleep(50000);
			return [$port, [$v4, $v6, $f4, $f6]];
		}
	}
	throw new RuntimeException('no port free on both families');
}

$hosts = tempnam(sys_get_temp_dir(), 'xsockhosts');
file_put_contents($hosts, "::1 he.test\n127.0.0.1 he.test\n");
$env = 'LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libnss_wrapper.so NSS_WRAPPER_HOSTS=' . escapeshellarg($hosts)
	. ' NSS_WRAPPER_PASSWD=/etc/passwd NSS_WRAPPER_GROUP=/etc/group ';

foreach (['IPv6 dead' => true, 'IPv4 dead' => false] as $what => $deadV6) {
	[$port, $keep] = pair($deadV6);
	$code = '$t = microtime(true);
		$c = stream_socket_client("tcp://he.test:' . $port . '", $en, $es, 5);
		$el = microtime(true) - $t;
		echo $c ? "connected to " . stream_socket_get_name($c, true) : "failed: $es", "\n";
		echo $el < 1.5 ? "within the attempt delay" : "took $el s", "\n";';
	$out = shell_exec($env . xsock_test_php() . ' -r ' . escapeshellarg($code) . ' 2>&1');
	echo "-- $what\n", $out;
	unset($keep);
}
unlink($hosts);
?>
--EXPECTF--
-- IPv6 dead
connected to 127.0.0.1:%d
within the attempt delay
-- IPv4 dead
connected to [::1]:%d
within the attempt delay
