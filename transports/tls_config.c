/*
 * tls_config.c - ssl context options -> SSL_CTX.
 *
 * PHP builds a fresh SSL_CTX for every connection and every accepted
 * stream (xp_ssl.c php_openssl_setup_crypto): the CA store, certificate
 * and key are parsed again each time, no session can be resumed, and each
 * idle TLS stream carries its own context.  xsock reads the options in
 * PHP's order, with PHP's conversions and warnings, reduces them to a
 * SHA-256 key and shares one SSL_CTX per key: a listening server builds it
 * once for all its children, clients and STARTTLS servers find it in a
 * small process-wide cache.  Files named by options enter the key by
 * content (or by stat() when large), so a rewritten certificate is seen.
 * A build that raised any warning is not cached, so the warning repeats
 * on every attempt as it does in PHP.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include "xsock_error.h"
#include "php_xsock.h"
#include "main/fopen_wrappers.h"
#include "zend_virtual_cwd.h"
#include <openssl/evp.h>
#include <openssl/pem.h>

/* Contexts kept for reuse; each holds an SSL_CTX (~ a few KiB plus CA store). */
#define CONF_CACHE_MAX		32
/* Files up to this size enter the cache key by content, larger ones by stat(). */
#define KEY_FILE_MAX		(64 * 1024)
/* Server session cache entries per SSL_CTX (OpenSSL's default is 20480). */
#define SERVER_SESS_CACHE	1024
/* File digests kept for the cache key (see file_digest). */
#define FILE_MEMO_MAX		16
/* Seconds a file must have been left alone before its digest is trusted. */
#define FILE_RACY_SEC		2
/*
 * A trusted file's identity is checked (stat()) at most this often: a
 * server accepting thousands of clients a second need not stat its
 * certificate and key for each one.  A renewed certificate is picked up
 * within this time, as with tls_sni_cb.c's contexts.
 */
#define FILE_RECHECK_MS		1000

typedef struct _file_memo {
	char *path;						/* as named by the option (resolved); pemalloc; NULL = free slot */
	zend_stat_t st;					/* what stat() said when the content was hashed */
	unsigned char digest[XSOCK_TLS_KEY_LEN];	/* SHA-256 of the content */
	bool trusted;					/* hashed FILE_RACY_SEC or more after its last change */
	uint64_t used;					/* xsock_now_ms() of the last store or hit; eviction */
	uint64_t checked;				/* xsock_now_ms() of the last stat() that matched st */
} file_memo;

static xsock_tls_conf *conf_cache[CONF_CACHE_MAX];
static uint64_t conf_hits;		/* lookups that found a context (under the lock) */
static uint64_t conf_misses;	/* lookups that built one; uncachable builds (a warning) too */
#ifdef ZTS
static MUTEX_T conf_lock;
# define LOCK()		tsrm_mutex_lock(conf_lock)
# define UNLOCK()	tsrm_mutex_unlock(conf_lock)
#else
# define LOCK()
# define UNLOCK()
#endif

/* ---------------------------------------------------------------- versions */

/* STREAM_CRYPTO_METHOD_* version bits, lowest first. */
#define FLAG_SSLv3	(1 << 2)
#define FLAG_TLS10	(1 << 3)
#define FLAG_TLS11	(1 << 4)
#define FLAG_TLS12	(1 << 5)
#define FLAG_TLS13	(1 << 6)

/*
 * Which versions this libssl speaks is asked on first need, not at MINIT:
 * the probe builds an SSL_CTX (2.5 M instructions on OpenSSL 3.0), which
 * every PHP process, TLS or not, would otherwise pay at startup.
 */
static bool version_ok[8];			/* indexed by bit number */
static bool versions_probed;
#ifdef ZTS
static MUTEX_T probe_lock;
#endif

int xsock_tls_version_of_flag(int flag)
{
	switch (flag) {
#ifdef XSOCK_HAVE_TLS13
		case FLAG_TLS13: return TLS1_3_VERSION;
#endif
		case FLAG_TLS12: return TLS1_2_VERSION;
		case FLAG_TLS11: return TLS1_1_VERSION;
		case FLAG_TLS10: return TLS1_VERSION;
		case FLAG_SSLv3: return SSL3_VERSION;
		default: return TLS1_2_VERSION;
	}
}

/*
 * Can this libssl write a ClientHello for exactly `version`?  Asked of the
 * library at run time (a distribution may drop versions without changing
 * headers); security level 0 so that the system policy, which PHP does not
 * override either, does not count as "not compiled in".
 */
static bool probe_version(SSL_CTX *ctx, int version)
{
	SSL *ssl = SSL_new(ctx);
	bool ok = false;

	if (ssl == NULL) {
		return false;
	}
	if (SSL_set_min_proto_version(ssl, version) == 1 && SSL_set_max_proto_version(ssl, version) == 1) {
		SSL_set_bio(ssl, BIO_new(BIO_s_mem()), BIO_new(BIO_s_mem()));
		SSL_set_connect_state(ssl);
		if (SSL_do_handshake(ssl) <= 0 && SSL_get_error(ssl, -1) == SSL_ERROR_WANT_READ) {
			ok = BIO_pending(SSL_get_wbio(ssl)) > 0;
		}
	}
	SSL_free(ssl);
	return ok;
}

static void probe_all(void)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	int bit;

	if (ctx != NULL) {
		SSL_CTX_set_security_level(ctx, 0);
		for (bit = 2; bit <= 6; bit++) {
			version_ok[bit] = probe_version(ctx, xsock_tls_version_of_flag(1 << bit));
		}
		SSL_CTX_free(ctx);
	}
#ifndef XSOCK_HAVE_TLS13
	version_ok[6] = false;
#endif
	ERR_clear_error();
}

static bool version_available(int bit)
{
#ifdef ZTS
	tsrm_mutex_lock(probe_lock);
#endif
	if (!versions_probed) {
		probe_all();
		versions_probed = true;
	}
#ifdef ZTS
	tsrm_mutex_unlock(probe_lock);
#endif
	return version_ok[bit];
}

