--TEST--
xsock: xsock_tls_info() and xsock_last_error() against a Python ssl server - what Python negotiated (version, cipher, ALPN, SNI) is what xsock reports, and Python's alert for a missing client certificate is named
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_python_module('ssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * One connection per run: Python prints what it negotiated (its own view,
 * from its own TLS stack) after the handshake; the test compares it with
 * what xsock_tls_info() says on the client side.
 */
$server = '
import socket, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(P_CERT)
ctx.maximum_version = P_MAXV
ctx.set_alpn_protocols(["h2", "http/1.1"])
if P_MAXV == ssl.TLSVersion.TLSv1_2:
    ctx.set_ciphers("ECDHE-RSA-AES128-GCM-SHA256")
if P_NEED:
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.load_verify_locations(P_CA)
names = []
ctx.sni_callback = lambda s, name, c: names.append(name)
l = socket.socket()
l.bind(("127.0.0.1", 0))
l.listen(1)
sys.stdout.write("READY 127.0.0.1:%d\n" % l.getsockname()[1])
c, _ = l.accept()
try:
    t = ctx.wrap_socket(c, server_side=True)
    print("python:", t.version(), t.cipher()[0], t.selected_alpn_protocol(), names[0] if names else None)
    t.sendall(b"hi\n")
    t.recv(10)
except Exception as e:
    print("python error:", type(e).__name__)
';

function run(string $server, string $maxv, bool $needClientCert, array $ssl): array
{
	$code = str_replace(['P_CERT', 'P_CA', 'P_MAXV', 'P_NEED'],
		[var_export(xsock_cert('server.pem'), true), var_export(xsock_cert('ca.pem'), true),
		"ssl.TLSVersion.$maxv", $needClientCert ? 'True' : 'False'], $server);
	$p = xsock_python_start($code);
	$ctx = stream_context_create(['ssl' => xsock_client_ssl($ssl)]);
	$c = @stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
	$info = null;
	if ($c) {
		fgets($c);
		$info = xsock_tls_info($c);
		fwrite($c, "bye\n");
		fclose($c);
	}
	$out = xsock_peer_wait($p);
	preg_match('/^python.*$/m', $out, $m);
	return [$info, $m[0] ?? "python said: $out", $c ? null : xsock_last_error()];
}

foreach (['TLSv1_3', 'TLSv1_2'] as $v) {
	[$i, $py] = run($server, $v, false, ['alpn_protocols' => 'http/1.1']);
	echo "$v: $py\n";
	printf("xsock:  %s %s %s %s\n", $i['protocol'], $i['cipher']['name'], $i['alpn'], $i['sni']);
	echo 'same: ', var_export("python: {$i['protocol']} {$i['cipher']['name']} {$i['alpn']} {$i['sni']}" === $py, true), "\n";
}

/* Python wants a client certificate; the client has none: Python's alert ends the handshake. */
[$i, $py, $e] = run($server, 'TLSv1_2', true, []);
echo "no client cert: $py\n";
var_dump($i, $e['phase']);
echo 'openssl reason names the alert: ', var_export(str_contains(json_encode($e['openssl'] ?? []), 'alert handshake failure')
	|| str_contains(json_encode($e['openssl'] ?? []), 'certificate required'), true), "\n";
?>
--EXPECTF--
TLSv1_3: python: TLSv1.3 %s http/1.1 localhost
xsock:  TLSv1.3 %s http/1.1 localhost
same: true
TLSv1_2: python: TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 http/1.1 localhost
xsock:  TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 http/1.1 localhost
same: true
no client cert: python error: SSLError
NULL
string(13) "tls_handshake"
openssl reason names the alert: true
