--TEST--
xsock: with no CA option and nothing at OpenSSL's default locations, a client finds the system bundle at the well-known paths (private mount namespace); where the default holds CAs nothing changes
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
if ($r = xsock_need_program('unshare')) die($r);
exec('unshare -m sh -c "mount -t tmpfs none /etc/ssl" 2>/dev/null', $o, $rc);
if ($rc !== 0) die('skip needs root and mount namespaces (unshare -m)');
if (ini_get('openssl.cafile') !== '' || ini_get('openssl.capath') !== '') die('skip openssl.cafile/capath set');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';
require __DIR__ . '/../inc/compat.inc';

/*
 * Each case runs a client in its own mount namespace with an empty tmpfs
 * over /etc/ssl: Debian's OpenSSL defaults (/usr/lib/ssl/cert.pem and
 * certs/, symlinks into /etc/ssl) then hold nothing, and $files are
 * placed at well-known bundle paths without touching the host's /etc.
 */
function client(string $addr, array $files, string $env, bool $xsock): string
{
	$setup = 'mount -t tmpfs none /etc/ssl && mkdir -p /etc/ssl/certs';
	foreach ($files as $path => $from) {
		$setup .= ' && cp ' . escapeshellarg($from) . ' ' . escapeshellarg($path);
	}
	$code = '<?php
		$w = [];
		set_error_handler(function ($n, $s) use (&$w) { $w[] = $s; return true; });
		$ctx = stream_context_create(["ssl" => ["peer_name" => "localhost"]]);
		$c = stream_socket_client("tls://' . $addr . '", $e, $s, 5, STREAM_CLIENT_CONNECT, $ctx);
		echo $c ? "connected" : "failed (" . implode(" | ", preg_grep("/^(?!.*Unable to connect).*(verify failed|Unable to set)/s", $w)) . ")";';
	$file = tempnam(sys_get_temp_dir(), 'xsockt');
	file_put_contents($file, $code);
	$php = 'env ' . $env . ' ' . xsock_test_php($xsock) . ' ' . escapeshellarg($file);
	$r = compat_run('unshare -m sh -c ' . escapeshellarg("$setup && exec $php"), 15);
	unlink($file);
	return trim(preg_replace('/\s+/', ' ', $r['out']));
}

function run(string $name, string $addr, array $files, string $env = ''): void
{
	echo "-- $name\n";
	echo "  xsock: ", client($addr, $files, $env, true), "\n";
	echo "  PHP:   ", client($addr, $files, $env, false), "\n";
}

$p = xsock_s_server('-cert {certs}/server.pem');
$addr = $p['addr'];
$ca = xsock_cert('ca.pem');
$junk = tempnam(sys_get_temp_dir(), 'xsockj');
file_put_contents($junk, "not a certificate\n");

run('bundle at /etc/ssl/ca-bundle.pem (openSUSE), default empty', $addr, ['/etc/ssl/ca-bundle.pem' => $ca]);
run('SSL_CERT_FILE/SSL_CERT_DIR point at nothing, bundle at /etc/ssl/cert.pem', $addr, ['/etc/ssl/cert.pem' => $ca],
	'SSL_CERT_FILE=/nonexistent/cert.pem SSL_CERT_DIR=/nonexistent');
run('the default file holds no certificate; the next bundle is used', $addr,
	['/etc/ssl/certs/ca-certificates.crt' => $junk, '/etc/ssl/cert.pem' => $ca]);
run('no bundle anywhere: fails as on PHP', $addr, []);
run('the default holds a CA (not ours): no discovery, fails as on PHP', $addr, ['/etc/ssl/ca-bundle.pem' => $ca],
	'SSL_CERT_FILE=' . escapeshellarg(xsock_cert('untrusted-ca.pem')));
run('the default holds our CA: verified as on PHP', $addr, [], 'SSL_CERT_FILE=' . escapeshellarg($ca));
unlink($junk);
xsock_proc_stop($p);
?>
--EXPECTF--
-- bundle at /etc/ssl/ca-bundle.pem (openSUSE), default empty
  xsock: connected
  PHP:   failed (stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages: error:0A000086:SSL routines::certificate verify failed)
-- SSL_CERT_FILE/SSL_CERT_DIR point at nothing, bundle at /etc/ssl/cert.pem
  xsock: connected
  PHP:   failed (stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages: error:0A000086:SSL routines::certificate verify failed)
-- the default file holds no certificate; the next bundle is used
  xsock: connected
  PHP:   failed (stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages: error:0A000086:SSL routines::certificate verify failed)
-- no bundle anywhere: fails as on PHP
  xsock: failed (stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages: error:0A000086:SSL routines::certificate verify failed; the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was OpenSSL's default locations (%s and %s), which hold no certificates: the likely cause)
  PHP:   failed (stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages: error:0A000086:SSL routines::certificate verify failed)
-- the default holds a CA (not ours): no discovery, fails as on PHP
  xsock: failed (stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages: error:0A000086:SSL routines::certificate verify failed; the server's certificate (CN=localhost,O=xsock tests) was issued by CN=xsock test CA,O=xsock tests, which the trust store does not hold; the server sent only its own certificate, no intermediate; the trust store was OpenSSL's default locations (SSL_CERT_FILE=%suntrusted-ca.pem and %s))
  PHP:   failed (stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages: error:0A000086:SSL routines::certificate verify failed)
-- the default holds our CA: verified as on PHP
  xsock: connected
  PHP:   connected
