/*
 * tls_int.h - what the tls_*.c files share among themselves; nothing here is
 * visible to the rest of xsock (that is tls.h).
 *
 * Ownership: a stream owns one xsock_tls (xs->tls).  Every SSL_CTX lives in
 * a reference-counted xsock_tls_conf, shared by all streams built from the
 * same option set (one per listening server, one per distinct client option
 * set through the cache in tls_config.c).
 */
#ifndef XSOCK_TLS_INT_H
#define XSOCK_TLS_INT_H

#define XSOCK_WITH_OPENSSL_HEADERS 1
#include "xsock_stream.h"
#include "tls.h"

#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/* PHP's defaults (ext/openssl/php_openssl.h, 8.2). */
#define XSOCK_TLS_DEFAULT_VERIFY_DEPTH	9
#define XSOCK_TLS_DEFAULT_RENEG_LIMIT	2
#define XSOCK_TLS_DEFAULT_RENEG_WINDOW	300
#define XSOCK_TLS_DEFAULT_CIPHERS "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:" \
	"ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:" \
	"DHE-DSS-AES128-GCM-SHA256:kEDH+AESGCM:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA256:" \
	"ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES256-SHA384:" \
	"ECDHE-RSA-AES256-SHA:ECDHE-ECDSA-AES256-SHA:DHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA:" \
	"DHE-DSS-AES128-SHA256:DHE-RSA-AES256-SHA256:DHE-DSS-AES256-SHA:DHE-RSA-AES256-SHA:AES128-GCM-SHA256:" \
	"AES256-GCM-SHA384:AES128:AES256:HIGH:!SSLv2:!aNULL:!eNULL:!EXPORT:!DES:!MD5:!RC4:!ADH"

/* The low bit of STREAM_CRYPTO_METHOD_*: client side (php_stream_transport.h). */
#define XSOCK_CRYPTO_IS_CLIENT	1

/* Bytes of the peer's first flight kept for xsock_tls_diagnose(). */
#define XSOCK_TLS_SEEN_MAX		256
#define XSOCK_TLS_HINT_MAX		256

/*
 * Socket reads of OpenSSL smaller than this (record headers, small
 * records) fetch up to this many bytes at once; see bio_read().
 */
#define XSOCK_TLS_AHEAD			4096
#define XSOCK_TLS_HEADER		5		/* a TLS record header: type, version, length */
#define XSOCK_TLS_RECORD		16384	/* most plaintext one record carries (RFC 8446 §5.1) */

/*
 * Bulk reads: a socket read may fetch this much past what OpenSSL asked
 * for, when the read call wants more than a record (see bulk_tail()):
 * four full records with their overhead.
 */
#define XSOCK_TLS_BULK			(4 * (XSOCK_TLS_RECORD + 256))
#define XSOCK_TLS_BULK_SLACK	256		/* read-ahead past the plaintext asked for: record overheads */

/* Bulk writes: records of one write held back to leave in one send() (bio_write). */
#define XSOCK_TLS_WBUF			65536

/*
 * A cast shows OpenSSL at most this many kernel bytes by peeking: two
 * full records (16 KiB + 256 bytes of overhead each) plus a few tickets.
 */
#define XSOCK_TLS_PEEK_MAX		(2 * (16384 + 256) + 4096)

/* Cache key of a configuration: SHA-256 of every option that shapes the SSL_CTX. */
#define XSOCK_TLS_KEY_LEN		32

typedef struct _xsock_tls_conf xsock_tls_conf;
typedef struct _xsock_tls_sni_cache xsock_tls_sni_cache;
typedef struct _xsock_tls_staple xsock_tls_staple;

/* A file's identity: a rewrite or a rename over it changes one of these. */
typedef struct _xsock_file_id {
	zend_long mtime;				/* st_mtime, seconds */
	zend_long size;					/* st_size */
	zend_long ino;					/* st_ino: a file renamed over the old one */
} xsock_file_id;

/* A process-wide cache's counters, for `php --ri xsock` (since the process started). */
typedef struct _xsock_tls_cache_stats {
	size_t entries;					/* held now */
	uint64_t hits;					/* lookups that found an entry */
	uint64_t misses;				/* lookups that found none */
} xsock_tls_cache_stats;

