/*
 * dns.c - a client's name lookup, bounded by its connect timeout (#14).
 *
 * PHP's php_network_getaddresses() blocks for the resolver's own retry
 * schedule (resolv.conf: 5 s x attempts x A/AAAA), whatever the connect
 * timeout says.  Here the lookup runs elsewhere and the caller waits at
 * most until the deadline:
 *   - glibc: getaddrinfo_a() (its own thread pool);
 *   - other POSIX systems (musl, BSD, macOS), or glibc built with
 *     --enable-xsock-dns-thread (how CI's sanitizer leg tests this path):
 *     one detached thread per lookup, running getaddrinfo();
 *   - Windows: PHP's blocking call (GetAddrInfoExW's timeout is not wired).
 * The backend is chosen in xsock_compat.h.  Numeric hosts and an endless
 * timeout take PHP's own call, as does everything the backend cannot
 * start.  Results, warnings and errstr texts are PHP's; a lookup that ran
 * out of time says so after PHP's text.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif
#include "dns.h"
#include "xsock_error.h"

#ifndef XSOCK_WINDOWS
# include <arpa/inet.h>
# include <netdb.h>
#endif
#if defined(XSOCK_DNS_THREAD) || (defined(XSOCK_DNS_GAI_A) && defined(ZTS))
# include <pthread.h>
#endif
#ifdef XSOCK_DNS_THREAD
# include <dlfcn.h>
# include <signal.h>
#endif

/* ---- what both backends share ---------------------------------------- */

#if defined(XSOCK_DNS_GAI_A) || defined(XSOCK_DNS_THREAD)
/* PHP's one-time probe (network.c): no IPv6 socket means AF_INET lookups only. */
static int dns_family(void)
{
	static int borked = -1;

	if (borked == -1) {
		php_socket_t s = socket(PF_INET6, SOCK_DGRAM, 0);

		borked = s == SOCK_ERR;
		if (!borked) {
			closesocket(s);
		}
	}
	return borked ? AF_INET : AF_UNSPEC;
}

/* The addrinfo list as php_network_getaddresses() returns it (emalloc'd, NULL-terminated). */
static int dns_copy(const struct addrinfo *res, struct sockaddr ***sal)
{
	const struct addrinfo *a;
	int n = 0;

	for (a = res; a != NULL; a = a->ai_next) {
		n++;
	}
	*sal = safe_emalloc(n + 1, sizeof(**sal), 0);
	n = 0;
	for (a = res; a != NULL; a = a->ai_next) {
		(*sal)[n] = emalloc(a->ai_addrlen);
		memcpy((*sal)[n++], a->ai_addr, a->ai_addrlen);
	}
	(*sal)[n] = NULL;
	return n;
}

/* PHP's warning and errstr for a failed lookup, with `hint` after PHP's text. */
static int dns_fail(const char *host, const char *why, const char *hint, zend_string **errstr)
{
	*errstr = strpprintf(0, "php_network_getaddresses: getaddrinfo for %s failed: %s%s", host, why, hint);
	php_error_docref(NULL, E_WARNING, "%s", ZSTR_VAL(*errstr));
	return 0;
}

static int dns_timed_out(const char *host, int budget_ms, zend_string **errstr)
{
	char hint[160];

	snprintf(hint, sizeof(hint), " (DNS lookup of %s did not finish within the connect timeout (%.3f s))",
		host, (double) budget_ms / 1000.0);
	xsock_err_note_str("phase", "dns");
	xsock_err_note_timeout(budget_ms, "connect timeout");
	return dns_fail(host, gai_strerror(EAI_AGAIN), hint, errstr);
}

/* What getaddrinfo answered: PHP's results, or PHP's warning. */
static int dns_result(const char *host, int rc, const struct addrinfo *res, struct sockaddr ***sal,
	zend_string **errstr)
{
	return rc != 0 ? dns_fail(host, gai_strerror(rc), "", errstr) : dns_copy(res, sal);
}

