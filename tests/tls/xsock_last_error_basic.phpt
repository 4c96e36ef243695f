--TEST--
xsock_last_error(): refused, DNS failure, handshake timeout and verify failure each name their phase
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
require __DIR__ . '/../inc/compat.inc';
if ($r = compat_need_offline()) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';
require __DIR__ . '/../inc/tls.inc';

var_dump(xsock_last_error());

function show(string $what): void
{
	$e = xsock_last_error();
	printf("%s: phase=%s errno_name=%s message=%s\n", $what, $e['phase'], $e['errno_name'],
		$e['message'] !== '' ? 'set' : 'EMPTY');
}

/* Refused: a loopback port nobody listens on. */
$addr = compat_free_addr();
$s = @stream_socket_client("tcp://$addr", $errno, $errstr, 2);
show('refused');
$e = xsock_last_error();
var_dump($e['host'] === '127.0.0.1', $e['port'] === xsock_port($addr), $e['errno'] === $errno);

/* DNS: .invalid never resolves (RFC 6761); asked of a loopback resolver, never the host's. */
echo compat_run_offline(<<<'CODE'
$t = microtime(true);
$s = @fsockopen('nonexistent.invalid', 80, $errno, $errstr, 2);
$e = xsock_last_error();
printf("dns: phase=%s errno_name=%s message=%s\n", $e['phase'], $e['errno_name'], $e['message'] !== '' ? 'set' : 'EMPTY');
var_dump($e['host'], microtime(true) - $t < 5);
CODE);

/* A peer that accepts but never answers the ClientHello: the connect timeout ends the handshake. */
[$srv, $saddr] = xsock_listen('tcp');
$ctx = stream_context_create(['ssl' => xsock_client_ssl()]);
$t = microtime(true);
$s = @stream_socket_client("ssl://$saddr", $errno, $errstr, 1, STREAM_CLIENT_CONNECT, $ctx);
show('handshake timeout');
$e = xsock_last_error();
var_dump($e['timeout_ms'], $e['budget'], $e['hint'], microtime(true) - $t < 4);
fclose($srv);

/* A self-signed server certificate: the verify phase with OpenSSL's verdict. */
@xsock_connect_s_server('-cert {certs}/selfsigned.pem', xsock_client_ssl());
show('verify');
$e = xsock_last_error();
var_dump($e['verify']['code'], $e['verify']['string'], isset($e['openssl']));
?>
--EXPECTF--
NULL
refused: phase=connect errno_name=ECONNREFUSED message=set
bool(true)
bool(true)
bool(true)
dns: phase=dns errno_name= message=set
string(19) "nonexistent.invalid"
bool(true)
handshake timeout: phase=tls_handshake errno_name= message=set
int(1000)
string(15) "connect timeout"
string(69) "the TLS handshake did not finish within the connect timeout (1.000 s)"
bool(true)
verify: phase=verify errno_name= message=set
int(18)
string(%d) "%s"
bool(%s)
