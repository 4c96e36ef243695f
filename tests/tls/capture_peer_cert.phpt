--TEST--
TLS client: capture_peer_cert / capture_peer_cert_chain give OpenSSLCertificate objects usable by openssl_x509_parse
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

function show($ctx) {
	$o = stream_context_get_options($ctx)['ssl'];
	if (isset($o['peer_certificate'])) {
		$x = openssl_x509_parse($o['peer_certificate']);
		echo "peer_certificate: ", get_class($o['peer_certificate']), " CN=", $x['subject']['CN'],
			" issuer CN=", $x['issuer']['CN'], " SAN=", $x['extensions']['subjectAltName'], "\n";
		echo "same as file: ", var_export(openssl_x509_fingerprint($o['peer_certificate'], 'sha256')
			=== xsock_fingerprint($GLOBALS['file'], 'sha256'), true), "\n";
	} else {
		echo "no peer_certificate\n";
	}
	if (array_key_exists('peer_certificate_chain', $o)) {
		foreach ((array) $o['peer_certificate_chain'] as $i => $x) {
			echo "chain[$i]: ", get_class($x), " CN=", openssl_x509_parse($x)['subject']['CN'], "\n";
		}
	} else {
		echo "no peer_certificate_chain\n";
	}
}

echo "-- leaf signed by the intermediate, chain sent\n";
$file = 'chain.crt';
[$c, , , $ctx] = xsock_connect_s_server('-cert {certs}/chain.pem -cert_chain {certs}/inter.pem',
	xsock_client_ssl(['capture_peer_cert' => true, 'capture_peer_cert_chain' => true]));
var_dump($c !== false);
show($ctx);

echo "-- only capture_peer_cert\n";
$file = 'server.crt';
[$c, , , $ctx] = xsock_connect_s_server('-cert {certs}/server.pem', xsock_client_ssl(['capture_peer_cert' => true]));
show($ctx);

echo "-- captured even when the name check fails\n";
$file = 'other.crt';
[$c, , , $ctx] = @xsock_connect_s_server('-cert {certs}/other.pem', xsock_client_ssl(['capture_peer_cert' => true]));
var_dump($c);
show($ctx);
?>
--EXPECT--
-- leaf signed by the intermediate, chain sent
bool(true)
peer_certificate: OpenSSLCertificate CN=localhost issuer CN=xsock test intermediate CA SAN=DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1
same as file: true
chain[0]: OpenSSLCertificate CN=localhost
chain[1]: OpenSSLCertificate CN=xsock test intermediate CA
-- only capture_peer_cert
peer_certificate: OpenSSLCertificate CN=localhost issuer CN=xsock test CA SAN=DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1
same as file: true
no peer_certificate_chain
-- captured even when the name check fails
bool(false)
peer_certificate: OpenSSLCertificate CN=other.test issuer CN=xsock test CA SAN=DNS:other.test
same as file: true
no peer_certificate_chain
