/*
 * tls_verify.c - who is on the other end.
 *
 * PHP's rules (xp_ssl.c 8.2.36, php-transports-8.2.md §3.12-3.13):
 *  - during the handshake, the verify callback accepts a self-signed leaf
 *    when allow_self_signed is set and enforces verify_depth (default 9);
 *  - after it: peer certificate present, verify result, peer_fingerprint,
 *    then the host name against subjectAltName (no CN fallback when the
 *    certificate has SANs), else against the CN;
 *  - capture_peer_cert(_chain) stores OpenSSLCertificate objects in the
 *    stream's context, before the policy runs and on failed handshakes too.
 * The options are read from the context when they are needed, like PHP,
 * so one shared SSL_CTX serves streams with different policies.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include "xsock_error.h"
#include <openssl/evp.h>

#ifndef XSOCK_WINDOWS
# include <arpa/inet.h>
#endif

/* ext/openssl's object layout (php_openssl.h); its header is not installed. */
typedef struct _openssl_cert_object {
	X509 *x509;
	zend_object std;
} openssl_cert_object;

static zval *opt(php_stream *stream, const char *name)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);

	return context ? php_stream_context_get_option(context, "ssl", name) : NULL;
}

/* The name of a certificate for xsock_last_error(), OpenSSL's one-line form. */
static void add_name(zval *v, const char *key, const X509_NAME *name)
{
	char buf[512];

	if (name != NULL && X509_NAME_oneline(name, buf, sizeof(buf)) != NULL) {
		add_assoc_string(v, key, buf);
	}
}

/*
 * The chain did not verify: the phase and OpenSSL's verdict for
 * xsock_last_error(), with the certificate that failed when known.
 */
static void verify_note(long err, int depth, X509 *cert)
{
	zval v;

	array_init(&v);
	add_assoc_long(&v, "code", err);
	add_assoc_string(&v, "string", X509_verify_cert_error_string(err));
	if (cert != NULL) {
		add_assoc_long(&v, "depth", depth);
		add_name(&v, "subject", X509_get_subject_name(cert));
		add_name(&v, "issuer", X509_get_issuer_name(cert));
	}
	xsock_err_note_str("phase", "verify");
	xsock_err_note_zval("verify", &v);
}

/* PHP's verify_callback (xp_ssl.c). */
int xsock_tls_verify_callback(int preverify_ok, X509_STORE_CTX *ctx)
{
	SSL *ssl = X509_STORE_CTX_get_ex_data(ctx, SSL_get_ex_data_X509_STORE_CTX_idx());
	php_stream *stream = ssl ? xsock_tls_stream_of(ssl) : NULL;
	int err = X509_STORE_CTX_get_error(ctx);
	int depth = X509_STORE_CTX_get_error_depth(ctx);
	zend_ulong allowed = XSOCK_TLS_DEFAULT_VERIFY_DEPTH;
	int ret = preverify_ok;
	zval *val;

	if (stream == NULL) {
		return preverify_ok;
	}
	if (err == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
			&& (val = opt(stream, "allow_self_signed")) != NULL && zend_is_true(val)) {
		ret = 1;
	}
	/* A negative verify_depth wraps to a huge limit, as in PHP. */
	if ((val = opt(stream, "verify_depth")) != NULL) {
		allowed = (zend_ulong) zval_get_long(val);
	}
	if ((zend_ulong) depth > allowed) {
		ret = 0;
		X509_STORE_CTX_set_error(ctx, X509_V_ERR_CERT_CHAIN_TOO_LONG);
	}
	if (!ret) {
		verify_note(X509_STORE_CTX_get_error(ctx), depth, X509_STORE_CTX_get_current_cert(ctx));
		xsock_tls_verify_hint(stream, ctx, allowed);
	}
	return ret;
}

/*
 * PHP's php_openssl_matches_wildcard_name: exact (case-insensitive), or
 * one '*' in the left-most label, with optional prefix/suffix around it,
 * never covering a '.'.  Prefix and suffix must not overlap (8.2.36
 * GHSA-xr7j-rvgx-xq5p: "a*aaaa" does not match "aaaa").
 */
