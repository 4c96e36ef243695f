/*
 * scheme.c - the scheme table and the one factory PHP calls for every row.
 *
 * Rows are in ext/openssl's registration order (ssl, [sslv3], tls,
 * tlsv1.0-1.3, tcp) so that updating existing keys keeps
 * stream_get_transports() in PHP's order; what xsock adds is appended.
 */
#include "scheme.h"
#include "netops.h"
#include "tls.h"
#include "transports.h"
#include "newer_php.h"
#include "ext/standard/file.h"
#include "ext/standard/url.h"

#define M(v) STREAM_CRYPTO_METHOD_##v##_CLIENT

static const xsock_scheme rows[] = {
	/* name       kind            tls    fixed method */
	{"ssl",     XSOCK_KIND_TCP, true,  0},
	{"sslv3",   XSOCK_KIND_TCP, true,  M(SSLv3)},
	{"tls",     XSOCK_KIND_TCP, true,  0},
	{"tlsv1.0", XSOCK_KIND_TCP, true,  M(TLSv1_0)},
	{"tlsv1.1", XSOCK_KIND_TCP, true,  M(TLSv1_1)},
	{"tlsv1.2", XSOCK_KIND_TCP, true,  M(TLSv1_2)},
	{"tlsv1.3", XSOCK_KIND_TCP, true,  M(TLSv1_3)},
	{"tcp",     XSOCK_KIND_TCP, false, 0},
	{"udp",     XSOCK_KIND_UDP, false, 0},
	{"sslv2",   XSOCK_KIND_TCP, true,  M(SSLv2)},
};

#define NROWS (sizeof(rows) / sizeof(rows[0]))

/* What each name pointed to before xsock took it; put back at MSHUTDOWN. */
static struct {
	php_stream_transport_factory prev;	/* NULL: the name was new */
	bool taken;							/* xsock registered this row */
} saved[NROWS];

static bool openssl_tcp;	/* ext/openssl served tcp:// before us */

static php_stream_transport_factory_func factory;

const xsock_scheme *xsock_scheme_at(size_t i)
{
	return i < NROWS ? &rows[i] : NULL;
}

bool xsock_scheme_openssl_tcp(void)
{
	return openssl_tcp;
}

bool xsock_scheme_is_served(const xsock_scheme *row)
{
	return zend_hash_str_find_ptr(php_stream_xport_get_hash(), row->name, strlen(row->name))
		== (void *) factory;
}

bool xsock_scheme_is_ours(php_stream_transport_factory f)
{
	return f == factory;
}

/* "all", or a list of names separated by commas or blanks. */
static bool allowed_row(const char *allowed, const char *name)
{
	size_t n = strlen(name);
	const char *p = allowed;

	if (allowed == NULL || *allowed == '\0' || strcasecmp(allowed, "all") == 0) {
		return true;
	}
	while ((p = strstr(p, name)) != NULL) {
		bool start = p == allowed || strchr(", \t", p[-1]);
		bool end = p[n] == '\0' || strchr(", \t", p[n]);

		if (start && end) {
			return true;
		}
		p += n;
	}
	return false;
}

int xsock_scheme_register_all(const char *allowed)
{
	HashTable *hash = php_stream_xport_get_hash();
	size_t i;

	/* ext/openssl replaces tcp:// (openssl.c:1278); its label follows. */
	openssl_tcp = zend_hash_str_exists(&module_registry, "openssl", sizeof("openssl") - 1);
	for (i = 0; i < NROWS; i++) {
		if (!allowed_row(allowed, rows[i].name)) {
			continue;
		}
		saved[i].prev = zend_hash_str_find_ptr(hash, rows[i].name, strlen(rows[i].name));
		if (XSOCK_XPORT_REGISTER(rows[i].name, factory) == SUCCESS) {
			saved[i].taken = true;
		}
	}
	return SUCCESS;
}

void xsock_scheme_unregister_all(void)
{
	size_t i;

	for (i = 0; i < NROWS; i++) {
		if (!saved[i].taken) {
			continue;
		}
		if (saved[i].prev != NULL) {
			(void) XSOCK_XPORT_REGISTER(rows[i].name, saved[i].prev);
		} else {
			php_stream_xport_unregister(rows[i].name);
		}
		saved[i].taken = false;
	}
}