/* One name of SNI_server_certs and the SSL_CTX serving it. */
typedef struct _xsock_tls_sni {
	char *name;						/* host pattern (PHP wildcard rule); malloc */
	SSL_CTX *ctx;					/* built like the main one, other cert */
} xsock_tls_sni;

struct _xsock_tls_conf {
	SSL_CTX *ctx;					/* owned; never NULL */
	unsigned char key[XSOCK_TLS_KEY_LEN];	/* cache key, also the server session id context */
	bool is_client;					/* built for SSL_connect or SSL_accept */
	bool cached;					/* listed in the process-wide cache */
	unsigned char *alpn;			/* server: wire-format list to select from; malloc */
	unsigned int alpn_len;			/* bytes in alpn */
	xsock_tls_sni *sni;				/* server: per-host contexts; malloc */
	size_t sni_count;				/* entries in sni */
	xsock_tls_sni_cache *sni_cache;	/* server with SNI_callback: contexts for its answers (tls_sni_cb.c);
									   NULL = no callback */
	const char *trust_store;		/* client: CAs from OpenSSL's "default" locations or a system bundle
									   tls_trust.c found (static strings); NULL = cafile/capath, no
									   verification, or neither held a CA.  Read by xsock_tls_info()
									   and the verify hint (tls_verify_hint.c) */
	xsock_tls_staple *staple;		/* server: ssl.ocsp_staple_file (tls_ocsp.c); NULL = none */
	uint32_t refcount;				/* streams + cache holding it */
	uint64_t last_used;				/* xsock_now_ms() of the last lookup; cache eviction */
};

/*
 * A context lookup kept for the next one (xsock_tls_conf_memo), so that a
 * setup whose options cannot have changed skips reading and hashing them:
 * one per listening server (its accepts), one per request for the other
 * setups (clients reusing a context).
 */
typedef struct _xsock_tls_memo {
	xsock_tls_conf *conf;			/* context of the last lookup that raised no warning (a reference):
									   also pins it against cache eviction; NULL = none */
	zend_array *opts;				/* the context's "ssl" options array it was read from (a reference);
									   NULL = none */
	php_stream_context *ctx;		/* the context that held opts; NULL = none */
	int method;						/* crypto method of that lookup */
	bool is_client;					/* side of that lookup */
	uint64_t at_ms;					/* xsock_now_ms() of the full lookup: trusted FILE_RECHECK_MS */
} xsock_tls_memo;

/*
 * Bytes held back to leave with later ones in one send(): the records of
 * one write (tls_bio.c hold()), or a TLS 1.3 server's session tickets
 * until its first write (defer()).  Sized to what it holds: a deferred
 * ticket needs a few hundred bytes, a write under way XSOCK_TLS_WBUF.
 */
typedef struct _xsock_tls_wbuf {
	size_t len;						/* bytes held */
	size_t pos;						/* bytes of them already sent */
	size_t cap;						/* bytes data has room for */
	char data[1];
} xsock_tls_wbuf;

/*
 * The BIO's view of the stream.  The fd is re-read from the stream on
 * every call (ext/sockets may swap it, see xsock_stream.h).
 */
