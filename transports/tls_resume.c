/*
 * tls_resume.c - PHP 8.6's TLS session resumption API for scripts
 * (RFC tls_session_resumption_api, php-src PR #20296): the ssl context
 * options session_data, session_new_cb, session_get_cb, session_remove_cb,
 * session_id_context, session_cache (server), session_cache_size and
 * session_timeout, on every PHP version xsock supports.
 *
 * Where the options live: those that shape the server's SSL_CTX (session
 * id context, cache mode, size, timeout, whether there is a get or remove
 * callback) are read with the other context options (tls_config.c) and
 * are part of its cache key; the callables themselves are read per stream
 * at setup and called through the stream that OpenSSL is working on, so
 * two servers with equal options but different callbacks share one
 * SSL_CTX and each still gets its own calls.  The remove callback has no
 * SSL handle (OpenSSL passes the SSL_CTX only): it goes to the stream
 * whose handshake is running, which is where OpenSSL drops sessions.
 *
 * num_tickets (tls_config.c): a TLS 1.3 server calls session_new_cb once
 * per ticket it sends, and the client's callback runs once per ticket
 * received, so both counts follow it (OpenSSL's default of two, as PHP);
 * with session_get_cb, tickets are stateful (SSL_OP_NO_TICKET)
 * but TLS 1.3 still sends num_tickets of them.
 *
 * Texts come from php-src 8.6's tests (session_persistent.phpt,
 * session_no_context_verify.phpt) and, where no TLS test was readable,
 * from the dtls:// branch of ext/openssl, which shares the option code:
 * "session_new_cb is required when session_get_cb is provided",
 * "session_id_context must be a non empty string", "session_timeout must
 * be positive", "Session tickets cannot be enabled when session_get_cb is
 * set", "session_get_cb return type must be null or Openssl\Session",
 * "<option> must be a valid callback, <reason>".  Unconfirmed (xsock's
 * wording): session_data that is not an Openssl\Session, a negative
 * session_cache_size.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include "tls_objects.h"

/* The stream whose handshake step is running in this thread, for the remove callback. */
ZEND_TLS php_stream *running;

static zval *opt(php_stream *stream, const char *name)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);

	return context ? php_stream_context_get_option(context, "ssl", name) : NULL;
}

/* ------------------------------------------------------------ per stream */

static void cbs_clear(xsock_tls_cbs *cbs)
{
	zval_ptr_dtor(&cbs->new_cb);
	zval_ptr_dtor(&cbs->get_cb);
	zval_ptr_dtor(&cbs->remove_cb);
	zval_ptr_dtor(&cbs->psk_cb);
	zval_ptr_dtor(&cbs->early_cb);
	if (cbs->early_data != NULL) {
		zend_string_release(cbs->early_data);
	}
	memset(cbs, 0, sizeof(*cbs));
}

static bool cbs_empty(const xsock_tls_cbs *cbs)
{
	return Z_TYPE(cbs->new_cb) == IS_UNDEF && Z_TYPE(cbs->get_cb) == IS_UNDEF
		&& Z_TYPE(cbs->remove_cb) == IS_UNDEF && Z_TYPE(cbs->psk_cb) == IS_UNDEF
		&& Z_TYPE(cbs->early_cb) == IS_UNDEF && cbs->early_data == NULL;
}

void xsock_tls_cbs_free(xsock_tls *tls, bool persistent)
{
	if (tls->cbs != NULL) {
		cbs_clear(tls->cbs);
		pefree(tls->cbs, persistent);
		tls->cbs = NULL;
	}
}

/*
 * A callable option into *dst.  Persistent streams outlive the request
 * and with it every closure: refused, with 8.6's warning.
 */
static int read_callable(php_stream *stream, const char *name, zval *dst)
{
	zval *val = opt(stream, name);
	char *error = NULL;

	if (val == NULL) {
		return XSOCK_OK;
	}
	if (XSOCK_DATA(stream)->persistent) {
		php_error_docref(NULL, E_WARNING, "%s is not supported for persistent streams", name);
		return XSOCK_ERR;
	}
	if (!zend_is_callable_ex(val, NULL, 0, NULL, NULL, &error)) {
		if (error != NULL) {
			zend_type_error("%s must be a valid callback, %s", name, error);
			efree(error);
		} else {
			zend_type_error("%s must be a valid callback", name);
		}
		return XSOCK_ERR;
	}
	ZVAL_COPY(dst, val);
	return XSOCK_OK;
}

