--TEST--
xsock_last_error(): every failure of the fault and bad-input suites (tls_*_faults, bad_*, tcp/errors_*) records its phase, and $errno/$errstr are never both empty
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($why = xsock_need_python_module('ssl')) die($why);
require __DIR__ . '/../inc/compat.inc';
if ($why = compat_need_offline()) die($why);
?>
--INI--
default_socket_timeout=1
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';
require __DIR__ . '/../inc/tls.inc';

require __DIR__ . '/../inc/last_error.inc';

$long = str_repeat('a', 5000);

echo "== tcp/errors_connect, errors_parse, reliability/bad_address_client, bad_port\n";
$free = compat_free_addr();
foreach (["tcp://$free", 'tcp://127.0.0.1', 'tcp://127.0.0.1:', 'tcp://', 'tcp://[', 'tcp://[::1]', 'tcp://[::1]x:0', '127.0.0.1',
		"tcp://127.0.0.1\0:80", 'tcp://[::1:80', 'udp://[::1', '', ':',
		'tcp://127.0.0.1:http', 'tcp://127.0.0.1:99999', 'tcp://127.0.0.1:-1'] as $t) {
	[$c, $errno, $errstr] = last_error_client($t);
	last_error_show('client ' . addcslashes(str_replace([$long, $free], ['<long>', 'FREE'], $t), "\0"), xsock_last_error(), $errno, $errstr,
		str_contains($t, 'FREE') || $t === "tcp://$free" ? ['address'] : []);
}
foreach ([['127.0.0.1', -1], ['[::1', 80], ["127.0.0.1\0", 80]] as [$h, $p]) {
	[$c, $errno, $errstr] = last_error_fsock($h, $p);
	last_error_show('fsockopen ' . addcslashes(str_replace($long, '<long>', $h), "\0") . " $p", xsock_last_error(), $errno, $errstr);
}
/* An unknown transport never reaches xsock: PHP's own failure, the record stays. */
$before = xsock_last_error();
[$c, $errno, $errstr] = last_error_client('foo://127.0.0.1:80');
var_dump(xsock_last_error() === $before);

echo "== reliability/bad_context_options\n";
[$srv, $addr] = xsock_listen('tcp');
/* Each to another spelling of the target (the port ends at the slash): equal failures would leave equal records. */
foreach (["tcp://$addr" => ['127.0.0.1:0'], "tcp://$addr/" => 5, "tcp://$addr/x" => true] as $t => $bindto) {
	[$c, $errno, $errstr] = last_error_client($t, stream_context_create(['socket' => ['bindto' => $bindto]]));
	last_error_show('bindto ' . get_debug_type($bindto), xsock_last_error(), $errno, $errstr);
}

echo "== tcp/errors_server, reliability/bad_address_server\n";
foreach (["tcp://$addr", 'tcp://127.0.0.1', 'tcp://[::1]', "tcp://127.0.0.1\0:0", 'udp://127.0.0.1', 'udp://[::1'] as $t) {
	[$s, $errno, $errstr] = last_error_server($t, str_starts_with($t, 'udp') ? STREAM_SERVER_BIND : STREAM_SERVER_BIND | STREAM_SERVER_LISTEN);
	last_error_show('server ' . addcslashes(str_replace([$long, $addr], ['<long>', 'BUSY'], $t), "\0"), xsock_last_error(), $errno, $errstr);
}
var_dump(@stream_socket_accept($srv, 0.2));
last_error_show('accept timeout', xsock_last_error(), null, null, ['timeout_ms', 'budget', 'hint']);

