--TEST--
xsock: a name mismatch lists the names the certificate carries (subjectAltName DNS and IP entries, the CN when there is no DNS entry), at most 10
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

function attempt(string $what, string $cert, string $peerName): void
{
	echo "-- $what\n";
	[$c, $errno, $errstr] = xsock_connect_s_server('-cert ' . escapeshellarg($cert), xsock_client_ssl(['peer_name' => $peerName]));
	$e = xsock_last_error();
	var_dump($c, $e['hint'], $e['hint'] === $errstr, $e['peer_name']);
}

attempt('one DNS name', xsock_cert('other.pem'), 'localhost');
attempt('DNS and IP names', xsock_cert('server.pem'), 'foo.test');
$many = implode(', ', array_map(fn($i) => "DNS:n$i.test", range(1, 13)));
attempt('13 names: 10 shown', xsock_make_cert('n1.test', $many), 'localhost');
attempt('no subjectAltName: the CN (PHP says so with its CN text)', xsock_make_cert('cn-only.test', ''), 'localhost');
attempt('IP entries only: PHP falls back to the CN too', xsock_make_cert('ipcn.test', 'IP:127.0.0.2'), 'localhost');
?>
--EXPECTF--
-- one DNS name

Warning: stream_socket_client(): Peer certificate subjectAltName did not match expected name `localhost'; the certificate is for other.test in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (the certificate is for other.test) in %s on line %d
bool(false)
string(33) "the certificate is for other.test"
bool(true)
string(9) "localhost"
-- DNS and IP names

Warning: stream_socket_client(): Peer certificate subjectAltName did not match expected name `foo.test'; the certificate is for localhost, 127.0.0.1, ::1 in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
string(48) "the certificate is for localhost, 127.0.0.1, ::1"
bool(true)
string(8) "foo.test"
-- 13 names: 10 shown

Warning: stream_socket_client(): Peer certificate subjectAltName did not match expected name `localhost'; the certificate is for n1.test, n2.test, n3.test, n4.test, n5.test, n6.test, n7.test, n8.test, n9.test, n10.test, and 3 more in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
string(%d) "the certificate is for n1.test, n2.test, n3.test, n4.test, n5.test, n6.test, n7.test, n8.test, n9.test, n10.test, and 3 more"
bool(true)
string(9) "localhost"
-- no subjectAltName: the CN (PHP says so with its CN text)

Warning: stream_socket_client(): Peer certificate CN=`cn-only.test' did not match expected CN=`localhost'; the certificate is for cn-only.test (its CN) in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
string(%d) "the certificate is for cn-only.test (its CN)"
bool(true)
string(9) "localhost"
-- IP entries only: PHP falls back to the CN too

Warning: stream_socket_client(): Peer certificate CN=`ipcn.test' did not match expected CN=`localhost'; the certificate is for 127.0.0.2, ipcn.test (its CN) in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (%s) in %s on line %d
bool(false)
string(%d) "the certificate is for 127.0.0.2, ipcn.test (its CN)"
bool(true)
string(9) "localhost"
