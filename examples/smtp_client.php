<?php
/*
 * smtp_client.php - check that a mail submission server upgrades to TLS.
 *
 *   php smtp_client.php [options] HOST PORT
 *
 *   --cafile=FILE     trust the CA certificates in FILE (default: the system store)
 *   --peer-name=NAME  name the certificate must carry (default: HOST)
 *   --insecure        do not verify the certificate (testing only)
 *   --implicit        TLS from the first byte (port 465) instead of STARTTLS (port 587)
 *   --helo=NAME       name to introduce ourselves with (default: localhost)
 *   --timeout=SEC     for the connect, every reply and the handshake (default: 10)
 *
 * It connects, reads the greeting, says EHLO, sends STARTTLS, turns on TLS
 * (RFC 3207), says EHLO again and QUITs; no mail is sent.  With xsock
 * loaded the upgrade uses xsock_enable_crypto(), otherwise PHP's
 * stream_socket_enable_crypto(); both have the same contract.  Exit status
 * 0 when the session completed over TLS, 1 otherwise, 2 on bad usage.
 *
 * Example against examples/starttls_server.php:
 *   php smtp_client.php --cafile=../tests/certs/ca.pem --peer-name=localhost 127.0.0.1 2525
 */

declare(strict_types=1);

exit(main($argv));

function main(array $argv): int
{
	$opt = parse_args(array_slice($argv, 1));
	if ($opt === null) {
		fwrite(STDERR, "usage: php smtp_client.php [--cafile=FILE] [--peer-name=NAME] [--insecure]\n"
			. "       [--implicit] [--helo=NAME] [--timeout=SEC] HOST PORT\n");
		return 2;
	}
	echo "xsock ", extension_loaded('xsock') ? 'loaded' : 'not loaded (PHP built-in transports)', "\n";
	$s = connect($opt);
	if ($s === null) {
		return 1;
	}
	$ok = session($s, $opt);
	fclose($s);
	echo $ok ? "OK: the session ran over TLS\n" : "FAILED\n";
	return $ok ? 0 : 1;
}

function parse_args(array $args): ?array
{
	$opt = ['cafile' => null, 'peer-name' => null, 'insecure' => false, 'implicit' => false,
		'helo' => 'localhost', 'timeout' => 10.0, 'host' => null, 'port' => null];
	$pos = [];
	foreach ($args as $a) {
		if (preg_match('/^--(cafile|peer-name|helo|timeout)=(.+)$/', $a, $m)) {
			$opt[$m[1]] = $m[1] === 'timeout' ? (float) $m[2] : $m[2];
		} elseif ($a === '--insecure' || $a === '--implicit') {
			$opt[substr($a, 2)] = true;
		} elseif ($a !== '' && $a[0] !== '-') {
			$pos[] = $a;
		} else {
			return null;
		}
	}
	if (count($pos) !== 2 || !ctype_digit($pos[1]) || $opt['timeout'] <= 0) {
		return null;
	}
	[$opt['host'], $opt['port']] = [$pos[0], (int) $pos[1]];
	return $opt;
}

function tls_context(array $opt)
{
	$ssl = [
		'verify_peer' => !$opt['insecure'],
		'verify_peer_name' => !$opt['insecure'],
		'peer_name' => $opt['peer-name'] ?? trim($opt['host'], '[]'),
	];
	if ($opt['cafile'] !== null) {
		$ssl['cafile'] = $opt['cafile'];
	}
	return stream_context_create(['ssl' => $ssl]);
}

function connect(array $opt)
{
	$host = strpos($opt['host'], ':') !== false && $opt['host'][0] !== '[' ? "[{$opt['host']}]" : $opt['host'];
	$url = ($opt['implicit'] ? 'tls' : 'tcp') . "://$host:{$opt['port']}";
	echo "connecting to $url\n";
	$s = stream_socket_client($url, $errno, $errstr, $opt['timeout'], STREAM_CLIENT_CONNECT, tls_context($opt));
	if (!$s) {
		/* The warnings above say what went wrong; with xsock they also say why. */
		echo "connect failed: errno=$errno errstr=", var_export($errstr, true), "\n";
		return null;
	}
	stream_set_timeout($s, (int) ceil($opt['timeout']));
	return $s;
}

function session($s, array $opt): bool
{
	if (reply($s)[0] !== 220) {
		return false;
	}
	$ehlo = command($s, "EHLO {$opt['helo']}");
	if ($ehlo[0] !== 250) {
		return false;
	}
	if (!$opt['implicit'] && !upgrade($s, $ehlo[1], $opt)) {
		return false;
	}
	return command($s, 'QUIT')[0] === 221;
}

/* RFC 3207: STARTTLS, handshake, then everything learned before is void. */
function upgrade($s, array $keywords, array $opt): bool
{
	if (!in_array('STARTTLS', $keywords, true)) {
		echo "the server does not offer STARTTLS\n";
		return false;
	}
	if (command($s, 'STARTTLS')[0] !== 220) {
		return false;
	}
	$fn = function_exists('xsock_enable_crypto') ? 'xsock_enable_crypto' : 'stream_socket_enable_crypto';
	$on = $fn($s, true, STREAM_CRYPTO_METHOD_TLS_CLIENT);
	echo "$fn() returned ", var_export($on, true), "\n";
	if ($on !== true) {
		return false;
	}
	$crypto = stream_get_meta_data($s)['crypto'] ?? [];
	echo "TLS: ", $crypto['protocol'] ?? '?', ", ", $crypto['cipher_name'] ?? '?', "\n";
	return command($s, "EHLO {$opt['helo']}")[0] === 250;
}

function command($s, string $line): array
{
	echo "C: $line\n";
	if (fwrite($s, "$line\r\n") === false) {
		return [0, []];
	}
	return reply($s);
}

/* A reply may span lines: "250-A", "250-B", "250 C".  Returns [code, keywords]. */
function reply($s): array
{
	$words = [];
	while (($line = fgets($s, 2048)) !== false) {
		$line = rtrim($line, "\r\n");
		echo "S: $line\n";
		$words[] = strtoupper(strtok(substr($line, 4), ' ') ?: '');
		if (strlen($line) < 4 || $line[3] !== '-') {
			return [(int) substr($line, 0, 3), $words];
		}
	}
	echo stream_get_meta_data($s)['timed_out'] ? "timed out waiting for the server\n" : "the server closed the connection\n";
	return [0, $words];
}
