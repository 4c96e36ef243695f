--TEST--
TLS: the name checked and sent as SNI comes from parse_url() of the address: "localhost:PORT/x" gives localhost, forms parse_url() reads as scheme:path ("localhost: PORT", "localhost:PORT:90") give none
--SKIPIF--
<?php if (!extension_loaded('openssl')) die('skip openssl extension needed'); ?>
--FILE--
<?php
/*
 * PHP connects all of these to PORT (atoi()), but takes the TLS name from
 * php_url_parse_ex() (xp_ssl.c get_url_name): no name means name
 * verification fails without a word of why, unless peer_name is set.
 */
require __DIR__ . '/../inc/tls.inc';

[$srv, $addr] = xsock_tls_listen(xsock_server_ssl(['capture_peer_cert' => false]));
$port = xsock_port($addr);
$cases = [
	"localhost:$port/client0" => ['cafile' => xsock_cert('ca.pem')],
	"localhost: $port" => ['cafile' => xsock_cert('ca.pem')],
	"localhost:$port:90" => ['cafile' => xsock_cert('ca.pem')],
	"localhost:+$port" => xsock_client_ssl(),
];
foreach ($cases as $target => $opts) {
	echo "-- $target\n";
	$w = xsock_tls_worker('
		xsock_worker_ready();
		$ctx = stream_context_create(["ssl" => ' . var_export($opts, true) . ']);
		$c = stream_socket_client(' . var_export("tls://$target", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
		echo "client: ", $c ? "connected, read " . fgets($c) : "failed errno=$en\n";
	');
	$c = @stream_socket_accept($srv, 5);
	if ($c) {
		@fwrite($c, "hi\n");
		fclose($c);
	}
	echo str_replace((string) $port, 'PORT', xsock_peer_wait($w));
}
?>
--EXPECTF--
-- localhost:%d/client0
client: connected, read hi
-- localhost: %d
worker warning: stream_socket_client(): Failed to enable crypto%A
worker warning: stream_socket_client(): Unable to connect to tls://localhost: PORT (%s)
client: failed errno=0
-- localhost:%d:90
worker warning: stream_socket_client(): Failed to enable crypto%A
worker warning: stream_socket_client(): Unable to connect to tls://localhost:PORT:90 (%s)
client: failed errno=0
-- localhost:+%d
client: connected, read hi
