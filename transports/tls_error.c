/*
 * tls_error.c - the one place where SSL_get_error(), OpenSSL's error queue,
 * errno and "EOF without close_notify" become a result and, when PHP would
 * print one, a warning with PHP's exact text (xp_ssl.c
 * php_openssl_handle_ssl_error, php-transports-8.2.md §4.3).
 *
 * Callers empty the queue (xsock_tls_err_reset) right before each
 * SSL_read / SSL_write / SSL_do_handshake / SSL_shutdown, so whatever is
 * queued here belongs to the call that just failed.  Both functions leave
 * the queue empty: the queue is per thread and shared with every other
 * OpenSSL user in PHP.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include "zend_smart_str.h"
#include "xsock_error.h"
#include <ctype.h>

/*
 * Append `hint` after PHP's full message: "; hint" for tls_diag's
 * lower-case clauses ("...wrong version number; the server sent a
 * plaintext SMTP greeting ..."), ". Hint" for a sentence of its own.
 */
static void append_hint(smart_str *msg, const char *hint)
{
	size_t len;

	if (hint == NULL || hint[0] == '\0') {
		return;
	}
	len = msg->s ? ZSTR_LEN(msg->s) : 0;
	while (len > 0 && ZSTR_VAL(msg->s)[len - 1] == ' ') {
		len--;
	}
	if (msg->s) {
		ZSTR_LEN(msg->s) = len;
	}
	if (islower((unsigned char) hint[0])) {
		smart_str_appends(msg, "; ");
	} else {
		smart_str_appends(msg, len && ZSTR_VAL(msg->s)[len - 1] == '.' ? " " : ". ");
	}
	smart_str_appends(msg, hint);
}

/* AlertDescription names of RFC 8446 §6 (and RFC 5246 §7.2 for the older ones). */
static const struct { uint8_t code; const char *name; } alert_names[] = {
	{0, "close_notify"}, {10, "unexpected_message"}, {20, "bad_record_mac"}, {21, "decryption_failed"},
	{22, "record_overflow"}, {30, "decompression_failure"}, {40, "handshake_failure"},
	{41, "no_certificate"}, {42, "bad_certificate"}, {43, "unsupported_certificate"},
	{44, "certificate_revoked"}, {45, "certificate_expired"}, {46, "certificate_unknown"},
	{47, "illegal_parameter"}, {48, "unknown_ca"}, {49, "access_denied"}, {50, "decode_error"},
	{51, "decrypt_error"}, {60, "export_restriction"}, {70, "protocol_version"},
	{71, "insufficient_security"}, {80, "internal_error"}, {86, "inappropriate_fallback"},
	{90, "user_canceled"}, {100, "no_renegotiation"}, {109, "missing_extension"},
	{110, "unsupported_extension"}, {111, "certificate_unobtainable"}, {112, "unrecognized_name"},
	{113, "bad_certificate_status_response"}, {114, "bad_certificate_hash_value"},
	{115, "unknown_psk_identity"}, {116, "certificate_required"}, {120, "no_application_protocol"},
};

static const char *alert_name(uint8_t code)
{
	size_t i;

	for (i = 0; i < sizeof(alert_names) / sizeof(alert_names[0]); i++) {
		if (alert_names[i].code == code) {
			return alert_names[i].name;
		}
	}
	return "unknown";
}

/*
 * SSL_CB_ALERT from the info callback (tls.c): remember the first alert
 * that is not close_notify, in the stream's struct only; a failure notes
 * it (alert_note).  `ret` is level << 8 | description.
 */
void xsock_tls_alert_seen(const SSL *ssl, int where, int ret)
{
	php_stream *stream = xsock_tls_stream_of(ssl);
	xsock_tls *tls = stream != NULL ? XSOCK_DATA(stream)->tls : NULL;

	if (tls == NULL || tls->alert_seen || (ret & 0xff) == SSL_AD_CLOSE_NOTIFY) {
		return;
	}
	tls->alert_seen = true;
	tls->alert_sent = (where & SSL_CB_WRITE) != 0;
	tls->alert_desc = (uint8_t) (ret & 0xff);
}

static void alert_note(const xsock_tls *tls)
{
	zval a;

	if (!tls->alert_seen) {
		return;
	}
	array_init(&a);
	add_assoc_string(&a, "name", alert_name(tls->alert_desc));
	add_assoc_string(&a, "direction", tls->alert_sent ? "sent" : "received");
	add_assoc_long(&a, "code", tls->alert_desc);
	xsock_err_note_zval("tls_alert", &a);
}

