/*
 * tls_pin.c - ssl.pinned_pubkey: public-key pinning (xsock's option).
 *
 * The syntax is curl's CURLOPT_PINNEDPUBLICKEY "sha256//" form:
 * "sha256//<base64>;sha256//<base64>", each the SHA-256 of the DER
 * SubjectPublicKeyInfo (RFC 7469 §2.4), so a pin survives a renewal that
 * keeps the key.  The leaf must match; with ssl.pinned_chain => true any
 * certificate of the *verified* chain may.  An unverified chain proves
 * nothing (a server may send any CA certificate along), so without a
 * successful verification only the leaf counts.
 *
 * The check is part of the verification policy (tls_verify.c), so it runs
 * with verify_peer off too and fails the handshake in PHP's shape.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include "zend_smart_str.h"
#include <openssl/evp.h>
#include <ctype.h>

#define PIN_PREFIX		"sha256//"
#define PIN_PREFIX_LEN	(sizeof(PIN_PREFIX) - 1)
#define PIN_B64_LEN		44				/* base64 of 32 bytes, with one '=' */

/* "sha256//" + base64 of the SPKI digest of cert, NUL-terminated; false on failure.  Also xsock_tls_info(). */
bool xsock_tls_spki_pin(X509 *cert, char out[XSOCK_TLS_PIN_LEN + 1])
{
	unsigned char *der = NULL;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int md_len = 0;
	int len = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &der);
	bool ok;

	/* Not X509_pubkey_digest(): that hashes the key's BIT STRING only, not the SPKI. */
	ok = len > 0 && EVP_Digest(der, (size_t) len, md, &md_len, EVP_sha256(), NULL) == 1;
	OPENSSL_free(der);
	if (!ok || md_len != 32) {
		ERR_clear_error();
		return false;
	}
	memcpy(out, PIN_PREFIX, PIN_PREFIX_LEN);
	EVP_EncodeBlock((unsigned char *) out + PIN_PREFIX_LEN, md, (int) md_len);
	return true;
}

/* Is every ';'-separated entry "sha256//" + 44 base64 characters? */
static bool pins_valid(const char *pins, size_t len)
{
	const char *p = pins, *end = pins + len;

	while (p < end) {
		const char *sep = memchr(p, ';', (size_t) (end - p));
		size_t n = (size_t) ((sep ? sep : end) - p), i;

		if (n != PIN_PREFIX_LEN + PIN_B64_LEN || memcmp(p, PIN_PREFIX, PIN_PREFIX_LEN) != 0) {
			return false;
		}
		for (i = PIN_PREFIX_LEN; i < n - 1; i++) {
			if (!isalnum((unsigned char) p[i]) && p[i] != '+' && p[i] != '/') {
				return false;
			}
		}
		if (p[n - 1] != '=') {
			return false;
		}
		p += n + (sep ? 1 : 0);
		if (sep && p == end) {
			return false;	/* a trailing ';' is a typo, not an empty pin */
		}
	}
	return len > 0;
}

static bool pin_listed(const char *pins, size_t len, const char *pin)
{
	size_t n = strlen(pin);
	const char *p = pins, *end = pins + len;

	while (p + n <= end) {
		if (memcmp(p, pin, n) == 0 && (p + n == end || p[n] == ';')) {
			return true;
		}
		p += n + 1;
	}
	return false;
}

/* The certificates that may match: the verified chain when pinned_chain and verification passed. */
static STACK_OF(X509) *pin_chain(php_stream *stream, SSL *ssl)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);
	zval *val = context ? php_stream_context_get_option(context, "ssl", "pinned_chain") : NULL;

	if (val == NULL || !zend_is_true(val) || SSL_get_verify_result(ssl) != X509_V_OK) {
		return NULL;
	}
	return SSL_get0_verified_chain(ssl);
}

/* "the server's key is sha256//A; its chain has sha256//B, sha256//C" for the mismatch warning. */
static void describe(smart_str *s, const char *leaf_pin, X509 *peer, STACK_OF(X509) *chain, const char *label,
	bool is_client)
{
	char pin[PIN_PREFIX_LEN + PIN_B64_LEN + 1];
	int i, listed = 0;

	smart_str_appends(s, is_client ? "the server's key is " : "the client's key is ");
	smart_str_appends(s, leaf_pin);
	for (i = 0; chain != NULL && i < sk_X509_num(chain); i++) {
		X509 *cert = sk_X509_value(chain, i);

		if (X509_cmp(cert, peer) == 0 || !xsock_tls_spki_pin(cert, pin)) {
			continue;
		}
		smart_str_appends(s, listed++ ? ", " : label);
		smart_str_appends(s, pin);
	}
}

/* The mismatch names the chain too: the verified one if verification passed, else what was sent. */
static int pin_mismatch(php_stream *stream, const char *leaf_pin, X509 *peer, zend_string *pins)
{
	SSL *ssl = XSOCK_DATA(stream)->tls->ssl;
	bool is_client = XSOCK_DATA(stream)->is_client;
	smart_str s = {0};

	if (SSL_get_verify_result(ssl) == X509_V_OK && SSL_get0_verified_chain(ssl) != NULL) {
		describe(&s, leaf_pin, peer, SSL_get0_verified_chain(ssl), "; its verified chain has ", is_client);
	} else {
		describe(&s, leaf_pin, peer, SSL_get_peer_cert_chain(ssl), "; the chain it sent has ", is_client);
	}
	smart_str_0(&s);
	XSOCK_WARN(stream, AuthFailed, "Public key pin mismatch: %s; expected %s", ZSTR_VAL(s.s), ZSTR_VAL(pins));
	smart_str_free(&s);
	return XSOCK_ERR;
}

/* XSOCK_OK when the peer's key (or, with pinned_chain, a verified chain key) is among `val`'s pins. */
int xsock_tls_pin_check(php_stream *stream, X509 *peer, zval *val)
{
	SSL *ssl = XSOCK_DATA(stream)->tls->ssl;
	char pin[PIN_PREFIX_LEN + PIN_B64_LEN + 1], leaf_pin[PIN_PREFIX_LEN + PIN_B64_LEN + 1];
	STACK_OF(X509) *chain;
	int i;

	if (Z_TYPE_P(val) != IS_STRING || !pins_valid(Z_STRVAL_P(val), Z_STRLEN_P(val))) {
		XSOCK_WARN(stream, InvalidParam, "Invalid pinned_pubkey: expected \"sha256//<base64 of the SHA-256 "
			"of the SubjectPublicKeyInfo>\", several separated by ';'");
		return XSOCK_ERR;
	}
	if (!xsock_tls_spki_pin(peer, leaf_pin)) {
		XSOCK_WARN(stream, AuthFailed, "Public key pin check failed: cannot encode the peer's public key");
		return XSOCK_ERR;
	}
	if (pin_listed(Z_STRVAL_P(val), Z_STRLEN_P(val), leaf_pin)) {
		return XSOCK_OK;
	}
	chain = pin_chain(stream, ssl);
	for (i = 0; chain != NULL && i < sk_X509_num(chain); i++) {
		if (xsock_tls_spki_pin(sk_X509_value(chain, i), pin) && pin_listed(Z_STRVAL_P(val), Z_STRLEN_P(val), pin)) {
			return XSOCK_OK;
		}
	}
	/* The warning names what the server has, so a stale pin is fixed from the log alone. */
	return pin_mismatch(stream, leaf_pin, peer, Z_STR_P(val));
}
