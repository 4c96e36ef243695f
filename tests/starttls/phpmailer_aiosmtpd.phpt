--TEST--
Real client: PHPMailer SMTPSecure 'tls' (STARTTLS) and 'ssl' (implicit TLS) against aiosmtpd
--SKIPIF--
<?php
if (!extension_loaded('openssl')) die('skip openssl extension needed');
require __DIR__ . '/../inc/tls.inc';
if (!xsock_phpmailer_autoload()) die('skip libphp-phpmailer not installed');
if ($r = xsock_need_python_module('aiosmtpd')) die($r);
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.inc';
require xsock_phpmailer_autoload();

use PHPMailer\PHPMailer\PHPMailer;

foreach (['starttls' => PHPMailer::ENCRYPTION_STARTTLS, 'smtps' => PHPMailer::ENCRYPTION_SMTPS] as $mode => $secure) {
	echo "-- $mode (SMTPSecure '$secure')\n";
	$py = xsock_aiosmtpd_start($mode);
	$mail = new PHPMailer(true);
	$mail->isSMTP();
	$mail->Host = '127.0.0.1';
	$mail->Port = xsock_port($py['addr']);
	$mail->SMTPSecure = $secure;
	$mail->SMTPAuth = false;
	$mail->Timeout = 5;
	$mail->Hostname = 'client.example';
	$mail->SMTPOptions = ['ssl' => xsock_client_ssl()];
	$mail->setFrom('sender@example.test');
	$mail->addAddress('rcpt@example.test');
	$mail->Subject = "xsock $mode";
	$mail->Body = "hello over $mode";
	try {
		var_dump($mail->send());
	} catch (Exception $e) {
		echo get_class($e), ": ", $e->getMessage(), "\n";
	}
	$mail->smtpClose();
	$out = '';
	$end = microtime(true) + 5;
	while (!str_contains($out, 'py mail:') && microtime(true) < $end) {
		$out .= xsock_proc_read($py, 0.05);
	}
	echo xsock_lines($py['output'], '/^py mail:/');
	xsock_proc_stop($py);
}
echo "-- STARTTLS required: plain MAIL is refused\n";
$py = xsock_aiosmtpd_start('starttls');
$mail = new PHPMailer(true);
$mail->isSMTP();
$mail->Host = '127.0.0.1';
$mail->Port = xsock_port($py['addr']);
$mail->SMTPSecure = '';
$mail->SMTPAutoTLS = false;
$mail->Timeout = 5;
$mail->setFrom('sender@example.test');
$mail->addAddress('rcpt@example.test');
$mail->Body = 'plain';
try {
	$mail->send();
	echo "sent?!\n";
} catch (Exception $e) {
	echo get_class($e), "\n";
}
xsock_proc_stop($py);
?>
--EXPECT--
-- starttls (SMTPSecure 'tls')
bool(true)
py mail: from=sender@example.test to=rcpt@example.test tls=TLSv1.3 Subject: xsock starttls
-- smtps (SMTPSecure 'ssl')
bool(true)
py mail: from=sender@example.test to=rcpt@example.test tls=TLSv1.3 Subject: xsock smtps
-- STARTTLS required: plain MAIL is refused
PHPMailer\PHPMailer\Exception