/* PHP's texts (xp_ssl.c factory), then what to do instead. */
static const char *missing_text(int bit)
{
	switch (bit) {
		case 1: return "SSLv2 unavailable in this PHP version. SSLv2 is broken and no supported OpenSSL "
			"release can speak it; use tls:// (TLS 1.0-1.3) instead";
		case 2: return "SSLv3 support is not compiled into the OpenSSL library against which PHP is linked. "
			"Use tls:// (TLS 1.0-1.3) instead";
		case 3: return "TLSv1.0 support is not compiled into the OpenSSL library against which PHP is linked. "
			"Use tls:// to negotiate a version it supports";
		case 4: return "TLSv1.1 support is not compiled into the OpenSSL library against which PHP is linked. "
			"Use tls:// to negotiate a version it supports";
		case 5: return "TLSv1.2 support is not compiled into the OpenSSL library against which PHP is linked. "
			"Use tls:// to negotiate a version it supports";
		default: return "TLSv1.3 support is not compiled into the OpenSSL library against which PHP is linked. "
			"Use tls:// to negotiate a version it supports";
	}
}

bool xsock_tls_method_available(int method, const char **why)
{
	int bit;

	for (bit = 1; bit <= 6; bit++) {
		if ((method & (1 << bit)) && !version_available(bit)) {
			if (why != NULL) {
				*why = missing_text(bit);
			}
			return false;
		}
	}
	return true;
}

/* PHP_OPENSSL_MIN/MAX_PROTO_VERSION, decided by what the library can do. */
static int lowest_flag(void)
{
	return version_available(2) ? FLAG_SSLv3 : FLAG_TLS10;
}

static int highest_flag(void)
{
	return version_available(6) ? FLAG_TLS13 : FLAG_TLS12;
}

static int min_flag_of(int flags)
{
	int ver;

	for (ver = lowest_flag(); ver <= highest_flag(); ver <<= 1) {
		if (flags & ver) {
			return ver;
		}
	}
	return highest_flag();
}

static int max_flag_of(int flags)
{
	int ver;

	for (ver = highest_flag(); ver >= lowest_flag(); ver >>= 1) {
		if (flags & ver) {
			return ver;
		}
	}
	return highest_flag();
}

/*
 * PHP's php_openssl_get_proto_version_flags: min/max_proto_version replace
 * the method's version bits; a missing bound comes from the method.  So
 * SSLv23 = TLS 1.0-1.2, TLS_ANY = 1.0-1.3, and SSLv3 on a library without
 * it ends up as TLS 1.3 only (php-transports-8.2.md §6 items 32, 33).
 */
void xsock_tls_method_range(int method, zend_long min_v, zend_long max_v, int *min_version, int *max_version)
{
	int flags = method & ~1;
	zend_long min = min_v ? min_v : min_flag_of(flags);
	zend_long max = max_v ? max_v : max_flag_of(flags);
	int ver;

	for (ver = lowest_flag(); ver <= highest_flag(); ver <<= 1) {
		if (ver >= min && ver <= max) {
			flags |= ver;
		} else {
			flags &= ~ver;
		}
	}
	*min_version = xsock_tls_version_of_flag(min_flag_of(flags));
	*max_version = xsock_tls_version_of_flag(max_flag_of(flags));
}

/* ----------------------------------------------------------------- reading */

static zval *opt(php_stream *stream, const char *name)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);

	return context ? php_stream_context_get_option(context, "ssl", name) : NULL;
}

/* GET_VER_OPT_STRING: converted in place, as PHP does (§6 item 13). */
static const char *opt_string(php_stream *stream, const char *name, xsock_tls_opts *o)
{
	zval *val = opt(stream, name);

	if (val == NULL) {
		return NULL;
	}
	if (Z_TYPE_P(val) == IS_ARRAY) {
		o->warned = true;	/* "Array to string conversion" */
	}
	return try_convert_to_string(val) ? Z_STRVAL_P(val) : NULL;
}

static const char *ini_path(const char *name)
{
	const char *v = zend_ini_string((char *) name, strlen(name), 0);

	return (v != NULL && v[0] != '\0') ? v : NULL;
}

static void read_verify(php_stream *stream, xsock_tls_opts *o)
{
	zval *val = opt(stream, "verify_peer");

	o->verify = !(val != NULL && !zend_is_true(val));
	if (!o->verify) {
		return;
	}
	o->cafile = opt_string(stream, "cafile", o);
	o->capath = opt_string(stream, "capath", o);
	if (o->cafile == NULL) {
		o->cafile = ini_path("openssl.cafile");
		o->cafile_ini = o->cafile != NULL;
	} else if (!o->is_client) {
		o->ca_names = true;
	}
	if (o->capath == NULL) {
		o->capath = ini_path("openssl.capath");
	}
}

/* php_openssl_alpn_protos_parse: "h2,http/1.1" -> "\x02h2\x08http/1.1". */
static unsigned char *alpn_parse(const char *in, unsigned short *outlen)
{
	size_t len = strlen(in);
	size_t i, start = 0;
	unsigned char *out;

	if (len >= 65535) {
		return NULL;
	}
	out = emalloc(len + 1);
	for (i = 0; i <= len; ++i) {
		if (i == len || in[i] == ',') {
			if (i - start > 255) {
				efree(out);
				return NULL;
			}
			out[start] = (unsigned char) (i - start);
			start = i + 1;
		} else {
			out[i + 1] = (unsigned char) in[i];
		}
	}
	*outlen = (unsigned short) (len + 1);
	return out;
}

/* php_openssl_check_path_ex with arg_num 0: expand, NUL check, open_basedir. */
bool xsock_tls_check_path(const char *path, size_t len, char *real, const char *what)
{
	const char *error = NULL;

	if (len == 0) {
		real[0] = '\0';
		return true;
	}
	if (XSOCK_HAS_NUL(path, len)) {
		error = "must not contain any null bytes";
	} else if (expand_filepath(path, real) == NULL) {
		error = "must be a valid file path";
	}
	if (error != NULL) {
		php_error_docref(NULL, E_WARNING, "Path for %s option %s", what, error);
		return false;
	}
	return php_check_open_basedir(real) == 0;
}

