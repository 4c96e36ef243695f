--TEST--
tcp: memory per connection after a 70 KB burst and one fgets() is PHP's (within 10%, measured against a worker on PHP's own transports)
--SKIPIF--
<?php
/* ASan and valgrind runs send emalloc to malloc: memory_get_usage() no longer counts it. */
if (getenv('USE_ZEND_ALLOC') === '0') die('skip needs Zend\'s allocator (USE_ZEND_ALLOC=0)');
?>
--FILE--
<?php
/*
 * fgets() fills PHP's read buffer with one chunk, and the buffer keeps that
 * size while the stream lives: the chunk size new streams start with is
 * memory per connection.  Each worker holds 100 such clients and reports
 * what memory_get_usage() grew by; the one on PHP's transports sets the
 * mark.  In --builtin mode both are PHP's.
 */
require __DIR__ . '/../inc/worker.inc';

const CONNS = 100;

$code = <<<'PHP'
	[$srv, $addr] = xsock_listen();
	$burst = "first line\n" . str_repeat('x', 70000);
	$held = [];
	$line = '';
	/* One round first, so what is allocated once per process is not counted. */
	for ($i = -1; $i < CONNS; $i++) {
		if ($i === 0) {
			$before = memory_get_usage();
		}
		$c = stream_socket_client("tcp://$addr", $errno, $errstr, 5);
		$a = stream_socket_accept($srv, 5);
		fwrite($a, $burst);
		fclose($a);
		$line = fgets($c);
		if ($line !== "first line\n") {
			throw new RuntimeException('fgets: ' . var_export($line, true));
		}
		$held[] = $c;
	}
	$per = (memory_get_usage() - $before) / CONNS;
	xsock_worker_ready((string) $per);
	PHP;
$code = 'const CONNS = ' . CONNS . ";\n" . $code;

$per = [];
foreach (['php' => false, 'this' => true] as $mode => $xsock) {
	$w = xsock_worker_start($code, 30.0, $xsock);
	$per[$mode] = (float) $w['addr'];
	xsock_proc_stop($w);
}
/* The measurement sees the buffer: PHP's holds at least one 8 KiB chunk. */
var_dump($per['php'] >= 8192);
$ok = abs($per['this'] - $per['php']) <= 0.10 * $per['php'];
echo 'within 10% of PHP: ', $ok ? 'yes' : sprintf('no: %.0f bytes, PHP %.0f', $per['this'], $per['php']), "\n";
?>
--EXPECT--
bool(true)
within 10% of PHP: yes
