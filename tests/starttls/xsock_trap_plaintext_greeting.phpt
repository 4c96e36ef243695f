--TEST--
xsock: the STARTTLS trap explained after PHP's warning text and in $errstr (SMTP, IMAP, POP3, FTP, plaintext HTTP)
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$php_first = "stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:\n"
	. "error:0A00010B:SSL routines::wrong version number";
$greetings = [
	'SMTP' => ["220 mail.example ESMTP\r\n", ['SMTP', 'tcp://', 'STARTTLS']],
	'SMTP multi-line' => ["220-mail.example ESMTP\r\n220 ready\r\n", ['SMTP', 'tcp://', 'STARTTLS']],
	'IMAP' => ["* OK [CAPABILITY IMAP4rev1 STARTTLS] mail.example ready\r\n", ['IMAP', 'tcp://', 'STARTTLS']],
	'POP3' => ["+OK mail.example POP3 ready\r\n", ['POP3', 'tcp://', 'STLS']],
	'FTP' => ["220 mail.example FTP server ready\r\n", ['FTP', 'tcp://', 'AUTH TLS']],
];
foreach ($greetings as $name => [$greeting, $words]) {
	echo "-- $name\n";
	$w = xsock_plain_greeter($greeting);
	$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
	[$c, $msgs] = xsock_catch(function () use ($w, $ctx, &$errno, &$errstr) {
		return stream_socket_client("tls://{$w['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	});
	xsock_peer_wait($w);
	var_dump($c, $errno);
	echo "PHP's first warning unchanged at the start: ", var_export(str_starts_with($msgs[0], $php_first), true), "\n";
	echo "Failed to enable crypto follows: ", var_export(str_starts_with($msgs[1] ?? '', 'stream_socket_client(): Failed to enable crypto'), true), "\n";
	echo "last warning starts as PHP's: ", var_export(str_starts_with(end($msgs), "stream_socket_client(): Unable to connect to tls://{$w['addr']} ("), true), "\n";
	$hint = substr($msgs[0], strlen($php_first));
	foreach ($words as $word) {
		echo "hint names $word: ", var_export(str_contains($hint, $word), true),
			"; errstr too: ", var_export(str_contains($errstr, $word), true), "\n";
	}
}

echo "-- plaintext HTTP request to a TLS server\n";
[$srv, $addr] = xsock_tls_listen(xsock_server_ssl());
$w = xsock_tls_worker('
	xsock_worker_ready();
	$c = stream_socket_client(' . var_export("tcp://$addr", true) . ');
	fwrite($c, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
	stream_set_timeout($c, 2);
	fread($c, 100);
');
[$c, $msgs] = xsock_catch(fn() => stream_socket_accept($srv, 5));
xsock_peer_wait($w);
var_dump($c);
$first = "stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:\n"
	. "error:0A00009C:SSL routines::http request";
echo "PHP's first warning unchanged at the start: ", var_export(str_starts_with($msgs[0], $first), true), "\n";
$hint = substr($msgs[0], strlen($first));
echo "hint says plaintext HTTP: ", var_export(str_contains($hint, 'HTTP') && stripos($hint, 'plaintext') !== false, true), "\n";
?>
--EXPECT--
-- SMTP
bool(false)
int(0)
PHP's first warning unchanged at the start: true
Failed to enable crypto follows: true
last warning starts as PHP's: true
hint names SMTP: true; errstr too: true
hint names tcp://: true; errstr too: true
hint names STARTTLS: true; errstr too: true
-- SMTP multi-line
bool(false)
int(0)
PHP's first warning unchanged at the start: true
Failed to enable crypto follows: true
last warning starts as PHP's: true
hint names SMTP: true; errstr too: true
hint names tcp://: true; errstr too: true
hint names STARTTLS: true; errstr too: true
-- IMAP
bool(false)
int(0)
PHP's first warning unchanged at the start: true
Failed to enable crypto follows: true
last warning starts as PHP's: true
hint names IMAP: true; errstr too: true
hint names tcp://: true; errstr too: true
hint names STARTTLS: true; errstr too: true
-- POP3
bool(false)
int(0)
PHP's first warning unchanged at the start: true
Failed to enable crypto follows: true
last warning starts as PHP's: true
hint names POP3: true; errstr too: true
hint names tcp://: true; errstr too: true
hint names STLS: true; errstr too: true
-- FTP
bool(false)
int(0)
PHP's first warning unchanged at the start: true
Failed to enable crypto follows: true
last warning starts as PHP's: true
hint names FTP: true; errstr too: true
hint names tcp://: true; errstr too: true
hint names AUTH TLS: true; errstr too: true
-- plaintext HTTP request to a TLS server
bool(false)
PHP's first warning unchanged at the start: true
hint says plaintext HTTP: true
