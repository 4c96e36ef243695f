--TEST--
xsock: a TLS 1.3 server's session tickets leave with its first write, or as soon as it waits (read, select, non-blocking read, close); a Python client sees when they arrive
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($why = xsock_need_python_module('ssl')) die($why);
if ($why = xsock_need_program('strace')) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * The server (a PHP worker with xsock) accepts one client, then does MODE.
 * The client is Python's ssl (OpenSSL behind a socket, so it processes
 * whatever arrives): 0.3 s after its handshake it reads without waiting
 * and says whether a ticket has come (SSLSession.has_ticket), then reads
 * to the end.  A ticket held while the server only sleeps shows as "no"
 * at 0.3 s; everywhere the server waits or writes, the ticket is there.
 * TLS 1.2 sends its ticket inside the handshake: never held.
 */
$server = '<?php
require ' . var_export(realpath(__DIR__ . '/../inc/tls.inc'), true) . ';
$mode = $argv[1];
$starttls = strncmp($mode, "starttls", 8) === 0;
[$srv, $addr] = xsock_tls_listen(xsock_server_ssl(), $mode === "tls12" ? "tlsv1.2" : ($starttls ? "tcp" : "tlsv1.3"));
xsock_worker_ready($addr);
$s = stream_socket_accept($srv, 10);
if ($starttls) {
	fread($s, 100);
	fwrite($s, "OK\n");
	stream_socket_enable_crypto($s, true, STREAM_CRYPTO_METHOD_TLSv1_3_SERVER);
}
switch ($mode) {
	case "write":
		fwrite($s, "reply");
		break;
	case "read":
	case "starttls":
		$x = fread($s, 100);
		fwrite($s, "got $x");
		break;
	case "partial":
		usleep(100000);
		fwrite($s, "got " . fread($s, 100));
		break;
	case "starttls_short":
		stream_set_timeout($s, 0, 90000);
		/* Each fread() waits 90 ms: by poll(), too short for a wait in recv(). */
		while ((string) ($x = fread($s, 100)) === "") {
		}
		fwrite($s, "got $x");
		break;
	case "select":
		$r = [$s];
		$w = $e = null;
		stream_select($r, $w, $e, 5);
		fwrite($s, "got " . fread($s, 100));
		break;
	case "nonblock":
		stream_set_blocking($s, false);
		$x = fread($s, 100);
		usleep(600000);
		fwrite($s, "reply");
		break;
	case "sleep":
	case "tls12":
		usleep(600000);
		fwrite($s, "reply");
		break;
	case "close":
		break;
	case "shutdown":
		stream_socket_shutdown($s, STREAM_SHUT_WR);
		usleep(600000);
		break;
	case "sendto":
		stream_socket_sendto($s, "raw");
		usleep(600000);
		break;
}
fwrite(STDERR, "SERVED\n");
fclose($s);
';
$client = '
import socket, ssl, sys, time
mode, addr = sys.argv[1], sys.argv[2]
host, port = addr.rsplit(":", 1)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE

# The request "ping" in one record, of which the server first gets 10 bytes.
def partial(c):
    inc, out = ssl.MemoryBIO(), ssl.MemoryBIO()
    t = ctx.wrap_bio(inc, out)
    while True:
        try:
            t.do_handshake()
            break
        except ssl.SSLWantReadError:
            c.sendall(out.read())
            inc.write(c.recv(65536))
    c.sendall(out.read())
    t.write(b"ping")
    rec = out.read()
    c.sendall(rec[:10])
    time.sleep(0.3)
    c.setblocking(False)
    try:
        inc.write(c.recv(65536))
    except BlockingIOError:
        pass
    try:
        t.read(100)
    except ssl.SSLWantReadError:
        pass
    print("after 0.3 s: data %r, ticket %s" % ("", "yes" if t.session.has_ticket else "no"))
    c.setblocking(True)
    c.sendall(rec[10:])
    got = b""
    while True:
        try:
            d = t.read(100)
            if not d:
                break
            got += d
        except ssl.SSLWantReadError:
            b = c.recv(65536)
            if not b:
                break
            inc.write(b)
        except ssl.SSLZeroReturnError:
            break
    print("at the end: data %r, ticket %s, %s" % (got.decode(), "yes" if t.session.has_ticket else "no", t.version()))
    sys.exit(0)
