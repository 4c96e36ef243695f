--TEST--
xsock: PHP 8.6's client session API on every PHP: session_new_cb once per TLS 1.3 ticket, Openssl\Session export()/import() round trips, session_data resumes (s_server -www says "Reused"), 8.6's errors
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

/* GET / from an s_server -www; the "New"/"Reused" line of its page. */
function page($addr, array $ssl): string
{
	$c = stream_socket_client("tls://$addr", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => xsock_client_ssl($ssl)]));
	if ($c === false) {
		return "connect failed\n";
	}
	fwrite($c, "GET / HTTP/1.0\r\n\r\n");
	$page = stream_get_contents($c);
	fclose($c);
	return xsock_lines($page, '/^(New|Reused),/', true);
}

foreach (['-tls1_3 -num_tickets 3', '-tls1_2'] as $args) {
	echo "-- s_server $args\n";
	$p = xsock_s_server("-cert {certs}/server.pem -naccept 4 -www $args");
	$got = [];
	$cb = function ($stream, $session) use (&$got) {
		echo "callback: ", get_resource_type($stream), ", ", get_class($session), "\n";
		$got[] = $session;
	};
	echo page($p['addr'], ['session_new_cb' => $cb]);
	echo "Tickets received: ", count($got), "\n";
	$s = end($got);
	echo "protocol ", $s->getProtocol(), ", resumable ", var_export($s->isResumable(), true),
		", ticket ", var_export($s->hasTicket(), true), ", id ", strlen($s->id), " bytes\n";
	var_dump(is_string($s->getCipher()), $s->getTimeout() > 0, abs(time() - $s->getCreatedAt()) < 30,
		is_int($s->getTicketLifetimeHint()));

	$pem = $s->export();
	$der = $s->export(OPENSSL_ENCODING_DER);
	echo substr($pem, 0, 38), "\n";
	$fromPem = Openssl\Session::import($pem);
	$fromDer = Openssl\Session::import($der, OPENSSL_ENCODING_DER);
	var_dump($fromPem->id === $s->id, $fromDer->export(OPENSSL_ENCODING_DER) === $der);

	/* A session from export()/import() resumes; the automatic cache is not what does it. */
	echo "session_data: ", page($p['addr'], ['session_data' => $fromDer, 'session_cache' => false]);
	echo "no session: ", page($p['addr'], ['session_cache' => false]);
	xsock_proc_stop($p);
}

echo "-- errors\n";
$s = Openssl\Session::import($pem);
foreach ([fn() => Openssl\Session::import('not a session'),
		fn() => Openssl\Session::import($der),
		fn() => $s->export(1),
		fn() => Openssl\Session::import($pem, 7)] as $f) {
	try {
		$f();
		echo "no exception\n";
	} catch (Throwable $e) {
		echo get_class($e), ": ", $e->getMessage(), "\n";
	}
}
try {
	serialize($s);
} catch (Exception $e) {
	echo get_class($e), ": ", $e->getMessage(), "\n";
}
$p = xsock_s_server('-cert {certs}/server.pem -naccept 4 -www');
foreach ([['session_data' => 'a string'], ['session_new_cb' => 'no_such_function']] as $ssl) {
	try {
		[$c, $msgs] = xsock_catch(fn() => stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5,
			STREAM_CLIENT_CONNECT, stream_context_create(['ssl' => xsock_client_ssl($ssl)])));
		echo "no exception\n";
	} catch (TypeError $e) {
		echo "TypeError: ", $e->getMessage(), "\n";
	}
}
/* A closure cannot outlive its request: persistent streams refuse the callback (8.6's texts). */
[$c, $msgs] = xsock_catch(fn() => stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5,
	STREAM_CLIENT_CONNECT | STREAM_CLIENT_PERSISTENT,
	stream_context_create(["ssl" => xsock_client_ssl(["session_new_cb" => fn() => null])])));
var_dump($c);
echo preg_replace('/tls:\/\/\S+ \(.*\)$/', 'tls://ADDR', implode("\n", $msgs)), "\n";
echo "still serves: ", page($p['addr'], []);
xsock_proc_stop($p);
?>
--EXPECTF--
-- s_server -tls1_3 -num_tickets 3
callback: stream, Openssl\Session
callback: stream, Openssl\Session
callback: stream, Openssl\Session
New, TLSv1.3, Cipher is %s
Tickets received: 3
protocol TLSv1.3, resumable true, ticket true, id 32 bytes
bool(true)
bool(true)
bool(true)
bool(true)
-----BEGIN SSL SESSION PARAMETERS-----
bool(true)
bool(true)
session_data: Reused, TLSv1.3, Cipher is %s
no session: New, TLSv1.3, Cipher is %s
-- s_server -tls1_2
callback: stream, Openssl\Session
New, TLSv1.2, Cipher is %s
Tickets received: 1
protocol TLSv1.2, resumable true, ticket true, id 32 bytes
bool(true)
bool(true)
bool(true)
bool(true)
-----BEGIN SSL SESSION PARAMETERS-----
bool(true)
bool(true)
session_data: Reused, TLSv1.2, Cipher is %s
no session: New, TLSv1.2, Cipher is %s
-- errors
Openssl\OpensslException: Failed to import session data
Openssl\OpensslException: Failed to import session data
ValueError: Openssl\Session::export(): Argument #1 ($format) must be OPENSSL_ENCODING_DER or OPENSSL_ENCODING_PEM
ValueError: Openssl\Session::import(): Argument #2 ($format) must be OPENSSL_ENCODING_DER or OPENSSL_ENCODING_PEM
Exception: Serialization of 'Openssl\Session' is not allowed
TypeError: session_data must be of type Openssl\Session, string given
TypeError: session_new_cb must be a valid callback, function "no_such_function" not found or invalid function name
bool(false)
stream_socket_client(): session_new_cb is not supported for persistent streams
stream_socket_client(): Failed to enable crypto
stream_socket_client(): Unable to connect to tls://ADDR
still serves: New, TLSv1.3, Cipher is %s
