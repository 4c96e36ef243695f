--TEST--
xsock: xsock_tls_info() against openssl s_server - TLS 1.3 ECDSA with a forced group and ALPN, TLS 1.2 RSA, resumption from the client cache, plain tcp and non-xsock streams give null
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

/* Computed independently of xsock: SHA-256 of the DER SPKI that ext/openssl exports as PEM. */
function pin_of(string $file): string
{
	$spki = openssl_pkey_get_details(openssl_pkey_get_public(file_get_contents(xsock_cert($file))))['key'];
	$der = base64_decode(preg_replace('/-----[^-]+-----|\s/', '', $spki));
	return 'sha256//' . base64_encode(hash('sha256', $der, true));
}

/* One HTTP request to s_server -www, so TLS 1.3 tickets arrive; returns the info after the read. */
function get($c): void
{
	fwrite($c, "GET / HTTP/1.0\r\n\r\n");
	while (!feof($c) && fread($c, 8192) !== '') {
	}
}

function check(string $what, bool $ok): void
{
	echo $what, ': ', $ok ? 'ok' : 'FAIL', "\n";
}

$p = xsock_s_server('-www -naccept 2 -tls1_3 -groups P-256 -alpn h2 -cert {certs}/ecdsa.crt -key {certs}/ecdsa.key');
$ctx = stream_context_create(['ssl' => xsock_client_ssl(['alpn_protocols' => 'h2'])]);
$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
get($c);
$i = xsock_tls_info($c);
$meta = stream_get_meta_data($c)['crypto'];
check('protocol', $i['protocol'] === 'TLSv1.3' && $i['protocol'] === $meta['protocol']);
check('cipher', $i['cipher']['name'] === $meta['cipher_name'] && $i['cipher']['bits'] === $meta['cipher_bits']);
check('group', in_array(strtolower((string) $i['group']), ['secp256r1', 'prime256v1', 'p-256'], true));
check('signature', $i['signature_scheme'] === 'ECDSA+SHA256');
check('alpn', $i['alpn'] === 'h2');
check('sni', $i['sni'] === 'localhost');
check('not resumed', $i['resumed'] === false && $i['resumed_from'] === null);
check('tickets', $i['tickets_received'] >= 1);
check('leaf pin', $i['peer_chain'][0]['pin'] === pin_of('ecdsa.crt')
	&& $i['peer_chain'][0]['pin'] === 'sha256//' . $i['peer_chain'][0]['spki_sha256']);
$x = openssl_x509_parse(file_get_contents(xsock_cert('ecdsa.crt')));
check('validity', $i['peer_chain'][0]['not_after'] === gmdate('Y-m-d\TH:i:s\Z', $x['validTo_time_t'])
	&& $i['peer_chain'][0]['not_before'] === gmdate('Y-m-d\TH:i:s\Z', $x['validFrom_time_t']));
check('subject', str_contains($i['peer_chain'][0]['subject'], 'CN=' . $x['subject']['CN']));
check('trust store', $i['trust_store'] === xsock_cert('ca.pem'));
check('ocsp', $i['ocsp'] === 'not_requested');
check('end', $i['end'] === 'close_notify' || $i['end'] === 'eof_without_close_notify');
check('handshake time', is_float($i['timings']['handshake']) && $i['timings']['handshake'] > 0
	&& $i['timings']['handshake'] < 5000);
/* A numeric host: the lookup is PHP's own and quick, the connect a loopback round trip. */
check('dns and connect time', is_float($i['timings']['dns']) && $i['timings']['dns'] >= 0 && $i['timings']['dns'] < 1000
	&& is_float($i['timings']['connect']) && $i['timings']['connect'] > 0 && $i['timings']['connect'] < 1000
	&& array_keys($i['timings']) === ['dns', 'connect', 'handshake']);
check('address', $i['address'] === $p['addr'] && $i['local_address'] === stream_socket_get_name($c, false));
fclose($c);

$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
$i = xsock_tls_info($c);
check('resumed from cache', $i['resumed'] === true && $i['resumed_from'] === 'cache');
get($c);
fclose($c);
xsock_proc_stop($p);

$p = xsock_s_server('-www -naccept 1 -tls1_2 -cert {certs}/server.crt -key {certs}/server.key');
$c = stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
	stream_context_create(['ssl' => xsock_client_ssl()]));
$i = xsock_tls_info($c);
check('TLS 1.2', $i['protocol'] === 'TLSv1.2' && $i['cipher']['name'] === stream_get_meta_data($c)['crypto']['cipher_name']);
check('RSA pin', $i['peer_chain'][0]['pin'] === pin_of('server.crt') && $i['alpn'] === null);
get($c);
fclose($c);
xsock_proc_stop($p);

$srv = stream_socket_server('tcp://127.0.0.1:0');
$c = stream_socket_client('tcp://' . stream_socket_get_name($srv, false));
var_dump(xsock_tls_info($c), xsock_tls_info(fopen('php://memory', 'r')));
try {
	xsock_tls_info('nope');
} catch (TypeError $e) {
	echo get_class($e), "\n";
}
?>
--EXPECT--
protocol: ok
cipher: ok
group: ok
signature: ok
alpn: ok
sni: ok
not resumed: ok
tickets: ok
leaf pin: ok
validity: ok
subject: ok
trust store: ok
ocsp: ok
end: ok
handshake time: ok
dns and connect time: ok
address: ok
resumed from cache: ok
TLS 1.2: ok
RSA pin: ok
NULL
NULL
TypeError
