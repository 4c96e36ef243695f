--TEST--
xsock: sslv3:// and sslv2:// explain that the linked OpenSSL cannot speak them and point to tls://
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

[$srv, $addr] = xsock_listen('tcp');
foreach (['sslv3' => 'SSLv3', 'sslv2' => 'SSLv2'] as $scheme => $version) {
	echo "-- $scheme\n";
	[$c, $msgs] = xsock_catch(function () use ($scheme, $addr, &$errno, &$errstr) {
		return stream_socket_client("$scheme://$addr", $errno, $errstr, 1);
	});
	var_dump($c);
	$all = implode("\n", $msgs) . "\n" . $errstr;
	echo "names $version: ", var_export(str_contains($all, $version), true), "\n";
	echo "says OpenSSL cannot: ", var_export((bool) preg_match('/OpenSSL/i', $all) && (bool) preg_match("/cannot|can't|not (support|available|compiled)|unavailable|no longer/i", $all), true), "\n";
	echo "points to tls://: ", var_export(str_contains($all, 'tls://'), true), "\n";
	echo "last warning is PHP's: ", var_export(str_starts_with(end($msgs), "stream_socket_client(): Unable to connect to $scheme://$addr ("), true), "\n";
	echo "no connection attempt reached the server: ";
	$r = [$srv];
	$w = $e = null;
	var_dump(stream_select($r, $w, $e, 0, 100000));
}
?>
--EXPECT--
-- sslv3
bool(false)
names SSLv3: true
says OpenSSL cannot: true
points to tls://: true
last warning is PHP's: true
no connection attempt reached the server: int(0)
-- sslv2
bool(false)
names SSLv2: true
says OpenSSL cannot: true
points to tls://: true
last warning is PHP's: true
no connection attempt reached the server: int(0)
