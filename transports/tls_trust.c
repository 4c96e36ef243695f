/*
 * tls_trust.c - a client's CA certificates when no option names any.
 *
 * PHP (php_openssl_enable_peer_verification) falls back to OpenSSL's
 * compiled-in default locations, OPENSSLDIR/cert.pem and OPENSSLDIR/certs,
 * or the SSL_CERT_FILE / SSL_CERT_DIR overrides.  A libssl built with
 * another OPENSSLDIR than the system's (a static or vendored OpenSSL, a
 * container image without the symlinks) then verifies against nothing,
 * and users turn verify_peer off.  When those locations hold no CA, xsock
 * looks for the system bundle where Linux distributions and the BSDs put
 * it (the list of Go's crypto/x509 root_linux.go and root_bsd.go), before
 * verification fails as it would in PHP.  Where the default works, as on
 * Debian, nothing changes: the list is only read when the default is empty.
 *
 * The list is fixed: no ini setting or environment variable can point
 * xsock at a trust store the administrator did not install (an override
 * for tests would be one for attackers too).  Tests put a bundle on one of
 * these paths inside a private mount namespace instead.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include <ctype.h>

#ifdef XSOCK_HAVE_SYSTEM_CA_BUNDLES
# include <dirent.h>
# include <sys/stat.h>

static const char *const bundles[] = {
	"/etc/ssl/certs/ca-certificates.crt",					/* Debian, Ubuntu, Gentoo, Arch, Alpine */
	"/etc/pki/tls/certs/ca-bundle.crt",						/* Fedora, RHEL 6 */
	"/etc/ssl/ca-bundle.pem",								/* openSUSE */
	"/etc/pki/tls/cacert.pem",								/* OpenELEC */
	"/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",	/* CentOS, RHEL 7 and later */
	"/etc/ssl/cert.pem",									/* Alpine, OpenBSD, macOS */
	"/usr/local/etc/ssl/cert.pem",							/* FreeBSD */
	"/usr/local/share/certs/ca-root-nss.crt",				/* FreeBSD's ca_root_nss port */
	"/etc/openssl/certs/ca-certificates.crt",				/* NetBSD */
	"/usr/local/etc/openssl/cert.pem",						/* Homebrew-style prefixes on the BSDs */
};

static int store_count(X509_STORE *store)
{
	STACK_OF(X509_OBJECT) *objs = X509_STORE_get0_objects(store);

	return objs != NULL ? sk_X509_OBJECT_num(objs) : 0;
}

/* A c_rehash link name: 8 hex digits, '.', digits (OpenSSL's by_dir lookup reads only these). */
static bool hashed_name(const char *name)
{
	size_t i;

	for (i = 0; i < 8; i++) {
		if (!isxdigit((unsigned char) name[i])) {
			return false;
		}
	}
	if (name[8] != '.' || name[9] == '\0') {
		return false;
	}
	for (i = 9; name[i] != '\0'; i++) {
		if (!isdigit((unsigned char) name[i])) {
			return false;
		}
	}
	return true;
}

static bool dir_has_hashes(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	bool found = false;

	if (d == NULL) {
		return false;
	}
	while (!found && (e = readdir(d)) != NULL) {
		found = hashed_name(e->d_name);
	}
	closedir(d);
	return found;
}

/* A directory list as by_dir reads it (':'-separated): does any of them hold a hashed CA name? */
static bool dirs_have_hashes(const char *dirs)
{
	char list[4096], *dir, *save = NULL;
	bool found = false;

	strlcpy(list, dirs, sizeof(list));
	for (dir = php_strtok_r(list, ":", &save); dir != NULL && !found; dir = php_strtok_r(NULL, ":", &save)) {
		found = dir_has_hashes(dir);
	}
	return found;
}

/* OpenSSL's default directory list, SSL_CERT_DIR's when set. */
static const char *default_dir(void)
{
	const char *env = getenv(X509_get_default_cert_dir_env());

	return env != NULL ? env : X509_get_default_cert_dir();
}

static const char *discover(X509_STORE *store)
{
	struct stat st;
	size_t i;

	for (i = 0; i < sizeof(bundles) / sizeof(bundles[0]); i++) {
		if (stat(bundles[i], &st) == 0 && S_ISREG(st.st_mode)
				&& X509_STORE_load_file(store, bundles[i]) == 1 && store_count(store) > 0) {
			return bundles[i];
		}
		ERR_clear_error();
	}
	return NULL;
}

#endif

/*
 * After SSL_CTX_set_default_verify_paths(): which store the client's
 * verification uses.  "default" for OpenSSL's locations (the default file
 * is loaded at once, directories are looked up lazily, so they are checked
 * for hashed names), else the bundle found (a static string), else NULL:
 * nothing to verify against, verification will fail as in PHP.
 */
const char *xsock_tls_trust_default(SSL_CTX *ctx)
{
#ifdef XSOCK_HAVE_SYSTEM_CA_BUNDLES
	X509_STORE *store = SSL_CTX_get_cert_store(ctx);

	if (store_count(store) > 0 || dirs_have_hashes(default_dir())) {
		return "default";
	}
	return discover(store);
#else
	(void) ctx;
	return "default";
#endif
}

/*
 * What a capath holds for OpenSSL's lookups: XSOCK_TLS_CAPATH_CAS, _EMPTY
 * (no hashed names) or _MISSING (no such directory; a list counts as
 * missing only when it is not one existing path).  Where xsock cannot
 * list directories it says _CAS: a hint must not blame a store it did
 * not see.
 */
int xsock_tls_capath_state(const char *capath)
{
#ifdef XSOCK_HAVE_SYSTEM_CA_BUNDLES
	struct stat st;

	if (dirs_have_hashes(capath)) {
		return XSOCK_TLS_CAPATH_CAS;
	}
	return strchr(capath, ':') == NULL && stat(capath, &st) != 0 ? XSOCK_TLS_CAPATH_MISSING : XSOCK_TLS_CAPATH_EMPTY;
#else
	(void) capath;
	return XSOCK_TLS_CAPATH_CAS;
#endif
}
