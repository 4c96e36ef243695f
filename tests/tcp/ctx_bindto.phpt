--TEST--
tcp: socket context option bindto and its quirks
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $addr] = xsock_listen('tcp', '127.0.0.1');

function via($target, $bindto, $srv)
{
	$ctx = stream_context_create(['socket' => ['bindto' => $bindto]]);
	$c = stream_socket_client("tcp://$target", $errno, $errstr, 2, STREAM_CLIENT_CONNECT, $ctx);
	if (!$c) {
		echo "failed: $errno '$errstr'\n";
		return null;
	}
	$a = stream_socket_accept($srv, 2);
	$local = stream_socket_get_name($c, false);
	if (stream_socket_get_name($a, true) !== $local) {
		echo "peer name mismatch\n";
	}
	return $local;
}

/* Not a string: the connect fails. */
via($addr, 123, $srv);
via($addr, ['127.0.0.1:0'], $srv);
via($addr, null, $srv);

/* A chosen port is honoured: the server sees it as the peer's port. */
$free = compat_free_addr('tcp');
var_dump(via($addr, $free, $srv) === $free);

/* Port 0 binds any port on that address. */
var_dump((bool) preg_match('/^127\.0\.0\.1:\d+$/', via($addr, '127.0.0.1:0', $srv)));
var_dump((bool) preg_match('/^127\.0\.0\.1:\d+$/', via($addr, '0.0.0.0:0', $srv)));

/* Ignored silently: no port, "0:0", an IPv6 bindto for an IPv4 target. */
var_dump((bool) preg_match('/^127\.0\.0\.1:\d+$/', via($addr, '127.0.0.1', $srv)));
var_dump((bool) preg_match('/^127\.0\.0\.1:\d+$/', via($addr, '0:0', $srv)));
var_dump((bool) preg_match('/^127\.0\.0\.1:\d+$/', via($addr, '[::1]:0', $srv)));

/* Not a numeric IP: a warning, then an unbound connect. */
var_dump((bool) preg_match('/^127\.0\.0\.1:\d+$/', via($addr, 'localhost:0', $srv)));

/* The bind fails (port in use): a warning, then an unbound connect. */
[$busy, $busyAddr] = xsock_listen('tcp', '127.0.0.1');
$local = via($addr, $busyAddr, $srv);
var_dump($local !== $busyAddr && (bool) preg_match('/^127\.0\.0\.1:\d+$/', $local));
/* IPv6 targets are in ipv6.phpt. */
?>
--EXPECTF--
Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (local_addr context option is not a string.)%S in %s on line %d
failed: 0 'local_addr context option is not a string.'

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (local_addr context option is not a string.)%S in %s on line %d
failed: 0 'local_addr context option is not a string.'

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (local_addr context option is not a string.)%S in %s on line %d
failed: 0 'local_addr context option is not a string.'
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)

Warning: stream_socket_client(): Invalid IP Address: localhost%S in %s on line %d
bool(true)

Warning: stream_socket_client(): Failed to bind to '127.0.0.1:%d', system said: Address already in use%S in %s on line %d
bool(true)