static void warn(php_stream *stream, xsock_tls *tls, smart_str *msg, const char *hint)
{
	const char *text;

	append_hint(msg, hint);
	smart_str_0(msg);
	text = msg->s ? ZSTR_VAL(msg->s) : "";
	xsock_err_note_str("message", text);
	xsock_err_note_str("end", xsock_tls_end_reason(tls->io.xs));
	alert_note(tls);
	if (!tls->hold) {
		XSOCK_WARN(stream, ProtocolError, "%s", text);
	} else if (tls->later == NULL) {
		tls->later = pestrdup(text, tls->io.xs->persistent);
	}
	smart_str_free(msg);
}

/* The default branch: every queued error, one line each. */
static void warn_queue(php_stream *stream, xsock_tls *tls, int err, const char *hint)
{
	smart_str msg = {0};
	unsigned long code = ERR_get_error();
	char line[512];

	if (ERR_GET_REASON(code) == SSL_R_NO_SHARED_CIPHER) {
		/* Two spaces after "used." as in PHP. */
		smart_str_appends(&msg, "SSL_R_NO_SHARED_CIPHER: no suitable shared cipher could be used.  "
			"This could be because the server is missing an SSL certificate (local_cert context option)");
		ERR_clear_error();
		warn(stream, tls, &msg, hint);
		return;
	}
	smart_str_append_printf(&msg, "SSL operation failed with code %d. ", err);
	if (code != 0) {
		smart_str_appends(&msg, "OpenSSL Error messages:\n");
		do {
			xsock_err_note_openssl(ERR_lib_error_string(code), ERR_reason_error_string(code));
			ERR_error_string_n(code, line, sizeof(line));
			smart_str_appends(&msg, line);
			code = ERR_get_error();
			if (code != 0) {
				smart_str_appendc(&msg, '\n');
			}
		} while (code != 0);
	}
	warn(stream, tls, &msg, hint);
}

/*
 * How the session ended, for xsock_tls_end_reason(); the first end seen
 * wins (a read after a reset still reports the reset).  Crypto off ends
 * TLS too, but then the handle goes and the next setup starts afresh.
 */
static void end_note(xsock_tls *tls, int end)
{
	if (tls != NULL && tls->end == XSOCK_TLS_END_NONE) {
		tls->end = end;
	}
}

/* A socket error is a reset when the peer tore the connection down. */
static int end_of_errno(int e)
{
	return e == ECONNRESET || e == EPIPE || e == ECONNABORTED ? XSOCK_TLS_END_RESET : XSOCK_TLS_END_ERROR;
}

/*
 * The peer's FIN came without close_notify.  OpenSSL reports it as
 * SSL_ERROR_ZERO_RETURN under SSL_OP_IGNORE_UNEXPECTED_EOF (PHP's choice,
 * tls_config.c) and the BIO saw recv() return 0; an attacker who can
 * inject a FIN truncates the data undetected (RFC 8446 §6.1), so
 * ssl.require_close_notify turns it into a failed read, warned once.
 */
