/*
 * tls_server.c - what only a TLS server does: SNI_server_certs, ALPN
 * selection, and PHP's limiter for client-initiated renegotiation.
 *
 * Differences from PHP, on purpose:
 *  - every per-host SNI context is built by the same code as the main one,
 *    so verification, ciphers, protocol range, options and ALPN survive the
 *    switch (PHP's are bare: SSLv23_server_method plus a certificate, so
 *    ALPN and client verification vanish after an SNI switch, §6 item 17);
 *  - reneg_window = 0 does not divide by zero.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"

static zval *opt(php_stream *stream, const char *name)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);

	return context ? php_stream_context_get_option(context, "ssl", name) : NULL;
}

/* ---------------------------------------------------------------------- SNI */

/*
 * One path of a [local_cert => ..., local_pk => ...] entry, resolved into
 * out[MAXPATHLEN]; PHP's warning texts when it is missing or unusable
 * ("Failed setting local <file> file `%s';<gap>could not open file").
 */
static bool sni_pair_path(php_stream *stream, HashTable *pair, const char *key, char *out, const char *what,
	const char *file, const char *gap)
{
	zval *v = zend_hash_str_find(pair, key, strlen(key));
	zend_string *s;
	bool ok;

	if (v == NULL) {
		XSOCK_WARN(stream, InvalidParam, "%s not present in the array", key);
		return false;
	}
	if ((s = zval_try_get_string(v)) == NULL) {
		return false;
	}
	ok = xsock_tls_check_path(ZSTR_VAL(s), ZSTR_LEN(s), out, what);
	if (!ok) {
		XSOCK_WARN(stream, NotFound, "Failed setting local %s file `%s';%scould not open file",
			file, ZSTR_VAL(s), gap);
	}
	zend_string_release(s);
	return ok;
}

/* One SNI_server_certs value as [local_cert => ..., local_pk => ...]. */
static SSL_CTX *sni_ctx_pair(php_stream *stream, xsock_tls_conf *conf, xsock_tls_opts *o, HashTable *pair)
{
	char cert[MAXPATHLEN], pk[MAXPATHLEN];

	if (!sni_pair_path(stream, pair, "local_cert", cert, "SNI_server_certs local_cert in ssl stream context",
			"cert chain", " ")) {
		return NULL;
	}
	/* Two spaces after ';' as in PHP. */
	if (!sni_pair_path(stream, pair, "local_pk", pk, "SNI_server_certs local_pk in ssl stream context",
			"private key", "  ")) {
		return NULL;
	}
	return xsock_tls_ctx_build(o, conf->key, cert, pk, true);
}

/* One SNI_server_certs value as a single PEM file holding certificate and key. */
static SSL_CTX *sni_ctx_file(php_stream *stream, xsock_tls_conf *conf, xsock_tls_opts *o, zval *v)
{
	char path[MAXPATHLEN];
	zend_string *s = zval_try_get_string(v);
	SSL_CTX *ctx = NULL;

	if (s == NULL) {
		return NULL;
	}
	if (xsock_tls_check_path(ZSTR_VAL(s), ZSTR_LEN(s), path, "SNI_server_certs in ssl stream context")) {
		ctx = xsock_tls_ctx_build(o, conf->key, path, path, true);
	} else {
		XSOCK_WARN(stream, NotFound, "Failed setting local cert chain file `%s'; file not found", ZSTR_VAL(s));
	}
	zend_string_release(s);
	return ctx;
}

static int sni_check(php_stream *stream, zval *val)
{
	if (Z_TYPE_P(val) != IS_ARRAY) {
		XSOCK_WARN(stream, InvalidParam, "SNI_server_certs requires an array mapping host names to cert paths");
		return XSOCK_ERR;
	}
	if (zend_hash_num_elements(Z_ARRVAL_P(val)) == 0) {
		XSOCK_WARN(stream, InvalidParam, "SNI_server_certs host cert array must not be empty");
		return XSOCK_ERR;
	}
	return XSOCK_OK;
}

