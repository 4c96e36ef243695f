/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: cc082eb5f7ae8b35352abaaa6ff1121bb9b258c8 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_xsock_enable_crypto, 0, 2, MAY_BE_LONG|MAY_BE_BOOL)
	ZEND_ARG_INFO(0, stream)
	ZEND_ARG_TYPE_INFO(0, enable, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, crypto_method, IS_LONG, 1, "null")
	ZEND_ARG_INFO_WITH_DEFAULT_VALUE(0, session_stream, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_xsock_transports, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_xsock_tls_end_reason, 0, 1, IS_STRING, 1)
	ZEND_ARG_INFO(0, stream)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_xsock_tls_info, 0, 1, IS_ARRAY, 1)
	ZEND_ARG_INFO(0, stream)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_xsock_last_error, 0, 0, IS_ARRAY, 1)
	ZEND_ARG_INFO_WITH_DEFAULT_VALUE(0, stream, "null")
ZEND_END_ARG_INFO()


ZEND_FUNCTION(xsock_enable_crypto);
ZEND_FUNCTION(xsock_transports);
ZEND_FUNCTION(xsock_tls_end_reason);
ZEND_FUNCTION(xsock_tls_info);
ZEND_FUNCTION(xsock_last_error);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(xsock_enable_crypto, arginfo_xsock_enable_crypto)
	ZEND_FE(xsock_transports, arginfo_xsock_transports)
	ZEND_FE(xsock_tls_end_reason, arginfo_xsock_tls_end_reason)
	ZEND_FE(xsock_tls_info, arginfo_xsock_tls_info)
	ZEND_FE(xsock_last_error, arginfo_xsock_last_error)
	ZEND_FE_END
};
