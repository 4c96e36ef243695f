--TEST--
Real client: Predis scheme tls against redis-server --tls-port (server auth, then mutual TLS)
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if (!xsock_predis_autoload()) die('skip php-nrk-predis not installed');
if ($r = xsock_need_program('redis-server')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';
require xsock_predis_autoload();
Predis\Autoloader::register();

function run(array $server, array $ssl): void
{
	$client = new Predis\Client([
		'scheme' => 'tls',
		'host' => '127.0.0.1',
		'port' => xsock_port($server['addr']),
		'timeout' => 5,
		'read_write_timeout' => 5,
		'ssl' => $ssl,
	]);
	try {
		$pong = $client->ping();
		echo "PING: $pong\n";
		$client->set('xsock:key', str_repeat('v', 100000));
		echo "GET length: ", strlen($client->get('xsock:key')), "\n";
		echo "INCR: ", $client->incr('xsock:n'), " ", $client->incr('xsock:n'), "\n";
		$client->disconnect();
	} catch (Predis\Connection\ConnectionException $e) {
		echo "ConnectionException\n";
	} catch (Predis\Response\ServerException $e) {
		echo "ServerException\n";
	}
}

echo "-- server auth only\n";
$redis = xsock_redis_tls_start('no');
run($redis, xsock_client_ssl());
xsock_redis_stop($redis);

/*
 * Predis opens its socket without a context, so its ssl options land in the
 * default context and stay there: the certificate-less try comes first.
 */
echo "-- mutual TLS, no client certificate\n";
$redis = xsock_redis_tls_start('yes');
@run($redis, xsock_client_ssl());
echo "-- mutual TLS, client certificate given\n";
run($redis, xsock_client_ssl(['local_cert' => xsock_cert('client.pem')]));
xsock_redis_stop($redis);
?>
--EXPECT--
-- server auth only
PING: PONG
GET length: 100000
INCR: 1 2
-- mutual TLS, no client certificate
ConnectionException
-- mutual TLS, client certificate given
PING: PONG
GET length: 100000
INCR: 1 2