/* php_openssl_enable_server_sni, building complete contexts. */
int xsock_tls_server_sni_build(php_stream *stream, xsock_tls_conf *conf, xsock_tls_opts *o)
{
	zend_string *name;
	zval *v;
	SSL_CTX *ctx;

	if (o->sni_certs == NULL) {
		return XSOCK_OK;
	}
	if (sni_check(stream, o->sni_certs) != XSOCK_OK) {
		return XSOCK_ERR;
	}
	conf->sni = pecalloc(zend_hash_num_elements(Z_ARRVAL_P(o->sni_certs)), sizeof(xsock_tls_sni), 1);
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(o->sni_certs), name, v) {
		if (name == NULL) {
			XSOCK_WARN(stream, InvalidParam, "SNI_server_certs array requires string host name keys");
			return XSOCK_ERR;
		}
		ZVAL_DEREF(v);
		ctx = Z_TYPE_P(v) == IS_ARRAY ? sni_ctx_pair(stream, conf, o, Z_ARRVAL_P(v)) : sni_ctx_file(stream, conf, o, v);
		if (ctx == NULL) {
			return XSOCK_ERR;
		}
		conf->sni[conf->sni_count].name = pestrdup(ZSTR_VAL(name), 1);
		conf->sni[conf->sni_count].ctx = ctx;
		conf->sni_count++;
	} ZEND_HASH_FOREACH_END();
	return XSOCK_OK;
}

void xsock_tls_sni_free(xsock_tls_conf *conf)
{
	size_t i;

	for (i = 0; i < conf->sni_count; i++) {
		pefree(conf->sni[i].name, 1);
		SSL_CTX_free(conf->sni[i].ctx);
	}
	if (conf->sni != NULL) {
		pefree(conf->sni, 1);
	}
	conf->sni = NULL;
	conf->sni_count = 0;
}

/* php_openssl_server_sni_callback: first key matching the name, PHP's wildcard rule. */
static int sni_callback(SSL *ssl, int *alert, void *arg)
{
	xsock_tls_conf *conf = arg;
	const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
	size_t i;

	if (name == NULL) {
		return SSL_TLSEXT_ERR_NOACK;
	}
	/* SNI_callback first (tls_sni_cb.c); its null falls through to SNI_server_certs. */
	if (conf->sni_cache != NULL) {
		int rc = xsock_tls_sni_cb_select(ssl, conf, name, alert);

		if (rc != SSL_TLSEXT_ERR_NOACK) {
			return rc;
		}
	}
	for (i = 0; i < conf->sni_count; i++) {
		if (xsock_tls_wildcard_match(name, conf->sni[i].name)) {
			SSL_set_SSL_CTX(ssl, conf->sni[i].ctx);
			return SSL_TLSEXT_ERR_OK;
		}
	}
	return SSL_TLSEXT_ERR_NOACK;
}

/* ALPN: the server's order wins (SSL_select_next_proto walks its list first). */
static int alpn_select(SSL *ssl, const unsigned char **out, unsigned char *outlen,
	const unsigned char *in, unsigned int inlen, void *arg)
{
	xsock_tls_conf *conf = arg;

	(void) ssl;
	if (SSL_select_next_proto((unsigned char **) out, outlen, conf->alpn, conf->alpn_len, in, inlen)
			!= OPENSSL_NPN_NEGOTIATED) {
		return SSL_TLSEXT_ERR_NOACK;
	}
	return SSL_TLSEXT_ERR_OK;
}

/* The main context's ALPN selection on a per-host one (SNI_server_certs, SNI_callback). */
void xsock_tls_server_host_attach(SSL_CTX *ctx, xsock_tls_conf *conf)
{
	if (conf->alpn != NULL) {
		SSL_CTX_set_alpn_select_cb(ctx, alpn_select, conf);
	}
}

