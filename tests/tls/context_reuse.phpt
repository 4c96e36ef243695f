--TEST--
TLS context reuse: one context for several connections; option changes between connections take effect (client peer name, verification, CA file; server certificate and ALPN)
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

echo "-- client: one context, three connections to an other.test server\n";
$p = xsock_s_server('-cert {certs}/other.pem -naccept 3 -rev');
$ctx = stream_context_create(['ssl' => xsock_client_ssl(['peer_name' => 'other.test'])]);
foreach ([[], ['peer_name' => 'localhost'], ['verify_peer_name' => false]] as $change) {
	foreach ($change as $k => $v) {
		stream_context_set_option($ctx, 'ssl', $k, $v);
	}
	$c = @stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	echo json_encode($change), ": ", $c ? 'connected' : 'failed', "\n";
	if ($c) {
		fwrite($c, "abc\n");
		echo fgets($c);
		fclose($c);
	}
}
xsock_proc_stop($p);

echo "-- client: the CA file changed on the context between connections\n";
$p = xsock_s_server('-cert {certs}/server.pem -naccept 3 -rev');
$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
foreach (['ca.pem', 'untrusted-ca.pem', 'ca.pem'] as $ca) {
	stream_context_set_option($ctx, 'ssl', 'cafile', xsock_cert($ca));
	$c = @stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	echo "$ca: ", $c ? 'connected' : 'failed', "\n";
	if ($c) {
		fclose($c);
	}
}
xsock_proc_stop($p);

echo "-- server: certificate and ALPN changed on the listening context between accepts\n";
[$srv] = xsock_tls_listen(xsock_server_ssl(['alpn_protocols' => 'one']));
$serve = function ($c) {
	echo "alpn: ", stream_get_meta_data($c)['crypto']['alpn_protocol'] ?? 'none', "\n";
};
[$ok, $out] = xsock_s_client_accept($srv, '-alpn one,two -brief', $serve);
echo xsock_lines($out, '/^Peer certificate/');
stream_context_set_option($srv, 'ssl', 'local_cert', xsock_cert('other.pem'));
stream_context_set_option($srv, 'ssl', 'alpn_protocols', 'two');
[$ok, $out] = xsock_s_client_accept($srv, '-alpn one,two -brief', $serve);
echo xsock_lines($out, '/^Peer certificate/');
?>
--EXPECT--
-- client: one context, three connections to an other.test server
[]: connected
cba
{"peer_name":"localhost"}: failed
{"verify_peer_name":false}: connected
cba
-- client: the CA file changed on the context between connections
ca.pem: connected
untrusted-ca.pem: failed
ca.pem: connected
-- server: certificate and ALPN changed on the listening context between accepts
alpn: one
Peer certificate: O=xsock tests, CN=localhost
alpn: two
Peer certificate: O=xsock tests, CN=other.test
