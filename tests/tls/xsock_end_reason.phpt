--TEST--
TLS (xsock only): xsock_tls_end_reason() tells close_notify, a FIN without close_notify and a reset apart; ssl.require_close_notify fails a truncated read
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($why = xsock_need_python_module('ssl')) die($why);
if ($why = xsock_need_program('openssl')) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * A python TLS server that sends 1000 bytes after the handshake, then ends
 * as MODE says:
 *  notify  close_notify (SSLSocket.unwrap()), then FIN
 *  fin     FIN without close_notify (SSLSocket.shutdown() is the socket's)
 *  reset   RST (SO_LINGER 0), no close_notify
 * (wrap_socket() takes the fd over from c: everything goes through t.)
 */
$server = '
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
t.sendall(b"x" * 1000)
time.sleep(0.2)
if MODE == "notify":
    raw = t.unwrap()
    raw.shutdown(socket.SHUT_WR)
    time.sleep(0.5)
    raw.close()
elif MODE == "fin":
    t.shutdown(socket.SHUT_WR)
    time.sleep(0.5)
    t.close()
else:
    t.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    t.close()
';

function run(string $mode, array $ssl = []): void
{
	global $server;
	$code = str_replace(['CERT', 'MODE'], [var_export(xsock_cert('server.pem'), true), var_export($mode, true)], $server);
	$p = xsock_python_start($code);
	$ctx = stream_context_create(['ssl' => xsock_client_ssl($ssl)]);
	$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	stream_set_timeout($c, 3);
	$open = xsock_tls_end_reason($c);
	$got = '';
	for ($i = 0; $i < 10 && strlen($got) < 1000; $i++) {
		$got .= (string) fread($c, 400);
	}
	/*
	 * The end has arrived by now (the server ends 0.2 s after its data).
	 * One read meets it: feof() first would take a reset quietly (its
	 * liveness check), and a reset is only reported once by the kernel.
	 */
	usleep(500000);
	$last = fread($c, 400);
	echo "$mode", $ssl ? ' (require_close_notify)' : '', ': open ', var_export($open, true),
		', read ', strlen($got), ', last read ', var_export($last, true), ', eof ', var_export(feof($c), true),
		', end ', var_export(xsock_tls_end_reason($c), true), "\n";
	fclose($c);
	xsock_proc_stop($p);
}

run('notify');
run('fin');
run('reset');
run('notify', ['require_close_notify' => true]);
run('fin', ['require_close_notify' => true]);

/* openssl s_server -www answers and closes with close_notify. */
$p = xsock_s_server('-cert {certs}/server.pem -naccept 1 -www');
$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
	stream_context_create(['ssl' => xsock_client_ssl(['require_close_notify' => true])]));
fwrite($c, "GET / HTTP/1.0\r\n\r\n");
$page = stream_get_contents($c);
echo 's_server: ', strlen($page) > 0 ? 'page' : 'nothing', ', end ', var_export(xsock_tls_end_reason($c), true), "\n";
fclose($c);
xsock_proc_stop($p);

/* Not TLS: null, also after crypto is turned off. */
[$srv, $addr] = xsock_listen('tcp');
$c = stream_socket_client("tcp://$addr");
var_dump(xsock_tls_end_reason($c));
fclose($c);
fclose($srv);
var_dump(xsock_tls_end_reason(fopen('php://memory', 'r')));
?>
--EXPECTF--
notify: open NULL, read 1000, last read '', eof true, end 'close_notify'
fin: open NULL, read 1000, last read '', eof true, end 'eof_without_close_notify'

Warning: fread(): SSL: Connection reset by peer in %s on line %d
reset: open NULL, read 1000, last read '', eof true, end 'reset'
notify (require_close_notify): open NULL, read 1000, last read '', eof true, end 'close_notify'

Warning: fread(): SSL: the peer closed the connection without close_notify (truncation?); ssl.require_close_notify is set in %s on line %d
fin (require_close_notify): open NULL, read 1000, last read '', eof true, end 'eof_without_close_notify'
s_server: page, end 'close_notify'
NULL
NULL
