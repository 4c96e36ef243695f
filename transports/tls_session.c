/*
 * tls_session.c - client-side TLS session resumption.
 *
 * PHP never resumes a session unless the script passes a session stream,
 * so every reconnect pays a full handshake.  xsock keeps the sessions a
 * server hands out (TLS 1.2 session ids/tickets, TLS 1.3 NewSessionTicket)
 * in a small process-wide cache and offers one on the next connection to
 * the same peer with the same settings.  The key covers everything that
 * makes a session trustworthy for the new connection: the SSL_CTX key
 * (verification on/off, CA, client certificate, ALPN, protocol range,
 * ciphers), the verify callback's options (allow_self_signed,
 * verify_depth) and the name sent as SNI (or the address; see key_peer()).
 * TLS 1.3 tickets are used once (RFC 8446 §C.4); TLS 1.2 sessions stay.
 * ssl.session_cache => false turns it off for a stream.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include <openssl/evp.h>

/* Sessions kept in all (each holds the peer's certificate chain, a few KiB). */
#define SESS_MAX		64
/* Sessions kept per key: enough for a few parallel reconnects. */
#define SESS_PER_KEY	4

typedef struct _sess_entry {
	unsigned char key[XSOCK_TLS_KEY_LEN];	/* tls->session_key of the stream that got it */
	SSL_SESSION *sess;						/* one reference owned here; NULL = free slot */
	uint64_t added;							/* xsock_now_ms() when stored; eviction order */
} sess_entry;

static sess_entry sess_cache[SESS_MAX];
static uint64_t sess_hits;		/* offers that found a session (under the lock) */
static uint64_t sess_misses;	/* offers that found none */
#ifdef ZTS
static MUTEX_T sess_lock;
# define LOCK()		tsrm_mutex_lock(sess_lock)
# define UNLOCK()	tsrm_mutex_unlock(sess_lock)
#else
# define LOCK()
# define UNLOCK()
#endif

static zval *opt(php_stream *stream, const char *name)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);

	return context ? php_stream_context_get_option(context, "ssl", name) : NULL;
}

/*
 * The peer's identity in the key: the name sent as SNI, or, without one,
 * the address.  Not the port.  A session proves what the full handshake
 * verified, a certificate for that name (or address) checked with these
 * trust settings; that is the same on every port of the host.  A server on
 * another port that does not hold the ticket keys just declines the
 * session and a full handshake follows.  Keyed so, as Go's client cache
 * is, FTPS works against servers that insist on reuse (vsftpd's default
 * require_ssl_reuse=YES): the data connection goes to another port and
 * must resume the control connection's session, and PHP's ftp wrapper
 * gives it no session stream.  With a name there is no getpeername() at all.
 */
static void key_peer(EVP_MD_CTX *md, xsock_stream *xs, const char *name)
{
	php_sockaddr_storage sa;
	socklen_t len = sizeof(sa);

	if (name != NULL) {
		EVP_DigestUpdate(md, name, strlen(name) + 1);
		return;
	}
	memset(&sa, 0, sizeof(sa));
	if (getpeername(xs->net.socket, (struct sockaddr *) &sa, &len) != 0) {
		return;
	}
	if (sa.ss_family == AF_INET) {
		EVP_DigestUpdate(md, &((struct sockaddr_in *) &sa)->sin_addr, 4);
#if HAVE_IPV6
	} else if (sa.ss_family == AF_INET6) {
		EVP_DigestUpdate(md, &((struct sockaddr_in6 *) &sa)->sin6_addr, 16);
#endif
	}
}

/* The session key of a client stream about to start its handshake. */
static void session_key(php_stream *stream, xsock_tls *tls, unsigned char *key)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	const char *name = SSL_get_servername(tls->ssl, TLSEXT_NAMETYPE_host_name);
	zval *val;
	zend_long v;
	unsigned int len = XSOCK_TLS_KEY_LEN;

	EVP_DigestInit_ex(md, EVP_sha256(), NULL);
	EVP_DigestUpdate(md, tls->conf->key, XSOCK_TLS_KEY_LEN);
	val = opt(stream, "allow_self_signed");
	v = val != NULL && zend_is_true(val);
	EVP_DigestUpdate(md, &v, sizeof(v));
	val = opt(stream, "verify_depth");
	v = val != NULL ? zval_get_long(val) : XSOCK_TLS_DEFAULT_VERIFY_DEPTH;
	EVP_DigestUpdate(md, &v, sizeof(v));
	key_peer(md, xs, name);
	EVP_DigestFinal_ex(md, key, &len);
	EVP_MD_CTX_free(md);
}

static bool expired(SSL_SESSION *sess)
{
	return XSOCK_SSL_SESSION_TIME(sess) + (uint64_t) SSL_SESSION_get_timeout(sess)
		< (uint64_t) time(NULL);
}

