--TEST--
STARTTLS: Python ssl client waits for the reply before its ClientHello; PHP server reads the command with fgets()
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_python_module('ssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

[$srv, $addr] = xsock_listen('tcp', '127.0.0.1', stream_context_create(['ssl' => xsock_server_ssl()]));
$py = xsock_python_spawn(xsock_py_starttls_client(), [xsock_port($addr), 'wait']);
$c = stream_socket_accept($srv, 5);
stream_set_timeout($c, 5);
echo "S got: ", fgets($c);
fwrite($c, "220 2.0.0 Ready to start TLS\r\n");
var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
echo "S got: ", fgets($c);
fwrite($c, "250 hello back\r\n");
fclose($c);
echo xsock_peer_wait($py);
?>
--EXPECT--
S got: STARTTLS
bool(true)
S got: hello over tls
py reply: 220 2.0.0 Ready to start TLS
py tls: TLSv1.3
py got: 250 hello back
