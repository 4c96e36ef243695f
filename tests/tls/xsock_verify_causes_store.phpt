--TEST--
xsock: an issuer or self-signed failure names the trust store asked (cafile/capath option or openssl.cafile/capath ini, with its path) and says when an empty or missing store is the likely cause
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';
require __DIR__ . '/../inc/compat.inc';

$tmp = sys_get_temp_dir() . '/xsock-store-' . getmypid();
mkdir("$tmp/empty", 0700, true);
mkdir("$tmp/hashed");
copy(xsock_cert('untrusted-ca.pem'), "$tmp/hashed/untrusted-ca.pem");
exec('openssl rehash ' . escapeshellarg("$tmp/hashed") . ' 2>&1', $o, $rc);
file_put_contents("$tmp/empty.pem", '');
register_shutdown_function(fn() => exec('rm -rf ' . escapeshellarg($tmp)));

/* The hint of a client that trusts $ssl against server.pem, paths shortened to $T / $CERTS. */
function hint_for(array $ssl): string
{
	@xsock_connect_s_server('-cert {certs}/server.pem', $ssl + ['peer_name' => 'localhost']);
	return short(xsock_last_error()['hint'] ?? 'no hint');
}

function short(string $s): string
{
	global $tmp;
	return str_replace([$tmp, dirname(xsock_cert('ca.pem'))], ['$T', '$CERTS'], $s);
}

/* The same in a PHP process with these ini settings; its warnings are printed. */
function hint_with_ini(array $ini, array $ssl = []): string
{
	$d = '';
	foreach ($ini as $k => $v) {
		$d .= ' -d ' . escapeshellarg("$k=$v");
	}
	$code = 'require ' . var_export(__DIR__ . '/../inc/tls.inc', true) . ';
		set_error_handler(function ($n, $s) { if (!str_contains($s, "Unable to connect")) { echo "warning: $s\n"; } return true; });
		xsock_connect_s_server("-cert {certs}/server.pem", ' . var_export($ssl + ['peer_name' => 'localhost'], true) . ');
		echo "hint: ", xsock_last_error()["hint"] ?? "none", "\n";';
	$file = tempnam(sys_get_temp_dir(), 'xsockt');
	file_put_contents($file, "<?php\n$code");
	$r = compat_run(xsock_test_php() . $d . ' ' . escapeshellarg($file), 15);
	unlink($file);
	return short($r['out']);
}

echo "-- cafile option holding another CA\n", hint_for(['cafile' => xsock_cert('untrusted-ca.pem')]), "\n";
echo "-- capath option, an empty directory\n", hint_for(['capath' => "$tmp/empty"]), "\n";
echo "-- capath option, no such directory\n", hint_for(['capath' => "$tmp/missing"]), "\n";
echo "-- capath option with hashed links (openssl rehash: rc $rc) to another CA: not empty\n",
	hint_for(['capath' => "$tmp/hashed"]), "\n";
echo "-- cafile and capath options\n", hint_for(['cafile' => xsock_cert('untrusted-ca.pem'), 'capath' => "$tmp/empty"]), "\n";
echo "-- openssl.cafile ini\n", hint_with_ini(['openssl.cafile' => xsock_cert('untrusted-ca.pem')]);
echo "-- openssl.capath ini, an empty directory\n", hint_with_ini(['openssl.capath' => "$tmp/empty"]);
echo "-- the cafile option wins over openssl.cafile, openssl.capath still counts\n",
	hint_with_ini(['openssl.cafile' => "$tmp/empty.pem", 'openssl.capath' => "$tmp/hashed"],
		['cafile' => xsock_cert('untrusted-ca.pem')]);
echo "-- openssl.cafile ini naming an empty file: PHP's load warning, then which setting named it\n",
	hint_with_ini(['openssl.cafile' => "$tmp/empty.pem"]);
echo "-- a cafile option naming an empty file: PHP's warning alone\n",
	hint_with_ini([], ['cafile' => "$tmp/empty.pem"]);

echo "-- a server without cafile/capath refuses a client certificate\n";
[$srv] = xsock_tls_listen(xsock_server_ssl());
[$ok] = xsock_s_client_accept($srv, '-cert {certs}/client.pem -key {certs}/client.key');
var_dump($ok);
echo short(xsock_last_error()['hint'] ?? 'no hint'), "\n";
?>
--EXPECTF--
-- cafile option holding another CA
the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was the cafile context option ($CERTS/untrusted-ca.pem)
-- capath option, an empty directory
the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was the capath context option ($T/empty), which holds no hashed certificate links (openssl rehash): the likely cause
-- capath option, no such directory
the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was the capath context option ($T/missing), which does not exist: the likely cause
-- capath option with hashed links (openssl rehash: rc 0) to another CA: not empty
the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was the capath context option ($T/hashed)
-- cafile and capath options
the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was the cafile context option ($CERTS/untrusted-ca.pem) and the capath context option ($T/empty)
-- openssl.cafile ini
warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed; the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was the openssl.cafile ini setting ($CERTS/untrusted-ca.pem)
warning: stream_socket_client(): Failed to enable crypto
hint: the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was the openssl.cafile ini setting ($CERTS/untrusted-ca.pem)
-- openssl.capath ini, an empty directory
warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed; the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was the openssl.capath ini setting ($T/empty), which holds no hashed certificate links (openssl rehash): the likely cause
warning: stream_socket_client(): Failed to enable crypto
hint: the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was the openssl.capath ini setting ($T/empty), which holds no hashed certificate links (openssl rehash): the likely cause
-- the cafile option wins over openssl.cafile, openssl.capath still counts
warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed; the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was the cafile context option ($CERTS/untrusted-ca.pem) and the openssl.capath ini setting ($T/hashed)
warning: stream_socket_client(): Failed to enable crypto
hint: the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was the cafile context option ($CERTS/untrusted-ca.pem) and the openssl.capath ini setting ($T/hashed)
-- openssl.cafile ini naming an empty file: PHP's load warning, then which setting named it
warning: no valid certs found cafile stream: `$T/empty.pem'; the openssl.cafile ini setting names this file
warning: stream_socket_client(): Failed to enable crypto
hint: the openssl.cafile ini setting names this file
-- a cafile option naming an empty file: PHP's warning alone
warning: no valid certs found cafile stream: `$T/empty.pem'
warning: stream_socket_client(): Failed to enable crypto
hint: none
-- a server without cafile/capath refuses a client certificate

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed; the client's certificate (CN=xsock test client,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the client sent only its own certificate, no intermediate; the trust store was empty (a server without cafile or capath trusts no client certificate): the likely cause in %s on line %d

Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
bool(false)
the client's certificate (CN=xsock test client,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the client sent only its own certificate, no intermediate; the trust store was empty (a server without cafile or capath trusts no client certificate): the likely cause
