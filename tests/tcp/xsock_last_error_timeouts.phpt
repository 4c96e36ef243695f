--TEST--
xsock_last_error(): connect, read and write timeouts name their phase, the budget that ran out and its length
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (PHP_OS_FAMILY !== 'Linux') die('skip Linux accept-queue behaviour');
$f = '/proc/sys/net/ipv4/tcp_abort_on_overflow';
if (is_readable($f) && trim(file_get_contents($f)) !== '0') die('skip tcp_abort_on_overflow is on');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';
require __DIR__ . '/../inc/tls.inc';

function show(string $what, $stream = null): void
{
	$e = xsock_last_error($stream);
	printf("%s: phase=%s errno_name=%s budget=%s timeout_ms=%d\n  hint=%s\n", $what, $e['phase'],
		$e['errno_name'], $e['budget'], $e['timeout_ms'], $e['hint']);
}

/* Connect: backlog 0 queues one connection, later SYNs are dropped (tests/tcp/client_timeout.phpt). */
$ctx = stream_context_create(['socket' => ['backlog' => 0]]);
[$srv, $addr] = xsock_listen('tcp', '127.0.0.1', $ctx);
$fill = [];
for ($i = 0; $i < 2; $i++) {
	$fill[] = stream_socket_client("tcp://$addr", $en, $es, 1, STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT);
}
usleep(50000);
$c = @stream_socket_client("tcp://$addr", $errno, $errstr, 0.3);
/* PHP's errstr is untouched: the budget lives in the record only. */
var_dump($errstr);
show('connect');
fclose($srv);
$fill = [];

/* Read: a peer that sends nothing within stream_set_timeout(). */
[$psrv, $c, $a] = compat_tcp_pair();
stream_set_timeout($c, 0, 200000);
var_dump(fread($c, 10), stream_get_meta_data($c)['timed_out']);
show('plain read', $c);
var_dump(xsock_last_error() === null || xsock_last_error()['phase'] !== 'read');

/* A TLS read the same way: the server accepts the handshake, then says nothing. */
[$srv, $addr] = xsock_tls_listen(xsock_server_ssl());
$w = xsock_tls_worker('
	xsock_worker_ready();
	$ctx = stream_context_create(["ssl" => ' . var_export(xsock_client_ssl(), true) . ']);
	$c = stream_socket_client("tls://' . $addr . '", $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
	usleep(1500000);
');
$t = stream_socket_accept($srv, 5);
stream_set_timeout($t, 0, 300000);
var_dump(fread($t, 10), stream_get_meta_data($t)['timed_out']);
show('tls read', $t);
xsock_peer_wait($w);

/* Write: the peer never reads, the send buffer fills, the write waits out the timeout. */
[$psrv, $c, $a] = compat_tcp_pair();
stream_set_timeout($c, 0, 200000);
$chunk = str_repeat('x', 65536);
for ($i = 0; $i < 400 && !stream_get_meta_data($c)['timed_out']; $i++) {
	@fwrite($c, $chunk);
}
show('write', $c);
?>
--EXPECTF--
string(20) "Connection timed out"
connect: phase=connect errno_name=ETIMEDOUT budget=connect timeout timeout_ms=300
  hint=127.0.0.1 port %d did not accept the connection within the connect timeout (0.300 s; the timeout argument or default_socket_timeout)
bool(false)
bool(true)
plain read: phase=read errno_name=ETIMEDOUT budget=stream timeout timeout_ms=200
  hint=the peer sent nothing within the stream timeout (0.200 s; default_socket_timeout or stream_set_timeout())
bool(true)
bool(false)
bool(true)
tls read: phase=read errno_name=ETIMEDOUT budget=stream timeout timeout_ms=300
  hint=the peer sent nothing within the stream timeout (0.300 s; default_socket_timeout or stream_set_timeout())
write: phase=write errno_name=EAGAIN budget=stream timeout timeout_ms=200
  hint=the peer took nothing within the stream timeout (0.200 s; default_socket_timeout or stream_set_timeout())