bool xsock_tls_wildcard_match(const char *subject, const char *certname)
{
	const char *wildcard;
	size_t prefix_len, suffix_len, subject_len;

	if (strcasecmp(subject, certname) == 0) {
		return true;
	}
	wildcard = strchr(certname, '*');
	if (wildcard == NULL || memchr(certname, '.', (size_t) (wildcard - certname)) != NULL) {
		return false;
	}
	prefix_len = (size_t) (wildcard - certname);
	if (prefix_len && strncasecmp(subject, certname, prefix_len) != 0) {
		return false;
	}
	suffix_len = strlen(wildcard + 1);
	subject_len = strlen(subject);
	if (prefix_len + suffix_len > subject_len) {
		return false;
	}
	return strcasecmp(wildcard + 1, subject + subject_len - suffix_len) == 0
		&& memchr(subject + prefix_len, '.', subject_len - suffix_len - prefix_len) == NULL;
}

/* EXPAND_IPV6_ADDRESS: eight upper-case hex groups without zero padding. */
static void ipv6_text(char *out, size_t outlen, const unsigned char *a)
{
	snprintf(out, outlen, "%X:%X:%X:%X:%X:%X:%X:%X",
		a[0] << 8 | a[1], a[2] << 8 | a[3], a[4] << 8 | a[5], a[6] << 8 | a[7],
		a[8] << 8 | a[9], a[10] << 8 | a[11], a[12] << 8 | a[13], a[14] << 8 | a[15]);
}

static bool san_dns_matches(const char *subject, ASN1_IA5STRING *dns)
{
	unsigned char *name = NULL;
	int len = ASN1_STRING_to_UTF8(&name, dns);
	bool match = false;

	/* Entries with an embedded NUL are skipped (NUL poisoning). */
	if (len >= 0 && name != NULL && (size_t) len == strlen((char *) name)) {
		if (len > 0 && name[len - 1] == '.') {
			name[len - 1] = '\0';	/* FQDN with trailing dot */
		}
		match = xsock_tls_wildcard_match(subject, (char *) name);
	}
	OPENSSL_free(name);
	return match;
}

static bool san_ip_matches(const char *subject, const char *subject6, ASN1_OCTET_STRING *ip)
{
	char text[64];
	const unsigned char *d = ASN1_STRING_get0_data(ip);

	if (ASN1_STRING_length(ip) == 4) {
		snprintf(text, sizeof(text), "%d.%d.%d.%d", d[0], d[1], d[2], d[3]);
		return strcasecmp(subject, text) == 0;
	}
	if (ASN1_STRING_length(ip) == 16 && subject6[0] != '\0') {
		ipv6_text(text, sizeof(text), d);
		return strcasecmp(subject6, text) == 0;
	}
	return false;
}

/*
 * PHP's php_openssl_matches_san_list.  *has_dns says whether the
 * certificate lists DNS names: 8.2.36 then skips the CN fallback (IP and
 * other SAN types do not count; checked against the PHP binary).
 */
static bool san_matches(X509 *peer, const char *subject, bool *has_dns)
{
	GENERAL_NAMES *names = X509_get_ext_d2i(peer, NID_subject_alt_name, NULL, NULL);
	int i, count = names ? sk_GENERAL_NAME_num(names) : 0;
	char subject6[64] = "";
	unsigned char bin6[16];
	bool match = false;

	if (inet_pton(AF_INET6, subject, bin6) == 1) {
		ipv6_text(subject6, sizeof(subject6), bin6);
	}
	*has_dns = false;
	for (i = 0; i < count && !match; i++) {
		GENERAL_NAME *san = sk_GENERAL_NAME_value(names, i);

		if (san->type == GEN_DNS) {
			*has_dns = true;
			match = san_dns_matches(subject, san->d.dNSName);
		} else if (san->type == GEN_IPADD) {
			match = san_ip_matches(subject, subject6, san->d.iPAddress);
		}
	}
	sk_GENERAL_NAME_pop_free(names, GENERAL_NAME_free);
	return match;
}

/* A peer name that did not match: PHP's warning, its text the record's message. */
static void name_warn(php_stream *stream, const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);

static void name_warn(php_stream *stream, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	vspprintf(&msg, 0, fmt, ap);
	va_end(ap);
	xsock_err_note_str("message", msg);
	XSOCK_WARN(stream, AuthFailed, "%s", msg);
	efree(msg);
}

/* PHP's php_openssl_matches_common_name, with its warnings. */
static bool cn_matches(php_stream *stream, X509 *peer, const char *subject)
{
	char buf[1024];
	int len = X509_NAME_get_text_by_NID(X509_get_subject_name(peer), NID_commonName, buf, sizeof(buf));

	if (len == -1) {
		name_warn(stream, "Unable to locate peer certificate CN");
	} else if ((size_t) len != strlen(buf)) {
		name_warn(stream, "Peer certificate CN=`%.*s' is malformed", len, buf);
	} else if (xsock_tls_wildcard_match(subject, buf)) {
		return true;
	} else {
		name_warn(stream, "Peer certificate CN=`%.*s' did not match expected CN=`%s'; %s", len, buf, subject,
			xsock_tls_names_hint(stream, peer));
	}
	return false;
}

