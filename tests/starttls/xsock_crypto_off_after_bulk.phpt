--TEST--
xsock: TLS off right after a bulk transfer whose close_notify and plaintext came in the same packet: the bulk read-ahead hands the plaintext back (Python peer)
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_python_module('ssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * The peer drives its TLS through memory BIOs, so it can put 256 KiB of
 * records, its close_notify and a plaintext line into one sendall(): a
 * reader that reads ahead 64 KiB at a time holds all three at once.
 */
$py = xsock_python_start('
import hashlib, socket, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(' . var_export(xsock_cert('server.crt'), true) . ', ' . var_export(xsock_cert('server.key'), true) . ')
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
sys.stdout.write("READY 127.0.0.1:%d\n" % ls.getsockname()[1])
sys.stdout.flush()
ls.settimeout(10)
conn, _ = ls.accept()
conn.settimeout(5)
inc, out = ssl.MemoryBIO(), ssl.MemoryBIO()
tls = ctx.wrap_bio(inc, out, server_side=True)

def pump():
    data = out.read()
    if data:
        conn.sendall(data)

def feed():
    data = conn.recv(65536)
    if not data:
        raise EOFError
    inc.write(data)

while True:
    try:
        tls.do_handshake()
        break
    except ssl.SSLWantReadError:
        pump()
        feed()
pump()
tls.write(b"".join(hashlib.sha256(b"%d" % i).digest() for i in range(8192)))
try:
    tls.unwrap()
except ssl.SSLWantReadError:
    pass
conn.sendall(out.read() + b"PLAIN AFTER TLS\n")
while True:
    try:
        tls.unwrap()
        break
    except ssl.SSLWantReadError:
        feed()
print("py: close_notify back")
print("py got plain:", conn.recv(100))
conn.close()
');
/* Joined once: 8192 appends would each reallocate under ASan, for longer than the peer waits. */
$expect = implode('', array_map(fn ($i) => hash('sha256', "$i", true), range(0, 8191)));
$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
$c = stream_socket_client("tls://{$py['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
stream_set_timeout($c, 5);
/* Let all of it arrive, so the large reads below find it together. */
usleep(300000);
$got = '';
while (strlen($got) < strlen($expect)) {
	$d = fread($c, 1 << 20);
	if ($d === false || $d === '') {
		break;
	}
	$got .= $d;
}
echo "data intact: ", var_export($got === $expect, true), "\n";
echo "disable: ", var_export(stream_socket_enable_crypto($c, false), true), "\n";
echo "plain: ", json_encode(fgets($c)), "\n";
fwrite($c, "PLAIN FROM PHP\n");
echo "eof: ", var_export(fgets($c) === false && feof($c), true), "\n";
fclose($c);
echo xsock_peer_wait($py);
?>
--EXPECT--
data intact: true
disable: true
plain: "PLAIN AFTER TLS\n"
eof: true
py: close_notify back
py got plain: b'PLAIN FROM PHP\n'