static int read_cert(php_stream *stream, xsock_tls_opts *o)
{
	zval *val = opt(stream, "local_cert");

	if (val == NULL || !try_convert_to_string(val)) {
		return XSOCK_OK;
	}
	o->local_cert = Z_STRVAL_P(val);
	if (!xsock_tls_check_path(Z_STRVAL_P(val), Z_STRLEN_P(val), o->cert_path, "local_cert in ssl stream context")) {
		XSOCK_WARN(stream, NotFound, "Unable to get real path of certificate file `%s'", o->local_cert);
		return XSOCK_ERR;
	}
	val = opt(stream, "local_pk");
	if (val == NULL || !try_convert_to_string(val)) {
		/* PHP reuses the resolved local_cert path for the key. */
		strlcpy(o->pk_path, o->cert_path, sizeof(o->pk_path));
		return XSOCK_OK;
	}
	o->local_pk = Z_STRVAL_P(val);
	if (!xsock_tls_check_path(Z_STRVAL_P(val), Z_STRLEN_P(val), o->pk_path, "local_pk in ssl stream context")) {
		XSOCK_WARN(stream, NotFound, "Unable to get real path of private key file `%s'", o->local_pk);
		return XSOCK_ERR;
	}
	return XSOCK_OK;
}

/*
 * ssl.num_tickets (PHP 8.6's name; SSL_CTX_set_num_tickets): an int of 0
 * or more.  Anything else fails the server's setup, like a bad ALPN list,
 * rather than silently sending OpenSSL's default.
 */
static int read_num_tickets(php_stream *stream, xsock_tls_opts *o)
{
	zval *val = opt(stream, "num_tickets");

	if (val == NULL) {
		return XSOCK_OK;
	}
	/* PHP 8's wording for arguments: "must be of type int, string given". */
	if (Z_TYPE_P(val) != IS_LONG) {
		XSOCK_WARN(stream, InvalidParam, "num_tickets must be of type int, %s given", zend_zval_type_name(val));
		return XSOCK_ERR;
	}
	if (Z_LVAL_P(val) < 0) {
		XSOCK_WARN(stream, InvalidParam, "num_tickets must be greater than or equal to 0");
		return XSOCK_ERR;
	}
	o->num_tickets = Z_LVAL_P(val);
	return XSOCK_OK;
}

/* php_openssl_set_server_specific_opts: read only when there is a context. */
static int read_server(php_stream *stream, xsock_tls_opts *o)
{
	zval *val;

	if (o->is_client || PHP_STREAM_CONTEXT(stream) == NULL) {
		return XSOCK_OK;
	}
	o->server_opts = true;
	/* ecdh_curve: ignored since OpenSSL 1.1.0 (automatic curve selection). */
	val = opt(stream, "dh_param");
	if (val != NULL) {
		if (!try_convert_to_string(val)) {
			return XSOCK_ERR;
		}
		o->dh_param = Z_STRVAL_P(val);
	}
	if (opt(stream, "rsa_key_size") != NULL) {
		XSOCK_WARN(stream, InvalidParam, "rsa_key_size context option has been removed");
		o->warned = true;
	}
	val = opt(stream, "single_dh_use");
	o->single_dh_use = val == NULL || zend_is_true(val);
	val = opt(stream, "honor_cipher_order");
	o->honor_cipher_order = val == NULL || zend_is_true(val);
	val = opt(stream, "SNI_enabled");
	if (val == NULL || zend_is_true(val)) {
		o->sni_certs = opt(stream, "SNI_server_certs");
		o->sni_cb = opt(stream, "SNI_callback") != NULL;
	}
	return read_num_tickets(stream, o);
}

static int read_misc(php_stream *stream, xsock_tls_opts *o)
{
	zval *val;
	const char *alpn;

	o->passphrase = opt(stream, "passphrase");
	o->ciphers = opt_string(stream, "ciphers", o);
	if (o->ciphers == NULL) {
		o->ciphers = XSOCK_TLS_DEFAULT_CIPHERS;
	}
	val = opt(stream, "security_level");
	if (val != NULL) {
		o->has_seclevel = true;
		o->seclevel = zval_get_long(val);
		if (o->seclevel < 0 || o->seclevel > 5) {
			XSOCK_WARN(stream, InvalidParam, "Security level must be between 0 and 5");
			o->warned = true;
		}
	}
	alpn = opt_string(stream, "alpn_protocols", o);
	if (alpn != NULL) {
		o->alpn = alpn_parse(alpn, &o->alpn_len);
		if (o->alpn == NULL) {
			XSOCK_WARN(stream, InvalidParam, "Failed parsing comma-separated TLS ALPN protocol string");
			return XSOCK_ERR;
		}
	}
	return XSOCK_OK;
}

static int opts_read(php_stream *stream, bool is_client, int method, xsock_tls_opts *o)
{
	zval *val;
	zend_long min_v = 0, max_v = 0;

	memset(o, 0, sizeof(*o));
	o->stream = stream;
	o->is_client = is_client;
	o->num_tickets = -1;
	if ((val = opt(stream, "min_proto_version")) != NULL) {
		min_v = zval_get_long(val);
	}
	if ((val = opt(stream, "max_proto_version")) != NULL) {
		max_v = zval_get_long(val);
	}
	xsock_tls_method_range(method, min_v, max_v, &o->min_version, &o->max_version);
	val = opt(stream, "no_ticket");
	o->no_ticket = val != NULL && zend_is_true(val);
	val = opt(stream, "disable_compression");
	o->compression = val != NULL && !zend_is_true(val);
	read_verify(stream, o);
	if (read_misc(stream, o) != XSOCK_OK || read_cert(stream, o) != XSOCK_OK
			|| xsock_tls_resume_opts(stream, o) != XSOCK_OK || xsock_tls_ocsp_opts(stream, o) != XSOCK_OK) {
		return XSOCK_ERR;
	}
	return read_server(stream, o);
}

static void opts_free(xsock_tls_opts *o)
{
	if (o->alpn != NULL) {
		efree(o->alpn);
		o->alpn = NULL;
	}
}

