--TEST--
TLS ALPN: client offer and server selection (server order wins), crypto meta alpn_protocol
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

echo "-- PHP client offers h2,http/1.1 to s_server -alpn http/1.1\n";
xsock_connect_s_server('-cert {certs}/server.pem -alpn http/1.1', xsock_client_ssl(['alpn_protocols' => 'h2,http/1.1']), 'tls', 5,
	function ($c) { var_dump(stream_get_meta_data($c)['crypto']['alpn_protocol'] ?? null); });

echo "-- PHP client without ALPN: no alpn_protocol key\n";
xsock_connect_s_server('-cert {certs}/server.pem -alpn http/1.1', xsock_client_ssl(), 'tls', 5,
	function ($c) { var_dump(array_key_exists('alpn_protocol', stream_get_meta_data($c)['crypto'])); });

echo "-- PHP server h2,http/1.1 vs s_client -alpn http/1.1,h2: server order wins\n";
[$srv] = xsock_tls_listen(xsock_server_ssl(['alpn_protocols' => 'h2,http/1.1']));
[$ok, $out] = xsock_s_client_accept($srv, '-alpn http/1.1,h2 -CAfile {certs}/ca.pem',
	function ($c) { var_dump(stream_get_meta_data($c)['crypto']['alpn_protocol'] ?? null); });
echo xsock_lines($out, '/^ALPN protocol/');

echo "-- PHP vs PHP\n";
[$srv, $addr] = xsock_tls_listen(xsock_server_ssl(['alpn_protocols' => 'spdy/1,x-test']));
$w = xsock_tls_worker('
	xsock_worker_ready();
	$ctx = stream_context_create(["ssl" => xsock_client_ssl(["alpn_protocols" => "x-test,other"])]);
	$c = stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
	echo "client alpn: ", stream_get_meta_data($c)["crypto"]["alpn_protocol"] ?? "none", "\n";
	fgets($c);
');
$c = stream_socket_accept($srv, 5);
echo "server alpn: ", stream_get_meta_data($c)['crypto']['alpn_protocol'] ?? 'none', "\n";
fwrite($c, "bye\n");
echo xsock_peer_wait($w);
?>
--EXPECT--
-- PHP client offers h2,http/1.1 to s_server -alpn http/1.1
string(8) "http/1.1"
-- PHP client without ALPN: no alpn_protocol key
bool(false)
-- PHP server h2,http/1.1 vs s_client -alpn http/1.1,h2: server order wins
string(2) "h2"
ALPN protocol: h2
-- PHP vs PHP
server alpn: x-test
client alpn: x-test