c = socket.create_connection((host, int(port)), timeout=10)
if mode.startswith("starttls"):
    c.sendall(b"STARTTLS\n")
    c.recv(100)
if mode == "partial":
    partial(c)
s = ctx.wrap_socket(c)
version = s.version()
time.sleep(0.3)
s.setblocking(False)
failed = ""
try:
    got = s.recv(100)
except ssl.SSLWantReadError:
    got = b""
except ssl.SSLError as e:
    got, failed = b"", ", then a TLS error"
print("after 0.3 s: data %r, ticket %s%s" % (got.decode(), "yes" if s.session.has_ticket else "no", failed))
s.settimeout(10)
if mode in ("read", "select", "starttls", "starttls_short"):
    s.sendall(b"ping")
while not failed:
    try:
        d = s.recv(100)
    except ssl.SSLError:
        failed = ", then a TLS error"
        break
    if not d:
        break
    got += d
print("at the end: data %r, ticket %s, %s%s" % (got.decode(), "yes" if s.session.has_ticket else "no", version, failed))
s.close()
';
$file = tempnam(sys_get_temp_dir(), 'xsocks');
file_put_contents($file, $server);
foreach (['write', 'read', 'select', 'nonblock', 'sleep', 'close', 'tls12', 'partial', 'starttls', 'starttls_short', 'shutdown', 'sendto'] as $mode) {
	$log = tempnam(sys_get_temp_dir(), 'xsockst');
	$p = xsock_proc_start('strace -f -qq -e trace=sendto,sendmsg,write -o ' . escapeshellarg($log) . ' '
		. xsock_test_php() . ' ' . escapeshellarg($file) . ' ' . $mode, '/^READY (\S*)/');
	$c = xsock_python_spawn($client, [$mode, $p['addr']]);
	echo "$mode:\n", xsock_proc_wait($c, 20);
	xsock_proc_wait($p, 10);
	/* The server's sends up to SERVED: its handshake flight, then what carried the tickets. */
	$trace = (string) file_get_contents($log);
	$before = substr($trace, 0, (int) strpos($trace, 'SERVED'));
	preg_match_all('/send(?:to|msg)\(\d+, .*\) = (\d+)$/m', $before, $sent);
	if ($mode === 'write') {
		echo "  sends until the reply was written: ", count($sent[1]), ", the last of ", end($sent[1]) > 200 ? "more than 200 bytes" : end($sent[1]) . " bytes", "\n";
	}
	unlink($log);
}
unlink($file);
?>
--EXPECT--
write:
after 0.3 s: data 'reply', ticket yes
at the end: data 'reply', ticket yes, TLSv1.3
  sends until the reply was written: 2, the last of more than 200 bytes
read:
after 0.3 s: data '', ticket yes
at the end: data 'got ping', ticket yes, TLSv1.3
select:
after 0.3 s: data '', ticket yes
at the end: data 'got ping', ticket yes, TLSv1.3
nonblock:
after 0.3 s: data '', ticket yes
at the end: data 'reply', ticket yes, TLSv1.3
sleep:
after 0.3 s: data '', ticket no
at the end: data 'reply', ticket yes, TLSv1.3
close:
after 0.3 s: data '', ticket yes
at the end: data '', ticket yes, TLSv1.3
tls12:
after 0.3 s: data '', ticket yes
at the end: data 'reply', ticket yes, TLSv1.2
partial:
after 0.3 s: data '', ticket yes
at the end: data 'got ping', ticket yes, TLSv1.3
starttls:
after 0.3 s: data '', ticket yes
at the end: data 'got ping', ticket yes, TLSv1.3
starttls_short:
after 0.3 s: data '', ticket yes
at the end: data 'got ping', ticket yes, TLSv1.3
shutdown:
after 0.3 s: data '', ticket yes
at the end: data '', ticket yes, TLSv1.3
sendto:
after 0.3 s: data '', ticket yes
at the end: data '', ticket yes, TLSv1.3, then a TLS error