typedef struct _xsock_tls_io {
	xsock_stream *xs;				/* owner; gives net.socket */
	unsigned char *prefix;			/* raw bytes received but not yet handed to OpenSSL: PHP's buffer
									   when TLS started, then read-ahead; pemalloc; NULL when none */
	size_t prefix_len;				/* bytes in prefix */
	size_t prefix_pos;				/* bytes of prefix already handed to OpenSSL */
	bool persistent;				/* prefix allocated persistently */
	bool eof;						/* recv() returned 0 (BIO_CTRL_EOF) */
	bool big;						/* the last socket read wanted more than XSOCK_TLS_AHEAD: no read-ahead */
	bool record;					/* copy received bytes into seen (handshake) */
	int last_errno;					/* errno of the last failed send/recv, 0 if none */
	bool peek;						/* a cast is looking: socket reads peek, nothing leaves the kernel */
	bool prefix_bulk;				/* prefix is a bulk read-ahead buffer (bulk_tail()), larger than
									   what it holds */
	bool coalesce;					/* the write under way has more records to come: hold this one */
	bool deferred;					/* wbuf holds only session tickets: they wait for the next write,
									   or go when the stream waits or goes quiet (xsock_tls_bio_release) */
	bool in_wait_loop : 1;			/* inside handshake_loop or a read on a blocking stream, which
									   polls whenever OpenSSL wants to read */
	bool wait_first : 1;			/* ... and a flight just left (or a server starts, or a recv()
									   came back short): the next read cannot have bytes yet, so it
									   polls first (bio_read) */
	bool recv_now : 1;				/* the socket read that follows waits in recv() (bio_read) */
	bool recv_wait_failed : 1;		/* a wait in recv() ended without bytes: the rest of this call polls */
	bool may_wait : 1;				/* a loop of tls.c runs an SSL call on a blocking stream: a socket
									   read may wait in recv() instead of the loop's poll()
									   (xsock_net_recv_wait), until wait_deadline */
	uint64_t wait_deadline;			/* that loop's deadline (xsock_now_ms); 0 = none */
	uint32_t want;					/* plaintext bytes the read call under way still asks for (tls.c);
									   0 outside xsock_tls_read */
	size_t peeked;					/* kernel bytes OpenSSL has been shown by peeks and not yet received
									   for real; the next socket read takes them first */
	char *peek_copy;				/* peek mode: copy of the head of the kernel's queue, up to
									   XSOCK_TLS_PEEK_MAX bytes; emalloc; NULL outside a cast */
	size_t peek_len;				/* bytes in peek_copy */
	size_t seen_len;				/* bytes in seen */
	unsigned char *seen;			/* start of what the peer sent, XSOCK_TLS_SEEN_MAX bytes; only
									   during a handshake (idle streams stay small); pemalloc */
	xsock_tls_wbuf *wbuf;			/* bytes held back for one send(); pemalloc; NULL when none (no write
									   under way, no tickets deferred) */
} xsock_tls_io;

/*
 * The ssl context options that shape an SSL_CTX, read once per setup in
 * PHP's order (php_openssl_setup_crypto), converted in place as PHP does.
 * Pointers point into the stream context's zvals: valid during setup only.
 */
typedef struct _xsock_tls_opts {
	php_stream *stream;				/* whose setup this is; warnings only (8.6 Stream Errors), never in the key */
	bool is_client;					/* low bit of the crypto method */
	int min_version;				/* OpenSSL *_VERSION after PHP's min/max mapping */
	int max_version;				/* idem */
	bool no_ticket;					/* ssl.no_ticket; default false */
	bool compression;				/* ssl.disable_compression === false */
	bool verify;					/* SSL_VERIFY_PEER unless verify_peer === false */
	const char *cafile;				/* ssl.cafile, else INI openssl.cafile; NULL = none */
	bool cafile_ini;				/* cafile came from openssl.cafile (its load failure says so) */
	const char *capath;				/* ssl.capath, else INI openssl.capath; NULL = none */
	const char *trust_store;		/* set by the build: see xsock_tls_conf.trust_store */
	bool ca_names;					/* server with an explicit cafile: send its CA names */
	zval *passphrase;				/* ssl.passphrase; NULL = no password callback */
	const char *ciphers;			/* ssl.ciphers or PHP's default list */
	bool has_seclevel;				/* ssl.security_level given */
	zend_long seclevel;				/* its value, applied even out of range (as PHP) */
	unsigned char *alpn;			/* wire-format ssl.alpn_protocols; emalloc; NULL = none */
	unsigned short alpn_len;		/* bytes in alpn */
	const char *local_cert;			/* ssl.local_cert as given; NULL = none */
	const char *local_pk;			/* ssl.local_pk as given; NULL = use local_cert */
	char cert_path[MAXPATHLEN];		/* resolved local_cert */
	char pk_path[MAXPATHLEN];		/* resolved local_pk (or local_cert) */
	bool server_opts;				/* server with a context: the options below were read */
	const char *dh_param;			/* ssl.dh_param path; NULL = none */
	bool single_dh_use;				/* default true */
	bool honor_cipher_order;		/* default true */
	zval *sni_certs;				/* server: ssl.SNI_server_certs when SNI_enabled */
	bool sni_cb;					/* server: ssl.SNI_callback given, SNI_enabled */
	zend_long num_tickets;			/* server: ssl.num_tickets, TLS 1.3 tickets per full handshake;
									   -1 = not given, OpenSSL's default (2) as PHP */
	bool psk;						/* psk_client_cb / psk_server_cb given (tls_psk.c) */
	zend_string *sid_ctx;			/* server: ssl.session_id_context; NULL = xsock's key */
	bool sess_get;					/* server: session_get_cb given: the script is the cache */
	bool sess_remove;				/* server: session_remove_cb given */
	bool sess_cache_off;			/* server: session_cache === false */
	zend_long sess_cache_size;		/* server: ssl.session_cache_size; 0 = xsock's default */
	zend_long sess_timeout;			/* server: ssl.session_timeout, seconds; 0 = OpenSSL's 7200 */
	zend_long max_early_data;		/* server: ssl.max_early_data, bytes; 0 = no 0-RTT */
	bool warned;					/* a warning was raised: do not cache the result */
	char ocsp_file[MAXPATHLEN];		/* server: resolved ssl.ocsp_staple_file; "" = none */
} xsock_tls_opts;