/* --------------------------------------------------------------------- key */

static void key_bytes(EVP_MD_CTX *md, const char *tag, const void *p, size_t n)
{
	EVP_DigestUpdate(md, tag, strlen(tag) + 1);
	EVP_DigestUpdate(md, &n, sizeof(n));
	if (p != NULL && n != 0) {
		EVP_DigestUpdate(md, p, n);
	}
}

static void key_str(EVP_MD_CTX *md, const char *tag, const char *s)
{
	/* NULL and "" must differ: NULL is fed as length SIZE_MAX. */
	key_bytes(md, tag, s, s ? strlen(s) : (size_t) -1);
}

static void key_long(EVP_MD_CTX *md, const char *tag, zend_long v)
{
	key_bytes(md, tag, &v, sizeof(v));
}

/*
 * Digests of the files named by options, so that a server does not read
 * and hash its certificate (twice: local_cert and local_pk) at every
 * accept, nor a client its CA file at every connect.  An entry is trusted
 * while stat() reports the same file, size and times, and only when the
 * file had been left alone for FILE_RACY_SEC before it was hashed: a
 * rewrite within the same second (timestamps have a granularity) would
 * keep its times, so recently changed files are hashed every time (git's
 * "racily clean" rule).
 */
static file_memo file_memos[FILE_MEMO_MAX];

static bool memo_same(const file_memo *m, const char *path, const zend_stat_t *st)
{
	return m->path != NULL && m->st.st_dev == st->st_dev && m->st.st_ino == st->st_ino
		&& m->st.st_size == st->st_size && m->st.st_mtime == st->st_mtime
		&& m->st.st_ctime == st->st_ctime && strcmp(m->path, path) == 0;
}

static bool memo_find(const char *path, const zend_stat_t *st, unsigned char *digest)
{
	bool hit = false;
	size_t i;

	LOCK();
	for (i = 0; i < FILE_MEMO_MAX && !hit; i++) {
		if (file_memos[i].trusted && memo_same(&file_memos[i], path, st)) {
			memcpy(digest, file_memos[i].digest, sizeof(file_memos[i].digest));
			file_memos[i].used = file_memos[i].checked = xsock_now_ms();
			hit = true;
		}
	}
	UNLOCK();
	return hit;
}

/* Remember path's digest, in place of its old entry or the one used least recently. */
static void memo_store(const char *path, const zend_stat_t *st, const unsigned char *digest, bool trusted)
{
	file_memo *m = &file_memos[0];
	size_t i;

	LOCK();
	for (i = 0; i < FILE_MEMO_MAX; i++) {
		if (file_memos[i].path == NULL || strcmp(file_memos[i].path, path) == 0) {
			m = &file_memos[i];
			break;
		}
		if (file_memos[i].used < m->used) {
			m = &file_memos[i];
		}
	}
	if (m->path == NULL || strcmp(m->path, path) != 0) {
		if (m->path != NULL) {
			pefree(m->path, 1);
		}
		m->path = pestrdup(path, 1);
	}
	m->st = *st;
	memcpy(m->digest, digest, sizeof(m->digest));
	m->trusted = trusted;
	m->used = m->checked = xsock_now_ms();
	UNLOCK();
}

/* SHA-256 of a small regular file's content; false when it cannot be read. */
static bool file_digest(const char *path, const zend_stat_t *st, unsigned char *digest)
{
	EVP_MD_CTX *md;
	char buf[4096];
	FILE *fp;
	size_t n;
	time_t changed = MAX(st->st_mtime, st->st_ctime);

	if (memo_find(path, st, digest)) {
		return true;
	}
	if ((fp = VCWD_FOPEN(path, "rb")) == NULL) {
		return false;
	}
	md = EVP_MD_CTX_new();
	EVP_DigestInit_ex(md, EVP_sha256(), NULL);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		EVP_DigestUpdate(md, buf, n);
	}
	fclose(fp);
	EVP_DigestFinal_ex(md, digest, NULL);
	EVP_MD_CTX_free(md);
	memo_store(path, st, digest, time(NULL) - changed >= FILE_RACY_SEC);
	return true;
}

/* A trusted entry for path whose stat() matched less than FILE_RECHECK_MS ago: its stat and digest. */
static bool memo_recent(const char *path, zend_stat_t *st, unsigned char *digest)
{
	uint64_t now = xsock_now_ms();
	bool hit = false;
	size_t i;

	LOCK();
	for (i = 0; i < FILE_MEMO_MAX && !hit; i++) {
		file_memo *m = &file_memos[i];
		if (m->path != NULL && m->trusted && now - m->checked < FILE_RECHECK_MS && strcmp(m->path, path) == 0) {
			*st = m->st;
			memcpy(digest, m->digest, sizeof(m->digest));
			m->used = now;
			hit = true;
		}
	}
	UNLOCK();
	return hit;
}

static void memo_free(void)
{
	size_t i;

	for (i = 0; i < FILE_MEMO_MAX; i++) {
		if (file_memos[i].path != NULL) {
			pefree(file_memos[i].path, 1);
		}
	}
	memset(file_memos, 0, sizeof(file_memos));
}

/* A file's identity: its content when small, else what stat() says. */
static void key_file(EVP_MD_CTX *md, const char *tag, const char *path)
{
	zend_stat_t st;
	unsigned char digest[XSOCK_TLS_KEY_LEN];

	bool known;

	key_str(md, tag, path);
	if (path == NULL || path[0] == '\0') {
		return;
	}
	known = memo_recent(path, &st, digest);
	if (!known && VCWD_STAT(path, &st) != 0) {
		return;
	}
	key_bytes(md, "stat", &st.st_size, sizeof(st.st_size));
	key_bytes(md, "mtime", &st.st_mtime, sizeof(st.st_mtime));
	key_bytes(md, "ino", &st.st_ino, sizeof(st.st_ino));
	if (S_ISREG(st.st_mode) && st.st_size <= KEY_FILE_MAX && (known || file_digest(path, &st, digest))) {
		key_bytes(md, "content", digest, sizeof(digest));
	}
}

