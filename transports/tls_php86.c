/*
 * tls_php86.c - PHP 8.6 only: ext/openssl's Openssl\Session and
 * Openssl\Psk objects, whose C layout is private to ext/openssl.
 *
 * php_openssl.h exports no helper for them (php_openssl_session_from_zval
 * and php_openssl_session_object_init, seen on the dtls:// PR branch, are
 * not PHPAPI as far as could be read), so xsock goes through the objects'
 * PHP methods: a session travels as DER through Session::import() and
 * $session->export(), and stays opaque.  Compiled from reading the 8.6
 * sources only (no 8.6 build here).  Unconfirmed: that 8.6's Psk exposes
 * its key and identity as the properties "psk" and "identity"; when it
 * does not, a PSK callback's result is refused with a TypeError.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_objects.h"

#ifdef XSOCK_PHP_HAS_TLS_SESSION_API
#include "zend_interfaces.h"

#define ENCODING_DER	0		/* OPENSSL_ENCODING_DER */

bool xsock_php86_session_wrap(zend_class_entry *ce, zval *out, SSL_SESSION *sess)
{
	int len = i2d_SSL_SESSION(sess, NULL);
	zend_string *der;
	unsigned char *p;
	zval data, format;

	ZVAL_UNDEF(out);
	if (len <= 0) {
		return false;
	}
	der = zend_string_alloc((size_t) len, 0);
	p = (unsigned char *) ZSTR_VAL(der);
	i2d_SSL_SESSION(sess, &p);
	ZSTR_VAL(der)[len] = '\0';
	ZVAL_STR(&data, der);
	ZVAL_LONG(&format, ENCODING_DER);
	zend_call_method(NULL, ce, NULL, "import", sizeof("import") - 1, out, 2, &data, &format);
	zval_ptr_dtor(&data);
	return Z_TYPE_P(out) == IS_OBJECT && !EG(exception);
}

SSL_SESSION *xsock_php86_session_unwrap(zval *v)
{
	zval der, format;
	const unsigned char *p;
	SSL_SESSION *sess = NULL;

	ZVAL_LONG(&format, ENCODING_DER);
	ZVAL_UNDEF(&der);
	zend_call_method(Z_OBJ_P(v), Z_OBJCE_P(v), NULL, "export", sizeof("export") - 1, &der, 1, &format, NULL);
	if (Z_TYPE(der) == IS_STRING && !EG(exception)) {
		p = (const unsigned char *) Z_STRVAL(der);
		sess = d2i_SSL_SESSION(NULL, &p, (long) Z_STRLEN(der));
	}
	zval_ptr_dtor(&der);
	return sess;
}

bool xsock_php86_psk_get(zval *v, zend_string **key, zend_string **identity)
{
	zval rv1, rv2;
	zval *k = zend_read_property(Z_OBJCE_P(v), Z_OBJ_P(v), "psk", sizeof("psk") - 1, 1, &rv1);
	zval *id = zend_read_property(Z_OBJCE_P(v), Z_OBJ_P(v), "identity", sizeof("identity") - 1, 1, &rv2);

	/* Properties are read in place (no copies made), so the strings live as long as v. */
	if (k == NULL || Z_TYPE_P(k) != IS_STRING || k == &rv1) {
		return false;
	}
	*key = Z_STR_P(k);
	*identity = (id != NULL && id != &rv2 && Z_TYPE_P(id) == IS_STRING) ? Z_STR_P(id) : NULL;
	return true;
}

#endif
