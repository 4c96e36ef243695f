<?php
/*
 * tls_server_nonblocking.php - a TLS server that no client can stall.
 *
 *   php -d extension=xsock tls_server_nonblocking.php [--cert=PEM] [--listen=ADDR:PORT]
 *       [--handshake-timeout=SECONDS] [--run=SECONDS]
 *
 *   --cert=PEM                 certificate and key in one PEM file
 *                              (default: ../tests/certs/server.pem, for localhost)
 *   --listen=ADDR:PORT         where to listen (default 127.0.0.1:0, a free port)
 *   --handshake-timeout=SEC    a client must finish its handshake in this time (default 5)
 *   --run=SECONDS              exit after this long (default: run forever)
 *
 * The first line printed is "listening on ADDR:PORT".  Each client gets
 * one line back: "hello <what it sent first>".
 *
 * stream_socket_accept() on an ssl:// server runs the handshake inside the
 * accept, so a sequential server waits on each client in turn: one that
 * connects and sends nothing holds all the others (ssl.accept_timeout
 * bounds that wait; this design removes it).  Here the listener is plain
 * tcp://, every accepted socket is non-blocking, and the handshakes of all
 * clients advance together in one stream_select() loop:
 * stream_socket_enable_crypto() returns 0 while a handshake is under way,
 * and stream_socket_get_crypto_status() says whether it waits to read or
 * to write (PHP 8.6's function; xsock provides it on 8.2 to 8.5).
 *
 * Try it with several of:
 *   openssl s_client -connect 127.0.0.1:PORT -CAfile ../tests/certs/ca.pem
 */

declare(strict_types=1);

exit(main($argv));

function main(array $argv): int
{
	$opt = options($argv);
	if ($opt === null) {
		fwrite(STDERR, "usage: php tls_server_nonblocking.php [--cert=PEM] [--listen=ADDR:PORT] "
			. "[--handshake-timeout=SECONDS] [--run=SECONDS]\n");
		return 2;
	}
	if (!function_exists('stream_socket_get_crypto_status')) {
		fwrite(STDERR, "stream_socket_get_crypto_status() is missing: load xsock (or use PHP 8.6)\n");
		return 1;
	}
	if (!is_readable($opt['cert'])) {
		fwrite(STDERR, "cannot read the certificate {$opt['cert']} (use --cert=PEM)\n");
		return 1;
	}
	/* Accepted streams inherit the listener's context: enable_crypto finds local_cert there. */
	$ctx = stream_context_create(['ssl' => ['local_cert' => $opt['cert']]]);
	$srv = stream_socket_server("tcp://{$opt['listen']}", $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
	if (!$srv) {
		fwrite(STDERR, "cannot listen on {$opt['listen']}: $errstr\n");
		return 1;
	}
	echo "listening on ", stream_socket_get_name($srv, false), "\n";
	serve($srv, $opt);
	return 0;
}

function options(array $argv): ?array
{
	$opt = ['cert' => __DIR__ . '/../tests/certs/server.pem', 'listen' => '127.0.0.1:0',
		'handshake-timeout' => 5.0, 'run' => 0.0];
	foreach (array_slice($argv, 1) as $a) {
		if (preg_match('/^--(cert|listen)=(.+)$/', $a, $m)) {
			$opt[$m[1]] = $m[2];
		} elseif (preg_match('/^--(handshake-timeout|run)=(\d+(?:\.\d+)?)$/', $a, $m)) {
			$opt[$m[1]] = (float) $m[2];
		} else {
			return null;
		}
	}
	return $opt;
}

/*
 * One loop for every client.  $clients: id => ['s' => stream, 'peer' =>
 * name, 'state' => 'handshake' | 'request', 'want' => 'r' | 'w',
 * 'deadline' => microtime].
 */
function serve($srv, array $opt): void
{
	$clients = [];
	$end = $opt['run'] > 0 ? microtime(true) + $opt['run'] : INF;
	while (microtime(true) < $end) {
		$r = [$srv];
		$w = [];
		foreach ($clients as $c) {
			if ($c['want'] === 'w') {
				$w[] = $c['s'];
			} else {
				$r[] = $c['s'];
			}
		}
		$e = null;
		/* Wake at least every 100 ms to drop clients past their deadline. */
		if (@stream_select($r, $w, $e, 0, 100000) === false) {
			break;
		}
		if (in_array($srv, $r, true)) {
			accept_client($srv, $clients, $opt['handshake-timeout']);
		}
		foreach ($clients as $id => $c) {
			if (in_array($c['s'], $r, true) || in_array($c['s'], $w, true)) {
				step($clients, $id);
			}
		}
		expire($clients);
	}
	foreach ($clients as $c) {
		fclose($c['s']);
	}
}

function accept_client($srv, array &$clients, float $timeout): void
{
	$s = @stream_socket_accept($srv, 0, $peer);
	if ($s === false) {
		return;
	}
	stream_set_blocking($s, false);
	$clients[(int) $s] = ['s' => $s, 'peer' => $peer, 'state' => 'handshake', 'want' => 'r',
		'deadline' => microtime(true) + $timeout];
}

/* Advance one client: a handshake step, or its request and the answer. */
function step(array &$clients, int $id): void
{
	$c = &$clients[$id];
	if ($c['state'] === 'handshake') {
		$rc = @stream_socket_enable_crypto($c['s'], true, STREAM_CRYPTO_METHOD_TLS_SERVER);
		if ($rc === 0) {
			$c['want'] = stream_socket_get_crypto_status($c['s']) === STREAM_CRYPTO_STATUS_WANT_WRITE ? 'w' : 'r';
			return;
		}
		if ($rc === false) {
			drop($clients, $id, 'handshake failed: ' . (error_get_last()['message'] ?? 'unknown'));
			return;
		}
		$c['state'] = 'request';
		$c['want'] = 'r';
		echo "[{$c['peer']}] TLS up\n";
		/* Data that came with the last handshake flight is already decrypted: fall through. */
	}
	$line = fgets($c['s'], 1024);
	if ($line === false) {
		if (feof($c['s'])) {
			drop($clients, $id, 'closed');
		}
		return;
	}
	/* A short answer on a fresh socket fits the send buffer: one non-blocking write is enough. */
	fwrite($c['s'], 'hello ' . rtrim($line, "\r\n") . "\n");
	drop($clients, $id, 'served');
}

/* A client that has not finished its handshake in time goes; the others never waited for it. */
function expire(array &$clients): void
{
	$now = microtime(true);
	foreach ($clients as $id => $c) {
		if ($c['state'] === 'handshake' && $now > $c['deadline']) {
			drop($clients, $id, 'handshake timeout');
		}
	}
}

function drop(array &$clients, int $id, string $why): void
{
	echo "[{$clients[$id]['peer']}] $why\n";
	fclose($clients[$id]['s']);
	unset($clients[$id]);
}