static int eof_without_notify(php_stream *stream, xsock_tls *tls)
{
	smart_str msg = {0};

	end_note(tls, XSOCK_TLS_END_EOF);
	SSL_set_shutdown(tls->ssl, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
	stream->eof = 1;
	if (!tls->require_close_notify || !tls->active || tls->truncation_warned) {
		return XSOCK_OK;
	}
	tls->truncation_warned = true;
	smart_str_appends(&msg, "SSL: the peer closed the connection without close_notify (truncation?); "
		"ssl.require_close_notify is set");
	warn(stream, tls, &msg, NULL);
	return XSOCK_ERR;
}

/* SSL_ERROR_SYSCALL with an empty queue: EOF (quiet) or a socket error. */
static int syscall_error(php_stream *stream, xsock_tls *tls, int ret, const char *hint)
{
	smart_str msg = {0};
	int e;
	char *text;

	if (ret == 0) {
		/* PHP: peer hung up without close_notify; treat as closed, no warning. */
		return eof_without_notify(stream, tls);
	}
	e = tls->io.last_errno ? tls->io.last_errno : errno;
	end_note(tls, end_of_errno(e));
	xsock_err_note_long("errno", e);
	text = php_socket_strerror(e, NULL, 0);
	smart_str_appends(&msg, "SSL: ");
	smart_str_appends(&msg, text);
	efree(text);
	warn(stream, tls, &msg, hint);
	return XSOCK_ERR;
}

/*
 * Translate the result `ret` of a failed SSL call on stream's TLS handle.
 * XSOCK_WANT_READ / XSOCK_WANT_WRITE: retry when the socket is ready.
 * XSOCK_OK: the peer closed the TLS session (close_notify, or EOF that
 * PHP treats as one); no warning.  XSOCK_ERR: a warning was raised.
 * `hint` (may be NULL) is appended to the warning as its own sentence.
 */
int xsock_tls_ssl_error(php_stream *stream, int ret, const char *hint)
{
	xsock_tls *tls = XSOCK_DATA(stream)->tls;
	int err = SSL_get_error(tls->ssl, ret);

	switch (err) {
		case SSL_ERROR_WANT_READ:
			return XSOCK_WANT_READ;
		case SSL_ERROR_WANT_WRITE:
			return XSOCK_WANT_WRITE;
		case SSL_ERROR_ZERO_RETURN:
			xsock_tls_err_reset();
			if (tls->io.eof) {
				return eof_without_notify(stream, tls);
			}
			end_note(tls, XSOCK_TLS_END_NOTIFY);
			return XSOCK_OK;
		case SSL_ERROR_SYSCALL:
			if (ERR_peek_error() == 0) {
				return syscall_error(stream, tls, ret, hint);
			}
			break;
		default:
			break;
	}
	end_note(tls, XSOCK_TLS_END_ERROR);
	warn_queue(stream, tls, err, hint);
	return XSOCK_ERR;
}

/*
 * The same, but a warning is kept for xsock_tls_warn_later() instead of
 * raised: a write that fails after some bytes went out returns those
 * bytes silently, and PHP's write loop calls again at once, which is
 * where PHP's own transport warns (its SSL_write() sends one record per
 * call and only the next call meets the error).  Raising it at once would
 * make that next call warn a second time, about the broken pipe.
 */
int xsock_tls_ssl_error_later(php_stream *stream, int ret)
{
	xsock_tls *tls = XSOCK_DATA(stream)->tls;
	int rc;

	tls->hold = true;
	rc = xsock_tls_ssl_error(stream, ret, NULL);
	tls->hold = false;
	return rc;
}

/* Raise the warning kept by xsock_tls_ssl_error_later(); false when there is none. */
bool xsock_tls_warn_later(php_stream *stream)
{
	xsock_tls *tls = XSOCK_DATA(stream)->tls;

	if (tls->later == NULL) {
		return false;
	}
	XSOCK_WARN(stream, WriteFailed, "%s", tls->later);
	xsock_tls_later_free(tls);
	return true;
}

void xsock_tls_later_free(xsock_tls *tls)
{
	if (tls->later != NULL) {
		pefree(tls->later, tls->io.xs->persistent);
		tls->later = NULL;
	}
}

/*
 * The same classification without warnings, for paths PHP keeps quiet on
 * (close, liveness, crypto off).  SYSCALL with EAGAIN counts as WANT_READ.
 */
int xsock_tls_ssl_error_quiet(SSL *ssl, int ret, xsock_tls_io *io)
{
	xsock_tls *tls = io != NULL ? io->xs->tls : NULL;
	int err = SSL_get_error(ssl, ret);
	int rv;

	switch (err) {
		case SSL_ERROR_WANT_READ:
			rv = XSOCK_WANT_READ;
			break;
		case SSL_ERROR_WANT_WRITE:
			rv = XSOCK_WANT_WRITE;
			break;
		case SSL_ERROR_ZERO_RETURN:
			end_note(tls, io != NULL && io->eof ? XSOCK_TLS_END_EOF : XSOCK_TLS_END_NOTIFY);
			rv = XSOCK_OK;
			break;
		case SSL_ERROR_SYSCALL:
			if (ERR_peek_error() == 0 && io != NULL && XSOCK_EWOULDBLOCK(io->last_errno)) {
				rv = XSOCK_WANT_READ;
			} else if (ERR_peek_error() == 0 && ret == 0) {
				end_note(tls, XSOCK_TLS_END_EOF);
				rv = XSOCK_OK;
			} else {
				end_note(tls, io != NULL && ERR_peek_error() == 0 ? end_of_errno(io->last_errno) : XSOCK_TLS_END_ERROR);
				rv = XSOCK_ERR;
			}
			break;
		default:
			end_note(tls, XSOCK_TLS_END_ERROR);
			rv = XSOCK_ERR;
			break;
	}
	xsock_tls_err_reset();
	return rv;
}

/* Per setup: a new session has not ended; ssl.require_close_notify (default false, PHP's behaviour). */
void xsock_tls_end_setup(php_stream *stream, xsock_tls *tls)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);
	zval *val = context ? php_stream_context_get_option(context, "ssl", "require_close_notify") : NULL;

	tls->end = XSOCK_TLS_END_NONE;
	tls->truncation_warned = false;
	tls->require_close_notify = val != NULL && zend_is_true(val);
}

const char *xsock_tls_end_reason(const xsock_stream *xs)
{
	static const char *const names[] = {
		NULL, "close_notify", "eof_without_close_notify", "reset", "error",
	};

	if (xs->tls == NULL || xs->tls->ssl == NULL) {
		return NULL;
	}
	return names[xs->tls->end];
}
