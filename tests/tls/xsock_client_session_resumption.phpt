--TEST--
xsock: a TLS client resumes its session on the next stream_socket_client() to the same peer with the same settings (s_server -www says "Reused")
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

foreach (['tls', 'tlsv1.2'] as $scheme) {
	echo "-- $scheme\n";
	$p = xsock_s_server('-cert {certs}/server.pem -naccept 2 -www');
	$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
	for ($i = 0; $i < 2; $i++) {
		$c = stream_socket_client("$scheme://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
		fwrite($c, "GET / HTTP/1.0\r\n\r\n");
		$page = stream_get_contents($c);
		fclose($c);
		echo xsock_lines($page, '/^(New|Reused),/', true);
	}
	xsock_proc_stop($p);
}

echo "-- the cache key covers the settings; session_cache => false turns it off\n";
$p = xsock_s_server('-cert {certs}/server.pem -naccept 4 -www -tls1_2');
$get = function (array $ssl) use ($p) {
	$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => xsock_client_ssl($ssl)]));
	fwrite($c, "GET / HTTP/1.0\r\n\r\n");
	$page = stream_get_contents($c);
	fclose($c);
	return xsock_lines($page, '/^(New|Reused),/', true);
};
echo "fresh context, same settings: ", $get([]);
echo "fresh context, same settings: ", $get([]);
echo "different ALPN offer: ", $get(['alpn_protocols' => 'x-other']);
echo "session_cache false: ", $get(['session_cache' => false]);
xsock_proc_stop($p);
?>
--EXPECTF--
-- tls
New, TLSv1.3, Cipher is %s
Reused, TLSv1.3, Cipher is %s
-- tlsv1.2
New, TLSv1.2, Cipher is %s
Reused, TLSv1.2, Cipher is %s
-- the cache key covers the settings; session_cache => false turns it off
fresh context, same settings: New, TLSv1.2, Cipher is %s
fresh context, same settings: Reused, TLSv1.2, Cipher is %s
different ALPN offer: New, TLSv1.2, Cipher is %s
session_cache false: New, TLSv1.2, Cipher is %s
