/*
 * tls_info.c - xsock_tls_info(): what a TLS stream negotiated, whom it
 * talks to and how long it took.
 *
 * Everything is read from the SSL handle when the script asks; the
 * handshake keeps only two timestamps and two counters (tls.c,
 * tls_resume.c, tls_session.c), so streams nobody inspects pay nothing.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include <openssl/bio.h>

static void add_str(zval *arr, const char *key, const char *val)
{
	if (val != NULL) {
		add_assoc_string(arr, key, val);
	} else {
		add_assoc_null(arr, key);
	}
}

zend_string *xsock_tls_dn(const X509_NAME *name)
{
	BIO *bio = name != NULL ? BIO_new(BIO_s_mem()) : NULL;
	zend_string *s = NULL;
	char *data;
	long len;

	if (bio != NULL && X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253) >= 0) {
		len = BIO_get_mem_data(bio, &data);
		s = zend_string_init(data, (size_t) len, 0);
	}
	BIO_free(bio);
	return s;
}

static void add_name(zval *arr, const char *key, const X509_NAME *name)
{
	zend_string *s = xsock_tls_dn(name);

	if (s != NULL) {
		add_assoc_str(arr, key, s);
	} else {
		add_assoc_null(arr, key);
	}
}

/* ISO 8601 UTC ("2026-12-02T11:58:43Z"). */
static void add_time(zval *arr, const char *key, const ASN1_TIME *t)
{
	struct tm tm;
	char buf[32];

	if (t != NULL && ASN1_TIME_to_tm(t, &tm) == 1 && strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm) > 0) {
		add_assoc_string(arr, key, buf);
	} else {
		add_assoc_null(arr, key);
	}
}

static void add_cert(zval *list, X509 *cert)
{
	char pin[XSOCK_TLS_PIN_LEN + 1];
	zval c;

	array_init(&c);
	add_name(&c, "subject", X509_get_subject_name(cert));
	add_name(&c, "issuer", X509_get_issuer_name(cert));
	add_time(&c, "not_before", X509_get0_notBefore(cert));
	add_time(&c, "not_after", X509_get0_notAfter(cert));
	add_str(&c, "pin", xsock_tls_spki_pin(cert, pin) ? pin : NULL);
	add_str(&c, "spki_sha256", xsock_tls_spki_pin(cert, pin) ? pin + 8 : NULL);
	add_next_index_zval(list, &c);
}

/* Leaf first; a server's SSL_get_peer_cert_chain() lacks the leaf, a client's has it. */
static void add_chain(zval *arr, SSL *ssl)
{
	X509 *leaf = SSL_get0_peer_certificate(ssl);
	STACK_OF(X509) *chain = SSL_get_peer_cert_chain(ssl);
	zval list;
	int i;

	array_init(&list);
	if (leaf != NULL) {
		add_cert(&list, leaf);
	}
	for (i = 0; chain != NULL && i < sk_X509_num(chain); i++) {
		X509 *cert = sk_X509_value(chain, i);

		if (leaf == NULL || X509_cmp(cert, leaf) != 0) {
			add_cert(&list, cert);
		}
	}
	add_assoc_zval(arr, "peer_chain", &list);
	ERR_clear_error();
}

/* s_client's names for the signature types; the key's object name for the rest (Ed25519, ...). */
static const char *sig_type_name(int nid)
{
	switch (nid) {
		case NID_X9_62_id_ecPublicKey: return "ECDSA";
		case NID_rsaEncryption: return "RSA";
		case NID_rsassaPss: return "RSA-PSS";
		default: return OBJ_nid2sn(nid);
	}
}

/* "RSA-PSS+SHA256", "ECDSA+SHA256": the peer signature type and digest, as s_client reports them. */
static void add_signature(zval *arr, SSL *ssl)
{
	int type = NID_undef, md = NID_undef;
	char buf[64];

	if (SSL_get_peer_signature_type_nid(ssl, &type) != 1 || type == NID_undef) {
		add_assoc_null(arr, "signature_scheme");
		return;
	}
	SSL_get_peer_signature_nid(ssl, &md);
	snprintf(buf, sizeof(buf), "%s%s%s", sig_type_name(type), md != NID_undef ? "+" : "",
		md != NID_undef ? OBJ_nid2sn(md) : "");
	add_assoc_string(arr, "signature_scheme", buf);
}

static const char *resumed_from(const xsock_tls *tls, bool is_client)
{
	static const char *const client[] = { NULL, "cache", "session_stream", "session_data" };

	if (!SSL_session_reused(tls->ssl)) {
		return NULL;
	}
	if (is_client) {
		return client[tls->offered_from];
	}
	/* A server that issues tickets resumes from them; with no_ticket only the id cache is left. */
	return (SSL_get_options(tls->ssl) & SSL_OP_NO_TICKET) ? "session_id" : "ticket";
}

