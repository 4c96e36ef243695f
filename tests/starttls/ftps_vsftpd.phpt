--TEST--
ftps:// list, get and put against vsftpd (require_ssl_reuse=NO): same results as PHP's own transports
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.inc';
if (!extension_loaded('openssl')) die('skip openssl extension needed');
if ($why = xsock_need_vsftpd()) die($why);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$p = xsock_vsftpd_start(false);
try {
	echo xsock_ftps_session($p);
} finally {
	xsock_vsftpd_stop($p);
}
?>
--EXPECT--
list: ["a.txt"]
get: "hello from vsftpd\n"
put: 19
on disk: "uploaded over ftps\n"
