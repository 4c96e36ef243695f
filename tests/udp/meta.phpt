--TEST--
udp: stream_get_meta_data, stream_type "udp_socket", no crypto, no write buffer
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $addr] = compat_udp_bind();
$c = stream_socket_client("udp://$addr");
var_dump(compat_meta($c, "udp://$addr"));
var_dump(stream_get_meta_data($srv)['stream_type']);
var_dump(stream_get_meta_data(fsockopen('udp://127.0.0.1', xsock_port($addr)))['stream_type']);
var_dump(stream_set_write_buffer($c, 0));
var_dump(stream_set_blocking($c, false), stream_get_meta_data($c)['blocked']);
var_dump(fread($c, 10));
var_dump(stream_set_blocking($c, true));

/* udp stays with the core even when ext/openssl is loaded. */
var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));

/* A read timeout sets timed_out. */
stream_set_timeout($srv, 0, 200000);
var_dump(fread($srv, 10), stream_get_meta_data($srv)['timed_out']);
?>
--EXPECTF--
array(7) {
  ["timed_out"]=>
  bool(false)
  ["blocked"]=>
  bool(true)
  ["eof"]=>
  bool(false)
  ["stream_type"]=>
  string(10) "udp_socket"
  ["mode"]=>
  string(2) "r+"
  ["unread_bytes"]=>
  int(0)
  ["seekable"]=>
  bool(false)
}
string(10) "udp_socket"
string(10) "udp_socket"
int(-1)
bool(true)
bool(false)
string(0) ""
bool(true)

Warning: stream_socket_enable_crypto(): This stream does not support SSL/crypto in %s on line %d
bool(false)
bool(false)
bool(true)
