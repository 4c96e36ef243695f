/*
 * tls_psk.c - PHP 8.6's TLS-PSK options (php-src PR #22057):
 * psk_client_cb, callable(resource $stream): ?Openssl\Psk, and
 * psk_server_cb, callable(resource $stream, string $identity): ?Openssl\Psk.
 *
 * OpenSSL's "old style" PSK callbacks serve both TLS 1.2 (PSK cipher
 * suites) and TLS 1.3: without a psk_use_session / psk_find_session
 * callback, OpenSSL turns the key they return into a TLS 1.3 external PSK
 * with SHA-256 (ssl/statem/extensions_clnt.c, extensions_srvr.c), which is
 * what 8.6's tests use (TLS_AES_128_GCM_SHA256 and a 32-byte key).  The
 * server's session id context, which OpenSSL copies into the PSK session,
 * is always set (xsock's key unless session_id_context is given), so 8.6's
 * "TLS 1.3 server gets a default session_id_context" holds.
 *
 * Texts from php-src 8.6's tests: "PSK callback must return Openssl\Psk or
 * null" (TypeError), "Client PSK callback must return Openssl\Psk with a
 * non-null identity" (ValueError).  A callback that returns null declines:
 * the handshake goes on without a PSK (and fails when it needs one).
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include "tls_objects.h"

/*
 * Run the stream's PSK callback; the key (and identity) of the Openssl\Psk
 * it returned, kept alive by *ret.  false: declined, threw or wrong type
 * (with the exception set).
 */
static bool ask(SSL *ssl, zval *ret, zval *args, uint32_t argc, zend_string **key, zend_string **identity)
{
	php_stream *stream = xsock_tls_stream_of(ssl);
	xsock_tls *tls;

	ZVAL_UNDEF(ret);
	if (stream == NULL || stream->in_free || stream->res == NULL || EG(exception)
			|| (tls = XSOCK_DATA(stream)->tls) == NULL || tls->cbs == NULL
			|| Z_TYPE(tls->cbs->psk_cb) == IS_UNDEF) {
		return false;
	}
	if (!xsock_tls_call(stream, &tls->cbs->psk_cb, ret, argc, args) || Z_TYPE_P(ret) == IS_NULL) {
		return false;
	}
	if (!xsock_psk_is(ret) || !xsock_psk_get(ret, key, identity)) {
		zend_type_error("PSK callback must return Openssl\\Psk or null");
		return false;
	}
	return true;
}

static unsigned int client_cb(SSL *ssl, const char *hint, char *identity, unsigned int max_identity_len,
	unsigned char *psk, unsigned int max_psk_len)
{
	zval args[1], ret;
	zend_string *key = NULL, *id = NULL;
	unsigned int len = 0;

	(void) hint;
	if (ask(ssl, &ret, args, 1, &key, &id)) {
		if (id == NULL) {
			zend_value_error("Client PSK callback must return Openssl\\Psk with a non-null identity");
		} else if (ZSTR_LEN(id) < max_identity_len && ZSTR_LEN(key) <= max_psk_len) {
			memcpy(identity, ZSTR_VAL(id), ZSTR_LEN(id) + 1);
			memcpy(psk, ZSTR_VAL(key), ZSTR_LEN(key));
			len = (unsigned int) ZSTR_LEN(key);
		}
	}
	zval_ptr_dtor(&ret);
	return len;
}

static unsigned int server_cb(SSL *ssl, const char *identity, unsigned char *psk, unsigned int max_psk_len)
{
	zval args[2], ret;
	zend_string *key = NULL, *id = NULL;
	unsigned int len = 0;

	ZVAL_STRING(&args[1], identity != NULL ? identity : "");
	if (ask(ssl, &ret, args, 2, &key, &id) && ZSTR_LEN(key) <= max_psk_len) {
		memcpy(psk, ZSTR_VAL(key), ZSTR_LEN(key));
		len = (unsigned int) ZSTR_LEN(key);
	}
	zval_ptr_dtor(&ret);
	zval_ptr_dtor(&args[1]);
	return len;
}

/* build_sessions: only contexts whose options name a PSK callback get one (it is in the key). */
void xsock_tls_psk_ctx(SSL_CTX *ctx, const xsock_tls_opts *o)
{
	if (!o->psk) {
		return;
	}
	if (o->is_client) {
		SSL_CTX_set_psk_client_callback(ctx, client_cb);
	} else {
		SSL_CTX_set_psk_server_callback(ctx, server_cb);
	}
}