/* PHP's renegotiation bucket (xp_ssl.c php_openssl_handshake_bucket_t). */
typedef struct _xsock_tls_reneg {
	zend_long limit;				/* handshakes allowed per window; default 2 */
	zend_long window;				/* seconds; default 300 */
	zend_long tokens;				/* leaky bucket level */
	time_t prev_handshake;			/* wall-clock seconds of the last handshake start; 0 = none yet */
	bool enabled;					/* reneg_limit >= 0 on a server */
	bool should_close;				/* limit exceeded and the callback did not veto */
} xsock_tls_reneg;

/*
 * A stream's script callbacks and 0-RTT data (tls_resume.c, tls_psk.c,
 * tls_early.c); zvals are UNDEF when the option is not given.  Never on
 * persistent streams (a closure does not outlive its request).
 */
typedef struct _xsock_tls_cbs {
	zval new_cb;					/* ssl.session_new_cb */
	zval get_cb;					/* server: ssl.session_get_cb */
	zval remove_cb;					/* server: ssl.session_remove_cb */
	zval psk_cb;					/* ssl.psk_client_cb / psk_server_cb */
	zval early_cb;					/* server: ssl.early_data_cb */
	zend_string *early_data;		/* client: ssl.early_data, sent as 0-RTT; NULL = none */
	size_t early_sent;				/* client: bytes of early_data written as 0-RTT so far */
	bool early_done;				/* the 0-RTT step ran */
	int early_status;				/* SSL_EARLY_DATA_* after the handshake; -1 = 0-RTT impossible */
} xsock_tls_cbs;

