--TEST--
reliability: malformed stream_socket_sendto targets on udp: PHP's warnings and results, no crash
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

$long = str_repeat('a', 5000);
set_error_handler(function ($no, $msg) {
	echo '  warning: ', rtrim(str_replace(str_repeat('a', 5000), '<5000 x a>', $msg)), "\n";
	return true;
});

[$u, $addr] = compat_udp_bind();
/* A receiver for the targets that do parse, so nothing leaves loopback. */
[$sink, $sinkAddr] = compat_udp_bind();
$sinkPort = xsock_port($sinkAddr);

$targets = [
	'127.0.0.1',
	'[::1',
	"$long:80",
	'',
	':',
	'[]:80',
	'[::1]:',
	'127.0.0.1:http',
	"127.0.0.1:$sinkPort" . 'junk',
];
foreach ($targets as $t) {
	$r = stream_socket_sendto($u, 'x', 0, $t);
	echo 'sendto ', addcslashes(str_replace($long, '<5000 x a>', $t), "\0"), ': ', var_export($r, true), "\n";
}
/* "port junk" parses as the port (atoi): the datagram arrives. */
var_dump(stream_socket_recvfrom($sink, 10));
echo "done\n";
?>
--EXPECTF--
  warning: stream_socket_sendto(): Failed to parse `127.0.0.1' into a valid network address
sendto 127.0.0.1: false
  warning: stream_socket_sendto(): Failed to parse `[::1' into a valid network address
sendto [::1: false
  warning: stream_socket_sendto(): php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s
  warning: stream_socket_sendto(): Failed to resolve `<5000 x a>': php_network_getaddresses: getaddrinfo for <5000 x a> failed: %s
  warning: stream_socket_sendto(): Failed to parse `<5000 x a>:80' into a valid network address
sendto <5000 x a>:80: false
  warning: stream_socket_sendto(): Destination address required
sendto : -1
  warning: stream_socket_sendto(): php_network_getaddresses: getaddrinfo for  failed: %s
  warning: stream_socket_sendto(): Failed to resolve `': php_network_getaddresses: getaddrinfo for  failed: %s
  warning: stream_socket_sendto(): Failed to parse `:' into a valid network address
sendto :: false
  warning: stream_socket_sendto(): php_network_getaddresses: getaddrinfo for  failed: %s
  warning: stream_socket_sendto(): Failed to resolve `': php_network_getaddresses: getaddrinfo for  failed: %s
  warning: stream_socket_sendto(): Failed to parse `[]:80' into a valid network address
sendto []:80: false
  warning: stream_socket_sendto(): Address family not supported by protocol
sendto [::1]:: -1
  warning: stream_socket_sendto(): Invalid argument
sendto 127.0.0.1:http: -1
sendto 127.0.0.1:%d%s: 1
string(1) "x"
done
