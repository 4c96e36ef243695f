--TEST--
tls (xsock only on PHP < 8.6): socket keepalive options on tls:// clients, accepted tls:// streams and persistent streams
--EXTENSIONS--
sockets
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only: PHP < 8.6 ignores these options');
if (!is_executable('/usr/bin/ss') && !is_executable('/bin/ss')) die('skip ss (iproute2) needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * ext/sockets cannot import a TLS stream, so the keepalive timer is read
 * with ss(8): "timer:(keepalive,41sec,0)" counts down from tcp_keepidle.
 * Linger and user timeout read-back is in tests/tcp/xsock_so_keepalive.phpt
 * (the same code sets them for every TCP-based scheme).
 */
const SHOW = '
function show(string $who, $s): void
{
	$port = (int) substr(strrchr(stream_socket_get_name($s, false), ":"), 1);
	/* While sent bytes wait for their ACK, ss shows the retransmit timer instead. */
	for ($i = 0; $i < 40; $i++, usleep(25000)) {
		$out = shell_exec("ss -tnoH state established \"( sport = :$port )\" 2>&1");
		if (preg_match("/timer:\\(keepalive,(\\d+)sec/", (string) $out, $m)) {
			break;
		}
	}
	if (!$m) {
		echo "$who: no keepalive timer: $out\n";
		return;
	}
	echo "$who: keepalive timer ", intdiv((int) $m[1] + 4, 5) * 5, "s\n";	/* counts down: round up to 5 s */
}';
eval(SHOW);

$ctx = stream_context_create([
	'ssl' => xsock_server_ssl(),
	'socket' => ['so_keepalive' => true, 'tcp_keepidle' => 50, 'tcp_keepintvl' => 11, 'tcp_keepcnt' => 4,
		'so_linger' => 3, 'tcp_user_timeout' => 9000],
]);
[$srv, $addr] = xsock_listen('tls', '127.0.0.1', $ctx);
$w = xsock_tls_worker(SHOW . '
	xsock_worker_ready();
	$opts = ["ssl" => xsock_client_ssl(), "socket" => ["so_keepalive" => true, "tcp_keepidle" => "40",
		"tcp_keepintvl" => 7, "tcp_keepcnt" => 2, "so_linger" => 1, "tcp_user_timeout" => 2500]];
	$c = stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT,
		stream_context_create($opts));
	show("tls client", $c);
	echo fgets($c);
	/* Persistent: the options reach the socket made for the first call. */
	$flags = STREAM_CLIENT_CONNECT | STREAM_CLIENT_PERSISTENT;
	$opts["socket"]["tcp_keepidle"] = 30;
	$p = stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, $flags, stream_context_create($opts));
	show("persistent tls client", $p);
	echo fgets($p);
	/* The same persistent id again: the stream (and socket) of the first call. */
	$opts["socket"]["tcp_keepidle"] = 20;
	$q = stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, $flags, stream_context_create($opts));
	var_dump($q === $p);
	show("persistent tls client again", $q);
	$k = socket_import_stream(pfsockopen("127.0.0.1", ' . var_export(xsock_port($addr), true) . '));
	echo "pfsockopen (no context): keepalive=", socket_get_option($k, SOL_SOCKET, SO_KEEPALIVE), "\n";
');
$c = stream_socket_accept($srv, 5);
show('accepted tls', $c);
fwrite($c, "one\n");
$p = stream_socket_accept($srv, 5);
show('accepted persistent tls', $p);
fwrite($p, "two\n");
echo xsock_peer_wait($w);
?>
--EXPECT--
accepted tls: keepalive timer 50s
accepted persistent tls: keepalive timer 50s
tls client: keepalive timer 40s
one
persistent tls client: keepalive timer 30s
two
bool(true)
persistent tls client again: keepalive timer 30s
pfsockopen (no context): keepalive=0
