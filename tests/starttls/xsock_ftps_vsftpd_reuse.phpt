--TEST--
xsock: ftps:// works against vsftpd's default require_ssl_reuse=YES (the data connections resume the control connection's session); PHP's own transports are refused
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.inc';
if (!xsock_test_loaded()) die('skip xsock not loaded');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
if ($why = xsock_need_vsftpd()) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';
require __DIR__ . '/../inc/compat.inc';

$p = xsock_vsftpd_start(true);
try {
	echo "-- xsock\n", xsock_ftps_session($p);
	/* The same steps in a PHP without xsock: vsftpd refuses each data connection. */
	@unlink($p['dir'] . '/root/pub/b.txt');
	$code = 'require ' . var_export(__DIR__ . '/../inc/tls.inc', true) . '; echo xsock_ftps_session('
		. var_export(['addr' => $p['addr'], 'dir' => $p['dir']], true) . ');';
	$out = compat_run(xsock_test_php(false) . ' -r ' . escapeshellarg($code))["out"];
	echo "-- PHP's transports\n", $out;
} finally {
	xsock_vsftpd_stop($p);
}
?>
--EXPECTF--
-- xsock
list: ["a.txt"]
get: "hello from vsftpd\n"
put: 19
on disk: "uploaded over ftps\n"
-- PHP's transports
list: []
get: "" ["file_get_contents(): FTP server error 522:522 SSL connection failed: session reuse required\r\n"]
put: %s
on disk: %s
