/*
 * tls_verify_hint.c - why a peer's certificate was refused, in words
 * (issue #13 item 2).
 *
 * PHP says "certificate verify failed" for every chain OpenSSL rejects and
 * "did not match expected name" without the names the certificate has.
 * The verify callback knows more: which certificate failed, for what, and
 * what the peer sent along; the stream's options say which trust store was
 * asked.  This file turns that into one clause that follows PHP's text
 * (tls_error.c append_hint), goes into $errstr (tcp.c) and into
 * xsock_last_error()['hint'].  PHP's own texts never change.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include "xsock_error.h"
#include "zend_smart_str.h"

#ifndef XSOCK_WINDOWS
# include <arpa/inet.h>
#endif

/* Names listed after a name mismatch; the rest are counted ("and 3 more"). */
#define NAMES_SHOWN		10
/* Bytes of one name or distinguished name shown; a hostile peer's longer ones are cut. */
#define TEXT_MAX		200

/* Printable ASCII only: the text ends up in logs and warnings. */
static void append_clean(smart_str *out, const char *text, size_t len)
{
	size_t i;

	for (i = 0; i < len && i < TEXT_MAX; i++) {
		unsigned char c = (unsigned char) text[i];

		smart_str_appendc(out, c >= 0x20 && c < 0x7f ? (char) c : '?');
	}
	if (len > TEXT_MAX) {
		smart_str_appends(out, "...");
	}
}

/* RFC 2253, as xsock_tls_info()'s peer_chain and `openssl x509 -nameopt RFC2253` show it. */
static void append_dn(smart_str *out, const X509_NAME *name)
{
	zend_string *s = xsock_tls_dn(name);

	if (s != NULL && ZSTR_LEN(s) > 0) {
		append_clean(out, ZSTR_VAL(s), ZSTR_LEN(s));
	} else {
		smart_str_appends(out, "an unreadable name");
	}
	if (s != NULL) {
		zend_string_release(s);
	}
}

/* "2001-01-01 00:00:00 UTC" */
static void append_time(smart_str *out, const ASN1_TIME *t)
{
	struct tm tm;
	char buf[32];

	if (t != NULL && ASN1_TIME_to_tm(t, &tm) == 1 && strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S UTC", &tm) > 0) {
		smart_str_appends(out, buf);
	} else {
		smart_str_appends(out, "an unreadable date");
	}
}

/* "the server's certificate (CN=...)", or the chain position of a CA certificate. */
static void append_who(smart_str *out, bool is_client, int depth, X509 *cert)
{
	const char *peer = is_client ? "server" : "client";

	if (depth <= 0) {
		smart_str_append_printf(out, "the %s's certificate (", peer);
	} else {
		smart_str_append_printf(out, "the certificate at depth %d of the %s's chain (", depth, peer);
	}
	append_dn(out, X509_get_subject_name(cert));
	smart_str_appendc(out, ')');
}

/* Certificates the peer sent, its own included: X509_STORE_CTX's untrusted list is exactly that. */
static void append_sent(smart_str *out, bool is_client, X509_STORE_CTX *ctx)
{
	STACK_OF(X509) *sent = X509_STORE_CTX_get0_untrusted(ctx);
	int n = sent != NULL ? sk_X509_num(sent) : 0;
	const char *peer = is_client ? "server" : "client";

	if (n <= 1) {
		smart_str_append_printf(out, "; the %s sent only its own certificate, no intermediate", peer);
	} else {
		smart_str_append_printf(out, "; the %s sent %d certificates", peer, n);
	}
}

/*
 * The cause, from OpenSSL's verdict on `cert`.  Returns whether the trust
 * store is part of it (an issuer or a root it does not hold).
 */
static bool append_cause(smart_str *out, bool is_client, X509_STORE_CTX *ctx, X509 *cert, zend_ulong allowed)
{
	int err = X509_STORE_CTX_get_error(ctx);

	append_who(out, is_client, X509_STORE_CTX_get_error_depth(ctx), cert);
	switch (err) {
		case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
			smart_str_appends(out, " is self-signed: trust it with the cafile option, or set allow_self_signed");
			return true;
		case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
			smart_str_appends(out, " is a self-signed root that the trust store does not hold");
			return true;
		case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
		case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
			smart_str_appends(out, " was issued by ");
			append_dn(out, X509_get_issuer_name(cert));
			smart_str_appends(out, ", which the trust store does not hold");
			append_sent(out, is_client, ctx);
			return true;
		case X509_V_ERR_CERT_HAS_EXPIRED:
			smart_str_appends(out, " expired on ");
			append_time(out, X509_get0_notAfter(cert));
			return false;
		case X509_V_ERR_CERT_NOT_YET_VALID:
			smart_str_appends(out, " is not valid before ");
			append_time(out, X509_get0_notBefore(cert));
			return false;
		case X509_V_ERR_CERT_CHAIN_TOO_LONG:
			smart_str_append_printf(out, " is deeper in the chain than verify_depth (" ZEND_ULONG_FMT ") allows", allowed);
			return false;
		default:
			smart_str_append_printf(out, " failed verification: %s", X509_verify_cert_error_string(err));
			return false;
	}
}

