--TEST--
xsock: per-SNI contexts keep the server's ALPN (and other settings) after the switch
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

[$srv] = xsock_tls_listen(xsock_server_ssl([
	'alpn_protocols' => 'h2,http/1.1',
	'SNI_server_certs' => ['a.test' => xsock_cert('a.test.pem')],
]));
$serve = function ($c) {
	echo "server alpn: ", stream_get_meta_data($c)['crypto']['alpn_protocol'] ?? 'none', "\n";
};
foreach (['localhost (main context)' => 'localhost', 'a.test (SNI context)' => 'a.test'] as $label => $name) {
	echo "-- $label\n";
	[$ok, $out] = xsock_s_client_accept($srv, "-servername $name -alpn h2 -CAfile {certs}/ca.pem", $serve);
	$out = str_replace('No ALPN negotiated', 'ALPN protocol: none', $out);
	echo xsock_lines($out, '/^(subject=|ALPN protocol)/');
}
?>
--EXPECT--
-- localhost (main context)
server alpn: h2
ALPN protocol: h2
subject=O=xsock tests, CN=localhost
-- a.test (SNI context)
server alpn: h2
ALPN protocol: h2
subject=O=xsock tests, CN=a.test
