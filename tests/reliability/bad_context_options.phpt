--TEST--
reliability: socket context options of the wrong type: bindto that is not a string fails with PHP's text, the others are converted or ignored
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

set_error_handler(function ($no, $msg) {
	echo '  warning: ', preg_replace('/127\.0\.0\.1:\d+/', '127.0.0.1:PORT', $msg), "\n";
	return true;
});

[$srv, $addr] = xsock_listen('tcp');
foreach ([['127.0.0.1:0'], 5, 1.5, true, null, new stdClass()] as $bindto) {
	$ctx = stream_context_create(['socket' => ['bindto' => $bindto]]);
	$errno = 42;
	$errstr = 'junk';
	$c = stream_socket_client("tcp://$addr", $errno, $errstr, 1, STREAM_CLIENT_CONNECT, $ctx);
	echo 'tcp bindto ', get_debug_type($bindto), ': ', var_export($c, true), " errno=$errno errstr=$errstr\n";
}
$ctx = stream_context_create(['socket' => ['bindto' => ['x']]]);
$c = stream_socket_client('udp://127.0.0.1:9', $errno, $errstr, 1, STREAM_CLIENT_CONNECT, $ctx);
echo 'udp bindto array: ', var_export($c, true), " errno=$errno errstr=$errstr\n";

/* A server ignores bindto; the other options of the wrong type do not stop it. */
$ctx = stream_context_create(['socket' => [
	'bindto' => ['x'], 'backlog' => 'abc', 'so_reuseport' => [], 'ipv6_v6only' => 'x', 'tcp_nodelay' => [1],
]]);
$s = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
echo 'server with odd options: ', $s ? 'listening' : 'failed', " errno=$errno errstr=$errstr\n";
$ctx = stream_context_create(['socket' => ['so_broadcast' => 'yes', 'tcp_nodelay' => [1], 'backlog' => []]]);
$c = stream_socket_client("tcp://$addr", $errno, $errstr, 1, STREAM_CLIENT_CONNECT, $ctx);
echo 'client with odd options: ', $c ? 'connected' : 'failed', " errno=$errno errstr=$errstr\n";
/* An unknown wrapper or option is ignored. */
$ctx = stream_context_create(['socket' => ['no_such_option' => [1]], 'nosuchwrapper' => ['x' => 1]]);
$c = stream_socket_client("tcp://$addr", $errno, $errstr, 1, STREAM_CLIENT_CONNECT, $ctx);
echo 'unknown options: ', $c ? 'connected' : 'failed', "\n";
echo "done\n";
?>
--EXPECTF--
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:PORT (local_addr context option is not a string.)%S
tcp bindto array: false errno=0 errstr=local_addr context option is not a string.
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:PORT (local_addr context option is not a string.)%S
tcp bindto int: false errno=0 errstr=local_addr context option is not a string.
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:PORT (local_addr context option is not a string.)%S
tcp bindto float: false errno=0 errstr=local_addr context option is not a string.
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:PORT (local_addr context option is not a string.)%S
tcp bindto bool: false errno=0 errstr=local_addr context option is not a string.
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:PORT (local_addr context option is not a string.)%S
tcp bindto null: false errno=0 errstr=local_addr context option is not a string.
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:PORT (local_addr context option is not a string.)%S
tcp bindto stdClass: false errno=0 errstr=local_addr context option is not a string.
  warning: stream_socket_client(): Unable to connect to udp://127.0.0.1:PORT (local_addr context option is not a string.)%S
udp bindto array: false errno=0 errstr=local_addr context option is not a string.
server with odd options: listening errno=0 errstr=
client with odd options: connected errno=0 errstr=
unknown options: connected
done
