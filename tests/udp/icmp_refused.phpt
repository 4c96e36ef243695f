--TEST--
udp: an ICMP port-unreachable makes the next read fail and sets eof
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

$free = compat_free_addr('udp');
$c = stream_socket_client("udp://$free", $errno, $errstr, 2);
var_dump(is_resource($c), $errno, $errstr);
var_dump(fwrite($c, "ping"));
/* Loopback delivers the ICMP error at once; give it a moment anyway. */
usleep(50000);
stream_set_timeout($c, 2);
$t = microtime(true);
var_dump(fread($c, 100));
var_dump(microtime(true) - $t < 1.0);
var_dump(feof($c), stream_get_meta_data($c)['eof']);
?>
--EXPECT--
bool(true)
int(0)
string(0) ""
int(4)
bool(false)
bool(true)
bool(true)
bool(true)
