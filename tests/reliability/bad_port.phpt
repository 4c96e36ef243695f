--TEST--
reliability: non-numeric and out-of-range ports on the client functions fail (PHP: refused connect, xsock: parse error), no crash
--FILE--
<?php
/*
 * PHP reads the port with atoi() and truncates it to 16 bits, so these
 * connect to some port of 127.0.0.1 where nothing listens; xsock refuses
 * them while parsing (tests/tcp/xsock_port_range.phpt).  Both give false,
 * the "Unable to connect" warning and no crash; the reason differs.
 */
require __DIR__ . '/../inc/compat.inc';

$free = xsock_port(compat_free_addr());
set_error_handler(function ($no, $msg) {
	echo '  warning: ', $msg, "\n";
	return true;
});
/* 65536 + $free wraps to $free in PHP: still a port where nothing listens. */
foreach (['http', (string) (65536 + $free), '-1', '99999999999999999999', ' '] as $port) {
	$r = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 1);
	echo "client port '$port': ", var_export($r, true), "\n";
	$r = fsockopen("127.0.0.1:$port", -1, $errno, $errstr, 1);
	echo "fsockopen port '$port': ", var_export($r, true), "\n";
}
$r = fsockopen('127.0.0.1', 65536 + $free, $errno, $errstr, 1);
echo 'fsockopen port argument 65536 + free: ', var_export($r, true), "\n";
echo "done\n";
?>
--EXPECTF--
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:http (%s)
client port 'http': false
  warning: fsockopen(): Unable to connect to 127.0.0.1:http:-1 (%s)
fsockopen port 'http': false
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (%s)
client port '%d': false
  warning: fsockopen(): Unable to connect to 127.0.0.1:%d:-1 (%s)
fsockopen port '%d': false
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:-1 (%s)
client port '-1': false
  warning: fsockopen(): Unable to connect to 127.0.0.1:-1:-1 (%s)
fsockopen port '-1': false
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:99999999999999999999 (%s)
client port '99999999999999999999': false
  warning: fsockopen(): Unable to connect to 127.0.0.1:99999999999999999999:-1 (%s)
fsockopen port '99999999999999999999': false
  warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:  (%s)
client port ' ': false
  warning: fsockopen(): Unable to connect to 127.0.0.1: :-1 (%s)
fsockopen port ' ': false
  warning: fsockopen(): Unable to connect to 127.0.0.1:%d (%s)
fsockopen port argument 65536 + free: false
done