static void key_sni(EVP_MD_CTX *md, zval *certs)
{
	zend_string *name;
	zval *v, *f;

	if (certs == NULL || Z_TYPE_P(certs) != IS_ARRAY) {
		key_long(md, "sni", certs ? Z_TYPE_P(certs) : -1);
		return;
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(certs), name, v) {
		key_str(md, "sni-name", name ? ZSTR_VAL(name) : NULL);
		ZVAL_DEREF(v);
		if (Z_TYPE_P(v) == IS_STRING) {
			key_file(md, "sni-file", Z_STRVAL_P(v));
		} else if (Z_TYPE_P(v) == IS_ARRAY) {
			f = zend_hash_str_find(Z_ARRVAL_P(v), "local_cert", sizeof("local_cert") - 1);
			key_file(md, "sni-cert", f && Z_TYPE_P(f) == IS_STRING ? Z_STRVAL_P(f) : NULL);
			f = zend_hash_str_find(Z_ARRVAL_P(v), "local_pk", sizeof("local_pk") - 1);
			key_file(md, "sni-pk", f && Z_TYPE_P(f) == IS_STRING ? Z_STRVAL_P(f) : NULL);
		} else {
			key_long(md, "sni-type", Z_TYPE_P(v));
		}
	} ZEND_HASH_FOREACH_END();
}

static void opts_key(const xsock_tls_opts *o, unsigned char *key)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	unsigned int len = XSOCK_TLS_KEY_LEN;
	zend_long flags = o->is_client | o->no_ticket << 1 | o->compression << 2 | o->verify << 3
		| o->ca_names << 4 | o->server_opts << 5 | o->single_dh_use << 6 | o->honor_cipher_order << 7
		| o->has_seclevel << 8 | o->psk << 9 | o->sess_get << 10 | o->sess_remove << 11
		| o->sess_cache_off << 12 | o->sni_cb << 13;

	EVP_DigestInit_ex(md, EVP_sha256(), NULL);
	key_long(md, "flags", flags);
	key_long(md, "min", o->min_version);
	key_long(md, "max", o->max_version);
	key_file(md, "cafile", o->cafile);
	key_file(md, "capath", o->capath);
	key_long(md, "pass-type", o->passphrase ? Z_TYPE_P(o->passphrase) : -1);
	if (o->passphrase && Z_TYPE_P(o->passphrase) == IS_STRING) {
		key_bytes(md, "pass", Z_STRVAL_P(o->passphrase), Z_STRLEN_P(o->passphrase));
	}
	key_str(md, "ciphers", o->ciphers);
	key_long(md, "seclevel", o->seclevel);
	key_bytes(md, "alpn", o->alpn, o->alpn ? o->alpn_len : (size_t) -1);
	key_file(md, "cert", o->local_cert ? o->cert_path : NULL);
	key_file(md, "pk", o->local_cert ? o->pk_path : NULL);
	key_file(md, "dh", o->dh_param);
	key_long(md, "tickets", o->num_tickets);
	if (o->sni_certs) {
		key_sni(md, o->sni_certs);
	}
	key_bytes(md, "sid-ctx", o->sid_ctx ? ZSTR_VAL(o->sid_ctx) : NULL, o->sid_ctx ? ZSTR_LEN(o->sid_ctx) : (size_t) -1);
	key_long(md, "sess-size", o->sess_cache_size);
	key_long(md, "sess-timeout", o->sess_timeout);
	key_long(md, "early", o->max_early_data);
	xsock_tls_ocsp_key(md, o);
	EVP_DigestFinal_ex(md, key, &len);
	EVP_MD_CTX_free(md);
}

/* ---------------------------------------------------------------- building */

/* php_openssl_passwd_callback: the passphrase, if it fits the buffer. */
static int passwd_cb(char *buf, int num, int rwflag, void *data)
{
	xsock_tls_opts *o = data;
	zval *val = o->passphrase;

	(void) rwflag;
	if (Z_TYPE_P(val) == IS_ARRAY) {
		o->warned = true;
	}
	if (!try_convert_to_string(val)) {
		return 0;
	}
	if (Z_STRLEN_P(val) < (size_t) num - 1) {
		memcpy(buf, Z_STRVAL_P(val), Z_STRLEN_P(val) + 1);
		return (int) Z_STRLEN_P(val);
	}
	return 0;
}

/*
 * PHP's text about a cafile that gave no certificate, then (xsock) which
 * setting named it when it was the ini, which a script does not show.
 */
static void cafile_warn(const char *text, const char *cafile, bool from_ini)
{
	const char *hint = from_ini ? "the openssl.cafile ini setting names this file" : NULL;

	php_error(E_WARNING, "%s: `%s'%s%s", text, cafile, hint ? "; " : "", hint ? hint : "");
	xsock_err_note_str("hint", hint);
}

/*
 * PHP's load_stream_cafile: when OpenSSL cannot open cafile itself (e.g. a
 * phar:// path), read it through PHP's streams; remote streams refused.
 */
static bool cafile_from_stream(X509_STORE *store, const char *cafile, bool from_ini)
{
	php_stream *s = php_stream_open_wrapper((char *) cafile, "rb", 0, NULL);
	zend_string *pem;
	BIO *bio;
	X509 *cert;
	long added = 0;

	if (s == NULL) {
		cafile_warn("failed loading cafile stream", cafile, from_ini);
		return false;
	}
	if (s->wrapper && s->wrapper->is_url) {
		php_stream_close(s);
		php_error(E_WARNING, "remote cafile streams are disabled for security purposes");
		return false;
	}
	pem = php_stream_copy_to_mem(s, PHP_STREAM_COPY_ALL, 0);
	php_stream_close(s);
	if (pem != NULL) {
		bio = BIO_new_mem_buf(ZSTR_VAL(pem), (int) ZSTR_LEN(pem));
		while ((cert = PEM_read_bio_X509(bio, NULL, 0, NULL)) != NULL) {
			added += X509_STORE_add_cert(store, cert) ? 1 : 0;
			X509_free(cert);
		}
		BIO_free(bio);
		zend_string_release(pem);
	}
	ERR_clear_error();
	if (added == 0) {
		cafile_warn("no valid certs found cafile stream", cafile, from_ini);
	}
	return added != 0;
}

