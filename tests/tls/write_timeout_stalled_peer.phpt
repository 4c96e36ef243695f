--TEST--
TLS: a blocking fwrite() to a peer that stopped reading ends after one stream timeout, with the bytes sent so far and timed_out set
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * The peer completes the handshake, then never reads: the client's send
 * buffer and the peer's receive buffer fill and the write has to wait.
 * PHP's own transport gives up after one timeout (its write loop stops at
 * the first call that times out); a transport that waits a full timeout
 * per call would take several.
 */
$w = xsock_tls_worker('
	[$srv, $addr] = xsock_tls_listen(xsock_server_ssl());
	xsock_worker_ready($addr);
	$c = stream_socket_accept($srv, 10);
	sleep(8);
');
$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
$c = stream_socket_client("tls://{$w['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
stream_set_timeout($c, 1);
$len = 32 << 20;
$t = microtime(true);
$n = @fwrite($c, str_repeat('x', $len));
$took = microtime(true) - $t;
var_dump(is_int($n) && $n > 0 && $n < $len);
var_dump(stream_get_meta_data($c)['timed_out']);
var_dump($took >= 0.9 && $took < 1.9 ? 'one timeout' : "took $took s");
xsock_proc_stop($w);
?>
--EXPECT--
bool(true)
bool(true)
string(11) "one timeout"
