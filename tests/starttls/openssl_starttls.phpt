--TEST--
STARTTLS: PHP server vs openssl s_client -starttls smtp / imap / ftp
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

[$srv] = xsock_listen('tcp', '127.0.0.1', stream_context_create(['ssl' => xsock_server_ssl()]));

/* Read lines until one matches $re; print them. */
function upto($c, string $re): void
{
	while (($line = fgets($c)) !== false) {
		echo "S got: ", rtrim($line), "\n";
		if (preg_match($re, $line)) {
			return;
		}
	}
	echo "S: connection closed\n";
}

$dialogues = [
	'smtp' => function ($c) {
		fwrite($c, "220 mail.example ESMTP\r\n");
		upto($c, '/^EHLO /');
		fwrite($c, "250-mail.example\r\n250-STARTTLS\r\n250 8BITMIME\r\n");
		upto($c, '/^STARTTLS/');
		fwrite($c, "220 2.0.0 Ready to start TLS\r\n");
	},
	'imap' => function ($c) {
		fwrite($c, "* OK IMAP4rev1 ready\r\n");
		upto($c, '/CAPABILITY/');
		fwrite($c, "* CAPABILITY IMAP4rev1 STARTTLS\r\n. OK done\r\n");
		upto($c, '/STARTTLS/');
		fwrite($c, ". OK Begin TLS negotiation now\r\n");
	},
	'ftp' => function ($c) {
		fwrite($c, "220 xsock FTP server ready\r\n");
		upto($c, '/^AUTH TLS/');
		fwrite($c, "234 AUTH TLS successful\r\n");
	},
];
foreach ($dialogues as $proto => $plain) {
	echo "-- $proto\n";
	[$ok, $out] = xsock_s_client_accept($srv, "-starttls $proto -CAfile {certs}/ca.pem -verify_return_error -brief",
		function ($c) use ($plain) {
			stream_set_timeout($c, 5);
			$plain($c);
			var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
			fwrite($c, "secret after STARTTLS\r\n");
		});
	echo xsock_lines($out, '/^(Verification|Protocol version|secret)/');
}
?>
--EXPECTF--
-- smtp
S got: EHLO %s
S got: STARTTLS
bool(true)
Protocol version: TLSv1.3
Verification: OK
secret after STARTTLS
-- imap
S got: %s CAPABILITY
S got: %s STARTTLS
bool(true)
Protocol version: TLSv1.3
Verification: OK
secret after STARTTLS
-- ftp
S got: AUTH TLS
bool(true)
Protocol version: TLSv1.3
Verification: OK
secret after STARTTLS