/* php_openssl_enable_peer_verification (the Windows CryptoAPI path is not reproduced). */
static int build_verify(SSL_CTX *ctx, xsock_tls_opts *o)
{
	STACK_OF(X509_NAME) *names;

	if (!o->verify) {
		SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
		return XSOCK_OK;
	}
	if (o->ca_names) {
		names = SSL_load_client_CA_file(o->cafile);
		if (names == NULL) {
			php_error(E_WARNING, "SSL: failed loading CA names from cafile");
			return XSOCK_ERR;
		}
		SSL_CTX_set_client_CA_list(ctx, names);
	}
	if (o->cafile || o->capath) {
		if (!SSL_CTX_load_verify_locations(ctx, o->cafile, o->capath)) {
			ERR_clear_error();
			if (o->cafile && !cafile_from_stream(SSL_CTX_get_cert_store(ctx), o->cafile, o->cafile_ini)) {
				return XSOCK_ERR;
			}
		}
	} else if (o->is_client) {
		if (!SSL_CTX_set_default_verify_paths(ctx)) {
			XSOCK_WARN(o->stream, ProtocolError, "Unable to set default verify locations and no CA settings specified");
			return XSOCK_ERR;
		}
		o->trust_store = xsock_tls_trust_default(ctx);
	}
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, xsock_tls_verify_callback);
	return XSOCK_OK;
}

/* php_openssl_set_local_cert, or (sni) php_openssl_create_sni_server_ctx's texts. */
static int build_cert(SSL_CTX *ctx, xsock_tls_opts *o, const char *cert, const char *pk, bool sni)
{
	if (SSL_CTX_use_certificate_chain_file(ctx, cert) != 1) {
		XSOCK_WARN(o->stream, WriteFailed, sni
			? "Failed setting local cert chain file `%s'; check that your cafile/capath settings include details of your certificate and its issuer"
			: "Unable to set local cert chain file `%s'; Check that your cafile/capath settings include details of your certificate and its issuer",
			sni ? cert : o->local_cert);
		return XSOCK_ERR;
	}
	if (SSL_CTX_use_PrivateKey_file(ctx, pk, SSL_FILETYPE_PEM) != 1) {
		XSOCK_WARN(o->stream, WriteFailed, sni ? "Failed setting private key from file `%s'"
			: "Unable to set private key file `%s'", pk);
		return XSOCK_ERR;
	}
	if (!sni && !SSL_CTX_check_private_key(ctx)) {
		XSOCK_WARN(o->stream, PermissionDenied, "Private key does not match certificate!");
		o->warned = true;
	}
	return XSOCK_OK;
}

/* php_openssl_set_server_dh_param. */
static int build_dh(SSL_CTX *ctx, xsock_tls_opts *o)
{
	BIO *bio;
	EVP_PKEY *pkey;

	if (o->dh_param == NULL) {
		return XSOCK_OK;
	}
	bio = BIO_new_file(o->dh_param, "r");
	if (bio == NULL) {
		XSOCK_WARN(o->stream, InvalidParam, "Invalid dh_param");
		return XSOCK_ERR;
	}
	pkey = PEM_read_bio_Parameters(bio, NULL);
	BIO_free(bio);
	if (pkey == NULL) {
		XSOCK_WARN(o->stream, InvalidFormat, "Failed reading DH params");
		return XSOCK_ERR;
	}
	if (SSL_CTX_set0_tmp_dh_pkey(ctx, pkey) == 0) {
		XSOCK_WARN(o->stream, ProtocolError, "Failed assigning DH params");
		EVP_PKEY_free(pkey);
		return XSOCK_ERR;
	}
	return XSOCK_OK;
}

static uint64_t ctx_options(const xsock_tls_opts *o)
{
	/* PHP: SSL_OP_ALL minus the empty-fragment workaround (CBC in TLS 1.0). */
	uint64_t op = (uint64_t) SSL_OP_ALL & ~(uint64_t) SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS;

	if (o->no_ticket) {
		op |= SSL_OP_NO_TICKET;
	}
	/* PHP keeps OpenSSL 1.1.1's view: a FIN without close_notify is EOF (§6 item 39). */
	op |= SSL_OP_IGNORE_UNEXPECTED_EOF;
	if (!o->compression) {
		op |= SSL_OP_NO_COMPRESSION;
	}
	if (o->server_opts && o->single_dh_use) {
		op |= SSL_OP_SINGLE_DH_USE;
	}
	if (o->server_opts && o->honor_cipher_order) {
		op |= SSL_OP_CIPHER_SERVER_PREFERENCE;
	}
	return op;
}

static void build_sessions(SSL_CTX *ctx, const xsock_tls_opts *o, const unsigned char *key)
{
	if (o->is_client) {
		/* Sessions are kept by tls_session.c, keyed per peer, not by OpenSSL. */
		SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE);
		xsock_tls_resume_ctx(ctx, o);	/* new sessions: the script's callback, else tls_session.c */
		return;
	}
	/*
	 * Resumption on a shared server context needs a session id context,
	 * or OpenSSL refuses to resume sessions with client certificates.
	 */
	SSL_CTX_set_session_id_context(ctx, key, XSOCK_TLS_KEY_LEN);
	SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_SERVER);
	SSL_CTX_sess_set_cache_size(ctx, SERVER_SESS_CACHE);
#ifdef XSOCK_HAVE_TLS13
	/*
	 * TLS 1.3: OpenSSL's default (two tickets per full handshake) unless
	 * ssl.num_tickets says otherwise, as PHP: a client that opens two more
	 * connections after the first can resume both (RFC 8446 §C.4: a ticket
	 * is used once).
	 */
	if (o->num_tickets >= 0) {
		SSL_CTX_set_num_tickets(ctx, (size_t) o->num_tickets);
	}
#endif
	xsock_tls_resume_ctx(ctx, o);	/* session_* options, PSK, early data */
}

