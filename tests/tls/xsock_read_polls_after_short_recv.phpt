--TEST--
xsock: a blocking TLS read whose recv() came back short polls before the next one: no recv() that only says EAGAIN (TLS 1.3 tickets, then the reply), seen with strace
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($why = xsock_need_program('strace')) die($why);
if ($why = xsock_need_python_module('ssl')) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * The server's NewSessionTickets arrive first, its reply 0.3 s later.  The
 * client's fread() takes the tickets with a recv() that returns less than
 * it asked for, so the queue is empty: the next bytes are still on the
 * wire.  A recv() then could only say EAGAIN before the poll(); xsock
 * polls first.  Counted from the client's own system calls (strace -f on
 * the worker), up to the line the client writes once fread() returned.
 * The server is Python's ssl: OpenSSL behind a socket sends the tickets
 * as soon as the handshake is done (an xsock server would hold them for
 * its reply, xsock_tickets_ride_with_first_write.phpt).
 */
$server = '
import socket, ssl, sys, time
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.minimum_version = ssl.TLSVersion.TLSv1_3
ctx.load_cert_chain(CERT)
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
sys.stdout.write("READY 127.0.0.1:%d\\n" % ls.getsockname()[1])
ls.settimeout(10)
c, _ = ls.accept()
c.settimeout(10)
s = ctx.wrap_socket(c, server_side=True)
print("accepted: yes")
time.sleep(0.3)
s.sendall(b"reply")
s.recv(100)
';
$p = xsock_python_start(str_replace('CERT', var_export(xsock_cert('server.pem'), true), $server));
$addr = $p['addr'];
$log = tempnam(sys_get_temp_dir(), 'xsockst');
$file = tempnam(sys_get_temp_dir(), 'xsockc');
file_put_contents($file, '<?php
	$ctx = stream_context_create(["ssl" => ' . var_export(xsock_client_ssl(), true) . ']);
	$c = stream_socket_client(' . var_export("tlsv1.3://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
	if (!$c) { echo "connect: $es\n"; exit(1); }
	$x = fread($c, 100);
	fwrite(STDERR, "READ-RETURNED\n");
	echo "client read: $x\n";
	fclose($c);
');
$w = xsock_spawn('strace -f -qq -e trace=recvfrom,recvmsg,poll,write -o ' . escapeshellarg($log) . ' '
	. xsock_test_php() . ' ' . escapeshellarg($file));
$out = xsock_proc_wait($w, 20);
echo trim(xsock_proc_wait($p, 10)), "\n";
echo trim(str_replace("READ-RETURNED\n", '', $out)), "\n";

$trace = (string) file_get_contents($log);
$before = substr($trace, 0, (int) strpos($trace, 'READ-RETURNED'));
preg_match_all('/recv(?:from|msg)\((\d+), .*\) = -1 EAGAIN/', $before, $eagain);
preg_match_all('/recv(?:from|msg)\(\d+, .*\) = (\d+)$/m', $before, $got);
echo "strace saw the read: ", strpos($trace, 'READ-RETURNED') !== false ? "yes" : "no", "\n";
echo "recv() calls that received bytes before fread() returned: ", count($got[1]) >= 3 ? "3 or more" : count($got[1]), "\n";
echo "recv() calls that only said EAGAIN: ", count($eagain[1]), "\n";
unlink($log);
unlink($file);
?>
--EXPECT--
accepted: yes
client read: reply
strace saw the read: yes
recv() calls that received bytes before fread() returned: 3 or more
recv() calls that only said EAGAIN: 0