/* Client: session_data replaces xsock's own choice of session. */
static int read_session_data(php_stream *stream, xsock_tls *tls)
{
	zval *val = opt(stream, "session_data");
	SSL_SESSION *sess;

	if (val == NULL || Z_TYPE_P(val) == IS_NULL) {
		return XSOCK_OK;
	}
	sess = xsock_session_unwrap(val);
	if (sess == NULL) {
		if (EG(exception)) {
			return XSOCK_ERR;
		}
		if (xsock_session_is(val)) {
			zend_throw_error(NULL, "Openssl\\Session object is not initialized");
		} else {
			zend_type_error("session_data must be of type Openssl\\Session, %s given", zend_zval_type_name(val));
		}
		return XSOCK_ERR;
	}
	tls->session_cache = false;
	tls->session_offered = SSL_set_session(tls->ssl, sess) == 1;
	tls->offered_from = tls->session_offered ? XSOCK_TLS_FROM_DATA : XSOCK_TLS_FROM_NONE;
	SSL_SESSION_free(sess);
	xsock_tls_err_reset();
	return XSOCK_OK;
}

/*
 * setup: the per-stream callables and session_data.  XSOCK_ERR after a
 * warning or an exception (the setup fails, as in 8.6).
 */
int xsock_tls_resume_setup(php_stream *stream, xsock_tls *tls)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	xsock_tls_cbs cbs;
	int rc;

	memset(&cbs, 0, sizeof(cbs));
	rc = read_callable(stream, "session_new_cb", &cbs.new_cb);
	if (rc == XSOCK_OK && !xs->is_client) {
		rc = read_callable(stream, "session_get_cb", &cbs.get_cb);
		if (rc == XSOCK_OK) {
			rc = read_callable(stream, "session_remove_cb", &cbs.remove_cb);
		}
	}
	if (rc == XSOCK_OK) {
		rc = read_callable(stream, xs->is_client ? "psk_client_cb" : "psk_server_cb", &cbs.psk_cb);
	}
	if (rc == XSOCK_OK && !xs->is_client) {
		rc = read_callable(stream, "early_data_cb", &cbs.early_cb);
	}
	if (rc == XSOCK_OK) {
		rc = xsock_tls_early_read(stream, &cbs);
	}
	if (rc != XSOCK_OK) {
		cbs_clear(&cbs);
		return rc;
	}
	xsock_tls_cbs_free(tls, xs->persistent);
	if (!cbs_empty(&cbs)) {
		cbs.early_status = -1;
		tls->cbs = pemalloc(sizeof(cbs), xs->persistent);
		*tls->cbs = cbs;
	}
	if (!xs->is_client) {
		return XSOCK_OK;
	}
	if (Z_TYPE(cbs.new_cb) != IS_UNDEF) {
		tls->session_cache = false;	/* the script keeps its sessions */
	}
	return read_session_data(stream, tls);
}

/* ------------------------------------------------------------- calling */

/*
 * The stream and its callbacks for a call from OpenSSL; NULL when the
 * stream is being freed (a resource that is going away cannot be handed
 * to a script) or has no callbacks.
 */
static xsock_tls_cbs *cbs_for(php_stream *stream)
{
	xsock_tls *tls;

	if (stream == NULL || stream->in_free || stream->res == NULL
			|| (tls = XSOCK_DATA(stream)->tls) == NULL) {
		return NULL;
	}
	return tls->cbs;
}

/*
 * Call a script callback with the stream as first argument.  While it
 * runs the stream counts as being freed, so an fclose() inside it (php-src
 * has a test for exactly that use-after-free, psk_server_cb closing its
 * stream) returns without pulling the SSL handle from under OpenSSL; the
 * stream closes normally once the handshake step has failed or finished.
 * false when it threw or could not be called.
 */
bool xsock_tls_call(php_stream *stream, zval *cb, zval *ret, uint32_t argc, zval *args)
{
	int rc;

	ZVAL_RES(&args[0], stream->res);
	stream->in_free++;
	rc = call_user_function(NULL, NULL, cb, ret, argc, args);
	stream->in_free--;
	if (rc != SUCCESS || EG(exception)) {
		zval_ptr_dtor(ret);
		ZVAL_UNDEF(ret);
		return false;
	}
	return true;
}

