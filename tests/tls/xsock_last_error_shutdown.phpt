--TEST--
xsock_last_error(): the shutdown phase for stream_socket_shutdown(), crypto off and a close_notify fclose() could not send
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('python3')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';
require __DIR__ . '/../inc/tls.inc';

function show(string $what, ?array $e): void
{
	echo "$what: ", $e === null ? 'no record' : "phase=$e[phase] errno_name=$e[errno_name]"
		. (isset($e['timeout_ms']) ? " timeout_ms=$e[timeout_ms] budget=$e[budget]" : '')
		. ($e['message'] !== '' ? ' message set' : ' EMPTY message'), "\n";
}

/* shutdown(2) on a socket that is not connected: PHP's false, the errno in the stream's record. */
[$u, $uaddr] = compat_udp_bind();
var_dump(stream_socket_shutdown($u, STREAM_SHUT_RDWR));
show('shutdown(2)', xsock_last_error($u));
var_dump(xsock_last_error());

/* A TLS server that completes the handshake, then stays silent (MODE "silent") or resets (MODE "rst"). */
$peer = '
import socket, ssl, struct, time
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(CERT)
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
print("READY 127.0.0.1:%d" % ls.getsockname()[1], flush=True)
ls.settimeout(10)
c, _ = ls.accept()
t = ctx.wrap_socket(c, server_side=True)
if MODE == "rst":
    time.sleep(0.2)
    t.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    t.close()
time.sleep(3)
';
function peer(string $mode): array
{
	global $peer;
	$p = xsock_python_start(str_replace(['CERT', 'MODE'],
		[var_export(xsock_cert('server.pem'), true), var_export($mode, true)], $peer));
	$c = stream_socket_client("tls://{$p['addr']}", $en, $es, 5, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => xsock_client_ssl()]));
	return [$p, $c];
}

/* Crypto off: the peer never answers close_notify, the stream timeout ends the wait. */
[$p, $c] = peer('silent');
stream_set_timeout($c, 0, 300000);
var_dump(stream_socket_enable_crypto($c, false));
show('crypto off', xsock_last_error($c));
fclose($c);
xsock_proc_stop($p);

/* fclose() after the peer reset: the stream is gone, the request's record keeps it. */
[$p, $c] = peer('rst');
usleep(500000);
fclose($c);
$e = xsock_last_error();
/* The first send after the RST says ECONNRESET; EPIPE would say the same. */
show('fclose', ['errno_name' => $e['errno_name'] === 'EPIPE' ? 'ECONNRESET' : $e['errno_name']] + $e);
var_dump(xsock_last_error()['hint']);
xsock_proc_stop($p);
?>
--EXPECT--
bool(false)
shutdown(2): phase=shutdown errno_name=ENOTCONN message set
NULL
bool(false)
crypto off: phase=shutdown errno_name=ETIMEDOUT timeout_ms=300 budget=stream timeout message set
fclose: phase=shutdown errno_name=ECONNRESET message set
string(65) "the connection was already broken when fclose() sent close_notify"
