--TEST--
tcp and TLS: fread() after fgets() left bytes in PHP's buffer returns them; it waits for more first on PHP 8.2 only (8.3+ returns at once, as PHP's own plain sockets do)
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';
require __DIR__ . '/../inc/compat.inc';

foreach (['tcp', 'tls'] as $scheme) {
	$ssl = $scheme === 'tls' ? xsock_server_ssl() : [];
	[$srv, $addr] = $scheme === 'tls' ? xsock_tls_listen($ssl) : xsock_listen('tcp');
	$w = xsock_tls_worker('
		xsock_worker_ready();
		$ctx = stream_context_create(["ssl" => xsock_client_ssl()]);
		$c = stream_socket_client(' . var_export("$scheme://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
		fwrite($c, "line1\nextra");
		fread($c, 1);	/* stay connected until the test is done */
	');
	$c = stream_socket_accept($srv, 5);
	stream_set_timeout($c, 1);
	$line = fgets($c);
	$t = microtime(true);
	$rest = fread($c, 100);
	$waited = microtime(true) - $t;
	/*
	 * PHP 8.3 stopped the wait on plain sockets (bug #51056); its TLS
	 * streams followed only in 8.4.24 and 8.5.9 (PR #22346).
	 */
	$tlsFixed = (PHP_VERSION_ID >= 80424 && PHP_VERSION_ID < 80500) || PHP_VERSION_ID >= 80509;
	$noWait = $scheme === 'tcp' ? PHP_VERSION_ID >= 80300 : $tlsFixed;
	$expect = $noWait ? $waited < 0.5 : $waited >= 0.9;
	echo "$scheme: ", json_encode($line), ' then ', json_encode($rest), ', waited as this PHP version does: ', var_export($expect, true), "\n";
	fwrite($c, "x");
	xsock_peer_wait($w);
}
?>
--EXPECT--
tcp: "line1\n" then "extra", waited as this PHP version does: true
tls: "line1\n" then "extra", waited as this PHP version does: true
