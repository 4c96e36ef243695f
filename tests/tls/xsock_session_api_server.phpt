--TEST--
xsock: PHP 8.6's server session API on every PHP: session_get_cb/session_new_cb/session_remove_cb as an external cache (s_client -sess_out/-sess_in), session_timeout, session_cache, per-server callbacks on a shared context, 8.6's validation errors
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

$sessFile = tempnam(sys_get_temp_dir(), 'xsocksess');

/* One s_client connection, saving (-sess_out) or offering (-sess_in) a session; its New/Reused line. */
function handshake($srv, string $args): string
{
	$p = xsock_s_client(stream_socket_get_name($srv, false), "$args -ign_eof");
	try {
		$c = @stream_socket_accept($srv, 5);
		if ($c) {
			fwrite($c, "hi\n");
			fclose($c);
		}
		$out = xsock_lines(xsock_peer_wait($p, 5), '/^(New|Reused),/', true);
		return $out === '' ? "handshake failed\n" : $out;
	} catch (Throwable $e) {
		xsock_proc_stop($p);
		return get_class($e) . ": " . $e->getMessage() . "\n";
	}
}

/* A server whose callbacks keep sessions in $store and log what they are asked. */
function cache_server(string $tag, array &$store, array $more = []): array
{
	$log = function (string $what) use ($tag) {
		echo "  $tag: $what\n";
	};
	return xsock_tls_listen(xsock_server_ssl($more + [
		'session_id_context' => 'xsock-test',
		'session_new_cb' => function ($stream, $session) use (&$store, $log) {
			$log("new (" . get_resource_type($stream) . ", " . $session->getProtocol() . ")");
			$store[$session->id] = $session->export(OPENSSL_ENCODING_DER);
		},
		'session_get_cb' => function ($stream, string $id) use (&$store, $log) {
			$log(isset($store[$id]) ? "get: hit" : "get: miss");
			return isset($store[$id]) ? Openssl\Session::import($store[$id], OPENSSL_ENCODING_DER) : null;
		},
		'session_remove_cb' => function ($stream, string $id) use (&$store, $log) {
			$log("remove: " . (isset($store[$id]) ? "known" : "unknown") . " id");
			unset($store[$id]);
		},
	]));
}

/* TLS 1.3: a full handshake sends OpenSSL's two tickets (num_tickets unset), so "new" comes twice. */
foreach (['-tls1_3', '-tls1_2'] as $v) {
	echo "-- external cache, $v\n";
	$store = [];
	[$srv] = cache_server('A', $store);
	echo handshake($srv, "$v -sess_out $sessFile");
	echo handshake($srv, "$v -sess_in $sessFile");
	fclose($srv);
}

echo "-- session_timeout: an expired session is removed, not resumed\n";
$store = [];
[$srv] = cache_server('A', $store, ['session_timeout' => 1]);
echo handshake($srv, "-tls1_2 -sess_out $sessFile");
sleep(2);
echo handshake($srv, "-tls1_2 -sess_in $sessFile");
fclose($srv);

echo "-- two servers, equal options, different callbacks\n";
$storeA = $storeB = [];
[$a] = cache_server('A', $storeA);
[$b] = cache_server('B', $storeB);
echo handshake($a, "-tls1_2 -sess_out $sessFile");
echo handshake($b, "-tls1_2 -sess_in $sessFile");
fclose($a);
fclose($b);

echo "-- OpenSSL's own cache (session ids, no tickets): session_cache on (default) and off\n";
foreach ([[], ['session_cache' => false]] as $more) {
	[$srv] = xsock_tls_listen(xsock_server_ssl($more));
	echo handshake($srv, "-tls1_2 -no_ticket -sess_out $sessFile");
	echo handshake($srv, "-tls1_2 -no_ticket -sess_in $sessFile");
	fclose($srv);
}

echo "-- errors\n";
$cb = fn() => null;
foreach ([
	['session_id_context' => ''],
	['session_id_context' => 42],
	['session_get_cb' => $cb, 'session_id_context' => 'x'],
	['session_new_cb' => $cb],
	['session_new_cb' => $cb, 'session_get_cb' => $cb, 'session_id_context' => 'x', 'no_ticket' => false],
	['session_timeout' => 0],
	['session_cache_size' => -1],
	['session_remove_cb' => 'no_such_function'],
] as $more) {
	[$srv] = xsock_tls_listen(xsock_server_ssl($more));
	echo handshake($srv, '-tls1_2');
	fclose($srv);
}
/* Without verification OpenSSL caches without an id context: no error. */
$store = [];
[$srv] = xsock_tls_listen(xsock_server_ssl(['verify_peer' => false,
	'session_new_cb' => function ($s, $session) { echo "  new\n"; }]));
echo handshake($srv, '-tls1_3');
fclose($srv);
/* session_get_cb must return null or an Openssl\Session. */
[$srv] = cache_server('A', $store, ['session_get_cb' => fn($s, $id) => 'not a session']);
echo handshake($srv, "-tls1_2 -sess_out $sessFile");
echo handshake($srv, "-tls1_2 -sess_in $sessFile");
fclose($srv);
@unlink($sessFile);
?>
--EXPECTF--
-- external cache, -tls1_3
  A: new (stream, TLSv1.3)
  A: new (stream, TLSv1.3)
New, TLSv1.3, Cipher is %s
  A: get: hit
  A: new (stream, TLSv1.3)
Reused, TLSv1.3, Cipher is %s
-- external cache, -tls1_2
  A: new (stream, TLSv1.2)
New, TLSv1.2, Cipher is %s
  A: get: hit
Reused, TLSv1.2, Cipher is %s
-- session_timeout: an expired session is removed, not resumed
  A: new (stream, TLSv1.2)
New, TLSv1.2, Cipher is %s
  A: get: hit
  A: remove: known id
  A: new (stream, TLSv1.2)
New, TLSv1.2, Cipher is %s
-- two servers, equal options, different callbacks
  A: new (stream, TLSv1.2)
New, TLSv1.2, Cipher is %s
  B: get: miss
  B: new (stream, TLSv1.2)
New, TLSv1.2, Cipher is %s
-- OpenSSL's own cache (session ids, no tickets): session_cache on (default) and off
New, TLSv1.2, Cipher is %s
Reused, TLSv1.2, Cipher is %s
New, TLSv1.2, Cipher is %s
New, TLSv1.2, Cipher is %s
-- errors
TypeError: session_id_context must be a non empty string
TypeError: session_id_context must be a non empty string
ValueError: session_new_cb is required when session_get_cb is provided
ValueError: session_id_context must be set if session_new_cb is set
ValueError: Session tickets cannot be enabled when session_get_cb is set
ValueError: session_timeout must be positive
ValueError: session_cache_size must not be negative
TypeError: session_remove_cb must be a valid callback, function "no_such_function" not found or invalid function name
  new
  new
New, TLSv1.3, Cipher is %s
  A: new (stream, TLSv1.2)
New, TLSv1.2, Cipher is %s
TypeError: session_get_cb return type must be null or Openssl\Session
