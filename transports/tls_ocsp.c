/*
 * tls_ocsp.c - OCSP stapling (xsock's options, RFC 6066 §8, RFC 6961).
 *
 * Client: ssl.ocsp_stapling asks for a staple; the response is checked
 * with the verification policy (after the handshake, like pinned_pubkey,
 * so a failure has PHP's shape): signature by the issuer or a responder
 * it authorised, the leaf's CertID, thisUpdate/nextUpdate with a leeway.
 * Revoked, unknown or invalid staples fail.  Unknown fails too, as curl's
 * --cert-status does: a server that staples a response not vouching for
 * its certificate is misconfigured.  No staple passes unless
 * ssl.ocsp_must_staple or the certificate's TLS Feature (status_request)
 * requires one.
 *
 * Server: ssl.ocsp_staple_file, a DER OCSPResponse, served for the main
 * certificate (per-host contexts of SNI_server_certs / SNI_callback serve
 * none: the file is for one certificate).  The file is re-read when its
 * identity changes, looked at once per second at most (as tls_sni_cb.c).
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include <openssl/ocsp.h>

/* Seconds of clock skew accepted on thisUpdate / nextUpdate (OpenSSL's ocsp app uses 300 too). */
#define OCSP_LEEWAY			300
/* Milliseconds a loaded staple is served without looking at its file again. */
#define OCSP_RECHECK_MS		1000
/* TLS Feature status_request (RFC 7633). */
#define TLSFEATURE_STATUS_REQUEST	5

struct _xsock_tls_staple {
	char path[MAXPATHLEN];			/* resolved ocsp_staple_file */
	xsock_file_id id;				/* what stat() said when der was read */
	uint64_t checked;				/* xsock_now_ms() of the last stat */
	unsigned char *der;				/* the response; malloc; NULL = unreadable now, none served */
	size_t len;						/* bytes in der */
#ifdef ZTS
	MUTEX_T lock;					/* the conf is shared by every thread's streams */
#endif
};

static zval *opt(php_stream *stream, const char *name)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);

	return context ? php_stream_context_get_option(context, "ssl", name) : NULL;
}

/* The file's bytes if they are a DER OCSPResponse (malloc), else NULL. */
static unsigned char *staple_load(const char *path, size_t *len)
{
	php_stream *f = php_stream_open_wrapper((char *) path, "rb", 0, NULL);
	zend_string *s = f ? php_stream_copy_to_mem(f, PHP_STREAM_COPY_ALL, 0) : NULL;
	const unsigned char *p;
	OCSP_RESPONSE *resp;
	unsigned char *der = NULL;

	if (f != NULL) {
		php_stream_close(f);
	}
	if (s == NULL) {
		return NULL;
	}
	p = (const unsigned char *) ZSTR_VAL(s);
	resp = d2i_OCSP_RESPONSE(NULL, &p, (long) ZSTR_LEN(s));
	if (resp != NULL && p == (const unsigned char *) ZSTR_VAL(s) + ZSTR_LEN(s)) {
		der = pemalloc(ZSTR_LEN(s), 1);
		memcpy(der, ZSTR_VAL(s), ZSTR_LEN(s));
		*len = ZSTR_LEN(s);
	}
	OCSP_RESPONSE_free(resp);
	ERR_clear_error();
	zend_string_release(s);
	return der;
}

static int bool_opt(php_stream *stream, const char *name, bool *out)
{
	zval *val = opt(stream, name);

	*out = false;
	if (val == NULL) {
		return XSOCK_OK;
	}
	if (Z_TYPE_P(val) != IS_TRUE && Z_TYPE_P(val) != IS_FALSE) {
		XSOCK_WARN(stream, InvalidParam, "%s must be of type bool, %s given", name, zend_zval_type_name(val));
		return XSOCK_ERR;
	}
	*out = Z_TYPE_P(val) == IS_TRUE;
	return XSOCK_OK;
}

/* ------------------------------------------------------------------ server */

