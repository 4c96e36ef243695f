--TEST--
reliability: a failed TLS handshake on a persistent stream (STREAM_CLIENT_PERSISTENT, pfsockopen) leaves no socket behind
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.inc';
if (!in_array('tls', stream_get_transports(), true)) die('skip tls transport needed');
if (!is_dir('/proc/self/fd')) die('skip needs /proc/self/fd');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

function sockets(): int
{
	$n = 0;
	foreach (scandir('/proc/self/fd') as $fd) {
		if (str_starts_with((string) @readlink("/proc/self/fd/$fd"), 'socket:')) {
			$n++;
		}
	}
	return $n;
}

/* A plaintext greeter: every TLS handshake against it fails. */
$p = xsock_plain_greeter("220 plaintext\r\n", 6);
$port = xsock_port($p['addr']);
$before = sockets();
for ($i = 0; $i < 3; $i++) {
	$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
	$c = @stream_socket_client("tls://127.0.0.1:$port", $errno, $errstr, 5, STREAM_CLIENT_CONNECT | STREAM_CLIENT_PERSISTENT, $ctx);
	echo 'persistent client: ', var_export($c, true), "\n";
	$c = @pfsockopen('tls://127.0.0.1', $port, $errno, $errstr, 5);
	echo 'pfsockopen: ', var_export($c, true), "\n";
}
echo 'sockets left open: ', sockets() - $before, "\n";
xsock_proc_stop($p);

/* A good persistent connection afterwards works and is one socket. */
[$srv, $addr] = xsock_tls_listen(xsock_server_ssl());
$w = xsock_tls_worker('
	xsock_worker_ready();
	$ctx = stream_context_create(["ssl" => xsock_client_ssl()]);
	$c = stream_socket_client(' . var_export("tls://$addr", true) . ', $en, $es, 5, STREAM_CLIENT_CONNECT | STREAM_CLIENT_PERSISTENT, $ctx);
	echo "worker read: ", fgets($c);
');
$c = stream_socket_accept($srv, 5);
fwrite($c, "ok\n");
echo xsock_peer_wait($w);
?>
--EXPECT--
persistent client: false
pfsockopen: false
persistent client: false
pfsockopen: false
persistent client: false
pfsockopen: false
sockets left open: 0
worker read: ok
