/*
 * tls_early.c - TLS 1.3 early data (0-RTT; RFC 8446 §2.3, §4.2.10) with
 * PHP 8.6's options (php-src PR #22802): client `early_data` (a string
 * sent with the ClientHello of a resumed session), server
 * `max_early_data` (bytes accepted; 0 = none) and `early_data_cb`
 * (callable(resource $stream, string $data), called once with what
 * arrived before the handshake finished).
 *
 * Replay: 0-RTT data can be replayed by an attacker (RFC 8446 §8).
 * OpenSSL's server defence (single-use tickets through its session cache,
 * SSL_OP_NO_ANTI_REPLAY left off) holds per SSL_CTX, i.e. per process;
 * a server behind several processes or machines sees replays.  Only
 * idempotent requests belong in early_data (README).
 *
 * Where 8.6's behaviour could not be read, xsock chooses: early data the
 * server rejected is sent again as ordinary data once the handshake is
 * done, and so is early data that could not go as 0-RTT (no session, or
 * one without 0-RTT): nothing is lost; without an early_data_cb, accepted early data is
 * the first thing fread() returns.  crypto.early_data (8.6 meta data only)
 * is "accepted", "rejected" or "not_sent", and absent when the resumed
 * session did not allow 0-RTT (tls_early_data_unsupported.phpt).
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include "zend_smart_str.h"

/* Early data read per SSL_read_early_data() call. */
#define EARLY_CHUNK		16384

/* setup, client: the early_data option. */
int xsock_tls_early_read(php_stream *stream, xsock_tls_cbs *cbs)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);
	zval *val = context ? php_stream_context_get_option(context, "ssl", "early_data") : NULL;

	if (val == NULL || !XSOCK_DATA(stream)->is_client) {
		return XSOCK_OK;
	}
	if (Z_TYPE_P(val) != IS_STRING) {
		zend_type_error("early_data must be of type string, %s given", zend_zval_type_name(val));
		return XSOCK_ERR;
	}
	if (Z_STRLEN_P(val) > 0) {
		cbs->early_data = zend_string_init(Z_STRVAL_P(val), Z_STRLEN_P(val), XSOCK_DATA(stream)->persistent);
	}
	return XSOCK_OK;
}

void xsock_tls_early_ctx(SSL_CTX *ctx, const xsock_tls_opts *o)
{
	if (!o->is_client && o->max_early_data > 0) {
		SSL_CTX_set_max_early_data(ctx, (uint32_t) MIN(o->max_early_data, UINT32_MAX));
		SSL_CTX_set_recv_max_early_data(ctx, (uint32_t) MIN(o->max_early_data, UINT32_MAX));
	}
}

/* XSOCK_OK, or the direction to wait in; XSOCK_ERR after a warning. */
static int early_error(php_stream *stream, xsock_tls *tls)
{
	int err = SSL_get_error(tls->ssl, 0);

	if (err == SSL_ERROR_WANT_READ) {
		return XSOCK_WANT_READ;
	}
	if (err == SSL_ERROR_WANT_WRITE) {
		return XSOCK_WANT_WRITE;
	}
	xsock_tls_ssl_error(stream, -1, NULL);
	return XSOCK_ERR;
}

/* Client: write early_data with the ClientHello when the offered session allows 0-RTT. */
static int client_step(php_stream *stream, xsock_tls *tls)
{
	xsock_tls_cbs *cbs = tls->cbs;
	SSL_SESSION *sess = SSL_get_session(tls->ssl);
	size_t written;

	if (cbs->early_data == NULL || !tls->session_offered || sess == NULL
			|| SSL_SESSION_get_max_early_data(sess) == 0) {
		/* No session: nothing could be sent; a session without 0-RTT: no status at all. */
		cbs->early_status = (cbs->early_data != NULL && !tls->session_offered) ? SSL_EARLY_DATA_NOT_SENT : -1;
		cbs->early_done = true;
		return XSOCK_OK;
	}
	while (cbs->early_sent < ZSTR_LEN(cbs->early_data)) {
		xsock_tls_err_reset();
		if (SSL_write_early_data(tls->ssl, ZSTR_VAL(cbs->early_data) + cbs->early_sent,
				ZSTR_LEN(cbs->early_data) - cbs->early_sent, &written) != 1) {
			return early_error(stream, tls);
		}
		cbs->early_sent += written;
	}
	cbs->early_done = true;
	return XSOCK_OK;
}

/* What the client sent as 0-RTT: to early_data_cb, else to PHP's read buffer. */
static void server_deliver(php_stream *stream, xsock_tls *tls, smart_str *data)
{
	zval args[2], ret;

	if (data->s == NULL) {
		return;
	}
	if (tls->cbs == NULL || Z_TYPE(tls->cbs->early_cb) == IS_UNDEF) {
		xsock_tls_readbuf_append(stream, ZSTR_VAL(data->s), ZSTR_LEN(data->s));
		smart_str_free(data);
		return;
	}
	ZVAL_STR(&args[1], smart_str_extract(data));
	ZVAL_UNDEF(&ret);
	xsock_tls_call(stream, &tls->cbs->early_cb, &ret, 2, args);
	zval_ptr_dtor(&ret);
	zval_ptr_dtor(&args[1]);
}

