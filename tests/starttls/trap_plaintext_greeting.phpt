--TEST--
STARTTLS trap: tls:// to a plaintext SMTP / IMAP / POP3 / FTP server, and a plaintext HTTP request to a TLS server
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$greetings = [
	'SMTP (port 587 style)' => "220 mail.example ESMTP\r\n",
	'IMAP' => "* OK [CAPABILITY IMAP4rev1 STARTTLS] mail.example ready\r\n",
	'POP3' => "+OK mail.example POP3 ready\r\n",
	'FTP' => "220 mail.example FTP server ready\r\n",
];
foreach ($greetings as $name => $greeting) {
	echo "-- $name\n";
	$w = xsock_plain_greeter($greeting);
	$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
	$c = stream_socket_client("tls://{$w['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	var_dump($c, $errno);
	xsock_peer_wait($w);
}

echo "-- HTTP request to a TLS server\n";
[$srv, $addr] = xsock_tls_listen(xsock_server_ssl());
$w = xsock_tls_worker('
	xsock_worker_ready();
	$c = stream_socket_client(' . var_export("tcp://$addr", true) . ');
	fwrite($c, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
	stream_set_timeout($c, 2);
	fread($c, 100);
');
$c = stream_socket_accept($srv, 5);
var_dump($c);
echo xsock_peer_wait($w);
?>
--EXPECTF--
-- SMTP (port 587 style)

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
int(0)
-- IMAP

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
int(0)
-- POP3

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
int(0)
-- FTP

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number%A
Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
int(0)
-- HTTP request to a TLS server

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00009C:SSL routines::http request%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
