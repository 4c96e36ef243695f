--TEST--
core: stream_get_transports() keeps PHP's order; xsock only appends sslv3 and sslv2
--EXTENSIONS--
openssl
--FILE--
<?php
$list = stream_get_transports();
$php = ['tcp', 'udp', 'unix', 'udg', 'ssl', 'tls', 'tlsv1.0', 'tlsv1.1', 'tlsv1.2', 'tlsv1.3'];
var_dump(array_slice($list, 0, count($php)) === $php);

$extra = array_slice($list, count($php));
sort($extra);
$want = extension_loaded('xsock') ? ['sslv2', 'sslv3'] : [];
var_dump($extra === $want);
if ($extra !== $want) {
	echo implode(', ', $list), "\n";
}

/* No name twice. */
var_dump(count($list) === count(array_unique($list)));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
