/*
 * xsock.c - module glue: MINIT/MSHUTDOWN, phpinfo, ini settings and the
 * user functions.  The transports live under transports/.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "php_ini.h"
#include "ext/standard/info.h"
#include "zend_smart_str.h"
#include "php_xsock.h"
#include "xsock_arginfo.h"
#include "transports/scheme.h"
#include "transports/transports.h"
#include "transports/tls.h"
#include "transports/xsock_error.h"
#include "transports/dns.h"
#include "transports/netops.h"

ZEND_DECLARE_MODULE_GLOBALS(xsock)

PHP_INI_BEGIN()
	/* Which schemes xsock takes over: "all" or a list such as "tcp,udp". */
	STD_PHP_INI_ENTRY("xsock.transports", "all", PHP_INI_SYSTEM, OnUpdateString,
		transports, zend_xsock_globals, xsock_globals)
	/*
	 * The chunk size is how much one refill of PHP's read buffer asks for,
	 * and the buffer keeps that size for the stream's life: a client that
	 * fgets() one line after a 70 KB burst holds 64 KiB with a 64 KiB
	 * chunk, 8 KiB with PHP's.  So xsock starts streams at PHP's 8192;
	 * fread()s of 8 KiB and more skip the buffer anyway (tcp.c direct
	 * reads), and PHP 8 does not split writes by chunk size.  A larger
	 * value still buys fewer refills to line-oriented readers of bulk data.
	 */
	STD_PHP_INI_ENTRY("xsock.chunk_size", "8192", PHP_INI_ALL, OnUpdateLong,
		chunk_size, zend_xsock_globals, xsock_globals)
	/*
	 * Key logging writes secrets that decrypt every logged connection, so
	 * only the system's configuration may allow it, never a script or the
	 * environment alone (tls_keylog.c).
	 */
	STD_PHP_INI_BOOLEAN("xsock.keylog", "0", PHP_INI_SYSTEM, OnUpdateBool,
		keylog, zend_xsock_globals, xsock_globals)
PHP_INI_END()

size_t xsock_default_chunk_size(void)
{
	zend_long n = XSOCK_G(chunk_size);

	return n < 1 ? 8192 : (n > 16 * 1024 * 1024 ? 16 * 1024 * 1024 : (size_t) n);
}

static zend_result register_crypto_status(int module_number);
static void unregister_crypto_status(void);

static PHP_MINIT_FUNCTION(xsock)
{
#if defined(COMPILE_DL_XSOCK) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	/*
	 * dl() loads are unloaded at request end, but a pfsockopen() stream
	 * lives on with pointers into this library (php-transports-8.2.md
	 * §1.5 item 4): refuse rather than crash a later request.  PHP turns a
	 * failed MINIT under dl() into "Unable to start xsock module" and ends
	 * the script; there is no gentler exit (a NULL from get_module() makes
	 * php_load_extension() crash), and a script that wanted xsock's
	 * transports must not run on without them.
	 */
	if (type == MODULE_TEMPORARY) {
		php_error_docref(NULL, E_WARNING, "xsock cannot be loaded with dl(): persistent streams "
			"would outlive the library; load it with extension=xsock in php.ini");
		return FAILURE;
	}
	REGISTER_INI_ENTRIES();
	xsock_net_minit();
	if (xsock_tls_minit() != SUCCESS || register_crypto_status(module_number) != SUCCESS) {
		return FAILURE;
	}
	return xsock_scheme_register_all(XSOCK_G(transports));
}