static void entry_clear(sess_entry *e)
{
	SSL_SESSION_free(e->sess);
	e->sess = NULL;
}

/* The newest usable session for key, taken out when it is single-use. */
static SSL_SESSION *take(const unsigned char *key)
{
	sess_entry *best = NULL;
	SSL_SESSION *sess = NULL;
	size_t i;

	for (i = 0; i < SESS_MAX; i++) {
		sess_entry *e = &sess_cache[i];

		if (e->sess == NULL || memcmp(e->key, key, XSOCK_TLS_KEY_LEN) != 0) {
			continue;
		}
		if (expired(e->sess)) {
			entry_clear(e);
		} else if (best == NULL || e->added > best->added) {
			best = e;
		}
	}
	if (best != NULL) {
		sess = best->sess;
		if (SSL_SESSION_get_protocol_version(sess) >= TLS1_3_VERSION) {
			best->sess = NULL;			/* our reference moves to the caller */
		} else {
			SSL_SESSION_up_ref(sess);	/* TLS 1.2 sessions may be resumed again */
		}
	}
	return sess;
}

/* Client, before its first handshake step: offer a cached session. */
void xsock_tls_session_offer(php_stream *stream, xsock_tls *tls)
{
	SSL_SESSION *sess;

	session_key(stream, tls, tls->session_key);
	LOCK();
	sess = take(tls->session_key);
	if (sess != NULL) {
		sess_hits++;
	} else {
		sess_misses++;
	}
	UNLOCK();
	if (sess != NULL) {
		tls->session_offered = SSL_set_session(tls->ssl, sess) == 1;
		tls->offered_from = tls->session_offered ? XSOCK_TLS_FROM_CACHE : XSOCK_TLS_FROM_NONE;
		SSL_SESSION_free(sess);
		xsock_tls_err_reset();
	}
}

/* A free slot, else the oldest entry of key once it has SESS_PER_KEY, else the oldest. */
static sess_entry *slot_for(const unsigned char *key)
{
	sess_entry *oldest = &sess_cache[0], *oldest_same = NULL;
	size_t i, same = 0;

	for (i = 0; i < SESS_MAX; i++) {
		sess_entry *e = &sess_cache[i];

		if (e->sess == NULL) {
			return e;
		}
		if (memcmp(e->key, key, XSOCK_TLS_KEY_LEN) == 0) {
			same++;
			if (oldest_same == NULL || e->added < oldest_same->added) {
				oldest_same = e;
			}
		}
		if (e->added < oldest->added) {
			oldest = e;
		}
	}
	return same >= SESS_PER_KEY ? oldest_same : oldest;
}

/* SSL_CTX_sess_set_new_cb: returning 1 keeps OpenSSL's reference. */
int xsock_tls_session_new_cb(SSL *ssl, SSL_SESSION *sess)
{
	php_stream *stream = xsock_tls_stream_of(ssl);
	xsock_tls *tls;
	sess_entry *e;

	if (stream == NULL || (tls = XSOCK_DATA(stream)->tls) == NULL || !tls->session_cache
			|| !SSL_SESSION_is_resumable(sess)) {
		return 0;
	}
	LOCK();
	e = slot_for(tls->session_key);
	if (e->sess != NULL) {
		entry_clear(e);
	}
	memcpy(e->key, tls->session_key, XSOCK_TLS_KEY_LEN);
	e->sess = sess;
	e->added = xsock_now_ms();
	UNLOCK();
	return 1;
}

/* The peer failed our checks: do not offer its sessions again. */
void xsock_tls_session_forget(xsock_tls *tls)
{
	size_t i;

	if (!tls->session_cache) {
		return;
	}
	LOCK();
	for (i = 0; i < SESS_MAX; i++) {
		if (sess_cache[i].sess != NULL && memcmp(sess_cache[i].key, tls->session_key, XSOCK_TLS_KEY_LEN) == 0) {
			entry_clear(&sess_cache[i]);
		}
	}
	UNLOCK();
}

void xsock_tls_session_stats(xsock_tls_cache_stats *st)
{
	size_t i;

	LOCK();
	st->entries = 0;
	for (i = 0; i < SESS_MAX; i++) {
		st->entries += sess_cache[i].sess != NULL;
	}
	st->hits = sess_hits;
	st->misses = sess_misses;
	UNLOCK();
}

int xsock_tls_session_minit(void)
{
#ifdef ZTS
	sess_lock = tsrm_mutex_alloc();
#endif
	return XSOCK_OK;
}

void xsock_tls_session_mshutdown(void)
{
	size_t i;

	for (i = 0; i < SESS_MAX; i++) {
		if (sess_cache[i].sess != NULL) {
			entry_clear(&sess_cache[i]);
		}
	}
#ifdef ZTS
	tsrm_mutex_free(sess_lock);
#endif
}
