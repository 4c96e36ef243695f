--TEST--
tcp: stream_socket_recvfrom/sendto with STREAM_PEEK and STREAM_OOB
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $cli, $acc] = compat_tcp_pair();

function wait_readable($s)
{
	$r = [$s];
	$w = $e = null;
	return stream_select($r, $w, $e, 2);
}

var_dump(stream_socket_sendto($cli, "hello"));
wait_readable($acc);
usleep(20000);
/* PEEK leaves the data in place. */
var_dump(stream_socket_recvfrom($acc, 3, STREAM_PEEK));
var_dump(stream_socket_recvfrom($acc, 3, STREAM_PEEK));
var_dump(stream_socket_recvfrom($acc, 3));
var_dump(fread($acc, 10));

/* Out-of-band byte travels beside the normal data. */
var_dump(stream_socket_sendto($cli, "U", STREAM_OOB));
var_dump(stream_socket_sendto($cli, "normal"));
wait_readable($acc);
usleep(50000);
var_dump(stream_socket_recvfrom($acc, 1, STREAM_OOB));
var_dump(compat_read($acc, 6));

/* On a connected tcp socket the target address is ignored. */
var_dump(stream_socket_sendto($cli, "to", 0, '127.0.0.1:9'));
var_dump(compat_read($acc, 2));

/* The other direction, recvfrom with an address variable. */
stream_socket_sendto($acc, "back");
wait_readable($cli);
var_dump(stream_socket_recvfrom($cli, 10, 0, $from));
var_dump(is_string($from));

try {
	stream_socket_recvfrom($acc, 0);
} catch (ValueError $e) {
	echo $e->getMessage(), "\n";
}
?>
--EXPECT--
int(5)
string(3) "hel"
string(3) "hel"
string(3) "hel"
string(2) "lo"
int(1)
int(6)
string(1) "U"
string(6) "normal"
int(2)
string(2) "to"
string(4) "back"
bool(true)
stream_socket_recvfrom(): Argument #2 ($length) must be greater than 0