/* Server callbacks on the main context and on every per-host one. */
void xsock_tls_server_attach(SSL_CTX *ctx, xsock_tls_conf *conf)
{
	size_t i;

	xsock_tls_server_host_attach(ctx, conf);
	for (i = 0; i < conf->sni_count; i++) {
		xsock_tls_server_host_attach(conf->sni[i].ctx, conf);
	}
	if (conf->sni_count > 0 || conf->sni_cache != NULL) {
		SSL_CTX_set_tlsext_servername_callback(ctx, sni_callback);
		SSL_CTX_set_tlsext_servername_arg(ctx, conf);
	}
}

/* ------------------------------------------------------------ renegotiation */

static void reneg_exceeded(php_stream *stream, xsock_tls_reneg *r)
{
	zval *cb = opt(stream, "reneg_limit_callback");
	zval param, retval;

	r->should_close = true;
	if (cb == NULL) {
		XSOCK_WARN(stream, ProtocolError, "SSL: client-initiated handshake rate limit exceeded by peer");
		return;
	}
	php_stream_to_zval(stream, &param);
	ZVAL_UNDEF(&retval);
	/* Closing the stream inside the callback would free it under OpenSSL. */
	stream->flags |= PHP_STREAM_FLAG_NO_FCLOSE;
	if (call_user_function(NULL, NULL, cb, &retval, 1, &param) == FAILURE) {
		php_error(E_WARNING, "SSL: failed invoking reneg limit notification callback");
	}
	stream->flags ^= PHP_STREAM_FLAG_NO_FCLOSE;
	/* Only exactly `true` keeps the connection (§6 item 31). */
	if (Z_TYPE(retval) == IS_TRUE) {
		r->should_close = false;
	}
	zval_ptr_dtor(&retval);
}

/*
 * php_openssl_limit_handshake_reneg, with PHP's integer arithmetic:
 * limit / window is 2 / 300 = 0 by default, so the bucket never drains and
 * the third renegotiation on a connection trips the limit.
 */
void xsock_tls_reneg_count(const SSL *ssl)
{
	php_stream *stream = xsock_tls_stream_of(ssl);
	xsock_tls_reneg *r;
	time_t now = time(NULL);
	zend_long elapsed;

	if (stream == NULL || XSOCK_DATA(stream)->is_client || !XSOCK_DATA(stream)->tls->reneg.enabled) {
		return;
	}
	r = &XSOCK_DATA(stream)->tls->reneg;
	if (r->prev_handshake == 0) {
		r->prev_handshake = now;	/* the initial handshake is never limited */
		return;
	}
	elapsed = (zend_long) (now - r->prev_handshake);
	r->prev_handshake = now;
	r->tokens -= elapsed * (r->window != 0 ? r->limit / r->window : 0);
	if (r->tokens < 0) {
		r->tokens = 0;
	}
	++r->tokens;
	if (r->tokens > r->limit) {
		reneg_exceeded(stream, r);
	}
}

/* php_openssl_init_server_reneg_limit: reneg_limit < 0 turns it off. */
void xsock_tls_reneg_init(php_stream *stream, xsock_tls *tls)
{
	xsock_tls_reneg *r = &tls->reneg;
	zval *val;

	memset(r, 0, sizeof(*r));
	r->limit = XSOCK_TLS_DEFAULT_RENEG_LIMIT;
	r->window = XSOCK_TLS_DEFAULT_RENEG_WINDOW;
	if ((val = opt(stream, "reneg_limit")) != NULL) {
		r->limit = zval_get_long(val);
	}
	if (r->limit < 0) {
		return;
	}
	if ((val = opt(stream, "reneg_window")) != NULL) {
		r->window = zval_get_long(val);
	}
	r->enabled = true;	/* counted by tls.c's info callback (xsock_tls_reneg_count) */
}