/* The ssl option `name` when given (read_verify in tls_config.c takes it over the ini). */
static const char *store_option(php_stream *stream, const char *name)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);
	zval *val = context ? php_stream_context_get_option(context, "ssl", name) : NULL;

	return val != NULL && Z_TYPE_P(val) == IS_STRING ? Z_STRVAL_P(val) : NULL;
}

/* One of cafile / capath: "the cafile context option (path)" or "openssl.cafile (path)"; NULL if neither. */
static const char *append_source(smart_str *out, php_stream *stream, const char *what, const char *ini)
{
	const char *path = store_option(stream, what);
	const char *from = "context option";

	if (path == NULL) {
		path = zend_ini_string((char *) ini, strlen(ini), 0);
		path = path != NULL && path[0] != '\0' ? path : NULL;
		from = "ini setting";
		what = ini;
	}
	if (path != NULL) {
		smart_str_append_printf(out, "the %s %s (", what, from);
		append_clean(out, path, strlen(path));
		smart_str_appendc(out, ')');
	}
	return path;
}

/* capath alone: an empty or missing directory is why nothing verified. */
static void append_capath_state(smart_str *out, const char *capath)
{
	int state = xsock_tls_capath_state(capath);

	if (state == XSOCK_TLS_CAPATH_MISSING) {
		smart_str_appends(out, ", which does not exist: the likely cause");
	} else if (state == XSOCK_TLS_CAPATH_EMPTY) {
		smart_str_appends(out, ", which holds no hashed certificate links (openssl rehash): the likely cause");
	}
}

/* A default location, "SSL_CERT_FILE=path" when the variable overrides OpenSSL's compiled-in one. */
static void append_default_path(smart_str *out, const char *env, const char *compiled)
{
	const char *path = getenv(env);

	if (path != NULL) {
		smart_str_append_printf(out, "%s=", env);
	}
	append_clean(out, path != NULL ? path : compiled, strlen(path != NULL ? path : compiled));
}

/* No cafile/capath: a client's OpenSSL defaults, or the bundle tls_trust.c found instead. */
static void append_default(smart_str *out, bool is_client, const char *found)
{
	if (!is_client) {
		smart_str_appends(out, "empty (a server without cafile or capath trusts no client certificate): the likely cause");
		return;
	}
	if (found != NULL && strcmp(found, "default") != 0) {
		smart_str_append_printf(out, "the system bundle %s (OpenSSL's default locations hold no certificates)", found);
		return;
	}
	smart_str_appends(out, "OpenSSL's default locations (");
	append_default_path(out, X509_get_default_cert_file_env(), X509_get_default_cert_file());
	smart_str_appends(out, " and ");
	append_default_path(out, X509_get_default_cert_dir_env(), X509_get_default_cert_dir());
	smart_str_appendc(out, ')');
	if (found == NULL) {
		smart_str_appends(out, ", which hold no certificates: the likely cause");
	}
}

/* "; the trust store was ...", with why it is the likely cause when it is empty. */
static void append_store(smart_str *out, php_stream *stream, xsock_stream *xs)
{
	smart_str file = {0}, dir = {0};
	const char *cafile = append_source(&file, stream, "cafile", "openssl.cafile");
	const char *capath = append_source(&dir, stream, "capath", "openssl.capath");

	smart_str_appends(out, "; the trust store was ");
	smart_str_append_smart_str(out, &file);
	smart_str_appends(out, cafile != NULL && capath != NULL ? " and " : "");
	smart_str_append_smart_str(out, &dir);
	if (cafile == NULL && capath != NULL) {
		append_capath_state(out, capath);
	} else if (cafile == NULL) {
		append_default(out, xs->is_client, xs->tls->conf != NULL ? xs->tls->conf->trust_store : NULL);
	}
	smart_str_free(&file);
	smart_str_free(&dir);
}

