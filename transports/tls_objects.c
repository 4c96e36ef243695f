/*
 * tls_objects.c - Openssl\Session, Openssl\OpensslException and
 * Openssl\Psk.
 *
 * PHP 8.6 adds these classes to ext/openssl (PR #20296: session
 * resumption, PR #22057: TLS-PSK).  On 8.2-8.5 xsock registers classes of
 * the same names and API, so a script written for 8.6's ssl context
 * options runs unchanged; a class is registered only when it is absent, so
 * nothing an existing script can see changes.  On 8.6 the objects are
 * ext/openssl's, whose C layout xsock cannot see: tls_php86.c converts
 * through their PHP-level export()/import().
 *
 * Confirmed from php-src (stubs, tests, error-message docs): the class and
 * method names, export()/import()'s format argument with default
 * OPENSSL_ENCODING_PEM, the nullable getters, Psk's constants and its
 * "must not exceed N bytes" ValueErrors.  Not confirmed: the text of
 * import()'s exception and of a call on an uninitialised object, and
 * whether 8.6 exposes Psk's key and identity as properties (xsock's shim
 * does, read-only).
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_objects.h"
#include "zend_exceptions.h"
#include "tls_objects_arginfo.h"
#include <openssl/pem.h>
#include <openssl/err.h>

/* ext/openssl's OPENSSL_ENCODING_* values (openssl.stub.php). */
#define ENCODING_DER	0
#define ENCODING_PEM	2

typedef struct _sess_obj {
	SSL_SESSION *sess;				/* one reference; NULL until filled */
	zend_object std;				/* must be last */
} sess_obj;

static zend_class_entry *session_ce;	/* Openssl\Session, ours or ext/openssl's */
static zend_class_entry *psk_ce;		/* Openssl\Psk, ours or ext/openssl's */
static zend_class_entry *exception_ce;	/* Openssl\OpensslException */
static bool session_ours;				/* session_ce is xsock's shim, not ext/openssl's */
static bool psk_ours;					/* psk_ce is xsock's shim */
static zend_object_handlers session_handlers;

/* -------------------------------------------------------------- Session */

static sess_obj *sess_of(zend_object *obj)
{
	return (sess_obj *) ((char *) obj - XSOCK_OFFSETOF(sess_obj, std));
}

static zend_object *session_create(zend_class_entry *ce)
{
	sess_obj *o = zend_object_alloc(sizeof(sess_obj), ce);

	zend_object_std_init(&o->std, ce);
	object_properties_init(&o->std, ce);
	o->std.handlers = &session_handlers;
	return &o->std;
}

static void session_free(zend_object *obj)
{
	sess_obj *o = sess_of(obj);

	SSL_SESSION_free(o->sess);
	zend_object_std_dtor(obj);
}

/* The session of $this, or NULL with an Error thrown. */
static SSL_SESSION *this_session(zval *this_ptr)
{
	SSL_SESSION *sess = sess_of(Z_OBJ_P(this_ptr))->sess;

	if (sess == NULL) {
		zend_throw_error(NULL, "Openssl\\Session object is not initialized");
	}
	return sess;
}

static bool format_ok(zend_long format, uint32_t arg)
{
	if (format != ENCODING_DER && format != ENCODING_PEM) {
		zend_argument_value_error(arg, "must be OPENSSL_ENCODING_DER or OPENSSL_ENCODING_PEM");
		return false;
	}
	return true;
}

static zend_string *session_encode(SSL_SESSION *sess, zend_long format)
{
	zend_string *out = NULL;
	unsigned char *p;
	BIO *bio;
	BUF_MEM *mem;
	int len;

	if (format == ENCODING_DER) {
		len = i2d_SSL_SESSION(sess, NULL);
		if (len > 0) {
			out = zend_string_alloc((size_t) len, 0);
			p = (unsigned char *) ZSTR_VAL(out);
			i2d_SSL_SESSION(sess, &p);
			ZSTR_VAL(out)[len] = '\0';
		}
		return out;
	}
	bio = BIO_new(BIO_s_mem());
	if (bio != NULL && PEM_write_bio_SSL_SESSION(bio, sess) == 1) {
		BIO_get_mem_ptr(bio, &mem);
		out = zend_string_init(mem->data, mem->length, 0);
	}
	BIO_free(bio);
	return out;
}

static SSL_SESSION *session_decode(const char *data, size_t len, zend_long format)
{
	const unsigned char *p = (const unsigned char *) data;
	SSL_SESSION *sess = NULL;
	BIO *bio;

	if (len > INT_MAX) {
		return NULL;
	}
	if (format == ENCODING_DER) {
		sess = d2i_SSL_SESSION(NULL, &p, (long) len);
	} else if ((bio = BIO_new_mem_buf(data, (int) len)) != NULL) {
		sess = PEM_read_bio_SSL_SESSION(bio, NULL, NULL, NULL);
		BIO_free(bio);
	}
	ERR_clear_error();
	return sess;
}