/*
 * One SSL_CTX from the options; `cert`/`pk` override local_cert for the
 * per-host contexts of SNI_server_certs, which otherwise get every setting
 * of the main one (PHP leaves them bare, §6 item 17).
 */
SSL_CTX *xsock_tls_ctx_build(xsock_tls_opts *o, const unsigned char *key, const char *cert, const char *pk, bool sni)
{
	SSL_CTX *ctx = SSL_CTX_new(o->is_client ? TLS_client_method() : TLS_server_method());

	if (ctx == NULL) {
		XSOCK_WARN(o->stream, CreateFailed, "SSL context creation failure");
		return NULL;
	}
	if (build_verify(ctx, o) != XSOCK_OK) {
		goto fail;
	}
	if (o->passphrase != NULL) {
		SSL_CTX_set_default_passwd_cb_userdata(ctx, o);
		SSL_CTX_set_default_passwd_cb(ctx, passwd_cb);
	}
	/* A bad cipher list fails with no warning of its own (§6 item 15). */
	if (SSL_CTX_set_cipher_list(ctx, o->ciphers) != 1) {
		goto fail;
	}
	if (o->has_seclevel) {
		SSL_CTX_set_security_level(ctx, (int) o->seclevel);
	}
	if (o->alpn != NULL && o->is_client) {
		SSL_CTX_set_alpn_protos(ctx, o->alpn, o->alpn_len);
	}
	if (cert != NULL && build_cert(ctx, o, cert, pk, sni) != XSOCK_OK) {
		goto fail;
	}
	SSL_CTX_set_options(ctx, ctx_options(o));
	SSL_CTX_set_min_proto_version(ctx, o->min_version);
	SSL_CTX_set_max_proto_version(ctx, o->max_version);
	if (o->server_opts && !sni && build_dh(ctx, o) != XSOCK_OK) {
		goto fail;
	}
	build_sessions(ctx, o, key);
	xsock_tls_keylog_ctx(ctx);
	/* The callback's userdata points into this setup's options. */
	SSL_CTX_set_default_passwd_cb(ctx, NULL);
	SSL_CTX_set_default_passwd_cb_userdata(ctx, NULL);
	ERR_clear_error();
	return ctx;
fail:
	SSL_CTX_free(ctx);
	ERR_clear_error();
	return NULL;
}

/*
 * A per-host context for SNI_callback's answer (tls_sni_cb.c), built from
 * the accepted stream's options like SNI_server_certs' ones; the answer's
 * passphrase, if any, replaces ssl.passphrase.  NULL after a warning.
 */
SSL_CTX *xsock_tls_ctx_for_cert(php_stream *stream, xsock_tls_conf *conf, const char *cert, const char *pk,
	zval *passphrase)
{
	xsock_tls_opts o;
	SSL_CTX *ctx = NULL;

	if (opts_read(stream, false, XSOCK_DATA(stream)->method, &o) == XSOCK_OK) {
		if (passphrase != NULL) {
			o.passphrase = passphrase;
		}
		ctx = xsock_tls_ctx_build(&o, conf->key, cert, pk, true);
	}
	opts_free(&o);
	return ctx;
}

/* ------------------------------------------------------------------- cache */

static void conf_free(xsock_tls_conf *conf)
{
	xsock_tls_sni_free(conf);
	xsock_tls_sni_cb_free(conf);
	xsock_tls_ocsp_free(conf);
	if (conf->alpn != NULL) {
		pefree(conf->alpn, 1);
	}
	SSL_CTX_free(conf->ctx);
	pefree(conf, 1);
}

void xsock_tls_conf_ref(xsock_tls_conf *conf)
{
	LOCK();
	conf->refcount++;
	UNLOCK();
}

void xsock_tls_conf_release(xsock_tls_conf *conf)
{
	bool last;

	if (conf == NULL) {
		return;
	}
	LOCK();
	last = --conf->refcount == 0;
	UNLOCK();
	if (last) {
		conf_free(conf);
	}
}

static xsock_tls_conf *cache_find(const unsigned char *key)
{
	xsock_tls_conf *hit = NULL;
	size_t i;

	LOCK();
	for (i = 0; i < CONF_CACHE_MAX; i++) {
		if (conf_cache[i] && memcmp(conf_cache[i]->key, key, XSOCK_TLS_KEY_LEN) == 0) {
			hit = conf_cache[i];
			hit->refcount++;
			hit->last_used = xsock_now_ms();
			break;
		}
	}
	if (hit != NULL) {
		conf_hits++;
	} else {
		conf_misses++;
	}
	UNLOCK();
	return hit;
}

/* Add conf; when full, drop the entry used least recently. */
static void cache_add(xsock_tls_conf *conf)
{
	xsock_tls_conf *old = NULL;
	size_t i, victim = 0;

	LOCK();
	for (i = 0; i < CONF_CACHE_MAX; i++) {
		if (conf_cache[i] == NULL) {
			victim = i;
			break;
		}
		if (conf_cache[i]->last_used < conf_cache[victim]->last_used) {
			victim = i;
		}
	}
	old = conf_cache[victim];
	conf->refcount++;
	conf->cached = true;
	conf->last_used = xsock_now_ms();
	conf_cache[victim] = conf;
	UNLOCK();
	if (old != NULL) {
		old->cached = false;
		xsock_tls_conf_release(old);
	}
}

static xsock_tls_conf *conf_build(php_stream *stream, xsock_tls_opts *o, const unsigned char *key)
{
	xsock_tls_conf *conf = pecalloc(1, sizeof(*conf), 1);

	memcpy(conf->key, key, XSOCK_TLS_KEY_LEN);
	conf->is_client = o->is_client;
	conf->refcount = 1;
	conf->ctx = xsock_tls_ctx_build(o, key, o->local_cert ? o->cert_path : NULL, o->pk_path, false);
	if (conf->ctx == NULL) {
		pefree(conf, 1);
		return NULL;
	}
	conf->trust_store = o->trust_store;
	if (!o->is_client) {
		if (o->alpn != NULL) {
			conf->alpn = pemalloc(o->alpn_len, 1);
			memcpy(conf->alpn, o->alpn, o->alpn_len);
			conf->alpn_len = o->alpn_len;
		}
		if (xsock_tls_server_sni_build(stream, conf, o) != XSOCK_OK) {
			conf_free(conf);
			return NULL;
		}
		if (o->sni_cb) {
			conf->sni_cache = xsock_tls_sni_cb_cache_new();
		}
		xsock_tls_server_attach(conf->ctx, conf);
		xsock_tls_ocsp_server(conf, o);
	}
	return conf;
}

