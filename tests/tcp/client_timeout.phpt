--TEST--
tcp: connect timeout (accept queue full through the backlog option) gives errno 110
--SKIPIF--
<?php
/* With tcp_abort_on_overflow a full queue answers RST, so nothing times out. */
$f = '/proc/sys/net/ipv4/tcp_abort_on_overflow';
if (PHP_OS_FAMILY !== 'Linux') die('skip Linux accept-queue behaviour');
if (is_readable($f) && trim(file_get_contents($f)) !== '0') die('skip tcp_abort_on_overflow is on');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/*
 * With backlog 0 Linux queues one connection; further SYNs are dropped,
 * so a connect can only time out.  No address off the machine is needed.
 */
$ctx = stream_context_create(['socket' => ['backlog' => 0]]);
[$srv, $addr] = xsock_listen('tcp', '127.0.0.1', $ctx);
$fill = [];
for ($i = 0; $i < 2; $i++) {
	$fill[] = stream_socket_client("tcp://$addr", $en, $es, 1, STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT);
}
usleep(50000);

$t = microtime(true);
$c = stream_socket_client("tcp://$addr", $errno, $errstr, 0.3);
$el = microtime(true) - $t;
var_dump($c, $errno, $errstr);
var_dump($el > 0.2 && $el < 2.0 ? 'bounded' : "took $el");

$port = xsock_port($addr);
$t = microtime(true);
$f = fsockopen('127.0.0.1', $port, $errno, $errstr, 0.3);
$el = microtime(true) - $t;
var_dump($f, $errno, $errstr);
var_dump($el > 0.2 && $el < 2.0 ? 'bounded' : "took $el");
?>
--EXPECTF--
Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (Connection timed out)%S in %s on line %d
bool(false)
int(110)
string(20) "Connection timed out"
string(7) "bounded"

Warning: fsockopen(): Unable to connect to 127.0.0.1:%d (Connection timed out)%S in %s on line %d
bool(false)
int(110)
string(20) "Connection timed out"
string(7) "bounded"
