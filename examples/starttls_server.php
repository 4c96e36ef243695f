<?php
/*
 * starttls_server.php - a minimal SMTP server that offers STARTTLS.
 *
 *   php starttls_server.php [--cert=PEM] [--listen=ADDR:PORT] [--once]
 *
 *   --cert=PEM          certificate and private key in one PEM file
 *                       (default: ../tests/certs/server.pem, for localhost)
 *   --listen=ADDR:PORT  where to listen (default 127.0.0.1:0, a free port)
 *   --once              exit after the first session
 *
 * The first line printed is "listening on ADDR:PORT".  It speaks just enough
 * SMTP (RFC 5321) for a client to upgrade the connection (RFC 3207): EHLO,
 * HELO, STARTTLS, NOOP, RSET, QUIT; it accepts no mail.  One session at a
 * time, each bounded by a 10 s read timeout.  With xsock loaded the upgrade
 * uses xsock_enable_crypto(), otherwise stream_socket_enable_crypto().
 *
 * Try it with examples/smtp_client.php, or:
 *   openssl s_client -starttls smtp -connect 127.0.0.1:PORT -CAfile ../tests/certs/ca.pem
 */

declare(strict_types=1);

const SESSION_TIMEOUT = 10;	/* seconds a client may stay silent */

exit(main($argv));

function main(array $argv): int
{
	$opt = ['cert' => __DIR__ . '/../tests/certs/server.pem', 'listen' => '127.0.0.1:0', 'once' => false];
	foreach (array_slice($argv, 1) as $a) {
		if (preg_match('/^--(cert|listen)=(.+)$/', $a, $m)) {
			$opt[$m[1]] = $m[2];
		} elseif ($a === '--once') {
			$opt['once'] = true;
		} else {
			fwrite(STDERR, "usage: php starttls_server.php [--cert=PEM] [--listen=ADDR:PORT] [--once]\n");
			return 2;
		}
	}
	if (!is_readable($opt['cert'])) {
		fwrite(STDERR, "cannot read the certificate {$opt['cert']} (use --cert=PEM)\n");
		return 1;
	}
	/*
	 * The certificate sits in the listener's context: accepted streams
	 * inherit it, and STARTTLS reads local_cert from there.
	 */
	$ctx = stream_context_create(['ssl' => ['local_cert' => $opt['cert']]]);
	$srv = stream_socket_server("tcp://{$opt['listen']}", $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
	if (!$srv) {
		fwrite(STDERR, "cannot listen on {$opt['listen']}: $errstr\n");
		return 1;
	}
	echo "listening on ", stream_socket_get_name($srv, false), "\n";
	do {
		$c = @stream_socket_accept($srv, -1, $peer);
		if ($c) {
			echo "[$peer] connected\n";
			session($c, $peer);
			fclose($c);
		}
	} while (!$opt['once']);
	return 0;
}

function session($c, string $peer): void
{
	$tls = false;
	stream_set_timeout($c, SESSION_TIMEOUT);
	send($c, "220 localhost ESMTP starttls_server.php");
	while (($line = fgets($c, 1024)) !== false) {
		$line = rtrim($line, "\r\n");
		$verb = strtoupper(strtok($line, ' ') ?: '');
		echo "[$peer] C: ", printable($line), "\n";
		if ($verb === 'QUIT') {
			send($c, "221 2.0.0 Bye");
			return;
		}
		if ($verb === 'STARTTLS' && !$tls) {
			$tls = start_tls($c, $peer);
			if (!$tls) {
				return;	/* the connection is in an unknown state: drop it */
			}
			continue;
		}
		answer($c, $verb, $tls);
	}
	echo "[$peer] ", stream_get_meta_data($c)['timed_out'] ? "timed out" : "closed", "\n";
}

function answer($c, string $verb, bool $tls): void
{
	switch ($verb) {
		case 'EHLO':
			/* Never offer STARTTLS twice (RFC 3207 section 4.2). */
			send($c, "250-localhost\r\n250-PIPELINING\r\n" . ($tls ? '' : "250-STARTTLS\r\n") . "250 8BITMIME");
			break;
		case 'HELO':
			send($c, "250 localhost");
			break;
		case 'NOOP':
		case 'RSET':
			send($c, "250 2.0.0 OK");
			break;
		case 'STARTTLS':
			send($c, "503 5.5.1 TLS already active");
			break;
		default:
			/* Also what a client that tried implicit TLS here gets for its ClientHello. */
			send($c, "502 5.5.2 Command not implemented");
	}
}

function start_tls($c, string $peer): bool
{
	send($c, "220 2.0.0 Ready to start TLS");
	$fn = function_exists('xsock_enable_crypto') ? 'xsock_enable_crypto' : 'stream_socket_enable_crypto';
	error_clear_last();
	$ok = @$fn($c, true, STREAM_CRYPTO_METHOD_TLS_SERVER) === true;
	$err = error_get_last();
	if (!$ok) {
		echo "[$peer] TLS handshake failed: ", $err['message'] ?? 'unknown error', "\n";
		return false;
	}
	$crypto = stream_get_meta_data($c)['crypto'] ?? [];
	echo "[$peer] TLS on: ", $crypto['protocol'] ?? '?', ", ", $crypto['cipher_name'] ?? '?', "\n";
	return true;
}

function send($c, string $reply): void
{
	@fwrite($c, "$reply\r\n");
}

/* Log what the client sent without dumping binary (a ClientHello) to the terminal. */
function printable(string $s): string
{
	$s = substr($s, 0, 80);
	return preg_replace_callback('/[^\x20-\x7e]/', fn($m) => sprintf('\\x%02x', ord($m[0])), $s);
}