/* Server: read the early data of the ClientHello's flight, up to max_early_data. */
static int server_step(php_stream *stream, xsock_tls *tls, uint64_t deadline)
{
	char buf[EARLY_CHUNK];
	smart_str data = {0};
	size_t got;
	int rc;

	for (;;) {
		xsock_tls_err_reset();
		rc = SSL_read_early_data(tls->ssl, buf, sizeof(buf), &got);
		if (rc == SSL_READ_EARLY_DATA_SUCCESS) {
			smart_str_appendl(&data, buf, got);
			continue;
		}
		if (rc == SSL_READ_EARLY_DATA_FINISH) {
			server_deliver(stream, tls, &data);
			return XSOCK_OK;
		}
		rc = early_error(stream, tls);
		if (rc == XSOCK_ERR) {
			break;
		}
		if (!XSOCK_DATA(stream)->net.is_blocked) {
			/* Non-blocking: hand over what arrived; the next call reads on. */
			server_deliver(stream, tls, &data);
			return rc;
		}
		if (xsock_sock_wait(XSOCK_DATA(stream)->net.socket, rc == XSOCK_WANT_WRITE ? POLLOUT : POLLIN,
				xsock_ms_left(deadline)) == XSOCK_TIMEOUT) {
			php_error_docref(NULL, E_WARNING, "SSL: Handshake timed out");
			rc = XSOCK_ERR;
			break;
		}
	}
	smart_str_free(&data);
	return rc;
}

/*
 * handshake, before SSL_do_handshake: the 0-RTT step, once.  1 go on with
 * the handshake, 0 would block (non-blocking client), -1 failed.
 */
int xsock_tls_early_step(php_stream *stream, xsock_tls *tls, uint64_t deadline)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	int rc;

	if (xs->is_client) {
		if (tls->cbs == NULL || tls->cbs->early_done) {
			return 1;
		}
		rc = client_step(stream, tls);
		while ((rc == XSOCK_WANT_READ || rc == XSOCK_WANT_WRITE) && xs->net.is_blocked) {
			if (xsock_sock_wait(xs->net.socket, rc == XSOCK_WANT_WRITE ? POLLOUT : POLLIN,
					xsock_ms_left(deadline)) == XSOCK_TIMEOUT) {
				php_error_docref(NULL, E_WARNING, "SSL: Handshake timed out");
				return -1;
			}
			rc = client_step(stream, tls);
		}
	} else {
		if (SSL_get_max_early_data(tls->ssl) == 0) {
			return 1;
		}
		if (tls->cbs == NULL) {
			tls->cbs = pecalloc(1, sizeof(*tls->cbs), xs->persistent);
			tls->cbs->early_status = -1;
		}
		if (tls->cbs->early_done) {
			return 1;
		}
		rc = server_step(stream, tls, deadline);
		tls->cbs->early_done = rc == XSOCK_OK;
	}
	return rc == XSOCK_OK ? 1 : (rc == XSOCK_ERR ? -1 : 0);
}

/* After the handshake: the status for meta data; rejected early data goes out again. */
void xsock_tls_early_finish(php_stream *stream, xsock_tls *tls)
{
	xsock_tls_cbs *cbs = tls->cbs;
	bool server_0rtt = !XSOCK_DATA(stream)->is_client && SSL_get_max_early_data(tls->ssl) > 0;

	if (server_0rtt && cbs != NULL) {
		cbs->early_status = SSL_get_early_data_status(tls->ssl);
		return;
	}
	if (cbs == NULL || cbs->early_data == NULL) {
		return;
	}
	if (cbs->early_sent > 0) {
		cbs->early_status = SSL_get_early_data_status(tls->ssl);
	}
	if (cbs->early_status != SSL_EARLY_DATA_ACCEPTED
			&& xsock_tls_write(stream, ZSTR_VAL(cbs->early_data), ZSTR_LEN(cbs->early_data))
				!= (ssize_t) ZSTR_LEN(cbs->early_data)) {
		php_error_docref(NULL, E_WARNING, "early_data was not accepted by the server and could not be sent after the handshake");
	}
}

/* stream_get_meta_data()['crypto']['early_data'] (8.6). */
void xsock_tls_early_meta(xsock_tls *tls, zval *crypto)
{
	static const char *names[] = {"not_sent", "rejected", "accepted"};
	int status = tls->cbs != NULL ? tls->cbs->early_status : -1;

	/* SSL_EARLY_DATA_NOT_SENT 0, _REJECTED 1, _ACCEPTED 2 (ssl.h). */
	if (status >= 0 && status <= 2) {
		add_assoc_string(crypto, "early_data", (char *) names[status]);
	}
}
