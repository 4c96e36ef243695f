/*
 * tcp.c - the stream transport behind tcp://, ssl://, tls:// and
 * tlsv1.x://: a plain socket (netops.c) with TLS (tls.h) layered on top
 * whenever crypto is on.
 */
#include "netops.h"
#include "xsock_error.h"
#include "sock.h"
#include "scheme.h"
#include "tls.h"
#include "transports.h"

/*
 * Direct reads.  On PHP's transports every byte is copied twice on its way
 * to the script: socket -> the stream's read buffer -> the string fread()
 * returns.  The second copy is not cheap: both buffers are page-aligned
 * blocks and a zend_string's text starts 24 bytes in, a distance at which
 * `rep movsb` runs 20x slower on some AMD CPUs (bench/RESULTS.md).  tcp
 * streams therefore carry PHP_STREAM_FLAG_NO_BUFFER (xsock_net_stream_init),
 * and _php_stream_read() hands a read the caller's own buffer, after
 * serving what PHP's buffer already holds.
 *
 * A small read would then cost a system call each, so below
 * DIRECT_READ_MIN bytes it goes through PHP's buffer as before: fill it
 * with one chunk, serve from it.  fgets(), stream_get_line(), feof(),
 * stream_select() and unread_bytes keep seeing PHP's buffer exactly as on
 * PHP's transports.  A script that asked for no buffer
 * (stream_set_read_buffer($s, 0), chunk size 1) gets none, as with PHP.
 */
#define DIRECT_READ_MIN 8192

static ssize_t raw_read(php_stream *stream, char *buf, size_t count)
{
	if (xsock_tls_active(XSOCK_DATA(stream))) {
		return xsock_tls_read(stream, buf, count);
	}
	return xsock_net_read(stream, buf, count);
}

/* PHP's own buffered read, for a small read in direct mode. */
static ssize_t buffered_read(php_stream *stream, char *buf, size_t count)
{
	size_t n;

	if (php_stream_fill_read_buffer(stream, count) != SUCCESS) {
		return -1;
	}
	n = MIN(count, (size_t) (stream->writepos - stream->readpos));
	if (n > 0) {
		memcpy(buf, stream->readbuf + stream->readpos, n);
		stream->readpos += (zend_off_t) n;
	}
	return (ssize_t) n;
}

static ssize_t tcp_read(php_stream *stream, char *buf, size_t count)
{
	/* A call from php_stream_fill_read_buffer() targets the buffer itself. */
	bool filling = buf == (char *) stream->readbuf + stream->writepos || stream->readfilters.head != NULL;

	if (count < DIRECT_READ_MIN && !filling && !XSOCK_DATA(stream)->read_unbuffered && stream->chunk_size > 1) {
		return buffered_read(stream, buf, count);
	}
	return raw_read(stream, buf, count);
}

/* stream_set_read_buffer(): PHP_STREAM_BUFFER_NONE is the script's wish for no buffer. */
static int set_read_buffer(php_stream *stream, int value)
{
	XSOCK_DATA(stream)->read_unbuffered = value == PHP_STREAM_BUFFER_NONE;
	stream->flags |= PHP_STREAM_FLAG_NO_BUFFER;
	return PHP_STREAM_OPTION_RETURN_OK;
}

static ssize_t tcp_write(php_stream *stream, const char *buf, size_t count)
{
	if (xsock_tls_active(XSOCK_DATA(stream))) {
		return xsock_tls_write(stream, buf, count);
	}
	return xsock_net_write(stream, buf, count);
}

static int tcp_close(php_stream *stream, int close_handle)
{
	xsock_stream *xs = XSOCK_DATA(stream);

	if (xs->tls != NULL) {
		xsock_tls_free(stream);
	}
	if (close_handle) {
		xsock_net_close_socket(xs);
	}
	xsock_net_free(stream, xs);
	return 0;
}

/*
 * While TLS is on, only select() may see the fd (PHP refuses the others:
 * the bytes on the wire are ciphertext).  Records OpenSSL has decrypted but
 * PHP has not read would leave select() blind, so they move into PHP's read
 * buffer first, where stream_select() looks before it polls.
 */
