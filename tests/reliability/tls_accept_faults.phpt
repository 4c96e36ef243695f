--TEST--
reliability: TLS server accept against clients that reset, speak plaintext, close or stay silent: false with PHP's warnings, bounded, and the server keeps serving
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.inc';
if (!in_array('tls', stream_get_transports(), true)) die('skip tls transport needed');
if (xsock_python() === null) die('skip python3 needed');
?>
--INI--
default_socket_timeout=1
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

[$srv, $addr] = xsock_tls_listen(xsock_server_ssl());
$client = '
import socket, struct, sys, time
mode = sys.argv[2]
c = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
if mode == "rst":
    c.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03")
    time.sleep(0.1)
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
elif mode == "plaintext":
    c.sendall(b"GET / HTTP/1.0\r\n\r\n")
    time.sleep(0.5)
elif mode == "fin":
    c.sendall(b"\x16\x03\x01\x02\x00")
    c.shutdown(socket.SHUT_WR)
    time.sleep(0.5)
elif mode == "silent":
    time.sleep(3)
c.close()
';
foreach (['rst', 'plaintext', 'fin', 'silent'] as $mode) {
	echo "-- $mode\n";
	$p = xsock_python_spawn($client, [xsock_port($addr), $mode]);
	$t = microtime(true);
	[$c, $msgs] = xsock_catch(fn() => stream_socket_accept($srv, 5));
	$took = microtime(true) - $t;
	foreach ($msgs as $m) {
		echo '  warning: ', $m, "\n";
	}
	/* The silent client costs the handshake timeout (default_socket_timeout). */
	echo 'result: ', var_export($c, true), ', bounded: ', var_export($took < 2.5, true), "\n";
	xsock_proc_stop($p);
}

$w = xsock_tls_worker('
	xsock_worker_ready();
	$ctx = stream_context_create(["ssl" => xsock_client_ssl()]);
	$c = stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
	echo "client read: ", fgets($c);
');
$c = stream_socket_accept($srv, 5);
fwrite($c, "still serving\n");
fclose($c);
echo xsock_peer_wait($w);
?>
--EXPECTF--
-- rst
  warning: stream_socket_accept(): SSL: Connection reset by peer%S
  warning: stream_socket_accept(): Failed to enable crypto%S
  warning: stream_socket_accept(): Accept failed: %s
result: false, bounded: true
-- plaintext
  warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00009C:SSL routines::http request%A
  warning: stream_socket_accept(): Failed to enable crypto%S
  warning: stream_socket_accept(): Accept failed: %s
result: false, bounded: true
-- fin
  warning: stream_socket_accept(): Failed to enable crypto%S
  warning: stream_socket_accept(): Accept failed: %s
result: false, bounded: true
-- silent
  warning: stream_socket_accept(): SSL: Handshake timed out%S
  warning: stream_socket_accept(): Failed to enable crypto%S
  warning: stream_socket_accept(): Accept failed: %s
result: false, bounded: true
client read: still serving