static const xsock_scheme *lookup(const char *proto, size_t len)
{
	size_t i;

	for (i = 0; i < NROWS; i++) {
		if (strlen(rows[i].name) == len && strncasecmp(rows[i].name, proto, len) == 0) {
			return &rows[i];
		}
	}
	return NULL;
}

static const php_stream_ops *ops_for(const xsock_scheme *row)
{
	if (row->kind == XSOCK_KIND_UDP) {
		return &xsock_udp_ops;
	}
	return (row->tls_on_connect || openssl_tcp) ? &xsock_tcp_ssl_ops : &xsock_tcp_ops;
}

/* ssl:// and tls:// take ssl.crypto_method with the client bit (xp_ssl.c:2714). */
static int method_for(const xsock_scheme *row, php_stream_context *ctx)
{
	zval *v;

	if (row->method != 0) {
		return row->method;
	}
	if (ctx != NULL && (v = php_stream_context_get_option(ctx, "ssl", "crypto_method")) != NULL) {
		return (int) (zval_get_long(v) | 1);
	}
	return STREAM_CRYPTO_METHOD_TLS_ANY_CLIENT;
}

/*
 * The TLS name of the target: the host php_url_parse_ex() finds, trailing
 * dots cut, as xp_ssl.c's get_url_name takes it (xp_ssl.c:2728).  Not
 * addr.c's host: parse_url() reads "[v6]:port", "h: 443" and "h:443:90"
 * as scheme and path, so PHP has no name for them (and no SNI), although
 * it connects to the port atoi() reads.  On PHP 8.5+ the context's
 * uri_parser_class, when it names one, parses instead (newer_php.c).
 */
static char *url_name(const char *res, size_t len, bool persistent, php_stream_context *ctx)
{
	php_url *url;
	char *name = NULL;
	size_t n;

	if (xsock_uri_parser_name(ctx, res, len, persistent, &name)) {
		return name;
	}
	url = php_url_parse_ex(res, len);
	if (url == NULL) {
		return NULL;
	}
	if (url->host != NULL) {
		n = ZSTR_LEN(url->host);
		while (n > 0 && ZSTR_VAL(url->host)[n - 1] == '.') {
			n--;
		}
		name = n > 0 ? pestrndup(ZSTR_VAL(url->host), n, persistent) : NULL;
	}
	php_url_free(url);
	return name;
}

static xsock_stream *new_data(const xsock_scheme *row, const char *res, size_t len,
	bool persistent, struct timeval *timeout, php_stream_context *ctx)
{
	xsock_stream *xs = pecalloc(1, sizeof(*xs), persistent);

	xs->net.socket = SOCK_ERR;
	xs->net.is_blocked = 1;
	xs->net.timeout.tv_sec = FG(default_socket_timeout);
	xs->fork_gen = xsock_fork_gen;
	xs->scheme = row;
	xs->persistent = persistent;
	if (row->kind == XSOCK_KIND_TCP) {
		xs->connect_timeout.tv_sec = FG(default_socket_timeout);
		if (timeout != NULL) {
			xs->connect_timeout = *timeout;
		}
		xs->enable_on_connect = row->tls_on_connect;
		xs->method = row->tls_on_connect ? method_for(row, ctx) : 0;
		xs->url_name = url_name(res, len, persistent, ctx);
	}
	return xs;
}

static php_stream *factory(const char *proto, size_t protolen,
	const char *resourcename, size_t resourcenamelen,
	const char *persistent_id, int options, int flags,
	struct timeval *timeout, php_stream_context *context STREAMS_DC)
{
	const xsock_scheme *row = lookup(proto, protolen);
	const char *why = NULL;
	xsock_stream *xs;
	php_stream *stream;

	if (row == NULL) {
		return NULL;
	}
	if (row->method != 0 && !xsock_tls_method_available(row->method, &why)) {
		php_error_docref(NULL, E_WARNING, "%s", why);
		return NULL;
	}
	xs = new_data(row, resourcename, resourcenamelen, persistent_id != NULL, timeout, context);
	stream = php_stream_alloc_rel(ops_for(row), xs, persistent_id, "r+");
	if (stream != NULL) {
		xsock_net_stream_init(stream);
	} else {
		if (xs->url_name) {
			pefree(xs->url_name, xs->persistent);
		}
		pefree(xs, xs->persistent);
	}
	return stream;
}
