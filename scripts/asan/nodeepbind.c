/*
 * nodeepbind.c - LD_PRELOAD shim for running Debian's PHP under ASan.
 *
 * PHP opens extensions with dlopen(RTLD_DEEPBIND).  A library opened that
 * way looks up its own symbols first, so an instrumented xsock.so would
 * reach the C library's malloc and free past ASan's interceptors; ASan
 * therefore refuses RTLD_DEEPBIND and aborts the process.  This shim sits
 * in front of ASan's dlopen, drops the flag and passes the call on.
 * Neither xsock nor the extensions Debian ships rely on deep binding.
 *
 * The shim also removes LD_PRELOAD from the environment once the process
 * has started: the programs a test starts (openssl s_server, python3,
 * sh) then run normally, while PHP workers come back under ASan through
 * the php wrapper that asan.sh passes as TEST_PHP_EXECUTABLE.
 *
 * GCC's UBSan runtime (libubsan, separate from libasan) applies the
 * log_path of UBSAN_OPTIONS through __sanitizer_set_report_path, and that
 * call binds to libasan's copy, preloaded first: libubsan's own reports
 * would still land in the test output.  The shim looks the function up in
 * libubsan itself and points it at the file prefix in XSOCK_UBSAN_LOG.
 *
 * It must come first in LD_PRELOAD, before libasan (so ASan's link-order
 * check is turned off with verify_asan_link_order=0).
 *
 * Build: gcc -shared -fPIC -O1 -o nodeepbind.so nodeepbind.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdlib.h>

typedef void *(*dlopen_fn)(const char *file, int mode);
typedef void (*report_path_fn)(const char *path);

static void nodeepbind_ubsan_log(void)
{
	const char *path = getenv("XSOCK_UBSAN_LOG");
	void *ubsan;
	report_path_fn set;

	if (path == NULL || *path == '\0') {
		return;
	}
	/* Only if it is already there: preloaded, or a dependency of xsock.so. */
	ubsan = dlopen("libubsan.so.1", RTLD_LAZY | RTLD_NOLOAD);
	if (ubsan == NULL) {
		return;
	}
	set = (report_path_fn) dlsym(ubsan, "__sanitizer_set_report_path");
	if (set != NULL) {
		set(path);
	}
	dlclose(ubsan);
}

__attribute__((constructor))
static void nodeepbind_init(void)
{
	nodeepbind_ubsan_log();
	unsetenv("LD_PRELOAD");
}

void *dlopen(const char *file, int mode)
{
	static dlopen_fn next;

	if (next == NULL) {
		next = (dlopen_fn) dlsym(RTLD_NEXT, "dlopen");
		if (next == NULL) {
			return NULL;
		}
	}
	return next(file, mode & ~RTLD_DEEPBIND);
}