/* Server: ssl.ocsp_staple_file, checked now so a bad file fails the listener's first accept. */
int xsock_tls_ocsp_opts(php_stream *stream, xsock_tls_opts *o)
{
	zval *val = opt(stream, "ocsp_staple_file");
	unsigned char *der;
	size_t len = 0;

	o->ocsp_file[0] = '\0';
	if (o->is_client || val == NULL) {
		return XSOCK_OK;
	}
	if (Z_TYPE_P(val) != IS_STRING || Z_STRLEN_P(val) == 0) {
		XSOCK_WARN(stream, InvalidParam, "ocsp_staple_file must be a non-empty string, %s given",
			zend_zval_type_name(val));
		return XSOCK_ERR;
	}
	if (!xsock_tls_check_path(Z_STRVAL_P(val), Z_STRLEN_P(val), o->ocsp_file, "ocsp_staple_file in ssl stream context")) {
		XSOCK_WARN(stream, NotFound, "Unable to get real path of OCSP staple file `%s'", Z_STRVAL_P(val));
		return XSOCK_ERR;
	}
	der = staple_load(o->ocsp_file, &len);
	if (der == NULL) {
		XSOCK_WARN(stream, InvalidParam, "Unable to use OCSP staple file `%s': not a readable DER OCSP response",
			Z_STRVAL_P(val));
		return XSOCK_ERR;
	}
	pefree(der, 1);
	return XSOCK_OK;
}

/* The path, not the content: the content changes under a running server and is re-read. */
void xsock_tls_ocsp_key(EVP_MD_CTX *md, const xsock_tls_opts *o)
{
	if (o->ocsp_file[0] != '\0') {
		EVP_DigestUpdate(md, "ocsp", 5);
		EVP_DigestUpdate(md, o->ocsp_file, strlen(o->ocsp_file) + 1);
	}
}

/* Re-read the file when its identity changed; keep the old response if the new one is bad. */
static void staple_refresh(xsock_tls_staple *st)
{
	uint64_t now = xsock_now_ms();
	xsock_file_id id;
	unsigned char *der;
	size_t len = 0;

	if (st->der != NULL && now - st->checked < OCSP_RECHECK_MS) {
		return;
	}
	st->checked = now;
	if (!xsock_file_stat(st->path, &id) || (st->der != NULL && memcmp(&id, &st->id, sizeof(id)) == 0)) {
		return;
	}
	der = staple_load(st->path, &len);
	if (der == NULL) {
		return;		/* half-written: the next check retries, since id stays the old one */
	}
	if (st->der != NULL) {
		pefree(st->der, 1);
	}
	st->der = der;
	st->len = len;
	st->id = id;
}

static int status_cb(SSL *ssl, void *arg)
{
	xsock_tls_staple *st = arg;
	unsigned char *copy = NULL;
	size_t len = 0;

#ifdef ZTS
	tsrm_mutex_lock(st->lock);
#endif
	staple_refresh(st);
	if (st->der != NULL && (copy = OPENSSL_malloc(st->len)) != NULL) {
		memcpy(copy, st->der, st->len);
		len = st->len;
	}
#ifdef ZTS
	tsrm_mutex_unlock(st->lock);
#endif
	if (copy == NULL) {
		return SSL_TLSEXT_ERR_NOACK;
	}
	/* OpenSSL owns copy from here. */
	SSL_set_tlsext_status_ocsp_resp(ssl, copy, (long) len);
	return SSL_TLSEXT_ERR_OK;
}

/* On the main context only: the staple belongs to its certificate. */
void xsock_tls_ocsp_server(xsock_tls_conf *conf, const xsock_tls_opts *o)
{
	xsock_tls_staple *st;

	if (o->ocsp_file[0] == '\0') {
		return;
	}
	st = pecalloc(1, sizeof(*st), 1);
	strlcpy(st->path, o->ocsp_file, sizeof(st->path));
#ifdef ZTS
	st->lock = tsrm_mutex_alloc();
#endif
	conf->staple = st;
	SSL_CTX_set_tlsext_status_cb(conf->ctx, status_cb);
	SSL_CTX_set_tlsext_status_arg(conf->ctx, st);
}

void xsock_tls_ocsp_free(xsock_tls_conf *conf)
{
	xsock_tls_staple *st = conf->staple;

	if (st == NULL) {
		return;
	}
	if (st->der != NULL) {
		pefree(st->der, 1);
	}
#ifdef ZTS
	tsrm_mutex_free(st->lock);
#endif
	pefree(st, 1);
	conf->staple = NULL;
}

/* ------------------------------------------------------------------ client */

int xsock_tls_ocsp_client_setup(php_stream *stream, xsock_tls *tls)
{
	bool on, must;

	tls->ocsp = XSOCK_TLS_OCSP_NOT_ASKED;
	if (bool_opt(stream, "ocsp_stapling", &on) != XSOCK_OK || bool_opt(stream, "ocsp_must_staple", &must) != XSOCK_OK) {
		return XSOCK_ERR;
	}
	if (on || must) {
		SSL_set_tlsext_status_type(tls->ssl, TLSEXT_STATUSTYPE_ocsp);
		/*
		 * No session from xsock's cache: a resumed handshake carries no
		 * staple (RFC 6066 §8), and the cached session may come from a
		 * connection that never checked one.  A staple is about freshness;
		 * each connection gets a full handshake with a current one.  An
		 * explicit session (session_stream, session_data) is the script's call.
		 */
		tls->session_cache = false;
	}
	return XSOCK_OK;
}

