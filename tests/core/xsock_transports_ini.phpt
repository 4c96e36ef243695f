--TEST--
xsock: xsock.transports=tcp,udp serves only those two; TLS schemes stay with PHP
--SKIPIF--
<?php if (!extension_loaded('xsock')) die('skip xsock only'); ?>
--INI--
xsock.transports=tcp,udp
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

var_dump(ini_get('xsock.transports'));
$t = xsock_transports();
foreach (['tcp', 'udp', 'ssl', 'tls', 'tlsv1.0', 'tlsv1.1', 'tlsv1.2', 'tlsv1.3', 'unix', 'udg'] as $n) {
	echo $n, ': ', $t[$n] ?? 'missing', "\n";
}
/* sslv3/sslv2 exist only through xsock, so they are not served now. */
echo 'sslv3: ', ($t['sslv3'] ?? 'missing') === 'xsock' ? 'xsock' : 'not xsock', "\n";
echo 'sslv2: ', ($t['sslv2'] ?? 'missing') === 'xsock' ? 'xsock' : 'not xsock', "\n";
echo implode(', ', stream_get_transports()), "\n";

/* tcp and udp still work. */
[$srv, $cli, $acc] = compat_tcp_pair();
fwrite($cli, "tcp");
var_dump(compat_read($acc, 3), stream_get_meta_data($cli)['stream_type']);
[$u, $uaddr] = compat_udp_bind();
$uc = stream_socket_client("udp://$uaddr");
fwrite($uc, "udp");
var_dump(stream_socket_recvfrom($u, 10), stream_get_meta_data($uc)['stream_type']);
?>
--EXPECT--
string(7) "tcp,udp"
tcp: xsock
udp: xsock
ssl: builtin
tls: builtin
tlsv1.0: builtin
tlsv1.1: builtin
tlsv1.2: builtin
tlsv1.3: builtin
unix: builtin
udg: builtin
sslv3: not xsock
sslv2: not xsock
tcp, udp, unix, udg, ssl, tls, tlsv1.0, tlsv1.1, tlsv1.2, tlsv1.3
string(3) "tcp"
string(14) "tcp_socket/ssl"
string(3) "udp"
string(10) "udp_socket"
