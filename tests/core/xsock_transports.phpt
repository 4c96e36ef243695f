--TEST--
xsock: xsock_transports() names the factory serving each registered scheme
--SKIPIF--
<?php if (!extension_loaded('xsock')) die('skip xsock only'); ?>
--FILE--
<?php
$t = xsock_transports();
var_dump(is_array($t));
foreach (['tcp', 'udp', 'ssl', 'tls', 'tlsv1.0', 'tlsv1.1', 'tlsv1.2', 'tlsv1.3', 'sslv3', 'sslv2', 'unix', 'udg'] as $n) {
	echo $n, ': ', $t[$n] ?? 'missing', "\n";
}

/* Every registered name, and only those, with one of two values. */
$keys = array_keys($t);
$reg = stream_get_transports();
sort($keys);
sort($reg);
var_dump($keys === $reg);
var_dump(array_diff(array_unique(array_values($t)), ['xsock', 'builtin']));

try {
	xsock_transports(1);
} catch (ArgumentCountError $e) {
	echo get_class($e), "\n";
}
?>
--EXPECT--
bool(true)
tcp: xsock
udp: xsock
ssl: xsock
tls: xsock
tlsv1.0: xsock
tlsv1.1: xsock
tlsv1.2: xsock
tlsv1.3: xsock
sslv3: xsock
sslv2: xsock
unix: builtin
udg: builtin
bool(true)
array(0) {
}
ArgumentCountError