static int check_name(php_stream *stream, X509 *peer)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	const char *name = NULL;
	zval *val = opt(stream, "peer_name");
	bool has_dns;

	if (val != NULL && try_convert_to_string(val)) {
		name = Z_STRVAL_P(val);
	}
	if (name == NULL && xs->is_client) {
		name = xs->url_name;
	}
	if (name == NULL) {
		/* No name to check (IPv6 literal, server): fails without a word (§6 item 10). */
		return XSOCK_ERR;
	}
	if (san_matches(peer, name, &has_dns)) {
		return XSOCK_OK;
	}
	xsock_err_note_str("phase", "verify");
	xsock_err_note_str("peer_name", name);
	if (has_dns) {
		name_warn(stream, "Peer certificate subjectAltName did not match expected name `%s'; %s", name,
			xsock_tls_names_hint(stream, peer));
		return XSOCK_ERR;
	}
	return cn_matches(stream, peer, name) ? XSOCK_OK : XSOCK_ERR;
}

/* php_openssl_x509_fingerprint + strcasecmp: 0 when equal. */
static int fingerprint_cmp(php_stream *stream, X509 *peer, const char *algo, const char *expected)
{
	const EVP_MD *md = EVP_get_digestbyname(algo);
	unsigned char digest[EVP_MAX_MD_SIZE];
	char hex[2 * EVP_MAX_MD_SIZE + 1];
	unsigned int n, i;

	if (md == NULL) {
		XSOCK_WARN(stream, Generic, "Unknown digest algorithm");
		return -1;
	}
	if (!X509_digest(peer, md, digest, &n)) {
		ERR_clear_error();
		return -1;
	}
	for (i = 0; i < n; i++) {
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	}
	hex[2 * n] = '\0';
	return strcasecmp(expected, hex);
}

