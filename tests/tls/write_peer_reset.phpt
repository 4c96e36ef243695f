--TEST--
TLS: the peer resets the connection during one large fwrite(): one warning, the bytes sent so far returned (as PHP's write loop sees them)
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.inc';
if ($why = xsock_need_python_module('ssl')) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * PHP's write loop (_php_stream_write_buffer) calls the transport again
 * after a short count.  PHP's TLS transport returns the bytes sent before
 * the failure without a word and warns on the call that fails, once; a
 * transport that warns with the short count too warns twice (reset, then
 * broken pipe).  The text of that one warning depends on OpenSSL
 * ("SSL: Connection reset by peer" up to 3.1, "SSL operation failed with
 * code 5. OpenSSL Error messages: ...:Connection reset by peer" from 3.2),
 * so the test checks where it starts and ends.
 */
$py = xsock_python_start('
import socket, ssl, struct, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(' . var_export(xsock_cert('server.crt'), true) . ', ' . var_export(xsock_cert('server.key'), true) . ')
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
sys.stdout.write("READY 127.0.0.1:%d\n" % ls.getsockname()[1])
c, _ = ls.accept()
c.settimeout(10)
t = ctx.wrap_socket(c, server_side=True)
got = 0
while got < 65536:
    d = t.recv(16384)
    if not d:
        break
    got += len(d)
# SO_LINGER 0: close() sends RST, with the client still writing.
t.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
t.close()
print("py: read at least 64 KiB:", got >= 65536)
');
$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
$c = stream_socket_client("tls://{$py['addr']}", $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
$total = 32 << 20;
[$n, $warnings] = xsock_catch(fn() => fwrite($c, str_repeat('x', $total)));
echo "fwrite: ", is_int($n) && $n >= 65536 && $n < $total ? "the bytes sent before the reset" : var_export($n, true), "\n";
echo "warnings: ", count($warnings), "\n";
foreach ($warnings as $w) {
	echo "  starts with \"fwrite(): SSL\": ", str_starts_with($w, 'fwrite(): SSL') ? 'yes' : "no: $w", "\n";
	echo "  ends with \"Connection reset by peer\": ", str_ends_with($w, 'Connection reset by peer') ? 'yes' : "no: $w", "\n";
}
/* The next fwrite() meets the dead connection on its own, and says so once. */
[$n, $warnings] = xsock_catch(fn() => fwrite($c, "more"));
echo "next fwrite: ", var_export($n, true), ", warnings: ", count($warnings), "\n";
echo xsock_peer_wait($py);
fclose($c);
?>
--EXPECT--
fwrite: the bytes sent before the reset
warnings: 1
  starts with "fwrite(): SSL": yes
  ends with "Connection reset by peer": yes
next fwrite: 0, warnings: 1
py: read at least 64 KiB: True
