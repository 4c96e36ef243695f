--TEST--
TLS: PHP 8.6's session options leave a stream's crypto meta data keys as the running PHP has them (8.6 adds session_reused; older versions ignore the options)
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$expected = ['protocol', 'cipher_name', 'cipher_bits', 'cipher_version'];
if (PHP_VERSION_ID >= 80600) {
	$expected[] = 'session_reused';
}
sort($expected);
function keys(array $crypto): array
{
	$k = array_keys($crypto);
	sort($k);
	return $k;
}
$p = xsock_s_server('-cert {certs}/server.pem -naccept 1 -www');
$ctx = stream_context_create(['ssl' => xsock_client_ssl([
	'session_new_cb' => function ($stream, $session) {
	},
	'session_cache_size' => 10,
	'session_timeout' => 60,
])]);
$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
$meta = stream_get_meta_data($c)['crypto'];
var_dump(keys($meta) === $expected);
fwrite($c, "GET / HTTP/1.0\r\n\r\n");
echo xsock_lines(stream_get_contents($c), '/^(New|Reused),/', true);
fclose($c);
xsock_proc_stop($p);

[$srv] = xsock_tls_listen(xsock_server_ssl(['session_id_context' => 'meta-test', 'session_timeout' => 60,
	'session_cache_size' => 10]));
[$ok, $out] = xsock_s_client_accept($srv, '-ign_eof', function ($c) use ($expected) {
	var_dump(keys(stream_get_meta_data($c)['crypto']) === $expected);
});
var_dump($ok);
?>
--EXPECTF--
bool(true)
New, TLSv1.3, Cipher is %s
bool(true)
bool(true)