/*
 * A literal address needs no resolver: inet_pton, no allocation.  Forms it
 * does not take ("127.1", "fe80::1%lo") go through the backend, which
 * answers them at once too.
 */
static bool is_numeric_host(const char *host)
{
	unsigned char buf[sizeof(struct in6_addr)];

	return inet_pton(AF_INET, host, buf) == 1 || inet_pton(AF_INET6, host, buf) == 1;
}
#endif

/* ---- glibc: getaddrinfo_a --------------------------------------------- */

#ifdef XSOCK_DNS_GAI_A
/*
 * One getaddrinfo_a() request on the C heap.  No completion callback
 * (SIGEV_NONE): a callback runs on a thread of glibc's and would call
 * into xsock.so, which PHP may have unloaded by then (a crash at exit).
 * A finished request is freed by the caller.  One that timed out and that
 * gai_cancel() could not stop (EAI_NOTCANCELED: glibc's thread still
 * writes into it) goes on the orphan list, freed by a later lookup once
 * glibc is done with it; at process exit whatever is left is left.
 */
typedef struct _dns_req {
	struct gaicb cb;			/* what glibc works on */
	struct addrinfo hints;		/* cb.ar_request points here */
	struct _dns_req *next;		/* orphan list */
	char host[1];				/* cb.ar_name points here */
} dns_req;

static dns_req *dns_orphans;	/* timed-out requests glibc still owns */
#ifdef ZTS
static pthread_mutex_t dns_orphans_lock = PTHREAD_MUTEX_INITIALIZER;
#endif

static void dns_free(dns_req *r)
{
	if (r->cb.ar_result != NULL) {
		freeaddrinfo(r->cb.ar_result);
	}
	free(r);
}

/* Adopt r (NULL: none) and free the orphans glibc has finished with. */
static void dns_orphans_reap(dns_req *r)
{
	dns_req **p, *done;

#ifdef ZTS
	pthread_mutex_lock(&dns_orphans_lock);
#endif
	if (r != NULL) {
		r->next = dns_orphans;
		dns_orphans = r;
	}
	for (p = &dns_orphans; *p != NULL; ) {
		if (gai_error(&(*p)->cb) == EAI_INPROGRESS) {
			p = &(*p)->next;
			continue;
		}
		done = *p;
		*p = done->next;
		dns_free(done);
	}
#ifdef ZTS
	pthread_mutex_unlock(&dns_orphans_lock);
#endif
}

/* Wait for r until deadline; false when the time ran out. */
static bool dns_wait(dns_req *r, uint64_t deadline)
{
	const struct gaicb *list[1] = { &r->cb };

	while (gai_error(&r->cb) == EAI_INPROGRESS) {
		uint64_t now = xsock_now_ms();
		struct timespec ts;

		if (now >= deadline) {
			return false;
		}
		ts.tv_sec = (time_t) ((deadline - now) / 1000);
		ts.tv_nsec = (long) ((deadline - now) % 1000) * 1000000L;
		gai_suspend(list, 1, &ts);
	}
	return true;
}

/* The lookup under the deadline; -1 when it could not be started (the caller asks PHP). */
static int dns_bounded(const char *host, int socktype, uint64_t deadline, int budget_ms,
	struct sockaddr ***sal, zend_string **errstr)
{
	size_t len = strlen(host);
	dns_req *r = calloc(1, sizeof(*r) + len);
	struct gaicb *list[1];
	struct sigevent sev;
	int n;

	if (r == NULL) {
		return -1;
	}
	memcpy(r->host, host, len + 1);
	r->hints.ai_family = dns_family();
	r->hints.ai_socktype = socktype;
	r->cb.ar_name = r->host;
	r->cb.ar_request = &r->hints;
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_NONE;
	if (dns_orphans != NULL) {
		dns_orphans_reap(NULL);
	}
	list[0] = &r->cb;
	if (getaddrinfo_a(GAI_NOWAIT, list, 1, &sev) != 0) {
		free(r);
		return -1;
	}
	if (!dns_wait(r, deadline)) {
		if (gai_cancel(&r->cb) == EAI_NOTCANCELED) {
			dns_orphans_reap(r);	/* glibc's thread still holds it */
		} else {
			dns_free(r);
		}
		return dns_timed_out(host, budget_ms, errstr);
	}
	n = dns_result(host, gai_error(&r->cb), r->cb.ar_result, sal, errstr);
	dns_free(r);
	return n;
}

