<?php
/*
 * concurrent_clients.php - one worker of the concurrent TLS load test
 * (tests/load/run.sh): opens N non-blocking TLS connections at once and
 * drives them all from one stream_select() loop.
 *
 *   php concurrent_clients.php HOST:PORT N CERTDIR ROUNDS TIMEOUT
 *
 * Each connection: asynchronous TCP connect, non-blocking handshake,
 * ROUNDS x ("ping K" -> "pong K"), "done", then it waits for the
 * server's "bye" and closes.  Prints a JSON summary; exit code 0 only if
 * every connection got through without a warning or a wrong answer.
 */

[, $addr, $n, $certs, $rounds, $timeout] = $argv + [null, null, 250, null, 3, 120];
$n = (int) $n;
$rounds = (int) $rounds;
$deadline = microtime(true) + (float) $timeout;

require __DIR__ . '/common.inc';
$errors = [];
load_collect_warnings($errors);

$ssl = ['cafile' => "$certs/ca.pem", 'peer_name' => 'localhost'];
/* Per connection: [stream, state, pings answered, input buffer]. */
$conns = [];
for ($i = 0; $i < $n; $i++) {
	$ctx = stream_context_create(['ssl' => $ssl]);
	$c = stream_socket_client("tcp://$addr", $errno, $errstr, 10, STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT, $ctx);
	if (!$c) {
		$errors[] = "connect $i failed: $errno $errstr";
		continue;
	}
	stream_set_blocking($c, false);
	$conns[(int) $c] = [$c, 'connecting', 0, ''];
}

$stats = ['opened' => count($conns), 'handshakes' => 0, 'pongs' => 0, 'byes' => 0];

/* Send the next ping, or "done" after the last one. */
function next_ping(array &$conn, int $rounds): void
{
	$msg = $conn[2] < $rounds ? "ping {$conn[2]}\n" : "done\n";
	fwrite($conn[0], $msg);
	if ($conn[2] >= $rounds) {
		$conn[1] = 'waiting';
	}
}

/* Handle the complete lines the server sent; returns false to close. */
function handle_lines(array &$conn, int $rounds, array &$stats, array &$errors): bool
{
	while (($nl = strpos($conn[3], "\n")) !== false) {
		$line = substr($conn[3], 0, $nl);
		$conn[3] = (string) substr($conn[3], $nl + 1);
		if ($line === "pong {$conn[2]}") {
			$conn[2]++;
			$stats['pongs']++;
			next_ping($conn, $rounds);
		} elseif ($line === 'bye' && $conn[1] === 'waiting') {
			$stats['byes']++;
			return false;
		} else {
			$errors[] = "unexpected line: $line";
			return false;
		}
	}
	return true;
}

while ($conns && microtime(true) < $deadline) {
	$r = $w = [];
	foreach ($conns as $conn) {
		if ($conn[1] === 'connecting') {
			$w[] = $conn[0];
		} else {
			$r[] = $conn[0];
		}
	}
	$e = null;
	if (stream_select($r, $w, $e, 1, 0) === false) {
		$errors[] = 'stream_select failed';
		break;
	}
	foreach (array_merge($w, $r) as $s) {
		$id = (int) $s;
		if (!isset($conns[$id])) {
			continue;
		}
		$conn = &$conns[$id];
		if ($conn[1] === 'connecting' || $conn[1] === 'handshake') {
			$conn[1] = 'handshake';
			$ok = stream_socket_enable_crypto($s, true, STREAM_CRYPTO_METHOD_TLS_CLIENT);
			if ($ok === true) {
				$conn[1] = 'pinging';
				$stats['handshakes']++;
				next_ping($conn, $rounds);
			} elseif ($ok === false) {
				$errors[] = "handshake failed on connection $id";
				fclose($s);
				unset($conns[$id]);
			}
			unset($conn);
			continue;
		}
		$data = fread($s, 8192);
		if ($data === false || ($data === '' && feof($s))) {
			$errors[] = "server closed connection $id early";
			fclose($s);
			unset($conns[$id]);
			unset($conn);
			continue;
		}
		$conn[3] .= $data;
		if (!handle_lines($conn, $rounds, $stats, $errors)) {
			fclose($s);
			unset($conns[$id]);
		}
		unset($conn);
	}
}
if ($conns) {
	$errors[] = count($conns) . ' connections still open at the deadline';
}
$stats['errors'] = count($errors);
$stats['first_errors'] = array_slice($errors, 0, 5);
echo json_encode($stats), "\n";
exit($errors ? 1 : 0);
