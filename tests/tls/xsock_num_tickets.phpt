--TEST--
xsock: ssl.num_tickets (PHP 8.6's option) sets the TLS 1.3 tickets a server sends; a value that is not an int >= 0 warns and fails the server's setup
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * Each value gets two connections: the second comes from xsock's SSL_CTX
 * cache, whose key must tell the values apart (0, then 1, with every other
 * option the same).
 */
function tickets(array $ssl): void
{
	[$srv] = xsock_tls_listen(xsock_server_ssl($ssl), 'tls');
	/* Two connections: the context (and its cache key) must hold on the second. */
	for ($i = 1; $i <= 2; $i++) {
		[[$ok, $out], $warnings] = xsock_catch(fn() => xsock_s_client_accept($srv,
			'-tls1_3 -msg -CAfile {certs}/ca.pem', function ($c) { fwrite($c, "hi\n"); }, '', 2));
		echo var_export($ssl['num_tickets'], true), " #$i: ", $ok ? 'accepted' : 'not accepted', ", tickets: ",
			preg_match_all('/^<<< .*NewSessionTicket/m', $out), "\n";
		/* The accept's own failure text is not this test's business (it differs by PHP version). */
		foreach (preg_grep('/num_tickets/', $warnings) as $w) {
			echo "  warning: $w\n";
		}
	}
	fclose($srv);
}

foreach ([0, 1, 3] as $n) {
	tickets(['num_tickets' => $n]);
}
foreach (['2', -1, 1.5, null] as $bad) {
	tickets(['num_tickets' => $bad]);
}
?>
--EXPECT--
0 #1: accepted, tickets: 0
0 #2: accepted, tickets: 0
1 #1: accepted, tickets: 1
1 #2: accepted, tickets: 1
3 #1: accepted, tickets: 3
3 #2: accepted, tickets: 3
'2' #1: not accepted, tickets: 0
  warning: stream_socket_accept(): num_tickets must be of type int, string given
'2' #2: not accepted, tickets: 0
  warning: stream_socket_accept(): num_tickets must be of type int, string given
-1 #1: not accepted, tickets: 0
  warning: stream_socket_accept(): num_tickets must be greater than or equal to 0
-1 #2: not accepted, tickets: 0
  warning: stream_socket_accept(): num_tickets must be greater than or equal to 0
1.5 #1: not accepted, tickets: 0
  warning: stream_socket_accept(): num_tickets must be of type int, float given
1.5 #2: not accepted, tickets: 0
  warning: stream_socket_accept(): num_tickets must be of type int, float given
NULL #1: not accepted, tickets: 0
  warning: stream_socket_accept(): num_tickets must be of type int, null given
NULL #2: not accepted, tickets: 0
  warning: stream_socket_accept(): num_tickets must be of type int, null given