/*
 * getaddrinfo_a calls libc's own getaddrinfo, past an LD_PRELOAD'ed one
 * (nss_wrapper, socket_wrapper): there PHP's call keeps the results PHP gets.
 */
static bool backend_usable(void)
{
	const char *preload = getenv("LD_PRELOAD");

	return preload == NULL || *preload == '\0';
}
#endif

/* ---- elsewhere: a thread per lookup ----------------------------------- */

#ifdef XSOCK_DNS_THREAD
/*
 * A lookup shared by the caller and its thread, freed by whichever lets
 * go last: a caller that gives up at the deadline just lets go, and the
 * thread finishes (resolver timeouts end it) and frees the job.
 */
typedef struct _dns_job {
	pthread_mutex_t lock;
	pthread_cond_t done_cv;
	int refs;					/* 2 while both hold it */
	bool done;
	int rc;						/* getaddrinfo()'s result */
	struct addrinfo *res;
	struct addrinfo hints;
	char host[1];
} dns_job;

/*
 * getaddrinfo() as PHP's own call finds it.  PHP loads extensions with
 * RTLD_DEEPBIND, so a plain call from xsock.so binds to libc's and skips
 * an LD_PRELOAD'ed one (nss_wrapper, socket_wrapper); the global scope's
 * symbols are what php_network_getaddresses() uses.  Set by pin_module().
 */
typedef int (*gai_fn)(const char *, const char *, const struct addrinfo *, struct addrinfo **);
typedef void (*freeai_fn)(struct addrinfo *);
static gai_fn gai_call = getaddrinfo;
static freeai_fn freeai_call = freeaddrinfo;

static void job_release(dns_job *j)
{
	bool last;

	pthread_mutex_lock(&j->lock);
	last = --j->refs == 0;
	pthread_mutex_unlock(&j->lock);
	if (last) {
		if (j->res != NULL) {
			freeai_call(j->res);
		}
		pthread_cond_destroy(&j->done_cv);
		pthread_mutex_destroy(&j->lock);
		free(j);
	}
}

static void *job_run(void *arg)
{
	dns_job *j = arg;
	struct addrinfo *res = NULL;
	int rc = gai_call(j->host, NULL, &j->hints, &res);

	pthread_mutex_lock(&j->lock);
	j->rc = rc;
	j->res = res;
	j->done = true;
	pthread_cond_signal(&j->done_cv);
	pthread_mutex_unlock(&j->lock);
	job_release(j);
	return NULL;
}

/*
 * A thread that outlives its caller still runs code of xsock.so after it
 * let go of the job; if PHP unloaded the module at exit in between, that
 * code would be gone (the crash getaddrinfo_a's callbacks had).  So
 * before the first thread the module pins itself in memory: dlopen of its
 * own file with RTLD_NODELETE.  A static build needs nothing; where the
 * pin fails, lookups stay PHP's blocking ones.
 */
static bool module_pinned;

/* Once, before the first thread: the pin, and the getaddrinfo() PHP would call. */
static void pin_module(void)
{
	Dl_info info;
	/* The program's handle, not RTLD_DEFAULT: that searches the caller's (deep-bound) scope. */
	void *prog = dlopen(NULL, RTLD_LAZY);
	void *gai = prog != NULL ? dlsym(prog, "getaddrinfo") : NULL;
	void *freeai = prog != NULL ? dlsym(prog, "freeaddrinfo") : NULL;

	if (gai != NULL && freeai != NULL) {
		gai_call = (gai_fn) gai;
		freeai_call = (freeai_fn) freeai;
	}
	if (dladdr((void *) &job_run, &info) == 0 || info.dli_fname == NULL) {
		module_pinned = true;	/* not a loadable module: never unloaded */
		return;
	}
	module_pinned = dlopen(info.dli_fname, RTLD_NOW | RTLD_NODELETE) != NULL;
}