/* Failed lookups ask a loopback resolver in a private namespace, never the host's (compat_run_offline). */
echo "== the lookups of errors_connect, errors_server, bad_address_client and bad_address_server\n";
echo compat_run_offline('require ' . var_export(__DIR__ . '/../inc/last_error.inc', true) . ";\n" . <<<'CODE'
$long = str_repeat('a', 5000);
foreach (['tcp://nonexistent.invalid:80', "tcp://$long:80"] as $t) {
	[$c, $errno, $errstr] = last_error_client($t);
	last_error_show('client ' . str_replace($long, '<long>', $t), xsock_last_error(), $errno, $errstr,
		$t === "tcp://$long:80" ? [] : ['host']);
}
foreach ([['nonexistent.invalid', 80], [$long, 80]] as [$h, $p]) {
	[$c, $errno, $errstr] = last_error_fsock($h, $p);
	last_error_show('fsockopen ' . str_replace($long, '<long>', $h) . " $p", xsock_last_error(), $errno, $errstr);
}
foreach (['tcp://nonexistent.invalid:0', "tcp://$long:0", "udp://$long:1"] as $t) {
	[$s, $errno, $errstr] = last_error_server($t, str_starts_with($t, 'udp') ? STREAM_SERVER_BIND : STREAM_SERVER_BIND | STREAM_SERVER_LISTEN);
	last_error_show('server ' . str_replace($long, '<long>', $t), xsock_last_error(), $errno, $errstr);
}
CODE);

echo "== reliability/bad_address_sendto\n";
[$u, $uaddr] = compat_udp_bind();
foreach (['[::1]:', '127.0.0.1:http'] as $t) {
	var_dump(@stream_socket_sendto($u, 'x', 0, $t));
	last_error_show("sendto $t", xsock_last_error($u));
}
/* PHP parses these itself, before the transport: no record. */
var_dump(@stream_socket_sendto($u, 'x', 0, '127.0.0.1'), xsock_last_error($u) === $seen);

echo "== reliability/tls_handshake_faults\n";
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
	$p = xsock_python_start(str_replace('MODE', var_export($mode, true), $peer));
	[$c, $errno, $errstr] = last_error_client("tls://{$p['addr']}", stream_context_create(['ssl' => xsock_client_ssl()]), 5);
	last_error_show("client $mode", xsock_last_error(), $errno, $errstr, $mode === 'rst' ? ['end'] : ['hint']);
	xsock_proc_stop($p);
}

echo "== reliability/tls_accept_faults\n";
[$tsrv, $taddr] = xsock_tls_listen(xsock_server_ssl());
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
	$p = xsock_python_spawn($client, [xsock_port($taddr), $mode]);
	var_dump(@stream_socket_accept($tsrv, 5));
	last_error_show("accept $mode", xsock_last_error(), null, null, $mode === 'silent' ? ['timeout_ms', 'budget', 'address'] : ['address']);
	var_dump(xsock_last_error($tsrv) === $seen);
	xsock_proc_stop($p);
}

echo "== reliability/tls_stream_faults\n";
$server = '
import socket, ssl, time
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(CERT)
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
print("READY 127.0.0.1:%d" % ls.getsockname()[1], flush=True)
ls.settimeout(10)
c, _ = ls.accept()
inc, out = ssl.MemoryBIO(), ssl.MemoryBIO()
t = ctx.wrap_bio(inc, out, server_side=True)
while True:
    try:
        t.do_handshake()
        break
    except ssl.SSLWantReadError:
        pending = out.read()
        if pending:
            c.sendall(pending)
        inc.write(c.recv(65536))
