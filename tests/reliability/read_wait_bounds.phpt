--TEST--
reliability: a blocking read or accept waits its whole timeout: bytes or a client that come late in it are taken, silence times it out no earlier, a signal or a forked process sharing the socket does not change it, on tcp and tls; an fd handed to ext/sockets has no receive timeout
--SKIPIF--
<?php
if (!function_exists('pcntl_alarm') || !function_exists('posix_kill') || !function_exists('socket_import_stream')) {
	die('skip needs pcntl, posix and sockets');
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * xsock waits in recv() with SO_RCVTIMEO set to 3/4 of the timeout, then
 * polls for the rest (netops.c, xsock_net_recv_wait).  These are the
 * edges of that: bytes after the socket's timer but before the stream's,
 * the stream's timeout itself, a signal in the middle, and an fd that
 * leaves the stream.  PHP's poll() behaves the same, so the expectations
 * hold for both.
 */

/* A worker that accepts one connection on $scheme, writes "late\n" after $delay s (never when < 0), then waits for EOF. */
function peer(string $scheme, float $delay): array
{
	$listen = $scheme === 'tls' ? 'xsock_tls_listen(xsock_server_ssl())' : 'xsock_listen("tcp")';
	return xsock_tls_worker('
		[$srv, $addr] = ' . $listen . ';
		xsock_worker_ready($addr);
		$c = stream_socket_accept($srv, 10);
		if ($c) {
			if (' . $delay . ' >= 0) {
				usleep((int) (' . $delay . ' * 1e6));
				fwrite($c, "late\n");
			}
			stream_set_timeout($c, 10);
			while (!feof($c) && fread($c, 100) !== false) {
			}
		}
	');
}

/* A worker that connects to $addr after $delay s, then waits for EOF. */
function late_client(string $addr, float $delay): array
{
	return xsock_tls_worker('
		xsock_worker_ready();
		usleep((int) (' . $delay . ' * 1e6));
		$c = stream_socket_client("tcp://' . $addr . '", $en, $es, 5);
		stream_set_timeout($c, 10);
		while ($c && !feof($c) && fread($c, 100) !== false) {
		}
	');
}

function connect(string $scheme, array $p, float $timeout = 5.0)
{
	$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
	return @stream_socket_client("$scheme://{$p['addr']}", $en, $es, $timeout, STREAM_CLIENT_CONNECT, $ctx);
}

/* One blocking fread with a timeout of $secs: what it returned, timed_out, and when. */
function timed_read($s, float $secs): array
{
	stream_set_timeout($s, (int) $secs, (int) (fmod($secs, 1.0) * 1e6));
	$t = microtime(true);
	$d = fread($s, 100);
	return [$d, stream_get_meta_data($s)['timed_out'], microtime(true) - $t];
}

foreach (['tcp', 'tls'] as $scheme) {
	/* Bytes 1.7 s into a 2 s timeout: past the socket's 1.5 s, before the stream's. */
	$p = peer($scheme, 1.7);
	$s = connect($scheme, $p);
	[$d, $to, $took] = timed_read($s, 2.0);
	echo "$scheme late bytes: ", var_export($d, true), ' timed_out=', var_export($to, true),
		' after the first 1.5 s: ', var_export($took > 1.5, true), "\n";
	fclose($s);
	xsock_peer_wait($p);

	/* A silent peer: the read ends at its 1 s timeout, not at the socket's 0.75 s, and not much later. */
	$p = peer($scheme, -1);
	$s = connect($scheme, $p);
	[$d, $to, $took] = timed_read($s, 1.0);
	echo "$scheme silent peer: ", var_export($d, true), ' timed_out=', var_export($to, true),
		' at the timeout: ', var_export($took >= 0.99 && $took < 1.9, true), "\n";
	fclose($s);
	xsock_peer_wait($p);

	/* SIGALRM 1 s into a 3 s wait: the handler runs, the read goes on and gets the bytes at 1.7 s. */
	pcntl_async_signals(true);
	$alarms = 0;
	pcntl_signal(SIGALRM, function () use (&$alarms) {
		$alarms++;
	});
	$p = peer($scheme, 1.7);
	$s = connect($scheme, $p);
	pcntl_alarm(1);
	[$d, $to, $took] = timed_read($s, 3.0);
	echo "$scheme signal during the wait: ", var_export($d, true), ' timed_out=', var_export($to, true),
		" alarms=$alarms after the signal: ", var_export($took > 1.0, true), "\n";
	pcntl_signal(SIGALRM, SIG_DFL);
	fclose($s);
	xsock_peer_wait($p);
}

/* The TLS handshake's wait: a server that never answers the ClientHello ends it at the 1 s connect timeout. */
$p = peer('tcp', -1);
$t = microtime(true);
$s = connect('tls', $p, 1.0);
$took = microtime(true) - $t;
echo 'tls handshake, silent server: ', var_export($s, true), ' at the timeout: ',
	var_export($took >= 0.99 && $took < 1.9, true), "\n";
xsock_peer_wait($p);

/* A stream that has waited, handed to ext/sockets: no receive timeout on the fd; the stream still honours its own. */
$p = peer('tcp', -1);
$s = connect('tcp', $p);
timed_read($s, 0.5);
timed_read($s, 1.0);
var_dump(socket_get_option(socket_import_stream($s), SOL_SOCKET, SO_RCVTIMEO));
[$d, $to, $took] = timed_read($s, 1.0);
echo 'after the import: ', var_export($d, true), ' timed_out=', var_export($to, true),
	' at the timeout: ', var_export($took >= 0.99 && $took < 1.9, true), "\n";
fclose($s);
xsock_peer_wait($p);

/* After a fork both processes hold the socket: the child's longer wait on it must not stretch the parent's. */
$p = peer('tcp', -1);
$s = connect('tcp', $p);
$pid = pcntl_fork();
if ($pid === 0) {
	usleep(300000);	/* while the parent waits its first second */
	timed_read($s, 10.0);
	posix_kill(getmypid(), SIGKILL);	/* no shutdown functions: the peers belong to the parent */
}
timed_read($s, 1.0);
[$d, $to, $took] = timed_read($s, 1.0);
echo 'after a fork: ', var_export($d, true), ' timed_out=', var_export($to, true),
	' at the timeout: ', var_export($took >= 0.99 && $took < 1.9, true), "\n";
posix_kill($pid, SIGKILL);
pcntl_waitpid($pid, $status);
fclose($s);
xsock_peer_wait($p);

/*
 * stream_socket_accept() waits in accept() the same way (the listener's
 * SO_RCVTIMEO), and an accepted socket inherits that option in the kernel:
 * handed out, it has none either.
 */
[$srv, $addr] = xsock_listen('tcp');
$p = late_client($addr, 1.7);
$t = microtime(true);
$c = stream_socket_accept($srv, 2.0);
echo 'accept, a client at 1.7 s: ', var_export(is_resource($c), true), ' after the first 1.5 s: ',
	var_export(microtime(true) - $t > 1.5, true), "\n";
var_dump(socket_get_option(socket_import_stream($c), SOL_SOCKET, SO_RCVTIMEO) === ['sec' => 0, 'usec' => 0]);
fclose($c);
xsock_peer_wait($p);
$t = microtime(true);
$c = @stream_socket_accept($srv, 1.0);
$took = microtime(true) - $t;
echo 'accept, no client: ', var_export($c, true), ' at the timeout: ', var_export($took >= 0.99 && $took < 1.9, true), "\n";
?>
--EXPECT--
tcp late bytes: 'late
' timed_out=false after the first 1.5 s: true
tcp silent peer: false timed_out=true at the timeout: true
tcp signal during the wait: 'late
' timed_out=false alarms=1 after the signal: true
tls late bytes: 'late
' timed_out=false after the first 1.5 s: true
tls silent peer: false timed_out=true at the timeout: true
tls signal during the wait: 'late
' timed_out=false alarms=1 after the signal: true
tls handshake, silent server: false at the timeout: true
array(2) {
  ["sec"]=>
  int(0)
  ["usec"]=>
  int(0)
}
after the import: false timed_out=true at the timeout: true
after a fork: false timed_out=true at the timeout: true
accept, a client at 1.7 s: true after the first 1.5 s: true
bool(true)
accept, no client: false at the timeout: true