static int tcp_cast(php_stream *stream, int castas, void **ret)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	size_t pending;

	if (!xsock_tls_active(xs)) {
		return xsock_net_cast(stream, castas, ret);
	}
	if (!XSOCK_CAST_FOR_POLLING(castas)) {
		return FAILURE;
	}
	if (ret) {
		pending = xsock_tls_pending(xs);
		if (pending > 0 && stream->writepos == stream->readpos) {
			php_stream_fill_read_buffer(stream, MIN(pending, stream->chunk_size));
		}
		*(php_socket_t *) ret = xs->net.socket;
	}
	return SUCCESS;
}

/*
 * For xsock_last_error(): a TLS start that failed, on `stream`'s record
 * and with `global` the request's (connects and accepts); the verify phase
 * when verification noted it.
 */
static void tls_record(php_stream *stream, xsock_stream *xs, bool global)
{
	xsock_err_note_str("hint", xsock_tls_error_hint(xs));
	xsock_err_commit(stream, "tls_handshake", 0, "Failed to enable crypto", global);
}

/*
 * A failed TLS start: PHP's warning, then the errstr.  That is `lead`, the
 * text PHP itself puts there (NULL: none), followed by the diagnosis when
 * there is one; with neither, `fallback`, else the failure in one line
 * (PHP leaves $errstr empty with $errno 0: xsock never leaves both empty).
 */
static void tls_failed(php_stream *stream, php_stream_xport_param *xp, xsock_stream *xs, const char *lead,
	const char *fallback)
{
	const char *hint = xsock_tls_error_hint(xs);
	const char *text = lead != NULL ? lead : (hint != NULL ? hint : fallback);

	XSOCK_WARN(stream, ProtocolError, "Failed to enable crypto");
	if (xp->outputs.textaddr != NULL) {
		xsock_err_note_str("address", ZSTR_VAL(xp->outputs.textaddr));	/* accept: the client's */
	}
	tls_record(stream, xs, true);
	if (text == NULL) {
		text = xsock_err_summary(stream);
	}
	if (!xp->want_errortext || xp->outputs.error_text != NULL || text == NULL) {
		return;
	}
	xp->outputs.error_text = lead != NULL && hint != NULL
		? zend_strpprintf(0, "%s; %s", lead, hint)
		: zend_string_init(text, strlen(text), 0);
}

/* An async connect still in flight must finish before the handshake can. */
static bool connect_finished(xsock_stream *xs)
{
	int err = 0;
	socklen_t len = sizeof(err);

	if (xsock_sock_wait(xs->net.socket, POLLOUT, xsock_tv_to_ms(&xs->connect_timeout)) != XSOCK_OK) {
		return false;
	}
	return getsockopt(xs->net.socket, SOL_SOCKET, SO_ERROR, (char *) &err, &len) == 0 && err == 0;
}

static int tcp_connect(php_stream *stream, php_stream_xport_param *xp)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	int rc = xsock_net_connect(stream, xp);

	if (!xs->enable_on_connect || rc < 0) {
		return rc;
	}
	/* PHP hands ssl:// async connects a synchronous handshake (xp_ssl.c:2625). */
	if ((rc == 1 && !connect_finished(xs))
			|| xsock_tls_setup(stream, xs->method, NULL) < 0
			|| xsock_tls_enable(stream, true) < 0) {
		xsock_err_note_str("target", xp->inputs.name);
		tls_failed(stream, xp, xs, NULL, NULL);
		return -1;
	}
	return 0;
}

static int tls_accept(php_stream *stream, php_stream_xport_param *xp)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	bool want_textaddr = xp->want_textaddr;
	php_stream *child;
	int rc;

	/* A TLS accept costs a handshake; naming the client in a failure's record costs a format. */
	xp->want_textaddr |= xs->enable_on_connect;
	rc = xsock_net_accept(stream, xp);
	xp->want_textaddr = want_textaddr;
	if (rc != 0 || !xs->enable_on_connect) {
		return rc;
	}
	child = xp->outputs.client;
	if (xsock_tls_accept(stream, child) == 0) {
		return 0;
	}
	/*
	 * PHP 8.3.26+ and 8.4.13+ say "Cannot enable crypto" (GH-19245); older
	 * releases report the stale strerror(0), "Success", and xsock says what
	 * failed instead.
	 */
	tls_failed(stream, xp, XSOCK_DATA(child), XSOCK_PHP_ACCEPT_TLS_TEXT, "TLS handshake failed");
	php_stream_close(child);
	xp->outputs.client = NULL;
	return -1;
}