static PHP_MSHUTDOWN_FUNCTION(xsock)
{
	if (type == MODULE_TEMPORARY) {
		return SUCCESS;
	}
	xsock_scheme_unregister_all();
	unregister_crypto_status();
	xsock_tls_mshutdown();
	UNREGISTER_INI_ENTRIES();
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(xsock)
{
	smart_str served = {0};
	const xsock_scheme *row;
	size_t i;

	for (i = 0; (row = xsock_scheme_at(i)) != NULL; i++) {
		if (xsock_scheme_is_served(row)) {
			smart_str_appends(&served, served.s ? ", " : "");
			smart_str_appends(&served, row->name);
		}
	}
	smart_str_0(&served);
	php_info_print_table_start();
	php_info_print_table_row(2, "xsock support", "enabled");
	php_info_print_table_row(2, "Version", PHP_XSOCK_VERSION);
	xsock_tls_minfo();
	php_info_print_table_row(2, "Transports served by xsock", served.s ? ZSTR_VAL(served.s) : "none");
	php_info_print_table_row(2, "DNS lookups bounded by the connect timeout", xsock_dns_backend());
	php_info_print_table_end();
	smart_str_free(&served);
	DISPLAY_INI_ENTRIES();
}

static bool is_xsock_tcp(const php_stream *stream)
{
	return stream->ops == &xsock_tcp_ops || stream->ops == &xsock_tcp_ssl_ops;
}

/*
 * The stream argument of a function that takes only one, or NULL after
 * PHP's own error for a missing or wrong argument (the caller returns).
 */
static php_stream *one_stream_arg(INTERNAL_FUNCTION_PARAMETERS)
{
	zval *zstream;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_RESOURCE(zstream)
	ZEND_PARSE_PARAMETERS_END_EX(return NULL);
	return (php_stream *) zend_fetch_resource2_ex(zstream, "stream", php_file_le_stream(), php_file_le_pstream());
}

/* The method when none is given: ssl.crypto_method, converted (PHP reads it raw). */
static bool default_method(php_stream *stream, zend_long *method)
{
	zval *v = NULL;

	if (PHP_STREAM_CONTEXT(stream) != NULL) {
		v = php_stream_context_get_option(PHP_STREAM_CONTEXT(stream), "ssl", "crypto_method");
	}
	if (v == NULL) {
		zend_argument_value_error(3, "must be specified when enabling encryption");
		return false;
	}
	*method = zval_get_long(v);
	return true;
}

PHP_FUNCTION(xsock_enable_crypto)
{
	zval *zstream, *zsession = NULL;
	php_stream *stream, *session = NULL;
	zend_long method = 0;
	bool enable, method_null = true;
	int rc;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_RESOURCE(zstream)
		Z_PARAM_BOOL(enable)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(method, method_null)
		Z_PARAM_RESOURCE_OR_NULL(zsession)
	ZEND_PARSE_PARAMETERS_END();

	php_stream_from_zval(stream, zstream);
	if (!is_xsock_tcp(stream)) {
		php_error_docref(NULL, E_WARNING, "The stream (%s) is not an xsock tcp stream; "
			"use stream_socket_enable_crypto() for it", stream->ops->label);
		RETURN_FALSE;
	}
	if (enable) {
		if (method_null && !default_method(stream, &method)) {
			RETURN_THROWS();
		}
		if (zsession) {
			php_stream_from_zval(session, zsession);
		}
		if (php_stream_xport_crypto_setup(stream, (php_stream_xport_crypt_method_t) method, session) < 0) {
			RETURN_FALSE;
		}
	}
	rc = php_stream_xport_crypto_enable(stream, enable);
	if (rc < 0) {
		RETURN_FALSE;
	}
	if (rc == 0) {
		RETURN_LONG(0);
	}
	RETURN_TRUE;
}

PHP_FUNCTION(xsock_last_error)
{
	zval *zstream = NULL, *rec;
	php_stream *stream = NULL;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_RESOURCE_OR_NULL(zstream)
	ZEND_PARSE_PARAMETERS_END();

	if (zstream != NULL) {
		php_stream_from_zval(stream, zstream);
	}
	rec = xsock_err_last(stream);
	if (rec == NULL) {
		RETURN_NULL();
	}
	RETURN_COPY(rec);
}

/* The failure records are request-scoped (xsock_error.c). */
static PHP_RINIT_FUNCTION(xsock)
{
	xsock_err_rinit();
	return SUCCESS;
}

/* The failure records (xsock_error.c) and the TLS context memo (tls_config.c) are request-scoped. */
static PHP_RSHUTDOWN_FUNCTION(xsock)
{
	xsock_err_rshutdown();
	xsock_tls_conf_rshutdown();
	return SUCCESS;
}

#ifndef XSOCK_PHP_HAS_CRYPTO_STATUS
/*
 * PHP 8.6's stream_socket_get_crypto_status() for PHP 8.2-8.5, registered
 * only when PHP has no function of that name (MINIT).  Not in
 * xsock.stub.php: on 8.6 the name is core's, so the entry must not be in
 * ext_functions.  Streams that are not xsock's (files, PHP's own
 * transports) have no status to give: NONE, as for a plain stream.
 */
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_stream_socket_get_crypto_status, 0, 1, IS_LONG, 0)
	ZEND_ARG_INFO(0, stream)
ZEND_END_ARG_INFO()

static PHP_FUNCTION(stream_socket_get_crypto_status)
{
	php_stream *stream = one_stream_arg(INTERNAL_FUNCTION_PARAM_PASSTHRU);

	if (stream == NULL) {
		RETURN_THROWS();
	}
	RETURN_LONG(is_xsock_tcp(stream) ? xsock_tls_status(XSOCK_DATA(stream)) : STREAM_CRYPTO_STATUS_NONE);
}