/* Does the certificate carry the TLS Feature extension with status_request (must-staple)? */
static bool cert_must_staple(X509 *cert)
{
	STACK_OF(ASN1_INTEGER) *features = X509_get_ext_d2i(cert, NID_tlsfeature, NULL, NULL);
	bool must = false;
	int i;

	for (i = 0; features != NULL && i < sk_ASN1_INTEGER_num(features); i++) {
		must = must || ASN1_INTEGER_get(sk_ASN1_INTEGER_value(features, i)) == TLSFEATURE_STATUS_REQUEST;
	}
	sk_ASN1_INTEGER_pop_free(features, ASN1_INTEGER_free);
	ERR_clear_error();
	return must;
}

/*
 * The issuer of peer (a reference the caller frees), or NULL: from the
 * chain, else from the trust store.  With verify_peer off the chain is
 * only what the server sent, which usually ends below the CA the
 * response is about.
 */
static X509 *issuer_of(STACK_OF(X509) *chain, X509 *peer, X509_STORE *store)
{
	X509_STORE_CTX *ctx;
	X509 *issuer = NULL;
	int i;

	for (i = 0; chain != NULL && i < sk_X509_num(chain); i++) {
		X509 *c = sk_X509_value(chain, i);

		if (X509_cmp(c, peer) != 0 && X509_check_issued(c, peer) == X509_V_OK) {
			X509_up_ref(c);
			return c;
		}
	}
	ctx = store != NULL ? X509_STORE_CTX_new() : NULL;
	if (ctx != NULL && X509_STORE_CTX_init(ctx, store, peer, chain) == 1
			&& X509_STORE_CTX_get1_issuer(&issuer, ctx, peer) != 1) {
		issuer = NULL;
	}
	X509_STORE_CTX_free(ctx);
	return issuer;
}

static int fail(php_stream *stream, xsock_tls *tls, int status, const char *why)
{
	tls->ocsp = status;
	XSOCK_WARN(stream, AuthFailed, "OCSP staple check failed: %s", why);
	return XSOCK_ERR;
}

static void asn1_time_text(const ASN1_GENERALIZEDTIME *t, char *out, size_t size)
{
	BIO *b = BIO_new(BIO_s_mem());
	int n = b != NULL && ASN1_GENERALIZEDTIME_print(b, t) ? BIO_read(b, out, (int) size - 1) : 0;

	out[n > 0 ? n : 0] = '\0';
	BIO_free(b);
}

/* The single response's status, after its CertID, validity period and signer passed. */
static int single_status(php_stream *stream, xsock_tls *tls, OCSP_BASICRESP *bs, X509 *peer, X509 *issuer)
{
	OCSP_CERTID *id = OCSP_cert_to_id(NULL, peer, issuer);
	ASN1_GENERALIZEDTIME *rev = NULL, *this_upd = NULL, *next_upd = NULL;
	int status = -1, reason = -1;
	char when[64], msg[256];
	bool found = id != NULL && OCSP_resp_find_status(bs, id, &status, &reason, &rev, &this_upd, &next_upd) == 1;

	OCSP_CERTID_free(id);
	if (!found) {
		return fail(stream, tls, XSOCK_TLS_OCSP_INVALID, "the server's OCSP response is not for its certificate");
	}
	if (!OCSP_check_validity(this_upd, next_upd, OCSP_LEEWAY, -1)) {
		return fail(stream, tls, XSOCK_TLS_OCSP_INVALID,
			"the server's OCSP response is stale or not yet valid (thisUpdate/nextUpdate)");
	}
	if (status == V_OCSP_CERTSTATUS_GOOD) {
		tls->ocsp = XSOCK_TLS_OCSP_GOOD;
		return XSOCK_OK;
	}
	if (status == V_OCSP_CERTSTATUS_REVOKED) {
		asn1_time_text(rev, when, sizeof(when));
		snprintf(msg, sizeof(msg), "the server's OCSP response says the certificate was revoked at %s (%s)",
			when, reason >= 0 ? OCSP_crl_reason_str(reason) : "no reason given");
		return fail(stream, tls, XSOCK_TLS_OCSP_REVOKED, msg);
	}
	return fail(stream, tls, XSOCK_TLS_OCSP_UNKNOWN, "the server's OCSP responder does not know its certificate (unknown)");
}