/* The trust store verification used: tls_trust.c's pick, else cafile/capath as the setup read them. */
static void add_trust(zval *arr, php_stream *stream, const xsock_tls *tls)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);
	zval *val;
	const char *ini;

	if (tls->conf != NULL && tls->conf->trust_store != NULL) {
		add_assoc_string(arr, "trust_store", tls->conf->trust_store);
		return;
	}
	if (context != NULL && (((val = php_stream_context_get_option(context, "ssl", "cafile")) != NULL)
			|| (val = php_stream_context_get_option(context, "ssl", "capath")) != NULL)
			&& Z_TYPE_P(val) == IS_STRING) {
		add_assoc_str(arr, "trust_store", zend_string_copy(Z_STR_P(val)));
		return;
	}
	ini = zend_ini_string_ex("openssl.cafile", sizeof("openssl.cafile") - 1, 0, NULL);
	if (ini == NULL || *ini == '\0') {
		ini = zend_ini_string_ex("openssl.capath", sizeof("openssl.capath") - 1, 0, NULL);
	}
	add_str(arr, "trust_store", ini != NULL && *ini != '\0' ? ini : NULL);
}

static void add_ms(zval *arr, const char *key, uint64_t from, uint64_t to)
{
	if (from != 0 && to >= from) {
		add_assoc_double(arr, key, (double) (to - from) / 1000.0);
	} else {
		add_assoc_null(arr, key);
	}
}

static void add_us(zval *arr, const char *key, bool measured, uint32_t us)
{
	if (measured) {
		add_assoc_double(arr, key, (double) us / 1000.0);
	} else {
		add_assoc_null(arr, key);
	}
}

static void add_addresses(zval *arr, php_socket_t fd)
{
	zend_string *s = NULL;

	if (fd != SOCK_ERR && php_network_get_peer_name(fd, &s, NULL, NULL) == 0 && s != NULL) {
		add_assoc_str(arr, "address", s);
	} else {
		add_assoc_null(arr, "address");
	}
	s = NULL;
	if (fd != SOCK_ERR && php_network_get_sock_name(fd, &s, NULL, NULL) == 0 && s != NULL) {
		add_assoc_str(arr, "local_address", s);
	} else {
		add_assoc_null(arr, "local_address");
	}
}

static void add_basics(zval *arr, SSL *ssl)
{
	const SSL_CIPHER *cipher = SSL_get_current_cipher(ssl);
	const unsigned char *alpn = NULL;
	unsigned int alpn_len = 0;
	zval c;

	add_assoc_string(arr, "protocol", SSL_get_version(ssl));
	array_init(&c);
	add_str(&c, "name", cipher ? SSL_CIPHER_get_name(cipher) : NULL);
	add_assoc_long(&c, "bits", cipher ? SSL_CIPHER_get_bits(cipher, NULL) : 0);
	add_assoc_zval(arr, "cipher", &c);
	add_str(arr, "group", XSOCK_SSL_GROUP_NAME(ssl));
	add_signature(arr, ssl);
	SSL_get0_alpn_selected(ssl, &alpn, &alpn_len);
	if (alpn_len > 0) {
		add_assoc_stringl(arr, "alpn", (const char *) alpn, alpn_len);
	} else {
		add_assoc_null(arr, "alpn");
	}
	add_str(arr, "sni", SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name));
}

/* false: the stream has no TLS session (never enabled, or turned off). */
bool xsock_tls_info(php_stream *stream, zval *arr)
{
	static const char *const ocsp[] = { "not_requested", "none", "good", "revoked", "unknown", "invalid" };
	xsock_stream *xs = XSOCK_DATA(stream);
	xsock_tls *tls = xs->tls;
	const char *from;
	zval t;

	if (tls == NULL || tls->ssl == NULL || !tls->active) {
		return false;
	}
	array_init(arr);
	add_basics(arr, tls->ssl);
	add_assoc_bool(arr, "resumed", SSL_session_reused(tls->ssl));
	from = resumed_from(tls, xs->is_client);
	add_str(arr, "resumed_from", from);
	add_assoc_long(arr, "tickets_received", xs->is_client ? (zend_long) tls->tickets : 0);
	add_chain(arr, tls->ssl);
	add_trust(arr, stream, tls);
	add_assoc_string(arr, "ocsp", tls->ocsp >= 0 && tls->ocsp <= XSOCK_TLS_OCSP_INVALID ? ocsp[tls->ocsp] : "invalid");
	add_str(arr, "end", xsock_tls_end_reason(xs));
	array_init(&t);
	add_us(&t, "dns", xs->dns_timed, xs->dns_us);
	add_us(&t, "connect", xs->connect_timed, xs->connect_us);
	add_ms(&t, "handshake", tls->hs_start_us, tls->hs_end_us);
	add_assoc_zval(arr, "timings", &t);
	add_addresses(arr, xs->net.socket);
	return true;
}
