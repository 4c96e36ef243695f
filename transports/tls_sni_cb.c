/*
 * tls_sni_cb.c - ssl.SNI_callback: certificates chosen per handshake.
 *
 * SNI_server_certs is fixed when the server starts; a renewed certificate
 * needs a restart, a new host a new option set.  SNI_callback =>
 * callable(string $name): ?array is asked for the name the client sent
 * (not called without one) and answers [local_cert, local_pk?,
 * passphrase?] or null for the default certificate (then
 * SNI_server_certs, if any, still applies).  It runs at every handshake,
 * which is cheap next to the handshake; what is expensive, parsing the
 * certificate and key into an SSL_CTX, is cached per file pair and
 * passphrase, built with every setting of the main context (as
 * tls_server.c's per-host contexts).  An entry is trusted for a second,
 * then stat() says whether either file changed (mtime, size, inode: a
 * renewal written in place or renamed over the old file), so renewed
 * certificates are picked up without a restart.
 *
 * The callback's identity is not in the context's cache key: two servers
 * with equal options and different callbacks share the SSL_CTX and the
 * cache, but each asks its own callback, and the cache is keyed by the
 * files, never by the name.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include <openssl/evp.h>
#include "zend_exceptions.h"

/* Certificate contexts kept per server configuration. */
#define SNI_CACHE_MAX		64
/* Milliseconds an entry is used without looking at its files again. */
#define SNI_RECHECK_MS		1000

typedef struct _sni_entry {
	char cert[MAXPATHLEN];			/* resolved local_cert */
	char pk[MAXPATHLEN];			/* resolved local_pk (local_cert when not given) */
	unsigned char pass[32];			/* SHA-256 of the passphrase; zeros = none */
	xsock_file_id cert_id;			/* what stat() said when ctx was built */
	xsock_file_id pk_id;			/* idem */
	uint64_t checked;				/* xsock_now_ms() of the last stat */
	uint64_t used;					/* xsock_now_ms() of the last hit; eviction */
	SSL_CTX *ctx;					/* owned reference */
} sni_entry;

struct _xsock_tls_sni_cache {
	sni_entry *e[SNI_CACHE_MAX];	/* NULL = free slot; pemalloc */
#ifdef ZTS
	MUTEX_T lock;					/* the conf is shared by every thread's streams */
#endif
};

#ifdef ZTS
# define CLOCK(c)	tsrm_mutex_lock((c)->lock)
# define CUNLOCK(c)	tsrm_mutex_unlock((c)->lock)
#else
# define CLOCK(c)
# define CUNLOCK(c)
#endif

/* What the callback answered, validated; zvals borrowed from its return value. */
typedef struct _sni_answer {
	char cert[MAXPATHLEN];
	char pk[MAXPATHLEN];
	zval *passphrase;				/* NULL = none */
	unsigned char pass[32];
} sni_answer;

/* Shared with tls_ocsp.c (the staple file). */
bool xsock_file_stat(const char *path, xsock_file_id *id)
{
	zend_stat_t st;

	if (VCWD_STAT(path, &st) != 0) {
		return false;
	}
	memset(id, 0, sizeof(*id));
	id->mtime = (zend_long) st.st_mtime;
	id->size = (zend_long) st.st_size;
	id->ino = (zend_long) st.st_ino;
	return true;
}

static void entry_free(sni_entry *e)
{
	SSL_CTX_free(e->ctx);
	pefree(e, 1);
}

void xsock_tls_sni_cb_free(xsock_tls_conf *conf)
{
	size_t i;

	if (conf->sni_cache == NULL) {
		return;
	}
	for (i = 0; i < SNI_CACHE_MAX; i++) {
		if (conf->sni_cache->e[i] != NULL) {
			entry_free(conf->sni_cache->e[i]);
		}
	}
#ifdef ZTS
	tsrm_mutex_free(conf->sni_cache->lock);
#endif
	pefree(conf->sni_cache, 1);
	conf->sni_cache = NULL;
}

/* ------------------------------------------------------------- the answer */

static int answer_path(php_stream *stream, const char *name, HashTable *ht, const char *key, char *out)
{
	zval *v = zend_hash_str_find_deref(ht, key, strlen(key));

	if (v == NULL || Z_TYPE_P(v) != IS_STRING || Z_STRLEN_P(v) == 0) {
		XSOCK_WARN(stream, InvalidParam, "SNI_callback for `%s' must return null or an array with a "
			"non-empty string %s", name, key);
		return XSOCK_ERR;
	}
	if (!xsock_tls_check_path(Z_STRVAL_P(v), Z_STRLEN_P(v), out, "SNI_callback local_cert/local_pk")) {
		return XSOCK_ERR;
	}
	return XSOCK_OK;
}