/*
 * The shared context for stream's ssl options, as a client or a server
 * with the protocol versions of `method`.  NULL after a warning that
 * failed the setup; *warned when any warning was raised.
 */
static xsock_tls_conf *conf_lookup(php_stream *stream, bool is_client, int method, bool *warned)
{
	xsock_tls_opts o;
	unsigned char key[XSOCK_TLS_KEY_LEN];
	xsock_tls_conf *conf = NULL;

	*warned = true;
	if (opts_read(stream, is_client, method, &o) != XSOCK_OK) {
		goto out;
	}
	*warned = o.warned;
	opts_key(&o, key);
	if (!o.warned && (conf = cache_find(key)) != NULL) {
		goto out;
	}
	if (o.warned) {
		LOCK();
		conf_misses++;
		UNLOCK();
	}
	conf = conf_build(stream, &o, key);
	if (conf != NULL && !o.warned) {
		cache_add(conf);
	}
out:
	opts_free(&o);
	return conf;
}

/* The "ssl" options array of stream's context; NULL when there is none. */
static zend_array *ssl_options(php_stream *stream, php_stream_context **ctx)
{
	zval *v;

	*ctx = PHP_STREAM_CONTEXT(stream);
	v = *ctx ? zend_hash_str_find(Z_ARRVAL((*ctx)->options), "ssl", sizeof("ssl") - 1) : NULL;
	return v != NULL && Z_TYPE_P(v) == IS_ARRAY ? Z_ARR_P(v) : NULL;
}

void xsock_tls_memo_free(xsock_tls_memo *m)
{
	xsock_tls_conf_release(m->conf);
	if (m->opts != NULL) {
		zend_array_release(m->opts);
	}
	memset(m, 0, sizeof(*m));
}

/*
 * The context for a setup of `stream`.  PHP rebuilds it from the options
 * at every connection, so a change made meanwhile applies to the next one;
 * reading and hashing every option (and the files' identities) costs
 * about 60-90 K instructions, 2-3 % of a resumed handshake on either side.
 * A memo (a listener's own, or the request's) keeps the context of the
 * last lookup together with a reference to the "ssl" options array it
 * came from, and reuses it while the stream's context still holds that
 * very array: every change to a context's options goes through
 * php_stream_context_set_option(), which separates an array with a
 * second reference before writing to it (SEPARATE_ARRAY in
 * main/streams/streams.c), so any change -- stream_context_set_option(),
 * stream_context_set_params(), a wrapper's own writes such as
 * capture_peer_cert -- leaves a new array in the context, and the
 * reference keeps the old address from being reused.  The files named by
 * options are trusted for FILE_RECHECK_MS, as the key trusts them, so
 * after that the lookup runs in full again.  A lookup that warned is not
 * kept: its warnings repeat every time, as before.
 */
xsock_tls_conf *xsock_tls_conf_memo(php_stream *stream, bool is_client, int method, xsock_tls_memo *m)
{
	php_stream_context *ctx;
	zend_array *opts = ssl_options(stream, &ctx);
	uint64_t now = xsock_now_ms();
	xsock_tls_conf *conf;
	bool warned;

	if (m->conf != NULL && m->opts == opts && m->ctx == ctx && m->method == method
			&& m->is_client == is_client && now - m->at_ms < FILE_RECHECK_MS) {
		LOCK();
		conf_hits++;
		m->conf->refcount++;
		m->conf->last_used = now;
		UNLOCK();
		return m->conf;
	}
	conf = conf_lookup(stream, is_client, method, &warned);
	xsock_tls_memo_free(m);
	if (conf == NULL || warned) {
		return conf;
	}
	xsock_tls_conf_ref(conf);
	m->conf = conf;
	if (opts != NULL) {
		GC_ADDREF(opts);
	}
	m->opts = opts;
	m->ctx = ctx;
	m->method = method;
	m->is_client = is_client;
	m->at_ms = now;
	return conf;
}

/* The request's memo (request memory: freed at RSHUTDOWN, xsock_tls_conf_rshutdown). */
xsock_tls_memo *xsock_tls_conf_request_memo(void)
{
	if (XSOCK_G(tls_memo) == NULL) {
		XSOCK_G(tls_memo) = ecalloc(1, sizeof(xsock_tls_memo));
	}
	return XSOCK_G(tls_memo);
}

void xsock_tls_conf_rshutdown(void)
{
	if (XSOCK_G(tls_memo) != NULL) {
		xsock_tls_memo_free(XSOCK_G(tls_memo));
		efree(XSOCK_G(tls_memo));
		XSOCK_G(tls_memo) = NULL;
	}
}

void xsock_tls_conf_stats(xsock_tls_cache_stats *st)
{
	size_t i;

	LOCK();
	st->entries = 0;
	for (i = 0; i < CONF_CACHE_MAX; i++) {
		st->entries += conf_cache[i] != NULL;
	}
	st->hits = conf_hits;
	st->misses = conf_misses;
	UNLOCK();
}

int xsock_tls_conf_minit(void)
{
#ifdef ZTS
	conf_lock = tsrm_mutex_alloc();
	probe_lock = tsrm_mutex_alloc();
#endif
	return XSOCK_OK;
}

void xsock_tls_conf_mshutdown(void)
{
	size_t i;

	memo_free();
	for (i = 0; i < CONF_CACHE_MAX; i++) {
		if (conf_cache[i] != NULL) {
			conf_cache[i]->cached = false;
			xsock_tls_conf_release(conf_cache[i]);
			conf_cache[i] = NULL;
		}
	}
#ifdef ZTS
	tsrm_mutex_free(conf_lock);
	tsrm_mutex_free(probe_lock);
#endif
}
