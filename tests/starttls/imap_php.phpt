--TEST--
STARTTLS IMAP dialogue, PHP on both ends (tagged commands, untagged CAPABILITY)
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

[$srv, $addr] = xsock_listen('tcp', '127.0.0.1', stream_context_create(['ssl' => xsock_server_ssl()]));
$w = xsock_tls_worker('
	xsock_worker_ready();
	$ctx = stream_context_create(["ssl" => xsock_client_ssl()]);
	$c = stream_socket_client(' . var_export("tcp://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
	stream_set_timeout($c, 5);
	$tagged = function ($tag) use ($c) {
		$all = "";
		do {
			$line = fgets($c);
			$all .= $line;
		} while ($line !== false && !str_starts_with($line, "$tag "));
		return $all;
	};
	echo "C got: ", fgets($c);
	fwrite($c, "a1 CAPABILITY\r\n");
	echo "C: STARTTLS advertised: ", var_export(str_contains($tagged("a1"), "STARTTLS"), true), "\n";
	fwrite($c, "a2 STARTTLS\r\n");
	echo "C got: ", $tagged("a2");
	var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
	fwrite($c, "a3 CAPABILITY\r\n");
	echo "C got: ", $tagged("a3");
	fwrite($c, "a4 LOGOUT\r\n");
	echo "C got: ", $tagged("a4");
');
$c = stream_socket_accept($srv, 5);
stream_set_timeout($c, 5);
fwrite($c, "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n");
echo "S got: ", fgets($c);
fwrite($c, "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\na1 OK done\r\n");
echo "S got: ", fgets($c);
fwrite($c, "a2 OK Begin TLS negotiation now\r\n");
var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
echo "S got: ", fgets($c);
fwrite($c, "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na3 OK done\r\n");
echo "S got: ", fgets($c);
fwrite($c, "* BYE logging out\r\na4 OK done\r\n");
fclose($c);
echo xsock_peer_wait($w);
?>
--EXPECT--
S got: a1 CAPABILITY
S got: a2 STARTTLS
bool(true)
S got: a3 CAPABILITY
S got: a4 LOGOUT
C got: * OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready
C: STARTTLS advertised: true
C got: a2 OK Begin TLS negotiation now
bool(true)
C got: * CAPABILITY IMAP4rev1 AUTH=PLAIN
a3 OK done
C got: * BYE logging out
a4 OK done