static int tcp_accept(php_stream *stream, php_stream_xport_param *xp)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	int rc = tls_accept(stream, xp);

	/* The client's address was only for a failure's record. */
	if (xs->enable_on_connect && !xp->want_textaddr && xp->outputs.textaddr != NULL) {
		zend_string_release(xp->outputs.textaddr);
		xp->outputs.textaddr = NULL;
	}
	return rc;
}

static int tcp_crypto(php_stream *stream, php_stream_xport_crypto_param *cp)
{
#ifdef XSOCK_PHP_HAS_CRYPTO_STATUS
	/*
	 * PHP 8.6's stream_socket_get_crypto_status().  Not confirmed from
	 * php-src: that the answer goes to outputs.returncode (the DTLS branch
	 * answers its GET_STATUS that way).
	 */
	if (cp->op == STREAM_XPORT_CRYPTO_OP_GET_STATUS) {
		cp->outputs.returncode = xsock_tls_status(XSOCK_DATA(stream));
		return PHP_STREAM_OPTION_RETURN_OK;
	}
#endif
	if (cp->op == STREAM_XPORT_CRYPTO_OP_SETUP) {
		cp->outputs.returncode = xsock_tls_setup(stream, cp->inputs.method, cp->inputs.session);
	} else {
		cp->outputs.returncode = xsock_tls_enable(stream, cp->inputs.activate != 0);
	}
	/* stream_socket_enable_crypto(): the stream's record (crypto off records its own). */
	if (cp->outputs.returncode < 0 && (cp->op == STREAM_XPORT_CRYPTO_OP_SETUP || cp->inputs.activate)) {
		tls_record(stream, XSOCK_DATA(stream), false);
	}
	return PHP_STREAM_OPTION_RETURN_OK;
}

static int tcp_xport(php_stream *stream, php_stream_xport_param *xp)
{
	switch (xp->op) {
		case STREAM_XPORT_OP_CONNECT:
		case STREAM_XPORT_OP_CONNECT_ASYNC:
			xp->outputs.returncode = tcp_connect(stream, xp);
			return PHP_STREAM_OPTION_RETURN_OK;
		case STREAM_XPORT_OP_ACCEPT:
			xp->outputs.returncode = tcp_accept(stream, xp);
			return PHP_STREAM_OPTION_RETURN_OK;
		case STREAM_XPORT_OP_SEND:
		case STREAM_XPORT_OP_SHUTDOWN:
			/* After the tickets TLS held back, as with PHP, which sent them at once. */
			xsock_tls_release(XSOCK_DATA(stream));
			ZEND_FALLTHROUGH;
		default:
			return xsock_net_set_option(stream, PHP_STREAM_OPTION_XPORT_API, 0, xp);
	}
}

static int tcp_set_option(php_stream *stream, int option, int value, void *ptrparam)
{
	xsock_stream *xs = XSOCK_DATA(stream);

	switch (option) {
		case PHP_STREAM_OPTION_META_DATA_API:
			if (xsock_tls_active(xs)) {
				xsock_tls_meta(stream, (zval *) ptrparam);
			}
			xsock_net_meta(stream, (zval *) ptrparam);
			return PHP_STREAM_OPTION_RETURN_OK;
		case PHP_STREAM_OPTION_CHECK_LIVENESS:
			return xsock_tls_active(xs) ? xsock_tls_liveness(stream, value) : xsock_net_liveness(stream, value);
		case PHP_STREAM_OPTION_CRYPTO_API:
			return tcp_crypto(stream, (php_stream_xport_crypto_param *) ptrparam);
		case PHP_STREAM_OPTION_XPORT_API:
			return tcp_xport(stream, (php_stream_xport_param *) ptrparam);
		case PHP_STREAM_OPTION_READ_BUFFER:
			return set_read_buffer(stream, value);
		default:
			return xsock_net_set_option(stream, option, value, ptrparam);
	}
}

/* Two tables differing only in the label: PHP's tcp streams say
 * "tcp_socket/ssl" when ext/openssl serves them, "tcp_socket" otherwise. */
const php_stream_ops xsock_tcp_ops = {
	tcp_write, tcp_read, tcp_close, xsock_net_flush, "tcp_socket",
	NULL, tcp_cast, xsock_net_stat, tcp_set_option,
};

const php_stream_ops xsock_tcp_ssl_ops = {
	tcp_write, tcp_read, tcp_close, xsock_net_flush, "tcp_socket/ssl",
	NULL, tcp_cast, xsock_net_stat, tcp_set_option,
};
