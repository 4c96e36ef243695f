--TEST--
tcp: stream_select read/write readiness, pending accept, data held in PHP's read buffer
--FILE--
<?php
require __DIR__ . '/../inc/compat.inc';

[$srv, $cli, $acc, $addr] = compat_tcp_pair();
$e = null;

/* Nothing to read yet; an idle connected socket is writable. */
$r = [$acc];
$w = [$cli];
var_dump(stream_select($r, $w, $e, 0), $r, $w === [$cli]);

/* Keys are kept. */
fwrite($cli, "line1\nline2\n");
$r = ['k' => $acc, 'other' => $cli];
$w = null;
var_dump(stream_select($r, $w, $e, 2), array_keys($r));

/* fgets pulls both lines into the buffer; the second is still "readable". */
var_dump(fgets($acc));
var_dump(stream_get_meta_data($acc)['unread_bytes']);
$r = [$acc];
$t = microtime(true);
var_dump(stream_select($r, $w, $e, 2));
var_dump(microtime(true) - $t < 1.0);
var_dump(fgets($acc));
$r = [$acc];
var_dump(stream_select($r, $w, $e, 0, 100000));

/* A listening socket is readable while a connection is pending. */
$r = [$srv];
var_dump(stream_select($r, $w, $e, 0));
$c2 = stream_socket_client("tcp://$addr");
$r = [$srv];
var_dump(stream_select($r, $w, $e, 2));
$a2 = stream_socket_accept($srv, 0);
var_dump(is_resource($a2));

/* The peer closing makes the socket readable (EOF). */
fclose($c2);
$r = [$a2];
var_dump(stream_select($r, $w, $e, 2));
var_dump(fread($a2, 10), feof($a2));

/* Timeout with nothing ready. */
$r = [$acc];
$t = microtime(true);
var_dump(stream_select($r, $w, $e, 0, 200000), $r);
$el = microtime(true) - $t;
var_dump($el > 0.15 && $el < 1.5 ? 'bounded' : "took $el");
?>
--EXPECT--
int(1)
array(0) {
}
bool(true)
int(1)
array(1) {
  [0]=>
  string(1) "k"
}
string(6) "line1
"
int(6)
int(1)
bool(true)
string(6) "line2
"
int(0)
int(0)
int(1)
bool(true)
int(1)
string(0) ""
bool(true)
int(0)
array(0) {
}
string(7) "bounded"
