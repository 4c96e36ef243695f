--TEST--
TLS: tlsv1.0:// and tlsv1.1:// fail at OpenSSL 3's default security level, work with security_level 0
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

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
error:0A000076:SSL routines::no suitable signature algorithm%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
server: false
worker warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000438:SSL routines::tlsv1 alert internal error%A
worker warning: stream_socket_client(): Failed to enable crypto
worker warning: stream_socket_client(): Unable to connect to tlsv1.0://127.0.0.1:%d (%s)
client: false errno=0
== tlsv1.0 security_level=0
server: TLSv1
client: TLSv1
== tlsv1.1 security_level=NULL

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000076:SSL routines::no suitable signature algorithm%A
Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: %s in %s on line %d
server: false
worker warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000438:SSL routines::tlsv1 alert internal error%A
worker warning: stream_socket_client(): Failed to enable crypto
worker warning: stream_socket_client(): Unable to connect to tlsv1.1://127.0.0.1:%d (%s)
client: false errno=0
== tlsv1.1 security_level=0
server: TLSv1.1
client: TLSv1.1