struct _xsock_tls {
	SSL *ssl;						/* NULL until setup and after crypto off */
	xsock_tls_conf *conf;			/* SSL_CTX of ssl (a reference) */
	xsock_tls_memo *listen;			/* listening server: context of the last accept (tls_config.c);
									   emalloc; NULL until one */
	xsock_tls_io io;				/* BIO state */
	xsock_tls_reneg reneg;			/* server renegotiation limiter */
	bool active;					/* handshake done and policy passed */
	bool hold;						/* the translator keeps its warning in `later` (xsock_tls_ssl_error_later) */
	int status;						/* STREAM_CRYPTO_STATUS_* after the last handshake step, read or write (PHP 8.6) */
	bool hs_timed_out;				/* the last handshake step failed because its deadline passed */
	bool accept_bounded;			/* the handshake runs inside accept under ssl.accept_timeout */
	struct timeval hs_budget;		/* ssl.handshake_timeout, when given */
	uint64_t hs_budget_end;			/* deadline of the handshake under way by that option; 0 = none */
	bool state_set;					/* connect/accept state chosen */
	bool session_cache;				/* client: ssl.session_cache (default true) */
	bool session_offered;			/* client: a cached session was set on ssl */
	unsigned char session_key[XSOCK_TLS_KEY_LEN];	/* client: key in the session cache */
	char *hint;						/* diagnosis of the last failed handshake; pemalloc; NULL = none */
	char *later;					/* warning of a write that failed after sending bytes, raised by the
									   next write call (PHP's order); pemalloc; NULL = none */
	xsock_tls_cbs *cbs;				/* script callbacks, 0-RTT data; pemalloc; NULL = none */
	int end;						/* XSOCK_TLS_END_*: how the session ended; the first seen wins */
	bool require_close_notify;		/* ssl.require_close_notify: EOF without close_notify fails the read */
	bool truncation_warned;			/* that failure was reported; later reads are a quiet EOF */
	char *keylog;					/* SSLKEYLOGFILE path for this stream's secrets (tls_keylog.c);
									   pemalloc; NULL = not logged */
	bool keylog_logged;				/* a line was written since the last handshake step */
	int keylog_errno;				/* errno of a failed keylog append, 0 = none; no more tries */
	int ocsp;						/* client: XSOCK_TLS_OCSP_* of the last handshake */
	int offered_from;				/* client: XSOCK_TLS_FROM_* of the session set on ssl */
	uint32_t tickets;				/* client: NewSessionTicket messages seen (new-session callback) */
	/* In the hole after tickets: xsock_tls stays at 320 bytes, one Zend MM bin (384 past it). */
	bool alert_seen;				/* an alert other than close_notify passed since setup (the first counts) */
	bool alert_sent;				/* it was ours; false: the peer's */
	uint8_t alert_desc;				/* its AlertDescription (RFC 8446 §6) */
	uint64_t hs_start_us;			/* xsock_now_us() of the first handshake step; 0 = none yet */
	uint64_t hs_end_us;				/* xsock_now_us() when the handshake completed; 0 = not yet */
};

/* xsock_tls.offered_from: where the session a client offered came from (xsock_tls_info()). */
#define XSOCK_TLS_FROM_NONE		0	/* no session offered */
#define XSOCK_TLS_FROM_CACHE	1	/* xsock's client session cache (tls_session.c) */
#define XSOCK_TLS_FROM_STREAM	2	/* the session_stream argument */
#define XSOCK_TLS_FROM_DATA		3	/* PHP 8.6's ssl.session_data (tls_resume.c) */

/*
 * xsock_tls.ocsp: what the stapled OCSP response said (tls_ocsp.c writes it
 * during the client handshake; xsock_tls_info() reads it).
 */
#define XSOCK_TLS_OCSP_NOT_ASKED	0	/* ssl.ocsp_stapling not set */
#define XSOCK_TLS_OCSP_NO_STAPLE	1	/* asked; the server sent no response */
#define XSOCK_TLS_OCSP_GOOD			2	/* verified response: good */
#define XSOCK_TLS_OCSP_REVOKED		3	/* verified response: revoked */
#define XSOCK_TLS_OCSP_UNKNOWN		4	/* verified response: unknown to the responder */
#define XSOCK_TLS_OCSP_INVALID		5	/* a response that did not verify: bad signature, wrong responder,
										   stale or not yet valid, not for this certificate */

/* xsock_tls.end: how a TLS session ended (xsock_tls_end_reason()). */
#define XSOCK_TLS_END_NONE		0	/* open, or never started */
#define XSOCK_TLS_END_NOTIFY	1	/* the peer's close_notify */
#define XSOCK_TLS_END_EOF		2	/* FIN without close_notify (truncation possible) */
#define XSOCK_TLS_END_RESET		3	/* ECONNRESET / EPIPE / ECONNABORTED */
#define XSOCK_TLS_END_ERROR		4	/* a fatal TLS or socket error */

/* tls.c */
extern int xsock_tls_ssl_index;	/* SSL ex_data slot: the php_stream */
php_stream *xsock_tls_stream_of(const SSL *ssl);
void xsock_tls_hint_set(xsock_tls *tls, const char *hint);
uint64_t xsock_tls_deadline(const struct timeval *tv);

/* tls_config.c: ssl context options -> shared SSL_CTX */
int xsock_tls_conf_minit(void);
void xsock_tls_conf_mshutdown(void);
xsock_tls_conf *xsock_tls_conf_memo(php_stream *stream, bool is_client, int method, xsock_tls_memo *m);
xsock_tls_memo *xsock_tls_conf_request_memo(void);
void xsock_tls_memo_free(xsock_tls_memo *m);
void xsock_tls_conf_ref(xsock_tls_conf *conf);
void xsock_tls_conf_release(xsock_tls_conf *conf);
void xsock_tls_conf_stats(xsock_tls_cache_stats *st);
int xsock_tls_version_of_flag(int flag);
void xsock_tls_method_range(int method, zend_long min_v, zend_long max_v, int *min_version, int *max_version);