static int answer_read(php_stream *stream, const char *name, zval *ret, sni_answer *a)
{
	HashTable *ht;

	memset(a, 0, sizeof(*a));
	if (Z_TYPE_P(ret) != IS_ARRAY) {
		XSOCK_WARN(stream, InvalidParam, "SNI_callback for `%s' must return null or an array "
			"[local_cert, local_pk, passphrase], %s returned", name, zend_zval_type_name(ret));
		return XSOCK_ERR;
	}
	ht = Z_ARRVAL_P(ret);
	if (answer_path(stream, name, ht, "local_cert", a->cert) != XSOCK_OK) {
		return XSOCK_ERR;
	}
	if (zend_hash_str_find(ht, "local_pk", sizeof("local_pk") - 1) == NULL) {
		strlcpy(a->pk, a->cert, sizeof(a->pk));
	} else if (answer_path(stream, name, ht, "local_pk", a->pk) != XSOCK_OK) {
		return XSOCK_ERR;
	}
	a->passphrase = zend_hash_str_find_deref(ht, "passphrase", sizeof("passphrase") - 1);
	if (a->passphrase != NULL) {
		if (Z_TYPE_P(a->passphrase) != IS_STRING) {
			XSOCK_WARN(stream, InvalidParam, "SNI_callback for `%s': passphrase must be a string", name);
			return XSOCK_ERR;
		}
		EVP_Digest(Z_STRVAL_P(a->passphrase), Z_STRLEN_P(a->passphrase), a->pass, NULL, EVP_sha256(), NULL);
	}
	return XSOCK_OK;
}

/* -------------------------------------------------------------- the cache */

static bool entry_matches(const sni_entry *e, const sni_answer *a)
{
	return strcmp(e->cert, a->cert) == 0 && strcmp(e->pk, a->pk) == 0 && memcmp(e->pass, a->pass, 32) == 0;
}

/* Still the files it was built from?  Asked of stat() at most once per SNI_RECHECK_MS. */
static bool entry_fresh(sni_entry *e, uint64_t now)
{
	xsock_file_id c, p;

	if (now - e->checked < SNI_RECHECK_MS) {
		return true;
	}
	if (!xsock_file_stat(e->cert, &c) || !xsock_file_stat(e->pk, &p)
			|| memcmp(&c, &e->cert_id, sizeof(c)) != 0 || memcmp(&p, &e->pk_id, sizeof(p)) != 0) {
		return false;
	}
	e->checked = now;
	return true;
}

/* A context for the answer from the cache (a new reference), or NULL. */
static SSL_CTX *cache_find(xsock_tls_sni_cache *c, const sni_answer *a)
{
	uint64_t now = xsock_now_ms();
	SSL_CTX *ctx = NULL;
	size_t i;

	CLOCK(c);
	for (i = 0; i < SNI_CACHE_MAX; i++) {
		sni_entry *e = c->e[i];

		if (e == NULL || !entry_matches(e, a)) {
			continue;
		}
		if (entry_fresh(e, now)) {
			SSL_CTX_up_ref(e->ctx);
			e->used = now;
			ctx = e->ctx;
		} else {
			/* Renewed: built again below; handshakes running on the old one keep their reference. */
			entry_free(e);
			c->e[i] = NULL;
		}
		break;
	}
	CUNLOCK(c);
	return ctx;
}

static void cache_add(xsock_tls_sni_cache *c, sni_entry *n)
{
	size_t i, victim = 0;
	sni_entry *old;

	CLOCK(c);
	for (i = 0; i < SNI_CACHE_MAX; i++) {
		if (c->e[i] == NULL) {
			victim = i;
			break;
		}
		if (c->e[i]->used < c->e[victim]->used) {
			victim = i;
		}
	}
	old = c->e[victim];
	c->e[victim] = n;
	CUNLOCK(c);
	if (old != NULL) {
		entry_free(old);
	}
}

/* Made with the conf (tls_config.c conf_build) when SNI_callback is given, so never raced for. */
xsock_tls_sni_cache *xsock_tls_sni_cb_cache_new(void)
{
	xsock_tls_sni_cache *c = pecalloc(1, sizeof(*c), 1);

#ifdef ZTS
	c->lock = tsrm_mutex_alloc();
#endif
	return c;
}

