/*
 * newer_php.c - glue for PHP 8.5 and 8.6 only (see newer_php.h).
 */
#include "newer_php.h"

#ifdef XSOCK_PHP_HAS_URI_PARSER_OPTION
# include "zend_interfaces.h"

/*
 * The classes PHP 8.5 accepts for ssl.uri_parser_class, and the method that
 * reads the host "raw", as ext/openssl asks ext/uri for it
 * (php_openssl_get_url_name: PHP_URI_COMPONENT_READ_MODE_RAW).  xsock
 * calls the classes' public API rather than ext/uri's internal C API,
 * whose names changed several times before 8.5 and cannot be compiled
 * here; the result is the same host string.
 */
typedef struct _uri_parser {
	const char *class_name;
	const char *host_method;	/* lower case, as zend_call_method looks it up */
} uri_parser;

static const uri_parser parsers[] = {
	{"Uri\\Rfc3986\\Uri", "getrawhost"},
	{"Uri\\WhatWg\\Url", "getasciihost"},
};

static const uri_parser *find_parser(const zval *v)
{
	size_t i;

	if (Z_TYPE_P(v) != IS_STRING) {
		return NULL;
	}
	for (i = 0; i < sizeof(parsers) / sizeof(parsers[0]); i++) {
		if (strcmp(Z_STRVAL_P(v), parsers[i].class_name) == 0) {
			return &parsers[i];
		}
	}
	return NULL;
}

/* Class::parse($res)?->host_method(), or NULL. */
static zend_string *parsed_host(const uri_parser *p, const char *res, size_t len)
{
	zend_string *cname = zend_string_init(p->class_name, strlen(p->class_name), 0);
	zend_class_entry *ce = zend_lookup_class(cname);
	zval arg, uri, host;
	zend_string *out = NULL;

	zend_string_release(cname);
	if (ce == NULL) {
		return NULL;
	}
	ZVAL_STRINGL(&arg, res, len);
	ZVAL_UNDEF(&uri);
	zend_call_method(NULL, ce, NULL, "parse", sizeof("parse") - 1, &uri, 1, &arg, NULL);
	zval_ptr_dtor(&arg);
	if (Z_TYPE(uri) == IS_OBJECT && !EG(exception)) {
		ZVAL_UNDEF(&host);
		zend_call_method(Z_OBJ(uri), Z_OBJCE(uri), NULL, p->host_method, strlen(p->host_method), &host, 0, NULL, NULL);
		if (Z_TYPE(host) == IS_STRING) {
			out = zend_string_copy(Z_STR(host));
		}
		zval_ptr_dtor(&host);
	}
	zval_ptr_dtor(&uri);
	return out;
}

bool xsock_uri_parser_name(php_stream_context *ctx, const char *res, size_t len, bool persistent, char **name)
{
	zval *v = ctx != NULL ? php_stream_context_get_option(ctx, "ssl", "uri_parser_class") : NULL;
	const uri_parser *p;
	zend_string *host;
	size_t hlen;

	*name = NULL;
	if (v == NULL || Z_TYPE_P(v) == IS_NULL) {
		return false;
	}
	if ((p = find_parser(v)) == NULL) {
		zend_value_error("%s(): Provided stream context has invalid value for the \"uri_parser_class\" option",
			get_active_function_name());
		return true;
	}
	if ((host = parsed_host(p, res, len)) == NULL) {
		return true;
	}
	/* Trailing dots cut, as for the legacy parse (xp_ssl.c). */
	for (hlen = ZSTR_LEN(host); hlen > 0 && ZSTR_VAL(host)[hlen - 1] == '.'; hlen--) {
	}
	*name = hlen > 0 ? pestrndup(ZSTR_VAL(host), hlen, persistent) : NULL;
	zend_string_release(host);
	return true;
}

#else

bool xsock_uri_parser_name(php_stream_context *ctx, const char *res, size_t len, bool persistent, char **name)
{
	*name = NULL;
	return false;
}

#endif
