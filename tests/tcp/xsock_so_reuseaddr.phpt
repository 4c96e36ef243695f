--TEST--
tcp (xsock only on PHP < 8.6): so_reuseaddr => false leaves SO_REUSEADDR off, so a re-bind during TIME_WAIT fails
--DESCRIPTION--
Modelled on php-src 8.6's so_reuseaddr.phpt (PR #19967).  The default stays
PHP's: SO_REUSEADDR on every server socket (ctx_server_options.phpt).
--EXTENSIONS--
sockets
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only: PHP < 8.6 ignores so_reuseaddr');
if (!is_readable('/proc/net/tcp')) die('skip needs /proc/net/tcp');
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

/* Is a TIME_WAIT socket (state 06) holding local port $port? */
function in_time_wait(int $port): bool
{
	foreach (file('/proc/net/tcp', FILE_IGNORE_NEW_LINES) ?: [] as $line) {
		$f = preg_split('/\s+/', trim($line));
		if (count($f) > 3 && $f[3] === '06' && hexdec(substr($f[1], strrpos($f[1], ':') + 1)) === $port) {
			return true;
		}
	}
	return false;
}

/*
 * A connection the server side closes first leaves its port in TIME_WAIT.
 * The kernel decides that, not PHP: on a loaded machine the client's FIN
 * can win the race (then nothing is left in TIME_WAIT), so the setup is
 * repeated until /proc shows the state the re-bind is meant to meet.
 */
function leave_time_wait($ctx): int
{
	for ($try = 0; $try < 5; $try++) {
		$srv = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr,
			STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
		$port = xsock_port(stream_socket_get_name($srv, false));
		$cli = stream_socket_client("tcp://127.0.0.1:$port");
		$acc = stream_socket_accept($srv, 2);
		fwrite($cli, 'x');
		compat_read($acc, 1);
		fclose($acc);		/* active close: the server's port goes to TIME_WAIT */
		compat_read($cli, 1);	/* the FIN arrived */
		fclose($cli);
		fclose($srv);
		if (in_time_wait($port)) {
			return $port;
		}
	}
	return $port;
}

foreach ([null, true, 'off' => false, 0] as $label => $v) {
	$ctx = stream_context_create($v === null ? [] : ['socket' => ['so_reuseaddr' => $v]]);
	$srv = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
	echo var_export($v, true), ": SO_REUSEADDR=", compat_sockopt($srv, SOL_SOCKET, SO_REUSEADDR);
	$port = leave_time_wait($ctx);
	$again = @stream_socket_server("tcp://127.0.0.1:$port", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
	echo ", re-bind: ", $again ? "ok" : "failed ($errstr)", "\n";
}

/* udp binds read it too (PHP 8.6 checks it for every bind). */
$u = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND,
	stream_context_create(['socket' => ['so_reuseaddr' => false]]));
var_dump(compat_sockopt($u, SOL_SOCKET, SO_REUSEADDR));
?>
--EXPECT--
NULL: SO_REUSEADDR=1, re-bind: ok
true: SO_REUSEADDR=1, re-bind: ok
false: SO_REUSEADDR=0, re-bind: failed (Address already in use)
0: SO_REUSEADDR=0, re-bind: failed (Address already in use)
int(0)
