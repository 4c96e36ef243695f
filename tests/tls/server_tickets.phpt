--TEST--
TLS server: a TLS 1.3 full handshake sends OpenSSL's default number of session tickets (two), as PHP's server does
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * A client that opens two more connections after the first one can resume
 * both only with two tickets (RFC 8446 §C.4: a ticket is used once).
 * s_client -msg prints one "<<< ... NewSessionTicket" line per ticket.
 */
[$srv] = xsock_tls_listen(xsock_server_ssl(), 'tls');
for ($i = 1; $i <= 2; $i++) {
	[$ok, $out] = xsock_s_client_accept($srv, '-tls1_3 -msg -CAfile {certs}/ca.pem',
		function ($c) { fwrite($c, "hi\n"); });
	echo "connection $i: accepted ", var_export($ok, true), ", tickets received: ",
		preg_match_all('/^<<< .*NewSessionTicket/m', $out), "\n";
}
fclose($srv);
?>
--EXPECT--
connection 1: accepted true, tickets received: 2
connection 2: accepted true, tickets received: 2
