--TEST--
xsock: without cafile/capath the hint names OpenSSL's default locations (SSL_CERT_FILE / SSL_CERT_DIR when set) or the system bundle xsock found instead
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
if (ini_get('openssl.cafile') !== '' || ini_get('openssl.capath') !== '') die('skip openssl.cafile/capath set');
/* Debian's ca-certificates bundle, the first path tls_trust.c looks at. */
if (!is_file('/etc/ssl/certs/ca-certificates.crt') || !filesize('/etc/ssl/certs/ca-certificates.crt')) {
	die('skip needs /etc/ssl/certs/ca-certificates.crt (ca-certificates)');
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';
require __DIR__ . '/../inc/compat.inc';

$tmp = sys_get_temp_dir() . '/xsock-default-' . getmypid();
mkdir("$tmp/empty", 0700, true);
register_shutdown_function(fn() => exec('rm -rf ' . escapeshellarg($tmp)));

/* A client without CA options, in a PHP process with this environment: its hint. */
function hint_with_env(string $env): string
{
	global $tmp;
	$code = '<?php require ' . var_export(__DIR__ . '/../inc/tls.inc', true) . ';
		@xsock_connect_s_server("-cert {certs}/server.pem", ["peer_name" => "localhost"]);
		echo xsock_last_error()["hint"] ?? "none";';
	$file = tempnam(sys_get_temp_dir(), 'xsockt');
	file_put_contents($file, $code);
	$r = compat_run("env $env " . xsock_test_php() . ' ' . escapeshellarg($file), 15);
	unlink($file);
	return str_replace([$tmp, dirname(xsock_cert('ca.pem'))], ['$T', '$CERTS'], $r['out']) . "\n";
}

$ca = escapeshellarg(xsock_cert('untrusted-ca.pem'));
echo "-- SSL_CERT_FILE holds another CA\n", hint_with_env("SSL_CERT_FILE=$ca SSL_CERT_DIR=$tmp/empty");
echo "-- the defaults hold nothing: the system bundle xsock found\n",
	hint_with_env("SSL_CERT_FILE=$tmp/missing.pem SSL_CERT_DIR=$tmp/empty");
?>
--EXPECT--
-- SSL_CERT_FILE holds another CA
the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was OpenSSL's default locations (SSL_CERT_FILE=$CERTS/untrusted-ca.pem and SSL_CERT_DIR=$T/empty)
-- the defaults hold nothing: the system bundle xsock found
the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was the system bundle /etc/ssl/certs/ca-certificates.crt (OpenSSL's default locations hold no certificates)
