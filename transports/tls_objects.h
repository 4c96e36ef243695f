/*
 * tls_objects.h - the PHP objects of PHP 8.6's TLS session and PSK API
 * (Openssl\Session, Openssl\Psk) as the TLS layer sees them: an
 * SSL_SESSION in, an SSL_SESSION out, a key and an identity.  Whether the
 * objects are ext/openssl's own (8.6) or xsock's shims (8.2-8.5) is
 * decided once at MINIT and hidden here.
 */
#ifndef XSOCK_TLS_OBJECTS_H
#define XSOCK_TLS_OBJECTS_H

#define XSOCK_WITH_OPENSSL_HEADERS 1
#include "xsock_stream.h"
#include <openssl/ssl.h>

/* OpenSSL's limits, which PHP 8.6 enforces in Openssl\Psk::__construct(). */
#define XSOCK_PSK_MAX_LEN			256		/* PSK_MAX_PSK_LEN */
#define XSOCK_PSK_MAX_IDENTITY_LEN	128		/* PSK_MAX_IDENTITY_LEN */

/* PHP's name of a protocol version ("TLSv1.3", ... "SSLv3"), NULL when unknown. */
const char *xsock_tls_version_name(int version);

/* MINIT: register the shim classes PHP lacks. */
int xsock_tls_objects_minit(void);

/* Is v an Openssl\Session object? */
bool xsock_session_is(const zval *v);

/* A new Openssl\Session for sess (takes its own reference); false after an exception. */
bool xsock_session_wrap(zval *out, SSL_SESSION *sess);

/* The SSL_SESSION of an Openssl\Session, with a reference for the caller; NULL if none. */
SSL_SESSION *xsock_session_unwrap(zval *v);

/* Is v an Openssl\Psk object? */
bool xsock_psk_is(const zval *v);

/*
 * The key and identity of an Openssl\Psk; *identity is NULL when the
 * object has none.  Both stay valid while v lives.  false if v has none.
 */
bool xsock_psk_get(zval *v, zend_string **key, zend_string **identity);

#ifdef XSOCK_PHP_HAS_TLS_SESSION_API
/* tls_php86.c: ext/openssl's objects, through their PHP methods. */
bool xsock_php86_session_wrap(zend_class_entry *ce, zval *out, SSL_SESSION *sess);
SSL_SESSION *xsock_php86_session_unwrap(zval *v);
bool xsock_php86_psk_get(zval *v, zend_string **key, zend_string **identity);
#endif

#endif