static const zend_function_entry crypto_status_functions[] = {
	ZEND_FE(stream_socket_get_crypto_status, arginfo_stream_socket_get_crypto_status)
	ZEND_FE_END
};

static bool crypto_status_registered;	/* ours, so MSHUTDOWN takes it out again */

/* The function and STREAM_CRYPTO_STATUS_* where PHP lacks them (8.2-8.5). */
static zend_result register_crypto_status(int module_number)
{
	if (zend_get_constant_str(ZEND_STRL("STREAM_CRYPTO_STATUS_NONE")) == NULL) {
		REGISTER_LONG_CONSTANT("STREAM_CRYPTO_STATUS_NONE", STREAM_CRYPTO_STATUS_NONE, CONST_PERSISTENT);
		REGISTER_LONG_CONSTANT("STREAM_CRYPTO_STATUS_WANT_READ", STREAM_CRYPTO_STATUS_WANT_READ, CONST_PERSISTENT);
		REGISTER_LONG_CONSTANT("STREAM_CRYPTO_STATUS_WANT_WRITE", STREAM_CRYPTO_STATUS_WANT_WRITE, CONST_PERSISTENT);
	}
	if (zend_hash_str_exists(CG(function_table), ZEND_STRL("stream_socket_get_crypto_status"))) {
		return SUCCESS;
	}
	crypto_status_registered = zend_register_functions(NULL, crypto_status_functions, NULL, MODULE_PERSISTENT) == SUCCESS;
	return crypto_status_registered ? SUCCESS : FAILURE;
}

static void unregister_crypto_status(void)
{
	if (crypto_status_registered) {
		zend_unregister_functions(crypto_status_functions, -1, NULL);
		crypto_status_registered = false;
	}
}
#else
static zend_result register_crypto_status(int module_number)
{
	return SUCCESS;
}

static void unregister_crypto_status(void)
{
}
#endif

PHP_FUNCTION(xsock_tls_end_reason)
{
	php_stream *stream = one_stream_arg(INTERNAL_FUNCTION_PARAM_PASSTHRU);
	const char *reason;

	if (stream == NULL) {
		RETURN_THROWS();
	}
	/* PHP's own TLS streams and files have no xsock state: not TLS as far as xsock knows. */
	if (!is_xsock_tcp(stream) || (reason = xsock_tls_end_reason(XSOCK_DATA(stream))) == NULL) {
		RETURN_NULL();
	}
	RETURN_STRING(reason);
}

PHP_FUNCTION(xsock_tls_info)
{
	php_stream *stream = one_stream_arg(INTERNAL_FUNCTION_PARAM_PASSTHRU);

	if (stream == NULL) {
		RETURN_THROWS();
	}
	/* As xsock_tls_end_reason(): a stream xsock did not make has no TLS that xsock could describe. */
	if (!is_xsock_tcp(stream) || !xsock_tls_info(stream, return_value)) {
		RETURN_NULL();
	}
}

PHP_FUNCTION(xsock_transports)
{
	zend_string *name;
	void *factory;

	ZEND_PARSE_PARAMETERS_NONE();
	array_init(return_value);
	ZEND_HASH_FOREACH_STR_KEY_PTR(php_stream_xport_get_hash(), name, factory) {
		if (name != NULL) {
			add_assoc_string(return_value, ZSTR_VAL(name),
				xsock_scheme_is_ours((php_stream_transport_factory) factory) ? "xsock" : "builtin");
		}
	} ZEND_HASH_FOREACH_END();
}

/*
 * MINIT must run after ext/openssl's so that xsock's registrations win; an
 * optional dependency orders the two when openssl is shared, and costs
 * nothing when it is absent (Zend/zend_API.c zend_sort_modules).
 */
static const zend_module_dep xsock_deps[] = {
	ZEND_MOD_OPTIONAL("openssl")
	ZEND_MOD_END
};

zend_module_entry xsock_module_entry = {
	STANDARD_MODULE_HEADER_EX, NULL,
	xsock_deps,
	"xsock",
	ext_functions,
	PHP_MINIT(xsock),
	PHP_MSHUTDOWN(xsock),
	PHP_RINIT(xsock),
	PHP_RSHUTDOWN(xsock),
	PHP_MINFO(xsock),
	PHP_XSOCK_VERSION,
	PHP_MODULE_GLOBALS(xsock),
	NULL,
	NULL,
	NULL,
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_XSOCK
# ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
# endif
ZEND_GET_MODULE(xsock)
#endif
