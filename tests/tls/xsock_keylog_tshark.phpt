--TEST--
TLS (xsock only): tshark decrypts a loopback capture of xsock TLS 1.3 and TLS 1.2 sessions with the key log xsock wrote (and cannot without it)
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
require __DIR__ . '/../inc/tls.inc';
if ($why = xsock_need_program('openssl')) die($why);
if ($why = xsock_need_program('tshark')) die($why);
$f = tempnam(sys_get_temp_dir(), 'xsockcap');
exec('timeout 20 tshark -i lo -a duration:1 -w ' . escapeshellarg($f) . ' 2>&1', $out, $rc);
@unlink($f);
if ($rc !== 0) die('skip capturing on lo not permitted: ' . implode(' ', array_slice($out, -1)));
?>
--INI--
xsock.keylog=1
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';

$dir = sys_get_temp_dir() . '/xsock-tshark-' . getmypid();
@mkdir($dir, 0700);
$keys = "$dir/keys.log";

/* Stop a capture with TERM and give dumpcap time to write the file out. */
function capture_stop(array $cap): void
{
	posix_kill(proc_get_status($cap['proc'])['pid'], 15);
	for ($i = 0; $i < 500 && proc_get_status($cap['proc'])['running']; $i++) {
		usleep(10000);
	}
	xsock_proc_stop($cap);
}

/* The HTTP request URIs tshark finds in $pcap on $port, with the key log or without. */
function uris(string $pcap, int $port, ?string $keylog): string
{
	$cmd = 'tshark -r ' . escapeshellarg($pcap) . ' -o ' . escapeshellarg("http.tls.port:$port")
		. ($keylog !== null ? ' -o ' . escapeshellarg("tls.keylog_file:$keylog") : '')
		. ' -Y http.request -T fields -e http.request.uri 2>/dev/null';
	return trim((string) shell_exec($cmd));
}

foreach (['-tls1_3' => 'TLSv1.3', '-tls1_2' => 'TLSv1.2'] as $flag => $proto) {
	$p = xsock_s_server("-cert {certs}/server.pem -naccept 1 -www $flag");
	$port = xsock_port($p['addr']);
	$pcap = "$dir/$proto.pcapng";
	$cap = xsock_proc_start('tshark -i lo -f ' . escapeshellarg("tcp port $port") . ' -w ' . escapeshellarg($pcap),
		'/Capturing on/', 20.0);
	usleep(300000);	/* "Capturing on" comes just before dumpcap's filter is live */
	$secret = '/xsock-' . bin2hex(random_bytes(8));
	$c = @stream_socket_client("tls://{$p['addr']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => xsock_client_ssl(['keylog_file' => $keys])]));
	$meta = stream_get_meta_data($c);
	fwrite($c, "GET $secret HTTP/1.0\r\n\r\n");
	$page = stream_get_contents($c);
	fclose($c);
	usleep(300000);
	capture_stop($cap);
	xsock_proc_stop($p);
	echo "$proto: negotiated ", $meta['crypto']['protocol'], ', page ', var_export($page !== '', true), "\n";
	echo '  with the key log: ', uris($pcap, $port, $keys) === $secret ? 'request decrypted' : 'NOT decrypted: ' . uris($pcap, $port, $keys), "\n";
	echo '  without: ', uris($pcap, $port, null) === '' ? 'nothing' : 'decrypted?', "\n";
}

foreach (glob("$dir/*") as $f) {
	unlink($f);
}
rmdir($dir);
?>
--EXPECT--
TLSv1.3: negotiated TLSv1.3, page true
  with the key log: request decrypted
  without: nothing
TLSv1.2: negotiated TLSv1.2, page true
  with the key log: request decrypted
  without: nothing