/* Build (stat first: a change during the build is seen at the next check) and cache. */
static SSL_CTX *build(php_stream *stream, xsock_tls_conf *conf, const sni_answer *a, const char *name)
{
	sni_entry *e = pecalloc(1, sizeof(*e), 1);

	strlcpy(e->cert, a->cert, sizeof(e->cert));
	strlcpy(e->pk, a->pk, sizeof(e->pk));
	memcpy(e->pass, a->pass, sizeof(e->pass));
	if (!xsock_file_stat(e->cert, &e->cert_id) || !xsock_file_stat(e->pk, &e->pk_id)) {
		XSOCK_WARN(stream, NotFound, "SNI_callback for `%s': cannot read `%s'", name,
			xsock_file_stat(e->cert, &e->cert_id) ? e->pk : e->cert);
		pefree(e, 1);
		return NULL;
	}
	e->ctx = xsock_tls_ctx_for_cert(stream, conf, e->cert, e->pk, a->passphrase);
	if (e->ctx == NULL) {
		pefree(e, 1);
		return NULL;
	}
	xsock_tls_server_host_attach(e->ctx, conf);
	e->checked = e->used = xsock_now_ms();
	SSL_CTX_up_ref(e->ctx);
	cache_add(conf->sni_cache, e);
	return e->ctx;
}

/* -------------------------------------------------------------- the call */

/*
 * A server loop must survive one bad lookup: the exception becomes a
 * warning naming it, and is cleared first (a warning raised while an
 * exception is pending never reaches the script's error handler).
 */
static void exception_to_warning(php_stream *stream, const char *name)
{
	zend_object *ex = EG(exception);
	zval *msg, rv;

	GC_ADDREF(ex);
	zend_clear_exception();
	msg = zend_read_property(ex->ce, ex, "message", sizeof("message") - 1, 1, &rv);
	XSOCK_WARN(stream, Generic, "SNI_callback for `%s' threw %s: %s", name, ZSTR_VAL(ex->ce->name),
		Z_TYPE_P(msg) == IS_STRING ? Z_STRVAL_P(msg) : "");
	OBJ_RELEASE(ex);
}

/* The callback with the name; false (and a warning) when it threw or cannot be called. */
static bool call(php_stream *stream, zval *cb, const char *name, zval *ret)
{
	zval arg;
	int rc;

	ZVAL_UNDEF(ret);
	if (!zend_is_callable(cb, 0, NULL)) {
		XSOCK_WARN(stream, InvalidParam, "SNI_callback must be a valid callback");
		return false;
	}
	ZVAL_STRING(&arg, name);
	/* fclose() of the stream inside the callback must not free it under OpenSSL (see xsock_tls_call). */
	stream->in_free++;
	rc = call_user_function(NULL, NULL, cb, ret, 1, &arg);
	stream->in_free--;
	zval_ptr_dtor(&arg);
	if (rc == SUCCESS && !EG(exception)) {
		return true;
	}
	zval_ptr_dtor(ret);
	ZVAL_UNDEF(ret);
	if (EG(exception)) {
		exception_to_warning(stream, name);
	}
	return false;
}

/*
 * From the servername callback (tls_server.c): SSL_TLSEXT_ERR_OK after
 * switching to the callback's certificate, _NOACK for "not mine" (null, no
 * callback in this stream's context), _ALERT_FATAL after a warning.
 */
int xsock_tls_sni_cb_select(SSL *ssl, xsock_tls_conf *conf, const char *name, int *alert)
{
	php_stream *stream = xsock_tls_stream_of(ssl);
	php_stream_context *context = stream ? PHP_STREAM_CONTEXT(stream) : NULL;
	zval *cb = context ? php_stream_context_get_option(context, "ssl", "SNI_callback") : NULL;
	zval ret;
	sni_answer a;
	SSL_CTX *ctx = NULL;

	if (cb == NULL || conf->sni_cache == NULL) {
		return SSL_TLSEXT_ERR_NOACK;
	}
	if (!call(stream, cb, name, &ret)) {
		*alert = SSL_AD_INTERNAL_ERROR;
		return SSL_TLSEXT_ERR_ALERT_FATAL;
	}
	if (Z_TYPE(ret) == IS_NULL) {
		return SSL_TLSEXT_ERR_NOACK;
	}
	if (answer_read(stream, name, &ret, &a) == XSOCK_OK
			&& (ctx = cache_find(conf->sni_cache, &a)) == NULL) {
		ctx = build(stream, conf, &a, name);
	}
	zval_ptr_dtor(&ret);
	if (ctx == NULL) {
		*alert = SSL_AD_INTERNAL_ERROR;
		return SSL_TLSEXT_ERR_ALERT_FATAL;
	}
	SSL_set_SSL_CTX(ssl, ctx);
	SSL_CTX_free(ctx);	/* the SSL holds its own reference now */
	return SSL_TLSEXT_ERR_OK;
}