/* The thread takes no signal meant for PHP (SIGPROF for max_execution_time, pcntl's). */
static bool job_start(dns_job *j)
{
	static pthread_once_t pin_once = PTHREAD_ONCE_INIT;
	pthread_attr_t attr;
	pthread_t tid;
	sigset_t all, old;
	bool ok;

	pthread_once(&pin_once, pin_module);
	if (!module_pinned || pthread_attr_init(&attr) != 0) {
		return false;
	}
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	ok = pthread_create(&tid, &attr, job_run, j) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&attr);
	return ok;
}

/* Wait for the job until deadline, on the clock its condition variable uses; false: time ran out. */
static bool job_wait(dns_job *j, uint64_t deadline)
{
	bool done;

	pthread_mutex_lock(&j->lock);
	while (!j->done) {
		uint64_t now = xsock_now_ms();
		struct timespec ts;

		if (now >= deadline) {
			break;
		}
		clock_gettime(XSOCK_COND_CLOCK, &ts);
		ts.tv_sec += (time_t) ((deadline - now) / 1000);
		ts.tv_nsec += (long) ((deadline - now) % 1000) * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&j->done_cv, &j->lock, &ts);
	}
	done = j->done;
	pthread_mutex_unlock(&j->lock);
	return done;
}

static dns_job *job_new(const char *host, int socktype)
{
	size_t len = strlen(host);
	dns_job *j = calloc(1, sizeof(*j) + len);
	pthread_condattr_t ca;

	if (j == NULL) {
		return NULL;
	}
	memcpy(j->host, host, len + 1);
	j->hints.ai_family = dns_family();
	j->hints.ai_socktype = socktype;
	j->refs = 2;
	pthread_mutex_init(&j->lock, NULL);
	pthread_condattr_init(&ca);
	XSOCK_COND_SETCLOCK(&ca);
	pthread_cond_init(&j->done_cv, &ca);
	pthread_condattr_destroy(&ca);
	return j;
}

static int dns_bounded(const char *host, int socktype, uint64_t deadline, int budget_ms,
	struct sockaddr ***sal, zend_string **errstr)
{
	dns_job *j = job_new(host, socktype);
	int n;

	if (j == NULL) {
		return -1;
	}
	if (!job_start(j)) {
		j->refs = 1;
		job_release(j);
		return -1;
	}
	if (!job_wait(j, deadline)) {
		job_release(j);	/* the thread frees it when it is done */
		return dns_timed_out(host, budget_ms, errstr);
	}
	n = dns_result(host, j->rc, j->res, sal, errstr);
	job_release(j);
	return n;
}

/* The thread calls the global scope's getaddrinfo(), so an LD_PRELOAD'ed one (nss_wrapper) still answers. */
static bool backend_usable(void)
{
	return true;
}
#endif

/* ---------------------------------------------------------------------- */

int xsock_dns_resolve(const char *host, int socktype, uint64_t deadline, int budget_ms,
	struct sockaddr ***sal, zend_string **errstr)
{
#if defined(XSOCK_DNS_GAI_A) || defined(XSOCK_DNS_THREAD)
	int n;

	if (budget_ms >= 0 && !is_numeric_host(host) && backend_usable()) {
		n = dns_bounded(host, socktype, deadline, budget_ms, sal, errstr);
		if (n >= 0) {
			return n;
		}
	}
#endif
	return php_network_getaddresses(host, socktype, sal, errstr);
}

const char *xsock_dns_backend(void)
{
#if defined(XSOCK_DNS_GAI_A)
	return "getaddrinfo_a";
#elif defined(XSOCK_DNS_THREAD)
	return "resolver thread";
#else
	return "none (blocking, as PHP)";
#endif
}
