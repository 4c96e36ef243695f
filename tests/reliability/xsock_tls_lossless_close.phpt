--TEST--
xsock: 64 MiB TLS 1.3 upload then fclose with the server's session tickets unread: the server receives every byte (PHP's transport resets and loses the tail)
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.inc';
if (!extension_loaded('xsock')) die('skip xsock only');
if ($why = xsock_need_python_module('ssl')) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * A TLS 1.3 server sends its session tickets after the handshake; a
 * client that only writes never reads them.  Closing with them unread
 * makes Linux send an RST and drop the unsent tail of the upload.  The
 * python server starts reading only after a pause, so megabytes are still
 * queued when the client closes.  It counts and hashes what it gets.
 */
$p = xsock_python_start(str_replace('CERT', var_export(xsock_cert('server.pem'), true), '
import hashlib, socket, ssl, time
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(CERT)
ctx.minimum_version = ssl.TLSVersion.TLSv1_3
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
print("READY 127.0.0.1:%d" % ls.getsockname()[1], flush=True)
ls.settimeout(10)
c, _ = ls.accept()
c.settimeout(20)
s = ctx.wrap_socket(c, server_side=True)
time.sleep(0.5)
n = 0
h = hashlib.sha1()
try:
    while True:
        d = s.recv(262144)
        if not d:
            break
        n += len(d)
        h.update(d)
except (OSError, ssl.SSLError) as e:
    print("server error:", type(e).__name__)
print("server got", n, "bytes, sha1", h.hexdigest(), flush=True)
'));
$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
echo 'protocol: ', stream_get_meta_data($c)['crypto']['protocol'], "\n";
$block = substr(str_repeat(hash('sha256', 'tls upload'), 16384), 0, 1 << 20);
$h = hash_init('sha1');
$n = 0;
for ($i = 0; $i < 64; $i++) {
	$piece = substr_replace($block, pack('N', $i), 0, 4);
	$n += fwrite($c, $piece);
	hash_update($h, $piece);
}
$sum = hash_final($h);
$t = microtime(true);
fclose($c);
$closeTook = microtime(true) - $t;
$out = xsock_peer_wait($p, 30);
echo "client wrote $n bytes\n", $out;
var_dump(str_contains($out, "sha1 $sum"), $closeTook < 2.0);
?>
--EXPECTF--
protocol: TLSv1.3
client wrote 67108864 bytes
server got 67108864 bytes, sha1 %s
bool(true)
bool(true)
