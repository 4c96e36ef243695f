--TEST--
reliability: TLS client handshake against a peer that resets, sends plaintext, or closes: false with PHP's warnings, bounded, no crash
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.inc';
if (!in_array('tls', stream_get_transports(), true)) die('skip tls transport needed');
if ($why = xsock_need_python_module('ssl')) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/* A raw TCP peer: reads the ClientHello's first bytes, then misbehaves. */
$peer = '
import socket, struct, time
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
print("READY 127.0.0.1:%d" % ls.getsockname()[1], flush=True)
ls.settimeout(10)
c, _ = ls.accept()
c.recv(5)
if MODE == "rst":
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
elif MODE == "garbage":
    c.recv(65536)
    c.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
    time.sleep(1)
elif MODE == "fin":
    c.shutdown(socket.SHUT_WR)
    time.sleep(1)
c.close()
';

foreach (['rst', 'garbage', 'fin'] as $mode) {
	echo "-- $mode\n";
	$p = xsock_python_start(str_replace('MODE', var_export($mode, true), $peer));
	$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
	$t = microtime(true);
	$errno = 42;
	[$c, $msgs] = xsock_catch(function () use ($p, $ctx, &$errno) {
		return stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	});
	$took = microtime(true) - $t;
	foreach ($msgs as $m) {
		echo '  warning: ', preg_replace('/127\.0\.0\.1:\d+/', '127.0.0.1:PORT', $m), "\n";
	}
	echo 'result: ', var_export($c, true), ', errno ', $errno, ', bounded: ', var_export($took < 3.0, true), "\n";
	xsock_proc_stop($p);
}
?>
--EXPECTF--
-- rst
  warning: stream_socket_client(): SSL: Connection reset by peer%S
  warning: stream_socket_client(): Failed to enable crypto%S
  warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:PORT (%s)
result: false, errno 0, bounded: true
-- garbage
  warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number%A
  warning: stream_socket_client(): Failed to enable crypto%S
  warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:PORT (%s)
result: false, errno 0, bounded: true
-- fin
  warning: stream_socket_client(): Failed to enable crypto%S
  warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:PORT (%s)
result: false, errno 0, bounded: true
