--TEST--
tcp (xsock only on PHP < 8.6): so_keepalive, tcp_keepidle/keepintvl/keepcnt, so_linger, tcp_user_timeout on client and accepted sockets
--DESCRIPTION--
Modelled on php-src 8.6's so_keepalive.phpt, so_keepalive_string.phpt and
so_linger.phpt: the server's context shows on the accepted socket (the
kernel copies it from the listening one), the client's on the client.
PHP 8.2-8.5 ignore these options, so the test fails on their transports.
--EXTENSIONS--
sockets
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only: PHP < 8.6 ignores these options');
if (PHP_OS_FAMILY !== 'Linux') die('skip Linux option numbers (TCP_USER_TIMEOUT = 18)');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';
const TCP_USER_TIMEOUT_LINUX = 18;	/* ext/sockets has no constant before 8.5 */

/* A timer the kernel's sysctl default still holds prints as "sys". */
function timer($k, int $name, string $sysctl): string
{
	$v = socket_get_option($k, SOL_TCP, $name);
	return $v === (int) trim(file_get_contents("/proc/sys/net/ipv4/$sysctl")) ? 'sys' : (string) $v;
}

function show(string $who, $s): void
{
	$k = socket_import_stream($s);
	$l = socket_get_option($k, SOL_SOCKET, SO_LINGER);
	printf("%s: keepalive=%d idle=%s intvl=%s cnt=%s linger=%d/%d user_timeout=%d\n", $who,
		socket_get_option($k, SOL_SOCKET, SO_KEEPALIVE), timer($k, TCP_KEEPIDLE, 'tcp_keepalive_time'),
		timer($k, TCP_KEEPINTVL, 'tcp_keepalive_intvl'), timer($k, TCP_KEEPCNT, 'tcp_keepalive_probes'),
		$l['l_onoff'], $l['l_linger'], socket_get_option($k, SOL_TCP, TCP_USER_TIMEOUT_LINUX));
}

function pair(array $server, array $client): array
{
	[$srv, $addr] = xsock_listen('tcp', '127.0.0.1', stream_context_create(['socket' => $server]));
	$cli = stream_socket_client("tcp://$addr", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
		stream_context_create(['socket' => $client]));
	$acc = stream_socket_accept($srv, 5);
	return [$srv, $cli, $acc];
}

echo "-- integers\n";
[$srv, $cli, $acc] = pair(
	['so_keepalive' => true, 'tcp_keepidle' => 60, 'tcp_keepintvl' => 10, 'tcp_keepcnt' => 5, 'so_linger' => 10],
	['so_keepalive' => true, 'tcp_keepidle' => 30, 'tcp_keepintvl' => 5, 'tcp_keepcnt' => 3, 'so_linger' => 8,
	 'tcp_user_timeout' => 7000]);
show('accepted', $acc);
show('client', $cli);
fwrite($cli, "ping");
var_dump(compat_read($acc, 4));

echo "-- numeric strings (PHP 8.6, PR #20805)\n";
[$srv, $cli, $acc] = pair(
	['so_keepalive' => 1, 'tcp_keepidle' => '80', 'tcp_keepintvl' => '12', 'tcp_keepcnt' => '6', 'tcp_user_timeout' => '1500'],
	['so_keepalive' => 'yes', 'tcp_keepidle' => '31', 'tcp_keepintvl' => ' 6', 'tcp_keepcnt' => 4.0]);
show('accepted', $acc);
show('client', $cli);

echo "-- off, and so_linger <= 0\n";
[$srv, $cli, $acc] = pair(['so_keepalive' => false, 'so_linger' => 0], ['so_keepalive' => false, 'so_linger' => -5]);
show('accepted', $acc);
show('client', $cli);

echo "-- so_linger above 65535 is capped, as PHP 8.6 does\n";
[$srv, $cli, $acc] = pair([], ['so_linger' => 100000]);
show('client', $cli);

echo "-- no options: the kernel's defaults\n";
[$srv, $cli, $acc] = pair([], []);
show('accepted', $acc);
show('client', $cli);

echo "-- udp ignores them, as PHP 8.6 does\n";
$u = stream_socket_client('udp://127.0.0.1:9', $errno, $errstr, 1, STREAM_CLIENT_CONNECT,
	stream_context_create(['socket' => ['so_keepalive' => true, 'tcp_keepidle' => 'bad']]));
var_dump(is_resource($u), socket_get_option(socket_import_stream($u), SOL_SOCKET, SO_KEEPALIVE));
?>
--EXPECT--
-- integers
accepted: keepalive=1 idle=60 intvl=10 cnt=5 linger=1/10 user_timeout=0
client: keepalive=1 idle=30 intvl=5 cnt=3 linger=1/8 user_timeout=7000
string(4) "ping"
-- numeric strings (PHP 8.6, PR #20805)
accepted: keepalive=1 idle=80 intvl=12 cnt=6 linger=0/0 user_timeout=1500
client: keepalive=1 idle=31 intvl=6 cnt=4 linger=0/0 user_timeout=0
-- off, and so_linger <= 0
accepted: keepalive=0 idle=sys intvl=sys cnt=sys linger=0/0 user_timeout=0
client: keepalive=0 idle=sys intvl=sys cnt=sys linger=0/0 user_timeout=0
-- so_linger above 65535 is capped, as PHP 8.6 does
client: keepalive=0 idle=sys intvl=sys cnt=sys linger=1/65535 user_timeout=0
-- no options: the kernel's defaults
accepted: keepalive=0 idle=sys intvl=sys cnt=sys linger=0/0 user_timeout=0
client: keepalive=0 idle=sys intvl=sys cnt=sys linger=0/0 user_timeout=0
-- udp ignores them, as PHP 8.6 does
bool(true)
int(0)
