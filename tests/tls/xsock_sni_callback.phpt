--TEST--
xsock: ssl.SNI_callback picks the certificate per handshake (null = default), renewed files are picked up after a second without a restart, ALPN is kept, exceptions and bad answers warn and fail only that handshake
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($r = xsock_need_program('openssl')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$dir = sys_get_temp_dir() . '/xsock_snicb_' . getmypid();
@mkdir($dir);
$live = "$dir/live.pem";
copy(xsock_cert('a.test.pem'), $live);

$calls = [];
$answers = [
	'a.test' => ['local_cert' => xsock_cert('a.test.crt'), 'local_pk' => xsock_cert('a.test.key')],
	'live.test' => ['local_cert' => $live],
	'enc.test' => ['local_cert' => xsock_cert('server-enc.pem'), 'passphrase' => 'secret'],
	'badpass.test' => ['local_cert' => xsock_cert('server-enc.pem'), 'passphrase' => 'wrong'],
	'missing.test' => ['local_cert' => "$dir/nonexistent.pem"],
	'nocert.test' => ['local_pk' => xsock_cert('a.test.key')],
	'string.test' => 'a.test.pem',
];
$cb = function (string $name) use (&$calls, $answers) {
	$calls[] = $name;
	if ($name === 'throw.test') {
		throw new RuntimeException('no certificate store reachable');
	}
	return $answers[$name] ?? null;
};
[$srv] = xsock_tls_listen(xsock_server_ssl(['SNI_callback' => $cb, 'alpn_protocols' => 'h2,http/1.1']));

function hello(string $name, string $extra = ''): void
{
	global $srv;
	echo "-- $name$extra\n";
	[[$ok, $out], $warnings] = xsock_catch(fn() => xsock_s_client_accept($srv,
		"-servername $name -brief -CAfile {certs}/ca.pem $extra", function ($c) {
			fwrite($c, "hello\n");
			$alpn = stream_get_meta_data($c)['crypto']['alpn_protocol'] ?? null;
			if ($alpn !== null) {
				echo "alpn: $alpn\n";
			}
		}));
	echo $ok ? "accepted\n" : "not accepted\n";
	echo xsock_openssl_cli_dn(xsock_lines($out, '/^(Peer certificate|ALPN protocol|hello)/', true));
	foreach (preg_grep('/SNI_callback|private key/', $warnings) as $w) {
		echo "  $w\n";
	}
}

hello('a.test');
hello('other.test');
hello('a.test', ' -alpn h2');
hello('enc.test');
hello('badpass.test');
hello('live.test');
/* Renewal: the file is replaced (new inode) by another certificate. */
copy(xsock_cert('b.test.pem'), "$live.new");
rename("$live.new", $live);
usleep(1100000);
hello('live.test');
hello('throw.test');
hello('missing.test');
hello('nocert.test');
hello('string.test');
echo "-- no SNI: the callback is not asked\n";
$before = count($calls);
[[$ok, $out]] = xsock_catch(fn() => xsock_s_client_accept($srv, '-noservername -brief -CAfile {certs}/ca.pem'));
echo xsock_openssl_cli_dn(xsock_lines($out, '/^Peer certificate/', true));
var_dump(count($calls) === $before);
echo "calls: ", implode(' ', $calls), "\n";
echo "-- the server still accepts after the failures\n";
hello('a.test');

echo "-- not callable\n";
[$srv] = xsock_tls_listen(xsock_server_ssl(['SNI_callback' => 'no_such_function']));
hello('a.test');
unlink($live);
rmdir($dir);
?>
--EXPECTF--
-- a.test
accepted
Peer certificate: O=xsock tests, CN=a.test
hello
-- other.test
accepted
Peer certificate: O=xsock tests, CN=localhost
hello
-- a.test -alpn h2
alpn: h2
accepted
Peer certificate: O=xsock tests, CN=a.test
hello
-- enc.test
accepted
Peer certificate: O=xsock tests, CN=localhost
hello
-- badpass.test
not accepted
  stream_socket_accept(): Failed setting private key from file `%s/tests/certs/server-enc.pem'
-- live.test
accepted
Peer certificate: O=xsock tests, CN=a.test
hello
-- live.test
accepted
Peer certificate: O=xsock tests, CN=b.test
hello
-- throw.test
not accepted
  stream_socket_accept(): SNI_callback for `throw.test' threw RuntimeException: no certificate store reachable
-- missing.test
not accepted
  stream_socket_accept(): SNI_callback for `missing.test': cannot read `/tmp/xsock_snicb_%d/nonexistent.pem'
-- nocert.test
not accepted
  stream_socket_accept(): SNI_callback for `nocert.test' must return null or an array with a non-empty string local_cert
-- string.test
not accepted
  stream_socket_accept(): SNI_callback for `string.test' must return null or an array [local_cert, local_pk, passphrase], string returned
-- no SNI: the callback is not asked
Peer certificate: O=xsock tests, CN=localhost
bool(true)
calls: a.test other.test a.test enc.test badpass.test live.test live.test throw.test missing.test nocert.test string.test
-- the server still accepts after the failures
-- a.test
accepted
Peer certificate: O=xsock tests, CN=a.test
hello
-- not callable
-- a.test
not accepted
  stream_socket_accept(): SNI_callback must be a valid callback