c.sendall(out.read())
t.write(b"A" * 100)
first = out.read()
t.write(b"B" * 1000)
second = out.read()
c.sendall(first + second[:len(second) // 2])
time.sleep(0.3)
c.shutdown(socket.SHUT_WR)
time.sleep(1)
c.close()
';
/* A truncated stream is a quiet EOF for PHP (no record); under ssl.require_close_notify a failed read. */
foreach ([false, true] as $strict) {
	$p = xsock_python_start(str_replace('CERT', var_export(xsock_cert('server.pem'), true), $server));
	$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => xsock_client_ssl(['require_close_notify' => $strict])]));
	stream_set_timeout($c, 3);
	while (!feof($c) && @fread($c, 8192) !== false) {
	}
	last_error_show('truncated' . ($strict ? ', require_close_notify' : ''), xsock_last_error($c), null, null, ['end']);
	fclose($c);
	xsock_proc_stop($p);
}
?>
--EXPECT--
== tcp/errors_connect, errors_parse, reliability/bad_address_client, bad_port
client tcp://FREE: phase=connect errno_name=ECONNREFUSED errno/errstr set address=127.0.0.1:PORT
client tcp://127.0.0.1: phase=connect errno_name=- errno/errstr set
client tcp://127.0.0.1:: phase=connect errno_name=- errno/errstr set
client tcp://: phase=connect errno_name=- errno/errstr set
client tcp://[: phase=connect errno_name=- errno/errstr set
client tcp://[::1]: phase=connect errno_name=- errno/errstr set
client tcp://[::1]x:0: phase=connect errno_name=- errno/errstr set
client 127.0.0.1: phase=connect errno_name=- errno/errstr set
client tcp://127.0.0.1\000:80: phase=connect errno_name=- errno/errstr set
client tcp://[::1:80: phase=connect errno_name=- errno/errstr set
client udp://[::1: phase=connect errno_name=- errno/errstr set
client : phase=connect errno_name=- errno/errstr set
client :: phase=connect errno_name=- errno/errstr set
client tcp://127.0.0.1:http: phase=connect errno_name=- errno/errstr set
client tcp://127.0.0.1:99999: phase=connect errno_name=- errno/errstr set
client tcp://127.0.0.1:-1: phase=connect errno_name=- errno/errstr set
fsockopen 127.0.0.1 -1: phase=connect errno_name=- errno/errstr set
fsockopen [::1 80: phase=connect errno_name=- errno/errstr set
fsockopen 127.0.0.1\000 80: phase=connect errno_name=- errno/errstr set
bool(true)
== reliability/bad_context_options
bindto array: phase=connect errno_name=- errno/errstr set
bindto int: phase=connect errno_name=- errno/errstr set
bindto bool: phase=connect errno_name=- errno/errstr set
== tcp/errors_server, reliability/bad_address_server
server tcp://BUSY: phase=listen errno_name=EADDRINUSE errno/errstr set
server tcp://127.0.0.1: phase=listen errno_name=- errno/errstr set
server tcp://[::1]: phase=listen errno_name=- errno/errstr set
server tcp://127.0.0.1\000:0: phase=listen errno_name=- errno/errstr set
server udp://127.0.0.1: phase=listen errno_name=- errno/errstr set
server udp://[::1: phase=listen errno_name=- errno/errstr set
bool(false)
accept timeout: phase=accept errno_name=ETIMEDOUT timeout_ms=200 budget=accept timeout hint=no client connected within the accept timeout (0.200 s; the timeout argument of stream_socket_accept() or default_socket_timeout)
== the lookups of errors_connect, errors_server, bad_address_client and bad_address_server
client tcp://nonexistent.invalid:80: phase=dns errno_name=- errno/errstr set host=nonexistent.invalid
client tcp://<long>:80: phase=dns errno_name=- errno/errstr set
fsockopen nonexistent.invalid 80: phase=dns errno_name=- errno/errstr set
fsockopen <long> 80: phase=dns errno_name=- errno/errstr set
server tcp://nonexistent.invalid:0: phase=dns errno_name=- errno/errstr set
server tcp://<long>:0: phase=dns errno_name=- errno/errstr set
server udp://<long>:1: phase=dns errno_name=- errno/errstr set
== reliability/bad_address_sendto
int(-1)
sendto [::1]:: phase=write errno_name=EAFNOSUPPORT
int(-1)
sendto 127.0.0.1:http: phase=write errno_name=EINVAL
bool(false)
bool(true)
== reliability/tls_handshake_faults
client rst: phase=tls_handshake errno_name=ECONNRESET errno/errstr set end=reset
client garbage: phase=tls_handshake errno_name=- errno/errstr set hint=the server sent a plaintext HTTP response ("HTTP/1.1 400 Bad Request"): use http:// or the server's TLS port (usually 443)
client fin: phase=tls_handshake errno_name=- errno/errstr set hint=the server closed the connection during the TLS handshake
== reliability/tls_accept_faults
bool(false)
accept rst: phase=tls_handshake errno_name=ECONNRESET address=127.0.0.1:PORT
bool(true)
bool(false)
accept plaintext: phase=tls_handshake errno_name=- address=127.0.0.1:PORT
bool(true)
bool(false)
accept fin: phase=tls_handshake errno_name=- address=127.0.0.1:PORT
bool(true)
bool(false)
accept silent: phase=tls_handshake errno_name=- timeout_ms=1000 budget=stream timeout address=127.0.0.1:PORT
bool(true)
== reliability/tls_stream_faults
truncated: no record
truncated, require_close_notify: phase=read errno_name=- end=eof_without_close_notify
