--TEST--
core: without xsock, sslv2:// is not a registered transport (builtin behaviour)
--SKIPIF--
<?php if (extension_loaded('xsock')) die('skip builtin behaviour: xsock registers sslv2'); ?>
--FILE--
<?php
var_dump(in_array('sslv2', stream_get_transports(), true));
/* $errno is left uninitialised by PHP 8.2 for an unknown transport. */
var_dump(stream_socket_client('sslv2://127.0.0.1:1', $errno, $errstr, 1), $errno, $errstr);
?>
--EXPECTF--
bool(false)

Warning: stream_socket_client(): Unable to connect to sslv2://127.0.0.1:1 (Unable to find the socket transport "sslv2" - did you forget to enable it when you configured PHP?) in %s on line %d
bool(false)
int(%i)
string(98) "Unable to find the socket transport "sslv2" - did you forget to enable it when you configured PHP?"