/* SSL_CTX_sess_set_new_cb on every context: the script's callback, else xsock's client cache. */
static int new_cb(SSL *ssl, SSL_SESSION *sess)
{
	php_stream *stream = xsock_tls_stream_of(ssl);
	xsock_tls_cbs *cbs = cbs_for(stream);
	zval args[2], ret;

	if (stream != NULL && !SSL_is_server(ssl) && XSOCK_DATA(stream)->tls != NULL) {
		XSOCK_DATA(stream)->tls->tickets++;	/* xsock_tls_info()'s tickets_received */
	}
	if (cbs == NULL || Z_TYPE(cbs->new_cb) == IS_UNDEF) {
		return SSL_is_server(ssl) ? 0 : xsock_tls_session_new_cb(ssl, sess);
	}
	if (EG(exception) || !xsock_session_wrap(&args[1], sess)) {
		return 0;
	}
	ZVAL_UNDEF(&ret);
	xsock_tls_call(stream, &cbs->new_cb, &ret, 2, args);
	zval_ptr_dtor(&ret);
	zval_ptr_dtor(&args[1]);
	return 0;		/* the object took its own reference */
}

/* External cache lookup (server, session_get_cb). */
static SSL_SESSION *get_cb(SSL *ssl, const unsigned char *id, int id_len, int *copy)
{
	php_stream *stream = xsock_tls_stream_of(ssl);
	xsock_tls_cbs *cbs = cbs_for(stream);
	SSL_SESSION *sess = NULL;
	zval args[2], ret;

	*copy = 0;		/* the reference returned is OpenSSL's */
	if (cbs == NULL || Z_TYPE(cbs->get_cb) == IS_UNDEF || EG(exception)) {
		return NULL;
	}
	ZVAL_STRINGL(&args[1], (const char *) id, (size_t) id_len);
	ZVAL_UNDEF(&ret);
	if (xsock_tls_call(stream, &cbs->get_cb, &ret, 2, args)) {
		if (xsock_session_is(&ret)) {
			sess = xsock_session_unwrap(&ret);
		} else if (Z_TYPE(ret) != IS_NULL) {
			zend_type_error("session_get_cb return type must be null or Openssl\\Session");
		}
	}
	zval_ptr_dtor(&ret);
	zval_ptr_dtor(&args[1]);
	return sess;
}

static void remove_cb(SSL_CTX *ctx, SSL_SESSION *sess)
{
	xsock_tls_cbs *cbs = cbs_for(running);
	unsigned int len = 0;
	const unsigned char *id;
	zval args[2], ret;

	(void) ctx;
	if (cbs == NULL || Z_TYPE(cbs->remove_cb) == IS_UNDEF || EG(exception)) {
		return;
	}
	id = SSL_SESSION_get_id(sess, &len);
	ZVAL_STRINGL(&args[1], (const char *) id, len);
	ZVAL_UNDEF(&ret);
	xsock_tls_call(running, &cbs->remove_cb, &ret, 2, args);
	zval_ptr_dtor(&ret);
	zval_ptr_dtor(&args[1]);
}

/* Around each handshake step: who the remove callback belongs to. */
void xsock_tls_resume_running(php_stream *stream)
{
	running = stream;
}

/* ------------------------------------------------------ context options */

static int read_id_context(php_stream *stream, xsock_tls_opts *o)
{
	zval *val = opt(stream, "session_id_context");

	if (val == NULL) {
		return XSOCK_OK;
	}
	if (Z_TYPE_P(val) != IS_STRING || Z_STRLEN_P(val) == 0) {
		zend_type_error("session_id_context must be a non empty string");
		return XSOCK_ERR;
	}
	if (Z_STRLEN_P(val) > SSL_MAX_SID_CTX_LENGTH) {
		zend_value_error("session_id_context must not be longer than %d bytes", SSL_MAX_SID_CTX_LENGTH);
		return XSOCK_ERR;
	}
	o->sid_ctx = Z_STR_P(val);
	return XSOCK_OK;
}

