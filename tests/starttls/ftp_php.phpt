--TEST--
Explicit FTPS (AUTH TLS) control dialogue, PHP on both ends, TLS 1.2 forced by the server
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
	echo "C got: ", fgets($c);
	fwrite($c, "AUTH TLS\r\n");
	echo "C got: ", fgets($c);
	var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
	echo "C protocol: ", stream_get_meta_data($c)["crypto"]["protocol"], "\n";
	foreach (["PBSZ 0", "PROT P", "USER anonymous", "QUIT"] as $cmd) {
		fwrite($c, "$cmd\r\n");
		echo "C got: ", fgets($c);
	}
');
$c = stream_socket_accept($srv, 5);
stream_set_timeout($c, 5);
fwrite($c, "220 xsock FTP server ready\r\n");
echo "S got: ", fgets($c);
fwrite($c, "234 AUTH TLS successful\r\n");
var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLSv1_2_SERVER));
$replies = ['PBSZ' => '200 PBSZ=0', 'PROT' => '200 Protection set to Private', 'USER' => '331 Password required', 'QUIT' => '221 Goodbye'];
while (($line = fgets($c)) !== false) {
	echo "S got: ", $line;
	fwrite($c, $replies[substr($line, 0, 4)] . "\r\n");
	if (str_starts_with($line, 'QUIT')) {
		break;
	}
}
fclose($c);
echo xsock_peer_wait($w);
?>
--EXPECT--
S got: AUTH TLS
bool(true)
S got: PBSZ 0
S got: PROT P
S got: USER anonymous
S got: QUIT
C got: 220 xsock FTP server ready
C got: 234 AUTH TLS successful
bool(true)
C protocol: TLSv1.2
C got: 200 PBSZ=0
C got: 200 Protection set to Private
C got: 331 Password required
C got: 221 Goodbye
