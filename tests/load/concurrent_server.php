<?php
/*
 * concurrent_server.php - one PHP process serving many TLS clients at once
 * on a single stream_select() loop (run by tests/load/run.sh).
 *
 *   php concurrent_server.php CERTDIR EXPECTED TIMEOUT
 *
 * Listens on tcp://127.0.0.1:0 and prints "READY host:port".  Each
 * accepted socket is made non-blocking and its TLS handshake is driven by
 * stream_socket_enable_crypto() from the same loop.  A client sends
 * "ping N" lines, each answered "pong N", then "done".  Once EXPECTED
 * clients have said "done" (so all of them are connected at the same
 * time), every one is sent "bye" and closes.  The last line printed is a
 * JSON summary; the exit code is 0 only if nothing went wrong.
 */

[, $certs, $expected, $timeout] = $argv + [null, null, 1000, 120];
$expected = (int) $expected;
$deadline = microtime(true) + (float) $timeout;

require __DIR__ . '/common.inc';
$errors = [];
load_collect_warnings($errors);

/* A backlog for a burst of 1,000 connects (PHP's default is 32). */
$ctx = stream_context_create([
	'ssl' => ['local_cert' => "$certs/server.pem"],
	'socket' => ['backlog' => 1024],
]);
$srv = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
if (!$srv) {
	fwrite(STDERR, "listen failed: $errstr\n");
	exit(2);
}
stream_set_blocking($srv, false);
echo 'READY ', stream_socket_get_name($srv, false), "\n";

/* Per connection: [stream, state ('handshake'|'open'), input buffer]. */
$conns = [];
$stats = ['accepted' => 0, 'handshakes' => 0, 'pongs' => 0, 'done' => 0, 'closed' => 0, 'peak_open' => 0];
$byeSent = false;

/* Answer every complete line in a connection's buffer. */
function serve_lines(array &$conn, array &$stats, array &$errors): void
{
	while (($nl = strpos($conn[2], "\n")) !== false) {
		$line = substr($conn[2], 0, $nl);
		$conn[2] = (string) substr($conn[2], $nl + 1);
		if (preg_match('/^ping (\d+)$/', $line, $m)) {
			if (fwrite($conn[0], "pong {$m[1]}\n") !== strlen("pong {$m[1]}\n")) {
				$errors[] = 'short write of a pong';
			}
			$stats['pongs']++;
		} elseif ($line === 'done') {
			$stats['done']++;
		} else {
			$errors[] = "unexpected line: $line";
		}
	}
}

while ($stats['closed'] < $expected && microtime(true) < $deadline) {
	$r = [$srv];
	foreach ($conns as $conn) {
		$r[] = $conn[0];
	}
	$w = $e = null;
	$n = stream_select($r, $w, $e, 1, 0);
	if ($n === false) {
		$errors[] = 'stream_select failed';
		break;
	}
	foreach ($r as $s) {
		if ($s === $srv) {
			/* Take every pending connection; non-blocking accept. */
			while (count($conns) < $expected && ($c = @stream_socket_accept($srv, 0))) {
				stream_set_blocking($c, false);
				$conns[(int) $c] = [$c, 'handshake', ''];
				$stats['accepted']++;
			}
			$stats['peak_open'] = max($stats['peak_open'], count($conns));
			continue;
		}
		$id = (int) $s;
		$conn = &$conns[$id];
		if ($conn[1] === 'handshake') {
			$ok = stream_socket_enable_crypto($s, true, STREAM_CRYPTO_METHOD_TLS_SERVER);
			if ($ok === true) {
				$conn[1] = 'open';
				$stats['handshakes']++;
			} elseif ($ok === false) {
				$errors[] = "handshake failed on connection $id";
				fclose($s);
				unset($conns[$id]);
				$stats['closed']++;
			}
			unset($conn);
			continue;
		}
		$data = fread($s, 8192);
		if ($data === false || ($data === '' && feof($s))) {
			if (!$byeSent) {
				$errors[] = "connection $id closed before bye";
			}
			fclose($s);
			unset($conns[$id]);
			$stats['closed']++;
			unset($conn);
			continue;
		}
		$conn[2] .= $data;
		serve_lines($conn, $stats, $errors);
		unset($conn);
	}
	if (!$byeSent && $stats['done'] === $expected) {
		$stats['peak_open'] = max($stats['peak_open'], count($conns));
		foreach ($conns as $conn) {
			fwrite($conn[0], "bye\n");
		}
		$byeSent = true;
	}
}

if ($stats['closed'] < $expected) {
	$errors[] = "timed out with {$stats['closed']} of $expected closed";
}
$stats['errors'] = count($errors);
$stats['first_errors'] = array_slice($errors, 0, 5);
$stats['xsock'] = extension_loaded('xsock');
echo json_encode($stats), "\n";
exit($errors ? 1 : 0);
