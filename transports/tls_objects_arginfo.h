/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: f207209390a2a695a71a08535f40379340eb0aea */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Openssl_Session_export, 0, 0, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, format, IS_LONG, 0, "OPENSSL_ENCODING_PEM")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Openssl_Session_import, 0, 1, Openssl\\Session, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, format, IS_LONG, 0, "OPENSSL_ENCODING_PEM")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Openssl_Session_isResumable, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Openssl_Session_getTimeout, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Openssl_Session_getCreatedAt arginfo_class_Openssl_Session_getTimeout

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Openssl_Session_getProtocol, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_Openssl_Session_getCipher arginfo_class_Openssl_Session_getProtocol

#define arginfo_class_Openssl_Session_hasTicket arginfo_class_Openssl_Session_isResumable

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Openssl_Session_getTicketLifetimeHint, 0, 0, IS_LONG, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Openssl_Psk___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, psk, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, identity, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()


ZEND_METHOD(Openssl_Session, export);
ZEND_METHOD(Openssl_Session, import);
ZEND_METHOD(Openssl_Session, isResumable);
ZEND_METHOD(Openssl_Session, getTimeout);
ZEND_METHOD(Openssl_Session, getCreatedAt);
ZEND_METHOD(Openssl_Session, getProtocol);
ZEND_METHOD(Openssl_Session, getCipher);
ZEND_METHOD(Openssl_Session, hasTicket);
ZEND_METHOD(Openssl_Session, getTicketLifetimeHint);
ZEND_METHOD(Openssl_Psk, __construct);


static const zend_function_entry class_Openssl_Session_methods[] = {
	ZEND_ME(Openssl_Session, export, arginfo_class_Openssl_Session_export, ZEND_ACC_PUBLIC)
	ZEND_ME(Openssl_Session, import, arginfo_class_Openssl_Session_import, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Openssl_Session, isResumable, arginfo_class_Openssl_Session_isResumable, ZEND_ACC_PUBLIC)
	ZEND_ME(Openssl_Session, getTimeout, arginfo_class_Openssl_Session_getTimeout, ZEND_ACC_PUBLIC)
	ZEND_ME(Openssl_Session, getCreatedAt, arginfo_class_Openssl_Session_getCreatedAt, ZEND_ACC_PUBLIC)
	ZEND_ME(Openssl_Session, getProtocol, arginfo_class_Openssl_Session_getProtocol, ZEND_ACC_PUBLIC)
	ZEND_ME(Openssl_Session, getCipher, arginfo_class_Openssl_Session_getCipher, ZEND_ACC_PUBLIC)
	ZEND_ME(Openssl_Session, hasTicket, arginfo_class_Openssl_Session_hasTicket, ZEND_ACC_PUBLIC)
	ZEND_ME(Openssl_Session, getTicketLifetimeHint, arginfo_class_Openssl_Session_getTicketLifetimeHint, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Openssl_OpensslException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Openssl_Psk_methods[] = {
	ZEND_ME(Openssl_Psk, __construct, arginfo_class_Openssl_Psk___construct, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Openssl_Session(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Openssl", "Session", class_Openssl_Session_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_id_default_value;
	ZVAL_UNDEF(&property_id_default_value);
	zend_string *property_id_name = zend_string_init("id", sizeof("id") - 1, 1);
	zend_declare_typed_property(class_entry, property_id_name, &property_id_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_id_name);

	return class_entry;
}

static zend_class_entry *register_class_Openssl_OpensslException(zend_class_entry *class_entry_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Openssl", "OpensslException", class_Openssl_OpensslException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Openssl_Psk(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Openssl", "Psk", class_Openssl_Psk_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval const_MAX_PSK_LEN_value;
	ZVAL_LONG(&const_MAX_PSK_LEN_value, XSOCK_PSK_MAX_LEN);
	zend_string *const_MAX_PSK_LEN_name = zend_string_init_interned("MAX_PSK_LEN", sizeof("MAX_PSK_LEN") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_MAX_PSK_LEN_name, &const_MAX_PSK_LEN_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_MAX_PSK_LEN_name);

	zval const_MAX_IDENTITY_LEN_value;
	ZVAL_LONG(&const_MAX_IDENTITY_LEN_value, XSOCK_PSK_MAX_IDENTITY_LEN);
	zend_string *const_MAX_IDENTITY_LEN_name = zend_string_init_interned("MAX_IDENTITY_LEN", sizeof("MAX_IDENTITY_LEN") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_MAX_IDENTITY_LEN_name, &const_MAX_IDENTITY_LEN_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_MAX_IDENTITY_LEN_name);

	zval property_psk_default_value;
	ZVAL_UNDEF(&property_psk_default_value);
	zend_string *property_psk_name = zend_string_init("psk", sizeof("psk") - 1, 1);
	zend_declare_typed_property(class_entry, property_psk_name, &property_psk_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_psk_name);

	zval property_identity_default_value;
	ZVAL_UNDEF(&property_identity_default_value);
	zend_string *property_identity_name = zend_string_init("identity", sizeof("identity") - 1, 1);
	zend_declare_typed_property(class_entry, property_identity_name, &property_identity_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_identity_name);

	return class_entry;
}
