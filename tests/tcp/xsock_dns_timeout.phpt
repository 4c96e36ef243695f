--TEST--
xsock: the connect timeout bounds a DNS lookup against a resolver that never answers
--SKIPIF--
<?php
if (!extension_loaded('xsock')) die('skip xsock only');
exec('timeout 5 unshare -m -n true 2>&1', $o, $rc);
if ($rc !== 0) die('skip needs unshare -m -n (root)');
?>
--FILE--
<?php
require __DIR__ . '/../inc/worker.inc';
/* A fresh network namespace (loopback only) with a silent UDP socket on
 * 127.0.0.1:53 and a private resolv.conf bind-mounted over the host's. */
$dir = sys_get_temp_dir() . '/xsock_dns_' . getmypid();
@mkdir($dir);
file_put_contents("$dir/resolv.conf", "nameserver 127.0.0.1\n");
file_put_contents("$dir/t.php", '<?php
$t = microtime(true);
$r = @fsockopen("tcp://some.name.test", 80, $e, $s, 1.0);
$took = microtime(true) - $t;
$x = xsock_last_error();
printf("%s|%d|%s|%.2f|%s\n", var_export($r, true), $e, $s, $took, $x["phase"] . " " . $x["timeout_ms"] . " ms of " . $x["budget"]);
');
/* The test's own PHP command (under scripts/asan.sh its sanitizer wrapper), with xsock. */
$php = xsock_test_php();
file_put_contents("$dir/run.sh", "ip link set lo up\n"
	. "python3 -c 'import socket,time;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind((\"127.0.0.1\",53));print(\"up\",flush=True);time.sleep(20)' > $dir/py.out & PY=\$!\n"
	. "for i in 1 2 3 4 5 6 7 8 9 10; do grep -q up $dir/py.out 2>/dev/null && break; sleep 0.5; done\n"
	. "mount --bind $dir/resolv.conf /etc/resolv.conf\n"
	. "$php $dir/t.php\n"
	. "kill \$PY\n");
$out = shell_exec("timeout 30 unshare -m -n sh $dir/run.sh 2>&1");
[$r, $e, $s, $took, $last] = explode('|', trim($out)) + [null, null, null, 99, null];
var_dump($r, (int) $e, $s, $last);
var_dump($took >= 0.9 && $took < 2.5 ? "bounded" : "took $took: $out");
?>
--CLEAN--
<?php
foreach (glob(sys_get_temp_dir() . '/xsock_dns_*/*') as $f) { @unlink($f); }
foreach (glob(sys_get_temp_dir() . '/xsock_dns_*') as $d) { @rmdir($d); }
?>
--EXPECT--
string(5) "false"
int(0)
string(184) "php_network_getaddresses: getaddrinfo for some.name.test failed: Temporary failure in name resolution (DNS lookup of some.name.test did not finish within the connect timeout (1.000 s))"
string(30) "dns 1000 ms of connect timeout"
string(7) "bounded"
