--TEST--
TLS: tlsv1.0:// and tlsv1.1:// fail at OpenSSL 3's default security level, work with security_level 0
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

/*
 * Why the handshake fails depends on the OpenSSL version, not on PHP: 3.0
 * (Debian 12) picks TLS 1.0 and then finds no signature algorithm allowed
 * at level 1, 3.5 (Debian 13) refuses the protocol versions themselves on
 * both ends.  The versions between are not tested here.
 */
$reasons = OPENSSL_VERSION_NUMBER >= 0x30500000
	? ['server' => 'error:0A0000BF:SSL routines::no protocols available',
	   'client' => 'error:0A0000BF:SSL routines::no protocols available']
	: ['server' => 'error:0A000076:SSL routines::no suitable signature algorithm',
	   'client' => 'error:0A000438:SSL routines::tlsv1 alert internal error'];
ob_start(fn($out) => str_replace([$reasons['server'] . ' in', $reasons['client'] . "\n"],
	['{server reason} in', "{client reason}\n"], $out));

foreach (['tlsv1.0', 'tlsv1.1'] as $scheme) {
	foreach ([null, 0] as $level) {
		$sssl = xsock_server_ssl();
		$cssl = xsock_client_ssl();
		if ($level !== null) {
			$sssl['security_level'] = $cssl['security_level'] = $level;
		}
		[$srv, $addr] = xsock_tls_listen($sssl, $scheme);
		$w = xsock_tls_worker('
			xsock_worker_ready();
			$ctx = stream_context_create(["ssl" => ' . var_export($cssl, true) . ']);
			$c = stream_socket_client(' . var_export("$scheme://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
			echo "client: ", $c ? stream_get_meta_data($c)["crypto"]["protocol"] : "false errno=$en", "\n";
		');
		echo "== $scheme security_level=", var_export($level, true), "\n";
		$conn = stream_socket_accept($srv, 5);
		echo "server: ", $conn ? stream_get_meta_data($conn)['crypto']['protocol'] : 'false', "\n";
		echo xsock_peer_wait($w);
		fclose($srv);
	}
}
?>
--EXPECTF--
== tlsv1.0 security_level=NULL

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
{server reason} in %s on line %d

Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
server: false
worker warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
{client reason}
worker warning: stream_socket_client(): Failed to enable crypto
worker warning: stream_socket_client(): Unable to connect to tlsv1.0://127.0.0.1:%d (%s)
client: false errno=0
== tlsv1.0 security_level=0
server: TLSv1
client: TLSv1
== tlsv1.1 security_level=NULL

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
{server reason} in %s on line %d

Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
server: false
worker warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
{client reason}
worker warning: stream_socket_client(): Failed to enable crypto
worker warning: stream_socket_client(): Unable to connect to tlsv1.1://127.0.0.1:%d (%s)
client: false errno=0
== tlsv1.1 security_level=0
server: TLSv1.1
client: TLSv1.1
