--TEST--
xsock: a renewed certificate file is served to the next clients (its identity is re-checked at most a second later), without restarting the listener
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.inc';
if (!xsock_test_loaded()) die('skip xsock not loaded');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$pem = sys_get_temp_dir() . '/xsock-recheck-' . getmypid() . '.pem';
/* Written long ago, as a deployed certificate is (a file changed in the last seconds is always re-read). */
copy(xsock_cert('server.pem'), $pem);
touch($pem, time() - 60);
[$srv, $addr] = xsock_tls_listen(['local_cert' => $pem]);

/* One client per step; each prints the CN it was served. */
$w = xsock_tls_worker('
	xsock_worker_ready();
	while (($line = fgets(STDIN)) !== false) {
		$ctx = stream_context_create(["ssl" => ["verify_peer" => false, "verify_peer_name" => false, "capture_peer_cert" => true]]);
		$c = stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
		$x = openssl_x509_parse(stream_context_get_options($ctx)["ssl"]["peer_certificate"]);
		echo trim($line), ": ", $x["subject"]["CN"], "\n";
		fclose($c);
	}
');
$step = function (string $name) use ($w, $srv) {
	fwrite($w['pipes'][0], "$name\n");
	$c = stream_socket_accept($srv, 5);
	fclose($c);
};
$step('before renewal');
$step('again');
/* Renewal: a new certificate in the same file, an older mtime than "now" but a new inode and size. */
copy(xsock_cert('other.pem'), "$pem.new");
touch("$pem.new", time() - 30);
rename("$pem.new", $pem);
usleep(1100000);
$step('after renewal');
fclose($w['pipes'][0]);
echo xsock_peer_wait($w);
unlink($pem);
?>
--EXPECT--
before renewal: localhost
again: localhost
after renewal: other.test