/* tls_verify.c */
int xsock_tls_verify_callback(int preverify_ok, X509_STORE_CTX *ctx);
int xsock_tls_apply_policy(php_stream *stream, X509 *peer);
void xsock_tls_capture(php_stream *stream, X509 *peer);
bool xsock_tls_wildcard_match(const char *subject, const char *certname);

/* tls_trust.c: the system CA bundle when OpenSSL's default locations hold none */
const char *xsock_tls_trust_default(SSL_CTX *ctx);
#define XSOCK_TLS_CAPATH_CAS		0	/* hashed CA names found */
#define XSOCK_TLS_CAPATH_EMPTY		1	/* directory without any */
#define XSOCK_TLS_CAPATH_MISSING	2	/* no such directory */
int xsock_tls_capath_state(const char *capath);

/* tls_verify_hint.c: why verification failed, after PHP's text (issue #13) */
void xsock_tls_verify_hint(php_stream *stream, X509_STORE_CTX *ctx, zend_ulong allowed);
const char *xsock_tls_names_hint(php_stream *stream, X509 *peer);

/* tls_pin.c: ssl.pinned_pubkey */
#define XSOCK_TLS_PIN_LEN		(8 + 44)	/* "sha256//" + base64 of 32 bytes */
int xsock_tls_pin_check(php_stream *stream, X509 *peer, zval *val);
bool xsock_tls_spki_pin(X509 *cert, char out[XSOCK_TLS_PIN_LEN + 1]);
/* A certificate name in RFC 2253 form (openssl x509 -nameopt RFC2253); NULL when it cannot be printed (tls_info.c). */
zend_string *xsock_tls_dn(const X509_NAME *name);

/* tls_config.c, for tls_server.c: one more SSL_CTX from the same options */
bool xsock_tls_check_path(const char *path, size_t len, char *real, const char *what);
SSL_CTX *xsock_tls_ctx_build(xsock_tls_opts *o, const unsigned char *key, const char *cert, const char *pk, bool sni);
SSL_CTX *xsock_tls_ctx_for_cert(php_stream *stream, xsock_tls_conf *conf, const char *cert, const char *pk,
	zval *passphrase);

/* tls_sni_cb.c: ssl.SNI_callback */
bool xsock_file_stat(const char *path, xsock_file_id *id);
xsock_tls_sni_cache *xsock_tls_sni_cb_cache_new(void);
int xsock_tls_sni_cb_select(SSL *ssl, xsock_tls_conf *conf, const char *name, int *alert);
void xsock_tls_sni_cb_free(xsock_tls_conf *conf);

/* tls_ocsp.c: OCSP stapling */
int xsock_tls_ocsp_opts(php_stream *stream, xsock_tls_opts *o);
void xsock_tls_ocsp_key(EVP_MD_CTX *md, const xsock_tls_opts *o);
void xsock_tls_ocsp_server(xsock_tls_conf *conf, const xsock_tls_opts *o);
void xsock_tls_ocsp_free(xsock_tls_conf *conf);
int xsock_tls_ocsp_client_setup(php_stream *stream, xsock_tls *tls);
int xsock_tls_ocsp_check(php_stream *stream, X509 *peer);

/* tls_server.c */
int xsock_tls_server_sni_build(php_stream *stream, xsock_tls_conf *conf, xsock_tls_opts *o);
void xsock_tls_server_attach(SSL_CTX *ctx, xsock_tls_conf *conf);
void xsock_tls_server_host_attach(SSL_CTX *ctx, xsock_tls_conf *conf);
void xsock_tls_reneg_init(php_stream *stream, xsock_tls *tls);
void xsock_tls_reneg_count(const SSL *ssl);
void xsock_tls_sni_free(xsock_tls_conf *conf);