/* php_openssl_x509_fingerprint_match: md5 (32) or sha1 (40) string, or [algo => hex, ...]. */
static bool fingerprint_matches(php_stream *stream, X509 *peer, zval *val)
{
	zend_string *algo;
	zval *hex;

	if (Z_TYPE_P(val) == IS_STRING) {
		const char *method = Z_STRLEN_P(val) == 32 ? "md5" : Z_STRLEN_P(val) == 40 ? "sha1" : NULL;

		return method != NULL && fingerprint_cmp(stream, peer, method, Z_STRVAL_P(val)) == 0;
	}
	if (zend_hash_num_elements(Z_ARRVAL_P(val)) == 0) {
		XSOCK_WARN(stream, Generic, "Invalid peer_fingerprint array; [algo => fingerprint] form required");
		return false;
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(val), algo, hex) {
		if (algo == NULL || Z_TYPE_P(hex) != IS_STRING) {
			XSOCK_WARN(stream, Generic, "Invalid peer_fingerprint array; [algo => fingerprint] form required");
			return false;
		}
		if (fingerprint_cmp(stream, peer, ZSTR_VAL(algo), Z_STRVAL_P(hex)) != 0) {
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

static int check_fingerprint(php_stream *stream, X509 *peer, zval *val)
{
	if (Z_TYPE_P(val) != IS_STRING && Z_TYPE_P(val) != IS_ARRAY) {
		XSOCK_WARN(stream, Generic, "Expected peer fingerprint must be a string or an array");
		return XSOCK_ERR;
	}
	if (!fingerprint_matches(stream, peer, val)) {
		XSOCK_WARN(stream, AuthFailed, "peer_fingerprint match failure");
		return XSOCK_ERR;
	}
	return XSOCK_OK;
}

static int check_result(php_stream *stream, SSL *ssl)
{
	long err = SSL_get_verify_result(ssl);
	zval *val;

	if (err == X509_V_OK) {
		return XSOCK_OK;
	}
	if (err == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
			&& (val = opt(stream, "allow_self_signed")) != NULL && zend_is_true(val)) {
		return XSOCK_OK;
	}
	XSOCK_WARN(stream, AuthFailed, "Could not verify peer: code:%d %s",
		(int) err, X509_verify_cert_error_string(err));
	verify_note(err, -1, NULL);
	return XSOCK_ERR;
}

/*
 * php_openssl_apply_peer_verification_policy.  All checks that are asked
 * for must pass; a matching fingerprint does not excuse the others.
 */
int xsock_tls_apply_policy(php_stream *stream, X509 *peer)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	zval *val, *fingerprint, *pin;
	bool verify_peer, verify_name;

	val = opt(stream, "verify_peer");
	verify_peer = val ? zend_is_true(val) : xs->is_client;
	val = opt(stream, "verify_peer_name");
	verify_name = val ? zend_is_true(val) : xs->is_client;
	fingerprint = opt(stream, "peer_fingerprint");
	pin = opt(stream, "pinned_pubkey");

	if ((verify_peer || verify_name || fingerprint || pin) && peer == NULL) {
		XSOCK_WARN(stream, AuthFailed, "Could not get peer certificate");
		return XSOCK_ERR;
	}
	if (verify_peer && check_result(stream, xs->tls->ssl) != XSOCK_OK) {
		return XSOCK_ERR;
	}
	if (fingerprint && check_fingerprint(stream, peer, fingerprint) != XSOCK_OK) {
		return XSOCK_ERR;
	}
	/* xsock's pin (tls_pin.c): like a fingerprint, enforced with verify_peer off too. */
	if (pin && xsock_tls_pin_check(stream, peer, pin) != XSOCK_OK) {
		return XSOCK_ERR;
	}
	if (verify_name && check_name(stream, peer) != XSOCK_OK) {
		return XSOCK_ERR;
	}
	/* xsock's OCSP stapling (tls_ocsp.c): after the chain, since the staple is checked against it. */
	return xsock_tls_ocsp_check(stream, peer);
}

/* OpenSSLCertificate, if ext/openssl is loaded and its layout is the one we know. */
static zend_class_entry *cert_class(void)
{
	zend_string *name = zend_string_init("OpenSSLCertificate", sizeof("OpenSSLCertificate") - 1, 0);
	zend_class_entry *ce = zend_lookup_class_ex(name, NULL, ZEND_FETCH_CLASS_NO_AUTOLOAD);

	zend_string_release(name);
	if (ce == NULL || ce->type != ZEND_INTERNAL_CLASS || ce->create_object == NULL) {
		return NULL;
	}
	return ce;
}

/* Wrap cert (ownership passes to the object on success). */
static bool cert_object(zval *zv, zend_class_entry *ce, X509 *cert)
{
	zend_object *obj;

	if (object_init_ex(zv, ce) != SUCCESS) {
		return false;
	}
	obj = Z_OBJ_P(zv);
	if (obj->handlers->offset != (int) XSOCK_OFFSETOF(openssl_cert_object, std)) {
		zval_ptr_dtor(zv);
		return false;
	}
	((openssl_cert_object *) ((char *) obj - obj->handlers->offset))->x509 = cert;
	return true;
}

static void capture_chain(php_stream *stream, zend_class_entry *ce)
{
	STACK_OF(X509) *chain = SSL_get_peer_cert_chain(XSOCK_DATA(stream)->tls->ssl);
	zval arr, zcert;
	int i;

	if (chain == NULL || sk_X509_num(chain) == 0) {
		ZVAL_NULL(&arr);
	} else {
		array_init(&arr);
		for (i = 0; i < sk_X509_num(chain); i++) {
			X509 *copy = X509_dup(sk_X509_value(chain, i));

			if (copy != NULL && cert_object(&zcert, ce, copy)) {
				add_next_index_zval(&arr, &zcert);
			} else {
				X509_free(copy);
			}
		}
	}
	php_stream_context_set_option(PHP_STREAM_CONTEXT(stream), "ssl", "peer_certificate_chain", &arr);
	zval_ptr_dtor(&arr);
}

/*
 * php_openssl_capture_peer_certs.  The object gets its own reference to
 * `peer`.  Without ext/openssl there is no class to fill: capture is
 * skipped quietly.
 */
void xsock_tls_capture(php_stream *stream, X509 *peer)
{
	zend_class_entry *ce;
	zval *val, zcert;

	if (PHP_STREAM_CONTEXT(stream) == NULL || peer == NULL || (ce = cert_class()) == NULL) {
		return;
	}
	val = opt(stream, "capture_peer_cert");
	if (val != NULL && zend_is_true(val)) {
		X509_up_ref(peer);
		if (cert_object(&zcert, ce, peer)) {
			php_stream_context_set_option(PHP_STREAM_CONTEXT(stream), "ssl", "peer_certificate", &zcert);
			zval_ptr_dtor(&zcert);
		} else {
			X509_free(peer);
		}
	}
	val = opt(stream, "capture_peer_cert_chain");
	if (val != NULL && zend_is_true(val)) {
		capture_chain(stream, ce);
	}
}
