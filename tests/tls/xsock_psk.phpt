--TEST--
xsock: PHP 8.6's TLS-PSK options on every PHP: psk_client_cb against s_server -psk, psk_server_cb against s_client -psk (TLS 1.3 and TLS 1.2 PSK suites, no certificate), a wrong key fails, 8.6's Openssl\Psk limits and callback errors
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock feature');
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$key = str_repeat("\x42", 32);
$hex = bin2hex($key);
$versions = [
	'TLS 1.3' => ['s' => '-tls1_3', 'method' => STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT, 'ciphers' => 'DEFAULT'],
	'TLS 1.2' => ['s' => '-tls1_2 -cipher PSK', 'method' => STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT, 'ciphers' => 'PSK'],
];

/* Client side: one GET to s_server -www -psk; the New/Reused line, or the failure. */
function psk_get(string $sArgs, array $ssl): string
{
	$p = xsock_s_server("-nocert -naccept 1 -www $sArgs");
	[$c, $msgs] = xsock_catch(fn() => stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5,
		STREAM_CLIENT_CONNECT, stream_context_create(['ssl' => $ssl + ['verify_peer' => false, 'verify_peer_name' => false]])));
	$out = "connect failed\n";
	if ($c) {
		fwrite($c, "GET / HTTP/1.0\r\n\r\n");
		$out = xsock_lines(stream_get_contents($c), '/^(New|Reused),/', true);
		fclose($c);
	}
	xsock_proc_stop($p);
	return $out;
}

/* The openssl tools print "Reused" for a TLS 1.3 PSK handshake: to TLS 1.3 an external PSK is a resumption. */
foreach ($versions as $name => $v) {
	echo "-- client, $name\n";
	$ssl = ['crypto_method' => $v['method'], 'ciphers' => $v['ciphers']];
	echo psk_get("{$v['s']} -psk $hex -psk_identity client-id", $ssl + ['psk_client_cb' => function ($stream) use ($key) {
		echo "psk_client_cb(", get_resource_type($stream), ")\n";
		return new Openssl\Psk($key, 'client-id');
	}]);
	echo "wrong key: ", psk_get("{$v['s']} -psk " . str_repeat('11', 32) . " -psk_identity client-id",
		$ssl + ['psk_client_cb' => fn($s) => new Openssl\Psk($key, 'client-id')]);
}

foreach ($versions as $name => $v) {
	echo "-- server, $name\n";
	[$srv] = xsock_tls_listen(['ciphers' => $v['ciphers'] . ':DEFAULT',
		'psk_server_cb' => function ($stream, string $identity) use ($key) {
			echo "psk_server_cb(", get_resource_type($stream), ", $identity)\n";
			return $identity === 'client-id' ? new Openssl\Psk($key) : null;
		}]);
	foreach (['client-id', 'stranger'] as $id) {
		[$ok, $out] = xsock_catch(fn() => xsock_s_client_accept($srv, "{$v['s']} -psk $hex -psk_identity $id -ign_eof",
			fn($c) => fwrite($c, "psk data\n")))[0];
		echo $ok ? "accepted: " . xsock_lines($out, '/^(New|Reused),|^psk data$/', true) : "refused\n";
	}
	fclose($srv);
}

echo "-- a psk_server_cb that closes its stream (php-src's use-after-free test): refused, no crash\n";
[$srv] = xsock_tls_listen(['crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_3_SERVER,
	'psk_server_cb' => function ($stream, string $identity) {
		fclose($stream);
		return null;
	}]);
[$ok] = xsock_catch(fn() => xsock_s_client_accept($srv, "-tls1_3 -psk $hex -psk_identity client-id -ign_eof"))[0];
var_dump($ok);
fclose($srv);

echo "-- Openssl\\Psk\n";
var_dump(Openssl\Psk::MAX_PSK_LEN, Openssl\Psk::MAX_IDENTITY_LEN);
$psk = new Openssl\Psk($key, 'me');
var_dump(strlen($psk->psk), $psk->identity, (new Openssl\Psk($key))->identity);
new Openssl\Psk(str_repeat('k', 256), str_repeat('i', 128));
foreach ([fn() => new Openssl\Psk(str_repeat('k', 257)), fn() => new Openssl\Psk('k', str_repeat('i', 129)),
		fn() => $psk->__construct('again')] as $f) {
	try {
		$f();
	} catch (Throwable $e) {
		echo get_class($e), ": ", $e->getMessage(), "\n";
	}
}

echo "-- callback errors (php-src 8.6's psk tests)\n";
$p = xsock_s_server("-nocert -naccept 3 -tls1_2 -cipher PSK -psk $hex -psk_identity id");
foreach ([fn($s) => 'not a Psk object', fn($s) => new Openssl\Psk($key), 'no_such_function'] as $cb) {
	$ctx = stream_context_create(['ssl' => ['crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT,
		'ciphers' => 'PSK', 'verify_peer' => false, 'psk_client_cb' => $cb]]);
	try {
		@stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
		echo "no exception\n";
	} catch (Error $e) {
		echo get_class($e), ": ", $e->getMessage(), "\n";
	}
}
xsock_proc_stop($p);
?>
--EXPECTF--
-- client, TLS 1.3
psk_client_cb(stream)
Reused, TLSv1.3, Cipher is %s
wrong key: connect failed
-- client, TLS 1.2
psk_client_cb(stream)
New, TLSv1.2, Cipher is %sPSK%s
wrong key: connect failed
-- server, TLS 1.3
psk_server_cb(stream, client-id)
accepted: Reused, TLSv1.3, Cipher is %s
psk data
psk_server_cb(stream, stranger)
refused
-- server, TLS 1.2
psk_server_cb(stream, client-id)
accepted: New, TLSv1.2, Cipher is %sPSK%s
psk data
psk_server_cb(stream, stranger)
refused
-- a psk_server_cb that closes its stream (php-src's use-after-free test): refused, no crash
bool(false)
-- Openssl\Psk
int(256)
int(128)
int(32)
string(2) "me"
NULL
ValueError: Openssl\Psk::__construct(): Argument #1 ($psk) must not exceed 256 bytes
ValueError: Openssl\Psk::__construct(): Argument #2 ($identity) must not exceed 128 bytes
Error: Cannot modify readonly property Openssl\Psk::$psk
-- callback errors (php-src 8.6's psk tests)
TypeError: PSK callback must return Openssl\Psk or null
ValueError: Client PSK callback must return Openssl\Psk with a non-null identity
TypeError: psk_client_cb must be a valid callback, function "no_such_function" not found or invalid function name