/* tls_bio.c */
int xsock_tls_bio_minit(void);
void xsock_tls_bio_mshutdown(void);
BIO *xsock_tls_bio_new(xsock_tls_io *io);
void xsock_tls_bio_take_prefix(php_stream *stream, xsock_tls_io *io);
void xsock_tls_bio_give_back(php_stream *stream, xsock_tls_io *io);
void xsock_tls_readbuf_append(php_stream *stream, const char *data, size_t len);
void xsock_tls_bio_peek_more(xsock_tls_io *io);
bool xsock_tls_bio_has_input(xsock_tls_io *io, bool ask_socket);
void xsock_tls_bio_peek(xsock_tls_io *io, bool on);
int xsock_tls_bio_settle(xsock_tls_io *io);
void xsock_tls_bio_idle(xsock_tls_io *io);
void xsock_tls_bio_release(xsock_tls_io *io);
void xsock_tls_io_record(xsock_tls_io *io, bool on);
void xsock_tls_io_free(xsock_tls_io *io);

/*
 * The rule "error queue empty before each SSL_read / SSL_write /
 * SSL_do_handshake / SSL_shutdown" (SSL_get_error() blames any queued
 * entry on the call that just failed).  On OpenSSL 3.0 ERR_clear_error()
 * costs ~840 instructions even on an empty queue (it wipes all 16 slots),
 * ERR_peek_error() ~210; the queue is almost always empty, since the
 * translators below leave it so.  SSL_get_error() looks at the queue
 * through ERR_peek_error() too, so "peek says 0" is exactly "clean enough".
 */
static inline void xsock_tls_err_reset(void)
{
	if (ERR_peek_error() != 0) {
		ERR_clear_error();
	}
}

/* tls_error.c: the one error translator */
int xsock_tls_ssl_error(php_stream *stream, int ret, const char *hint);
int xsock_tls_ssl_error_quiet(SSL *ssl, int ret, xsock_tls_io *io);
int xsock_tls_ssl_error_later(php_stream *stream, int ret);
bool xsock_tls_warn_later(php_stream *stream);
void xsock_tls_later_free(xsock_tls *tls);
void xsock_tls_end_setup(php_stream *stream, xsock_tls *tls);
void xsock_tls_alert_seen(const SSL *ssl, int where, int ret);

/* tls_keylog.c: SSLKEYLOGFILE output (xsock.keylog) */
void xsock_tls_keylog_ctx(SSL_CTX *ctx);
void xsock_tls_keylog_setup(php_stream *stream, xsock_tls *tls);
void xsock_tls_keylog_warn(php_stream *stream, xsock_tls *tls);
void xsock_tls_keylog_free(xsock_tls *tls);

/* tls_session.c: client session cache */
int xsock_tls_session_minit(void);
void xsock_tls_session_mshutdown(void);
void xsock_tls_session_offer(php_stream *stream, xsock_tls *tls);
int xsock_tls_session_new_cb(SSL *ssl, SSL_SESSION *sess);
void xsock_tls_session_forget(xsock_tls *tls);
void xsock_tls_session_stats(xsock_tls_cache_stats *st);

/* tls_resume.c: the session resumption API of PHP 8.6 */
int xsock_tls_resume_opts(php_stream *stream, xsock_tls_opts *o);
void xsock_tls_resume_ctx(SSL_CTX *ctx, const xsock_tls_opts *o);
int xsock_tls_resume_setup(php_stream *stream, xsock_tls *tls);
void xsock_tls_resume_running(php_stream *stream);
bool xsock_tls_call(php_stream *stream, zval *cb, zval *ret, uint32_t argc, zval *args);
void xsock_tls_cbs_free(xsock_tls *tls, bool persistent);

/* tls_psk.c: TLS-PSK callbacks */
void xsock_tls_psk_ctx(SSL_CTX *ctx, const xsock_tls_opts *o);

/* tls_early.c: TLS 1.3 early data */
int xsock_tls_early_read(php_stream *stream, xsock_tls_cbs *cbs);
void xsock_tls_early_ctx(SSL_CTX *ctx, const xsock_tls_opts *o);
int xsock_tls_early_step(php_stream *stream, xsock_tls *tls, uint64_t deadline);
void xsock_tls_early_finish(php_stream *stream, xsock_tls *tls);
void xsock_tls_early_meta(xsock_tls *tls, zval *crypto);

#endif