/*
 * From the verify callback, when it refuses the chain: the first refusal
 * of a handshake composes the hint (OpenSSL stops at it).  `allowed` is
 * the verify_depth the callback enforced.
 */
void xsock_tls_verify_hint(php_stream *stream, X509_STORE_CTX *ctx, zend_ulong allowed)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	X509 *cert = X509_STORE_CTX_get_current_cert(ctx);
	smart_str hint = {0};

	if (xs->tls == NULL || xs->tls->hint != NULL || cert == NULL) {
		return;
	}
	if (append_cause(&hint, xs->is_client, ctx, cert, allowed)) {
		append_store(&hint, stream, xs);
	}
	smart_str_0(&hint);
	xsock_tls_hint_set(xs->tls, ZSTR_VAL(hint.s));
	xsock_err_note_str("hint", ZSTR_VAL(hint.s));
	smart_str_free(&hint);
}

/* One subjectAltName entry as the name check reads it: DNS names and IP addresses. */
static bool append_san(smart_str *out, const GENERAL_NAME *san)
{
	const unsigned char *d;
	char ip[64];
	int len;

	if (san->type == GEN_DNS) {
		append_clean(out, (const char *) ASN1_STRING_get0_data(san->d.dNSName),
			(size_t) ASN1_STRING_length(san->d.dNSName));
		return true;
	}
	if (san->type != GEN_IPADD) {
		return false;
	}
	d = ASN1_STRING_get0_data(san->d.iPAddress);
	len = ASN1_STRING_length(san->d.iPAddress);
	if ((len == 4 && inet_ntop(AF_INET, d, ip, sizeof(ip)) != NULL)
			|| (len == 16 && inet_ntop(AF_INET6, d, ip, sizeof(ip)) != NULL)) {
		smart_str_appends(out, ip);
		return true;
	}
	return false;
}

/* ", " between names, the first NAMES_SHOWN of them; returns how many were left out. */
static int append_sans(smart_str *out, X509 *peer, int *shown, bool *has_dns)
{
	GENERAL_NAMES *names = X509_get_ext_d2i(peer, NID_subject_alt_name, NULL, NULL);
	int i, more = 0, count = names ? sk_GENERAL_NAME_num(names) : 0;
	smart_str one = {0};

	for (i = 0; i < count; i++) {
		GENERAL_NAME *san = sk_GENERAL_NAME_value(names, i);

		*has_dns = *has_dns || san->type == GEN_DNS;
		if (!append_san(&one, san)) {
			continue;
		}
		if (*shown < NAMES_SHOWN) {
			smart_str_appends(out, *shown > 0 ? ", " : "");
			smart_str_append_smart_str(out, &one);
			(*shown)++;
		} else {
			more++;
		}
		smart_str_free(&one);
	}
	smart_str_free(&one);
	sk_GENERAL_NAME_pop_free(names, GENERAL_NAME_free);
	return more;
}

/*
 * After PHP's name-mismatch warning: the names the certificate carries,
 * those PHP compared against (its subjectAltName DNS and IP entries; the
 * CN only when there is no DNS entry).  Kept as the stream's hint.
 */
const char *xsock_tls_names_hint(php_stream *stream, X509 *peer)
{
	xsock_tls *tls = XSOCK_DATA(stream)->tls;
	smart_str hint = {0};
	char cn[256];
	int shown = 0, more;
	bool has_dns = false;

	smart_str_appends(&hint, "the certificate is for ");
	more = append_sans(&hint, peer, &shown, &has_dns);
	if (!has_dns && X509_NAME_get_text_by_NID(X509_get_subject_name(peer), NID_commonName, cn, sizeof(cn)) > 0) {
		smart_str_appends(&hint, shown > 0 ? ", " : "");
		append_clean(&hint, cn, strlen(cn));
		smart_str_appends(&hint, " (its CN)");
		shown++;
	}
	if (shown == 0) {
		ZSTR_LEN(hint.s) = 0;
		smart_str_appends(&hint, "the certificate names no host");
	} else if (more > 0) {
		smart_str_append_printf(&hint, ", and %d more", more);
	}
	smart_str_0(&hint);
	xsock_tls_hint_set(tls, ZSTR_VAL(hint.s));
	xsock_err_note_str("hint", ZSTR_VAL(hint.s));
	smart_str_free(&hint);
	return tls->hint;
}
