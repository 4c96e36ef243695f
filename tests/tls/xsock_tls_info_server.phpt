--TEST--
xsock: xsock_tls_info() on accepted streams - the server view: SNI received, client chain, ticket resumption of an openssl s_client session
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

[$srv] = xsock_tls_listen(xsock_server_ssl(['verify_peer' => true, 'cafile' => xsock_cert('ca.pem')]));
$sess = tempnam(sys_get_temp_dir(), 'xsock');
$infos = [];
$keep = function ($c) use (&$infos) {
	$infos[] = xsock_tls_info($c);
	fwrite($c, "bye\n");
};
$args = '-servername localhost -tls1_3 -cert {certs}/client.crt -key {certs}/client.key -CAfile {certs}/ca.pem';
xsock_s_client_accept($srv, "$args -sess_out $sess", $keep, "hi\n");
xsock_s_client_accept($srv, "$args -sess_in $sess", $keep, "hi\n");
@unlink($sess);

$i = $infos[0];
echo 'sni: ', $i['sni'], "\n";
echo 'protocol: ', $i['protocol'], "\n";
echo 'resumed: ', var_export($i['resumed'], true), "\n";
$x = openssl_x509_parse(file_get_contents(xsock_cert('client.crt')));
echo 'client leaf: ', str_contains($i['peer_chain'][0]['subject'], 'CN=' . $x['subject']['CN']) ? 'ok' : 'FAIL', "\n";
echo 'tickets on a server: ', $i['tickets_received'], "\n";
echo 'address: ', $i['address'] !== null && str_starts_with($i['address'], '127.0.0.1:') ? 'ok' : 'FAIL', "\n";
/* An accepted stream made no lookup and no connect. */
echo 'timings: ', json_encode([$i['timings']['dns'], $i['timings']['connect'], is_float($i['timings']['handshake'])]), "\n";
$i = $infos[1] ?? null;
echo 'second resumed: ', var_export($i['resumed'] ?? null, true), ' from ', $i['resumed_from'] ?? 'null', "\n";
?>
--EXPECT--
sni: localhost
protocol: TLSv1.3
resumed: false
client leaf: ok
tickets on a server: 0
address: ok
timings: [null,null,true]
second resumed: true from ticket
