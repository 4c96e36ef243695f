--TEST--
TLS stream_get_meta_data: key order and the crypto array on client and accepted streams
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

[$srv, $addr] = xsock_tls_listen(xsock_server_ssl(), 'tlsv1.2');
echo "listening: ", json_encode(array_keys(compat_meta($srv, "tlsv1.2://127.0.0.1:0"))), "\n";
$w = xsock_tls_worker('
	xsock_worker_ready();
	$ctx = stream_context_create(["ssl" => xsock_client_ssl()]);
	$c = stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
	$m = compat_meta($c, ' . var_export("tls://$addr", true) . ');
	echo "client keys: ", json_encode(array_keys($m)), "\n";
	echo "client crypto: ", json_encode($m["crypto"]), "\n";
	fgets($c);
');
$c = stream_socket_accept($srv, 5);
$m = compat_meta($c, null);
var_dump($m);
fwrite($c, "done\n");
echo xsock_peer_wait($w);
?>
--EXPECTF--
listening: ["timed_out","blocked","eof","stream_type","mode","unread_bytes","seekable"]
array(8) {
  ["crypto"]=>
  array(4) {
    ["protocol"]=>
    string(7) "TLSv1.2"
    ["cipher_name"]=>
    string(%d) "ECDHE-RSA-AES%s"
    ["cipher_bits"]=>
    int(%d)
    ["cipher_version"]=>
    string(7) "TLSv1.2"
  }
  ["timed_out"]=>
  bool(false)
  ["blocked"]=>
  bool(true)
  ["eof"]=>
  bool(false)
  ["stream_type"]=>
  string(14) "tcp_socket/ssl"
  ["mode"]=>
  string(2) "r+"
  ["unread_bytes"]=>
  int(0)
  ["seekable"]=>
  bool(false)
}
client keys: ["crypto","timed_out","blocked","eof","stream_type","mode","unread_bytes","seekable"]
client crypto: {"protocol":"TLSv1.2","cipher_name":"ECDHE-RSA-AES%s","cipher_bits":%d,"cipher_version":"TLSv1.2"}