/* session_cache_size / session_timeout; *out stays 0 (OpenSSL's default) when not given. */
static int read_count(php_stream *stream, const char *name, bool zero_ok, zend_long *out)
{
	zval *val = opt(stream, name);

	if (val == NULL) {
		return XSOCK_OK;
	}
	*out = zval_get_long(val);
	if (*out < 0 || (*out == 0 && !zero_ok)) {
		zend_value_error(zero_ok ? "%s must not be negative" : "%s must be positive", name);
		return XSOCK_ERR;
	}
	return XSOCK_OK;
}

/* The server's consistency rules of 8.6, in its order. */
static int check_server(php_stream *stream, xsock_tls_opts *o, bool has_new)
{
	zval *val;

	if (o->sess_get && !has_new) {
		zend_value_error("session_new_cb is required when session_get_cb is provided");
		return XSOCK_ERR;
	}
	/*
	 * OpenSSL does not cache a session without an id context when it
	 * verifies the peer (ssl_update_cache), so the callback would never run.
	 */
	if (has_new && o->sid_ctx == NULL && o->verify) {
		zend_value_error("session_id_context must be set if session_new_cb is set");
		return XSOCK_ERR;
	}
	val = opt(stream, "no_ticket");
	if (o->sess_get && val != NULL && !zend_is_true(val)) {
		zend_value_error("Session tickets cannot be enabled when session_get_cb is set");
		return XSOCK_ERR;
	}
	return XSOCK_OK;
}

/*
 * opts_read: the options that shape a context.  For a client only the
 * presence of a PSK callback; for a server the session settings and the
 * early-data limit.
 */
int xsock_tls_resume_opts(php_stream *stream, xsock_tls_opts *o)
{
	zval *val;

	o->psk = opt(stream, o->is_client ? "psk_client_cb" : "psk_server_cb") != NULL;
	if (o->is_client) {
		return XSOCK_OK;
	}
	o->sess_get = opt(stream, "session_get_cb") != NULL;
	o->sess_remove = opt(stream, "session_remove_cb") != NULL;
	val = opt(stream, "session_cache");
	o->sess_cache_off = val != NULL && !zend_is_true(val);
	if (read_id_context(stream, o) != XSOCK_OK
			|| check_server(stream, o, opt(stream, "session_new_cb") != NULL) != XSOCK_OK
			|| read_count(stream, "session_cache_size", true, &o->sess_cache_size) != XSOCK_OK
			|| read_count(stream, "session_timeout", false, &o->sess_timeout) != XSOCK_OK
			|| read_count(stream, "max_early_data", true, &o->max_early_data) != XSOCK_OK) {
		return XSOCK_ERR;
	}
	if (o->sess_get) {
		o->no_ticket = true;	/* tickets would bypass the script's cache */
	}
	return XSOCK_OK;
}

static void server_ctx(SSL_CTX *ctx, const xsock_tls_opts *o)
{
	if (o->sid_ctx != NULL) {
		SSL_CTX_set_session_id_context(ctx, (const unsigned char *) ZSTR_VAL(o->sid_ctx),
			(unsigned int) ZSTR_LEN(o->sid_ctx));
	}
	if (o->sess_cache_off) {
		SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
	} else if (o->sess_get) {
		/* The script's store is the cache: OpenSSL keeps nothing and asks it. */
		SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_NO_INTERNAL);
		SSL_CTX_sess_set_get_cb(ctx, get_cb);
	}
	if (o->sess_cache_size > 0) {
		SSL_CTX_sess_set_cache_size(ctx, o->sess_cache_size);
	}
	if (o->sess_timeout > 0) {
		SSL_CTX_set_timeout(ctx, (long) o->sess_timeout);
	}
	/* Only when asked: with a remove callback OpenSSL keeps TLS 1.3 sessions server-side too. */
	if (o->sess_remove) {
		SSL_CTX_sess_set_remove_cb(ctx, remove_cb);
	}
}

/* build_sessions: install the callbacks the options ask for. */
void xsock_tls_resume_ctx(SSL_CTX *ctx, const xsock_tls_opts *o)
{
	SSL_CTX_sess_set_new_cb(ctx, new_cb);
	if (!o->is_client) {
		server_ctx(ctx, o);
	}
	xsock_tls_psk_ctx(ctx, o);
	xsock_tls_early_ctx(ctx, o);
}
