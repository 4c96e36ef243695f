--TEST--
xsock: TLS off and on again against a Python ssl server that uses SSLSocket.unwrap()
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

$py = xsock_python_start('
import socket, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(' . var_export(xsock_cert('server.crt'), true) . ', ' . var_export(xsock_cert('server.key'), true) . ')
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
# one write, so the ready line never arrives without its newline
sys.stdout.write("READY 127.0.0.1:%d\n" % ls.getsockname()[1])
sys.stdout.flush()
ls.settimeout(10)
conn, _ = ls.accept()
conn.settimeout(5)

def line(s):
    buf = b""
    while not buf.endswith(b"\n"):
        b = s.recv(1)
        if not b:
            break
        buf += b
    return buf

print("py got:", line(conn))
conn.sendall(b"220 go ahead\r\n")
for rnd in (1, 2):
    tls = ctx.wrap_socket(conn, server_side=True)
    print("py tls:", tls.version(), "got:", line(tls))
    tls.sendall(b"secret back %d\n" % rnd)
    conn = tls.unwrap()
    print("py unwrapped, got plain:", line(conn))
    conn.sendall(b"PLAIN BACK %d\n" % rnd)
conn.close()
');
$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
$c = stream_socket_client("tcp://{$py['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
stream_set_timeout($c, 5);
fwrite($c, "STARTTLS\r\n");
echo "got: ", fgets($c);
for ($round = 1; $round <= 2; $round++) {
	echo "enable: ", var_export(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT), true), "\n";
	fwrite($c, "secret $round\n");
	echo "got: ", fgets($c);
	echo "disable: ", var_export(stream_socket_enable_crypto($c, false), true), "\n";
	fwrite($c, "PLAIN $round\n");
	echo "got plain: ", json_encode(fgets($c)), "\n";
}
echo "eof: ", var_export(fgets($c) === false && feof($c), true), "\n";
fclose($c);
echo xsock_peer_wait($py);
?>
--EXPECT--
got: 220 go ahead
enable: true
got: secret back 1
disable: true
got plain: "PLAIN BACK 1\n"
enable: true
got: secret back 2
disable: true
got plain: "PLAIN BACK 2\n"
eof: true
py got: b'STARTTLS\r\n'
py tls: TLSv1.3 got: b'secret 1\n'
py unwrapped, got plain: b'PLAIN 1\n'
py tls: TLSv1.3 got: b'secret 2\n'
py unwrapped, got plain: b'PLAIN 2\n'