/* A path option, else the ini setting; NULL when neither names one. */
static const char *location(php_stream *stream, const char *name, const char *ini)
{
	zval *v = opt(stream, name);
	const char *s = v != NULL && Z_TYPE_P(v) == IS_STRING ? Z_STRVAL_P(v) : zend_ini_string_ex((char *) ini, strlen(ini), 0, NULL);

	return s != NULL && *s != '\0' ? s : NULL;
}

/*
 * The store a staple is checked against.  With verify_peer off no trust
 * store is loaded (PHP's rule, tls_config.c), yet a staple can only be
 * checked against one: then the locations verification would use are
 * loaded for this check alone (*own: the caller frees it).
 */
static X509_STORE *check_store(php_stream *stream, SSL *ssl, bool *own)
{
	const char *file, *dir;
	X509_STORE *store;

	*own = false;
	if (SSL_get_verify_mode(ssl) != SSL_VERIFY_NONE || (store = X509_STORE_new()) == NULL) {
		return SSL_CTX_get_cert_store(SSL_get_SSL_CTX(ssl));
	}
	*own = true;
	file = location(stream, "cafile", "openssl.cafile");
	dir = location(stream, "capath", "openssl.capath");
	if (file != NULL || dir != NULL) {
		X509_STORE_load_locations(store, file, dir);
	} else {
		X509_STORE_set_default_paths(store);
	}
	return store;
}

static int check_staple(php_stream *stream, xsock_tls *tls, X509 *peer, const unsigned char *der, long len)
{
	SSL *ssl = tls->ssl;
	OCSP_RESPONSE *resp = d2i_OCSP_RESPONSE(NULL, &der, len);
	OCSP_BASICRESP *bs = resp != NULL ? OCSP_response_get1_basic(resp) : NULL;
	STACK_OF(X509) *chain = SSL_get_verify_result(ssl) == X509_V_OK && SSL_get0_verified_chain(ssl) != NULL
		? SSL_get0_verified_chain(ssl) : SSL_get_peer_cert_chain(ssl);
	bool own;
	X509_STORE *store = check_store(stream, ssl, &own);
	X509 *issuer = issuer_of(chain, peer, store);
	int rc;

	if (bs == NULL || OCSP_response_status(resp) != OCSP_RESPONSE_STATUS_SUCCESSFUL) {
		rc = fail(stream, tls, XSOCK_TLS_OCSP_INVALID, "the server's OCSP response is not a successful basic response");
	} else if (issuer == NULL) {
		rc = fail(stream, tls, XSOCK_TLS_OCSP_INVALID, "the issuer of the server's certificate is not in its chain");
	} else if (OCSP_basic_verify(bs, chain, store, 0) <= 0) {
		rc = fail(stream, tls, XSOCK_TLS_OCSP_INVALID,
			"the server's OCSP response is not signed by the issuer or a responder it authorised");
	} else {
		rc = single_status(stream, tls, bs, peer, issuer);
	}
	X509_free(issuer);
	if (own) {
		X509_STORE_free(store);
	}
	OCSP_BASICRESP_free(bs);
	OCSP_RESPONSE_free(resp);
	ERR_clear_error();
	return rc;
}

/* Part of the verification policy: XSOCK_OK unless a staple was asked for and failed or was required. */
int xsock_tls_ocsp_check(php_stream *stream, X509 *peer)
{
	xsock_tls *tls = XSOCK_DATA(stream)->tls;
	const unsigned char *der = NULL;
	long len;
	bool on = false, must = false;

	bool_opt(stream, "ocsp_stapling", &on);
	bool_opt(stream, "ocsp_must_staple", &must);
	if (!XSOCK_DATA(stream)->is_client || (!on && !must)) {
		return XSOCK_OK;
	}
	if (peer == NULL) {
		return fail(stream, tls, XSOCK_TLS_OCSP_INVALID, "the server sent no certificate");
	}
	len = SSL_get_tlsext_status_ocsp_resp(tls->ssl, &der);
	if (der == NULL || len <= 0) {
		tls->ocsp = XSOCK_TLS_OCSP_NO_STAPLE;
		if (must) {
			return fail(stream, tls, XSOCK_TLS_OCSP_NO_STAPLE, "the server sent no OCSP response (ocsp_must_staple)");
		}
		if (cert_must_staple(peer)) {
			return fail(stream, tls, XSOCK_TLS_OCSP_NO_STAPLE,
				"the server sent no OCSP response, and its certificate requires one (TLS Feature must-staple)");
		}
		return XSOCK_OK;
	}
	return check_staple(stream, tls, peer, der, len);
}
