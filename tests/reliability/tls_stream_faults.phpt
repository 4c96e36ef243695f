--TEST--
reliability: TLS stream faults: FIN without close_notify, a truncated record then FIN, 1-byte records and 1-byte TCP segments under stream_select
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.inc';
if (!in_array('tls', stream_get_transports(), true)) die('skip tls transport needed');
if ($why = xsock_need_python_module('ssl')) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * A python TLS server whose behaviour after the handshake is MODE:
 *  fin        1000 bytes, then FIN without close_notify
 *  truncated  a 100-byte record, half of the next record, then FIN
 *  onebyte    2000 records of 1 byte each (one send() per byte), then "END"
 *  segments   a 4 KiB record stream sent 1 byte per TCP segment, then "END"
 */
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
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
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
if MODE == "fin":
    t.write(b"x" * 1000)
    c.sendall(out.read())
elif MODE == "truncated":
    t.write(b"A" * 100)
    first = out.read()
    t.write(b"B" * 1000)
    second = out.read()
    c.sendall(first + second[:len(second) // 2])
elif MODE == "onebyte":
    for i in range(2000):
        t.write(bytes([97 + i % 26]))
        c.sendall(out.read())
        if i % 200 == 0:
            time.sleep(0.005)
    t.write(b"END")
    c.sendall(out.read())
elif MODE == "segments":
    t.write(bytes(97 + i % 26 for i in range(4096)) + b"END")
    data = out.read()
    for i in range(len(data)):
        c.send(data[i:i + 1])
        if i % 64 == 0:
            time.sleep(0.001)
time.sleep(0.3)
c.shutdown(socket.SHUT_WR)
time.sleep(1)
c.close()
';

function start(string $mode): array
{
	global $server;
	$code = str_replace(['CERT', 'MODE'], [var_export(xsock_cert('server.pem'), true), var_export($mode, true)], $server);
	$p = xsock_python_start($code);
	$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
	$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	return [$p, $c];
}

/* Blocking reads to EOF: what was read and how the stream ended. */
foreach (['fin', 'truncated'] as $mode) {
	[$p, $c] = start($mode);
	stream_set_timeout($c, 3);
	$t = microtime(true);
	$got = '';
	$reads = 0;
	while (!feof($c) && $reads++ < 20) {
		$d = fread($c, 8192);
		if ($d === false) {
			break;
		}
		$got .= $d;
	}
	$meta = stream_get_meta_data($c);
	echo "$mode: read ", strlen($got), ' bytes, eof=', var_export(feof($c), true),
		', timed_out=', var_export($meta['timed_out'], true),
		', bounded=', var_export(microtime(true) - $t < 2.5, true), "\n";
	fclose($c);
	xsock_proc_stop($p);
}

/* Non-blocking reads driven by stream_select: every byte, no hang. */
foreach (['onebyte' => 2003, 'segments' => 4099] as $mode => $want) {
	[$p, $c] = start($mode);
	stream_set_blocking($c, false);
	$t = microtime(true);
	$got = '';
	$falseEof = false;
	while (strlen($got) < $want && microtime(true) - $t < 5) {
		$r = [$c];
		$w = $e = null;
		if (stream_select($r, $w, $e, 1, 0) > 0) {
			$d = fread($c, 8192);
			if ($d === false || ($d === '' && feof($c))) {
				$falseEof = true;
				break;
			}
			$got .= $d;
		}
	}
	$expect = '';
	for ($i = 0; $i < $want - 3; $i++) {
		$expect .= chr(97 + $i % 26);
	}
	echo "$mode: read ", strlen($got), ' bytes, intact=', var_export($got === $expect . 'END', true),
		', early eof=', var_export($falseEof, true), ', bounded=', var_export(microtime(true) - $t < 4, true), "\n";
	fclose($c);
	xsock_proc_stop($p);
}
?>
--EXPECT--
fin: read 1000 bytes, eof=true, timed_out=false, bounded=true
truncated: read 100 bytes, eof=true, timed_out=false, bounded=true
onebyte: read 2003 bytes, intact=true, early eof=false, bounded=true
segments: read 4099 bytes, intact=true, early eof=false, bounded=true