/* Fill a fresh object: the session and the readonly $id (binary session id). */
static void session_fill(zend_object *obj, SSL_SESSION *sess)
{
	unsigned int len = 0;
	const unsigned char *id = SSL_SESSION_get_id(sess, &len);

	sess_of(obj)->sess = sess;
	ZVAL_STRINGL(OBJ_PROP_NUM(obj, 0), (const char *) id, len);
}

ZEND_METHOD(Openssl_Session, export)
{
	zend_long format = ENCODING_PEM;
	SSL_SESSION *sess;
	zend_string *out;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(format)
	ZEND_PARSE_PARAMETERS_END();

	if (!format_ok(format, 1) || (sess = this_session(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	out = session_encode(sess, format);
	if (out == NULL) {
		ERR_clear_error();
		zend_throw_exception(exception_ce, "Failed to export session", 0);
		RETURN_THROWS();
	}
	RETURN_STR(out);
}

ZEND_METHOD(Openssl_Session, import)
{
	zend_string *data;
	zend_long format = ENCODING_PEM;
	SSL_SESSION *sess;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(data)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(format)
	ZEND_PARSE_PARAMETERS_END();

	if (!format_ok(format, 2)) {
		RETURN_THROWS();
	}
	sess = session_decode(ZSTR_VAL(data), ZSTR_LEN(data), format);
	if (sess == NULL) {
		zend_throw_exception(exception_ce, "Failed to import session data", 0);
		RETURN_THROWS();
	}
	object_init_ex(return_value, session_ce);
	session_fill(Z_OBJ_P(return_value), sess);
}

ZEND_METHOD(Openssl_Session, isResumable)
{
	SSL_SESSION *sess;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((sess = this_session(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	RETURN_BOOL(SSL_SESSION_is_resumable(sess));
}

ZEND_METHOD(Openssl_Session, getTimeout)
{
	SSL_SESSION *sess;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((sess = this_session(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) SSL_SESSION_get_timeout(sess));
}

ZEND_METHOD(Openssl_Session, getCreatedAt)
{
	SSL_SESSION *sess;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((sess = this_session(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) XSOCK_SSL_SESSION_TIME(sess));
}

const char *xsock_tls_version_name(int version)
{
	switch (version) {
#ifdef XSOCK_HAVE_TLS13
		case TLS1_3_VERSION: return "TLSv1.3";
#endif
		case TLS1_2_VERSION: return "TLSv1.2";
		case TLS1_1_VERSION: return "TLSv1.1";
		case TLS1_VERSION: return "TLSv1";
		case SSL3_VERSION: return "SSLv3";
		default: return NULL;
	}
}

ZEND_METHOD(Openssl_Session, getProtocol)
{
	SSL_SESSION *sess;
	const char *name;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((sess = this_session(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	name = xsock_tls_version_name(SSL_SESSION_get_protocol_version(sess));
	if (name == NULL) {
		RETURN_NULL();
	}
	RETURN_STRING(name);
}

ZEND_METHOD(Openssl_Session, getCipher)
{
	SSL_SESSION *sess;
	const SSL_CIPHER *cipher;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((sess = this_session(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	cipher = SSL_SESSION_get0_cipher(sess);
	if (cipher == NULL) {
		RETURN_NULL();
	}
	RETURN_STRING(SSL_CIPHER_get_name(cipher));
}

ZEND_METHOD(Openssl_Session, hasTicket)
{
	SSL_SESSION *sess;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((sess = this_session(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	RETURN_BOOL(SSL_SESSION_has_ticket(sess));
}

ZEND_METHOD(Openssl_Session, getTicketLifetimeHint)
{
	SSL_SESSION *sess;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((sess = this_session(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	if (!SSL_SESSION_has_ticket(sess)) {
		RETURN_NULL();
	}
	RETURN_LONG((zend_long) SSL_SESSION_get_ticket_lifetime_hint(sess));
}

/* ------------------------------------------------------------------ Psk */

ZEND_METHOD(Openssl_Psk, __construct)
{
	zend_string *key, *identity = NULL;
	zend_object *obj = Z_OBJ_P(ZEND_THIS);

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(key)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(identity)
	ZEND_PARSE_PARAMETERS_END();

	if (ZSTR_LEN(key) > XSOCK_PSK_MAX_LEN) {
		zend_argument_value_error(1, "must not exceed %d bytes", XSOCK_PSK_MAX_LEN);
		RETURN_THROWS();
	}
	if (identity != NULL && ZSTR_LEN(identity) > XSOCK_PSK_MAX_IDENTITY_LEN) {
		zend_argument_value_error(2, "must not exceed %d bytes", XSOCK_PSK_MAX_IDENTITY_LEN);
		RETURN_THROWS();
	}
	if (Z_TYPE_P(OBJ_PROP_NUM(obj, 0)) != IS_UNDEF) {
		zend_throw_error(NULL, "Cannot modify readonly property Openssl\\Psk::$psk");
		RETURN_THROWS();
	}
	ZVAL_STR_COPY(OBJ_PROP_NUM(obj, 0), key);
	if (identity != NULL) {
		ZVAL_STR_COPY(OBJ_PROP_NUM(obj, 1), identity);
	} else {
		ZVAL_NULL(OBJ_PROP_NUM(obj, 1));
	}
}

/* ------------------------------------------------------------ for tls_* */

/*
 * ext/openssl's own objects exist only on 8.6 (tls_php86.c); a class of
 * that name from anywhere else on an older PHP is not one xsock can read.
 */
#ifdef XSOCK_PHP_HAS_TLS_SESSION_API
# define native_session_wrap(out, sess) xsock_php86_session_wrap(session_ce, (out), (sess))
# define native_session_unwrap(v) xsock_php86_session_unwrap(v)
# define native_psk_get(v, key, identity) xsock_php86_psk_get((v), (key), (identity))
#else
# define native_session_wrap(out, sess) (zend_throw_error(NULL, "Openssl\\Session is not xsock's"), false)
# define native_session_unwrap(v) ((SSL_SESSION *) NULL)
# define native_psk_get(v, key, identity) false
#endif

bool xsock_session_is(const zval *v)
{
	return session_ce != NULL && Z_TYPE_P(v) == IS_OBJECT && instanceof_function(Z_OBJCE_P(v), session_ce);
}

bool xsock_session_wrap(zval *out, SSL_SESSION *sess)
{
	if (!session_ours) {
		return native_session_wrap(out, sess);
	}
	SSL_SESSION_up_ref(sess);
	object_init_ex(out, session_ce);
	session_fill(Z_OBJ_P(out), sess);
	return true;
}

SSL_SESSION *xsock_session_unwrap(zval *v)
{
	SSL_SESSION *sess;

	if (!xsock_session_is(v)) {
		return NULL;
	}
	if (!session_ours) {
		return native_session_unwrap(v);
	}
	sess = sess_of(Z_OBJ_P(v))->sess;
	if (sess != NULL) {
		SSL_SESSION_up_ref(sess);
	}
	return sess;
}

bool xsock_psk_is(const zval *v)
{
	return psk_ce != NULL && Z_TYPE_P(v) == IS_OBJECT && instanceof_function(Z_OBJCE_P(v), psk_ce);
}

bool xsock_psk_get(zval *v, zend_string **key, zend_string **identity)
{
	zval *k, *id;

	if (!psk_ours) {
		return native_psk_get(v, key, identity);
	}
	k = OBJ_PROP_NUM(Z_OBJ_P(v), 0);
	id = OBJ_PROP_NUM(Z_OBJ_P(v), 1);
	if (Z_TYPE_P(k) != IS_STRING) {
		return false;
	}
	*key = Z_STR_P(k);
	*identity = Z_TYPE_P(id) == IS_STRING ? Z_STR_P(id) : NULL;
	return true;
}

/* ---------------------------------------------------------------- MINIT */

static zend_class_entry *find_class(const char *lcname)
{
	return zend_hash_str_find_ptr(CG(class_table), lcname, strlen(lcname));
}

int xsock_tls_objects_minit(void)
{
	/* ext/openssl's MINIT runs first (ZEND_MOD_OPTIONAL), so its classes are visible here. */
	session_ce = find_class("openssl\\session");
	session_ours = session_ce == NULL;
	if (session_ours) {
		session_ce = register_class_Openssl_Session();
		session_ce->create_object = session_create;
		memcpy(&session_handlers, zend_get_std_object_handlers(), sizeof(session_handlers));
		session_handlers.offset = XSOCK_OFFSETOF(sess_obj, std);
		session_handlers.free_obj = session_free;
		session_handlers.clone_obj = NULL;
	}
	exception_ce = find_class("openssl\\opensslexception");
	if (exception_ce == NULL) {
		exception_ce = register_class_Openssl_OpensslException(zend_ce_exception);
	}
	psk_ce = find_class("openssl\\psk");
	psk_ours = psk_ce == NULL;
	if (psk_ours) {
		psk_ce = register_class_Openssl_Psk();
	}
	return XSOCK_OK;
}
