/*
 * php_xsock.h - xsock's public header: module entry and version.
 */
#ifndef PHP_XSOCK_H
#define PHP_XSOCK_H

extern zend_module_entry xsock_module_entry;
#define phpext_xsock_ptr &xsock_module_entry

#define PHP_XSOCK_VERSION "0.1.0"

ZEND_BEGIN_MODULE_GLOBALS(xsock)
	char *transports;		/* xsock.transports: "all" or a list of scheme names (PHP_INI_SYSTEM) */
	bool keylog;			/* xsock.keylog: TLS secrets may be logged (ssl.keylog_file, SSLKEYLOGFILE); PHP_INI_SYSTEM, off */
	zend_long chunk_size;	/* xsock.chunk_size: bytes per refill of PHP's read buffer; default 8192, PHP's */
	zval err_cur;			/* xsock_error.c: the failure record being noted; UNDEF when none */
	zval err_last;			/* xsock_error.c: the request's last connect/accept failure (xsock_last_error()) */
	HashTable *err_streams;	/* xsock_error.c: resource id => that stream's last failure; NULL until one */
	bool err_closed;		/* xsock_error.c: after RSHUTDOWN (streams PHP closes later record nothing); RINIT clears it */
	void *tls_memo;			/* tls_config.c: the request's last TLS context lookup (xsock_tls_memo); NULL until one */
ZEND_END_MODULE_GLOBALS(xsock)

ZEND_EXTERN_MODULE_GLOBALS(xsock)
#define XSOCK_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(xsock, v)

#if defined(ZTS) && defined(COMPILE_DL_XSOCK)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif
