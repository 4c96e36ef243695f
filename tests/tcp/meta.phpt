--TEST--
tcp: stream_get_meta_data keys, order and stream_type; stream_set_write_buffer
--EXTENSIONS--
openssl
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $cli, $acc, $addr] = compat_tcp_pair();
$f = fsockopen('127.0.0.1', xsock_port($addr));
stream_socket_accept($srv, 2);

/* ext/openssl serves tcp://, so even plain tcp says "tcp_socket/ssl". */
$label = 'tcp_socket/ssl';
/* PHP 8.3+: "uri" is the name as given, port 0 and all; fsockopen() passes no scheme. */
$uri = ['client' => "tcp://$addr", 'accepted' => null, 'server' => 'tcp://127.0.0.1:0',
	'fsockopen' => '127.0.0.1:' . xsock_port($addr)];
foreach (['client' => $cli, 'accepted' => $acc, 'server' => $srv, 'fsockopen' => $f] as $what => $s) {
	$m = compat_meta($s, $uri[$what]);
	echo $what, ': ', implode(',', array_keys($m)), "\n";
	echo $what, ': ', $m['stream_type'] === $label ? 'label ok' : $m['stream_type'], "\n";
}
var_dump(compat_meta($cli, $uri['client']));

/* Sockets have no write buffer option. */
var_dump(stream_set_write_buffer($cli, 0));
var_dump(stream_set_write_buffer($cli, 8192));
var_dump(stream_set_read_buffer($cli, 0));
var_dump(stream_is_local($cli));
var_dump(stream_supports_lock($cli));

/* unread_bytes follows the read buffer. */
fwrite($acc, "abc\ndef");
var_dump(fgets($cli));
var_dump(stream_get_meta_data($cli)['unread_bytes']);

/* Sockets cannot seek. */
var_dump(@fseek($cli, 0), ftell($cli) === 4 || ftell($cli) === false);
$st = fstat($cli);
var_dump(($st['mode'] & 0170000) === 0140000);
?>
--EXPECT--
client: timed_out,blocked,eof,stream_type,mode,unread_bytes,seekable
client: label ok
accepted: timed_out,blocked,eof,stream_type,mode,unread_bytes,seekable
accepted: label ok
server: timed_out,blocked,eof,stream_type,mode,unread_bytes,seekable
server: label ok
fsockopen: timed_out,blocked,eof,stream_type,mode,unread_bytes,seekable
fsockopen: label ok
array(7) {
  ["timed_out"]=>
  bool(false)
  ["blocked"]=>
  bool(true)
  ["eof"]=>
  bool(false)
  ["stream_type"]=>
  string(14) "tcp_socket/ssl"
  ["mode"]=>
  string(2) "r+"
  ["unread_bytes"]=>
  int(0)
  ["seekable"]=>
  bool(false)
}
int(-1)
int(-1)
int(0)
bool(false)
bool(false)
string(4) "abc
"
int(3)
int(-1)
bool(true)
bool(true)
