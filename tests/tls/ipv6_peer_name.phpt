--TEST--
TLS over IPv6: [::1] gives no name from the URL, so name verification fails silently unless peer_name is set
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
if (!@stream_socket_server('tcp://[::1]:0')) die('skip no IPv6 loopback');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

[$srv, $addr] = xsock_tls_listen(xsock_server_ssl(), 'tls', '::1');
echo "listening on [::1]: ", var_export(str_starts_with($addr, '[::1]:'), true), "\n";
$cases = [
	'cafile only (no name to check)' => ['cafile' => xsock_cert('ca.pem')],
	'peer_name localhost' => xsock_client_ssl(),
	'peer_name ::1 (IP SAN)' => xsock_client_ssl(['peer_name' => '::1']),
	'verify_peer_name off' => ['cafile' => xsock_cert('ca.pem'), 'verify_peer_name' => false],
];
foreach ($cases as $name => $opts) {
	echo "-- $name\n";
	$w = xsock_tls_worker('
		xsock_worker_ready();
		$ctx = stream_context_create(["ssl" => ' . var_export($opts, true) . ']);
		$c = stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
		echo "client: ", $c ? "connected, read " . fgets($c) : "failed errno=$en\n";
	');
	$c = @stream_socket_accept($srv, 5);
	if ($c) {
		@fwrite($c, "hi\n");
		fclose($c);
	}
	echo xsock_peer_wait($w);
}
?>
--EXPECTF--
listening on [::1]: true
-- cafile only (no name to check)
worker warning: stream_socket_client(): Failed to enable crypto%A
worker warning: stream_socket_client(): Unable to connect to tls://[::1]:%d (%s)
client: failed errno=0
-- peer_name localhost
client: connected, read hi
-- peer_name ::1 (IP SAN)
client: connected, read hi
-- verify_peer_name off
client: connected, read hi
