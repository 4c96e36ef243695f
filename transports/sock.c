/*
 * sock.c - the socket core shared by tcp.c and udp.c: clocks, waits,
 * SIGPIPE-free I/O, connect with Happy Eyeballs, bind, accept, names.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"	/* HAVE_GETADDRINFO_A from config.m4 */
#endif
#include "sock.h"
#include "addr.h"
#include "xsock_error.h"

#ifndef XSOCK_WINDOWS
# include <netinet/tcp.h>
# include <arpa/inet.h>
#endif
#ifdef HAVE_GETADDRINFO_A
# include <netdb.h>
# ifdef ZTS
#  include <pthread.h>
# endif
#endif

#define HE_MAX_INFLIGHT 16	/* attempts in flight at once; RFC 8305 sets no limit */

/* ---- clocks and waits ------------------------------------------------ */

uint64_t xsock_now_ms(void)
{
#ifdef XSOCK_WINDOWS
	return (uint64_t) GetTickCount64();
#else
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t) ts.tv_sec * 1000 + (uint64_t) ts.tv_nsec / 1000000;
#endif
}

uint64_t xsock_now_us(void)
{
#ifdef XSOCK_WINDOWS
	return (uint64_t) GetTickCount64() * 1000;	/* ms resolution is enough for timings there */
#else
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t) ts.tv_sec * 1000000 + (uint64_t) ts.tv_nsec / 1000;
#endif
}

int xsock_tv_to_ms(const struct timeval *tv)
{
	if (tv == NULL || tv->tv_sec < 0) {
		return -1;
	}
	if (tv->tv_sec > INT_MAX / 1000 - 1) {
		return INT_MAX;
	}
	/* Round up so a 1 us timeout still waits instead of spinning. */
	return (int) (tv->tv_sec * 1000 + (tv->tv_usec + 999) / 1000);
}

int xsock_ms_left(uint64_t deadline)
{
	uint64_t now;

	if (deadline == 0) {
		return -1;
	}
	now = xsock_now_ms();
	return now >= deadline ? 0 : (int) (deadline - now);
}

static uint64_t deadline_after(int ms)
{
	return ms < 0 ? 0 : xsock_now_ms() + (uint64_t) ms + (ms == 0);
}

int xsock_sock_wait(php_socket_t fd, int events, int timeout_ms)
{
	uint64_t deadline = deadline_after(timeout_ms);
	php_pollfd p;
	int n;

	for (;;) {
		p.fd = fd;
		p.events = (short) events;
		p.revents = 0;
		n = php_poll2(&p, 1, timeout_ms);
		if (n > 0) {
			return XSOCK_OK;
		}
		if (n == 0) {
			return XSOCK_TIMEOUT;
		}
		if (php_socket_errno() != EINTR) {
			return XSOCK_ERR;
		}
		/* EINTR: wait only for what is left, not the full timeout again. */
		if (deadline != 0) {
			timeout_ms = xsock_ms_left(deadline);
		}
	}
}

ssize_t xsock_sock_send(php_socket_t fd, const void *buf, size_t len, int flags)
{
	return send(fd, buf, len, flags | XSOCK_SEND_FLAGS);
}

ssize_t xsock_sock_recv(php_socket_t fd, void *buf, size_t len, int flags)
{
	return recv(fd, buf, len, flags);
}

ssize_t xsock_sock_recv_tail(php_socket_t fd, void *buf, size_t len, void *tail, size_t tail_len, int flags)
{
#ifdef XSOCK_WINDOWS
	return recv(fd, buf, len, flags);
#else
	struct iovec iov[2] = {{buf, len}, {tail, tail_len}};
	struct msghdr msg;

	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = iov;
	msg.msg_iovlen = 2;
	return recvmsg(fd, &msg, flags);
#endif
}

ssize_t xsock_sock_send_two(php_socket_t fd, const void *head, size_t head_len, const void *buf, size_t len, int flags)
{
#ifdef XSOCK_WINDOWS
	return head_len > 0 ? send(fd, head, head_len, flags) : send(fd, buf, len, flags);
#else
	struct iovec iov[2] = {{(void *) head, head_len}, {(void *) buf, len}};
	struct msghdr msg;

	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = iov;
	msg.msg_iovlen = 2;
	return sendmsg(fd, &msg, flags | XSOCK_SEND_FLAGS);
#endif
}

bool xsock_sock_set_blocking(php_socket_t fd, bool blocking)
{
	return XSOCK_SET_SOCK_BLOCKING(fd, blocking);
}

static void set_int_opt(php_socket_t fd, int level, int name, int value)
{
	setsockopt(fd, level, name, (char *) &value, sizeof(value));
}

static php_socket_t new_socket(int family, int socktype, bool nonblocking)
{
	php_socket_t fd;

#ifdef XSOCK_HAVE_SOCK_NONBLOCK
	/* Born non-blocking: saves the two fcntl() calls of a later switch. */
	fd = socket(family, socktype | (nonblocking ? SOCK_NONBLOCK : 0), 0);
	nonblocking = false;
#else
	fd = socket(family, socktype, 0);
#endif
	if (fd == SOCK_ERR) {
		return fd;
	}
#ifdef XSOCK_HAVE_SO_NOSIGPIPE
	set_int_opt(fd, SOL_SOCKET, SO_NOSIGPIPE, 1);
#endif
	if (nonblocking) {
		xsock_sock_set_blocking(fd, false);
	}
	return fd;
}

/* Back to blocking after a connect; a fresh socket has no other flags to keep. */
static void connected_blocking(php_socket_t fd)
{
#ifdef XSOCK_HAVE_SOCK_NONBLOCK
	fcntl(fd, F_SETFL, 0);
#else
	xsock_sock_set_blocking(fd, true);
#endif
}

static void set_port(struct sockaddr *sa, int port)
{
	if (sa->sa_family == AF_INET6) {
		((struct sockaddr_in6 *) sa)->sin6_port = htons((unsigned short) port);
	} else {
		((struct sockaddr_in *) sa)->sin_port = htons((unsigned short) port);
	}
}

static socklen_t sa_len(const struct sockaddr *sa)
{
	return sa->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
}

/* ---- names ----------------------------------------------------------- */

zend_string *xsock_sock_format(const struct sockaddr *sa, socklen_t salen)
{
	char ip[INET6_ADDRSTRLEN];

	if (salen == 0) {
		return NULL;
	}
	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *) sa;

		inet_ntop(AF_INET6, &s6->sin6_addr, ip, sizeof(ip));
		return strpprintf(0, "[%s]:%d", ip, ntohs(s6->sin6_port));
	}
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *s4 = (const struct sockaddr_in *) sa;

		inet_ntop(AF_INET, &s4->sin_addr, ip, sizeof(ip));
		return strpprintf(0, "%s:%d", ip, ntohs(s4->sin_port));
	}
	return NULL;
}

void xsock_sock_name_out(const struct sockaddr *sa, socklen_t salen,
	zend_string **textaddr, struct sockaddr **addr, socklen_t *addrlen)
{
	if (textaddr) {
		*textaddr = xsock_sock_format(sa, salen);
	}
	if (addr) {
		*addr = emalloc(salen ? salen : 1);
		memcpy(*addr, sa, salen);
		*addrlen = salen;
	}
}

/* ---- connect: Happy Eyeballs (RFC 8305) ------------------------------ */

typedef struct _he_bind {
	bool active;				/* a usable bindto was given */
	bool is_v6;					/* bindto host contains ':' */
	bool is_zero;				/* bindto host is exactly "0" */
	char host[256];				/* bindto host, NUL-terminated */
	int port;					/* bindto port */
} he_bind;

typedef struct _he_run {
	struct sockaddr **addrs;	/* interleaved targets, NULL-terminated */
	int next;					/* index of the next address to try */
	php_pollfd inflight[HE_MAX_INFLIGHT];
	int ninflight;
	int last_errno;				/* errno of the last failed attempt; 0 = none */
	bool any_tried;				/* false when bindto skipped every address */
} he_run;

/*
 * bindto is parsed like a target; a parse error is dropped without a word,
 * as PHP does (network.c:936), and so is a host too long to be an address.
 */
static void bind_parse(const char *bindto, he_bind *b)
{
	xsock_addr a;

	memset(b, 0, sizeof(*b));
	if (bindto == NULL || xsock_addr_parse(bindto, strlen(bindto), &a) != XSOCK_ADDR_OK
			|| a.hostlen >= sizeof(b->host)) {
		return;
	}
	memcpy(b->host, a.host, a.hostlen);
	b->host[a.hostlen] = '\0';
	b->port = a.port;
	b->active = true;
	b->is_v6 = strchr(b->host, ':') != NULL;
	b->is_zero = strcmp(b->host, "0") == 0;
}

/* PHP's bindto rules (php-transports-8.2.md §5.3); false = skip the target. */
static bool bind_apply(php_socket_t fd, int family, const he_bind *b)
{
	struct sockaddr_storage ss;
	int ok;

	if (!b->active) {
		return true;
	}
	if (family == AF_INET6 && !b->is_v6) {
		return false;
	}
	if (family == AF_INET && (b->is_v6 || b->is_zero)) {
		return true;
	}
	memset(&ss, 0, sizeof(ss));
	ss.ss_family = (sa_family_t) family;
	ok = family == AF_INET6
		? inet_pton(AF_INET6, b->host, &((struct sockaddr_in6 *) &ss)->sin6_addr)
		: inet_pton(AF_INET, b->host, &((struct sockaddr_in *) &ss)->sin_addr);
	if (ok != 1) {
		php_error_docref(NULL, E_WARNING, "Invalid IP Address: %s", b->host);
		return true;
	}
	set_port((struct sockaddr *) &ss, b->port);
#ifdef XSOCK_HAVE_BIND_NO_PORT
	if (b->port == 0) {
		set_int_opt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1);
	}
#endif
	if (bind(fd, (struct sockaddr *) &ss, sa_len((struct sockaddr *) &ss)) != 0) {
		zend_string *err = php_socket_error_str(php_socket_errno());

		php_error_docref(NULL, E_WARNING, "Failed to bind to '%s:%d', system said: %s",
			b->host, b->port, ZSTR_VAL(err));
		zend_string_release(err);
	}
	return true;
}

/* Start one attempt; returns true when it connected at once (fd in *done). */
static bool he_start(he_run *run, const xsock_connect_opts *o, const he_bind *b, php_socket_t *done)
{
	struct sockaddr *sa = run->addrs[run->next++];
	php_socket_t fd = new_socket(sa->sa_family, o->socktype, true);
	int rc;

	if (fd == SOCK_ERR) {
		run->last_errno = php_socket_errno();
		run->any_tried = true;
		return false;
	}
	if (!bind_apply(fd, sa->sa_family, b)) {
		closesocket(fd);
		return false;
	}
	run->any_tried = true;
	if (o->broadcast) {
		set_int_opt(fd, SOL_SOCKET, SO_BROADCAST, 1);
	}
	if (!xsock_sockopt_apply(fd, o->sockopts)) {
		run->last_errno = php_socket_errno();
		closesocket(fd);
		return false;
	}
	rc = connect(fd, sa, sa_len(sa));
	if (rc == 0) {
		*done = fd;
		return true;
	}
	if (XSOCK_EINPROGRESS(php_socket_errno()) && run->ninflight < HE_MAX_INFLIGHT) {
		run->inflight[run->ninflight].fd = fd;
		run->inflight[run->ninflight].events = POLLOUT;
		run->inflight[run->ninflight++].revents = 0;
		return false;
	}
	/* Refused at once (or too many in flight): the next address starts now. */
	run->last_errno = php_socket_errno();
	closesocket(fd);
	return false;
}

static void he_drop(he_run *run, int i)
{
	closesocket(run->inflight[i].fd);
	run->inflight[i] = run->inflight[--run->ninflight];
}

/*
 * Did this finished attempt connect?  POSIX poll() reports a failed
 * connect with POLLERR or POLLHUP, so plain POLLOUT is success and needs
 * no getsockopt(SO_ERROR) call; WSAPoll() is not trusted with that.
 */
static bool he_connected(php_pollfd *p, int *err)
{
	socklen_t len = sizeof(*err);

#ifndef XSOCK_WINDOWS
	if ((p->revents & (POLLERR | POLLHUP | POLLNVAL)) == 0 && (p->revents & POLLOUT)) {
		return true;
	}
#endif
	return getsockopt(p->fd, SOL_SOCKET, SO_ERROR, (char *) err, &len) == 0 && *err == 0;
}

/* Reap finished attempts; true with *done when one connected. */
static bool he_reap(he_run *run, php_socket_t *done)
{
	int i = 0;

	while (i < run->ninflight) {
		int err = 0;
		bool connected;

		if (run->inflight[i].revents == 0) {
			i++;
			continue;
		}
		connected = he_connected(&run->inflight[i], &err);
		run->inflight[i].revents = 0;
		if (connected) {
			*done = run->inflight[i].fd;
			run->inflight[i] = run->inflight[--run->ninflight];
			return true;
		}
		run->last_errno = err ? err : php_socket_errno();
		he_drop(run, i);
	}
	return false;
}

/* Wait for an attempt to finish or the attempt delay to pass. */
static int he_wait(he_run *run, int delay_ms, uint64_t deadline)
{
	int left = xsock_ms_left(deadline);
	int wait = left;
	int n;

	if (run->addrs[run->next] != NULL && (wait < 0 || delay_ms < wait)) {
		wait = delay_ms;
	}
	if (left == 0) {
		return XSOCK_TIMEOUT;
	}
	n = php_poll2(run->inflight, run->ninflight, wait);
	if (n < 0 && php_socket_errno() != EINTR) {
		run->last_errno = php_socket_errno();
		return XSOCK_ERR;
	}
	return XSOCK_OK;
}

/* IPv6 and IPv4 alternate, starting with the resolver's first family (RFC 8305 §4). */
static struct sockaddr **he_interleave(struct sockaddr **sal, int n)
{
	struct sockaddr **out = ecalloc((size_t) n + 1, sizeof(*out));
	bool used[64] = {0};
	int first = sal[0]->sa_family, k, want;

	n = n > 64 ? 64 : n;
	for (k = 0, want = first; k < n; want = (want == AF_INET6) ? AF_INET : AF_INET6) {
		int i, pick = -1;

		for (i = 0; i < n && pick < 0; i++) {
			if (!used[i] && sal[i]->sa_family == want) {
				pick = i;
			}
		}
		for (i = 0; i < n && pick < 0; i++) {
			if (!used[i]) {
				pick = i;
			}
		}
		used[pick] = true;
		out[k++] = sal[pick];
	}
	return out;
}

static int he_loop(he_run *run, const xsock_connect_opts *o, const he_bind *b,
	uint64_t deadline, php_socket_t *fd)
{
	for (;;) {
		int rc;

		if (run->addrs[run->next] != NULL && he_start(run, o, b, fd)) {
			return XSOCK_OK;
		}
		if (o->async && run->ninflight > 0) {
			*fd = run->inflight[0].fd;
			run->ninflight = 0;
			return XSOCK_WANT_WRITE;
		}
		if (run->ninflight == 0) {
			if (run->addrs[run->next] == NULL) {
				return XSOCK_ERR;
			}
			continue;
		}
		rc = he_wait(run, o->attempt_delay_ms, deadline);
		if (rc != XSOCK_OK) {
			return rc;
		}
		if (he_reap(run, fd)) {
			return XSOCK_OK;
		}
		if (run->ninflight == 0 && run->addrs[run->next] == NULL) {
			return XSOCK_ERR;
		}
	}
}

/* ---- bounded name resolution ---------------------------------------- */

#ifdef HAVE_GETADDRINFO_A
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

static void dns_fail(const char *host, const char *why, const char *hint, zend_string **errstr)
{
	*errstr = strpprintf(0, "php_network_getaddresses: getaddrinfo for %s failed: %s%s", host, why, hint);
	php_error_docref(NULL, E_WARNING, "%s", ZSTR_VAL(*errstr));
}

/* Wait for r until deadline; 0 done, EAI_AGAIN when the time ran out. */
static int dns_wait(dns_req *r, uint64_t deadline)
{
	const struct gaicb *list[1] = { &r->cb };

	while (gai_error(&r->cb) == EAI_INPROGRESS) {
		uint64_t now = xsock_now_ms();
		struct timespec ts;

		if (now >= deadline) {
			return EAI_AGAIN;
		}
		ts.tv_sec = (time_t) ((deadline - now) / 1000);
		ts.tv_nsec = (long) ((deadline - now) % 1000) * 1000000L;
		gai_suspend(list, 1, &ts);
	}
	return 0;
}

/* The lookup under the connect deadline; the same results and texts as PHP otherwise. */
static int dns_bounded(const char *host, int socktype, uint64_t deadline, int budget_ms,
	struct sockaddr ***sal, zend_string **errstr)
{
	size_t len = strlen(host);
	dns_req *r = calloc(1, sizeof(*r) + len);
	struct gaicb *list[1];
	struct sigevent sev;
	int n;

	if (r == NULL) {
		return php_network_getaddresses(host, socktype, sal, errstr);
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
		return php_network_getaddresses(host, socktype, sal, errstr);
	}
	if (dns_wait(r, deadline) != 0) {
		char hint[160];

		if (gai_cancel(&r->cb) == EAI_NOTCANCELED) {
			dns_orphans_reap(r);	/* glibc's thread still holds it */
		} else {
			dns_free(r);
		}
		snprintf(hint, sizeof(hint), " (DNS lookup of %s did not finish within the connect timeout (%.3f s))",
			host, (double) budget_ms / 1000.0);
		xsock_err_note_str("phase", "dns");
		xsock_err_note_timeout(budget_ms, "connect timeout");
		dns_fail(host, gai_strerror(EAI_AGAIN), hint, errstr);
		return 0;
	}
	n = gai_error(&r->cb);
	if (n != 0) {
		dns_fail(host, gai_strerror(n), "", errstr);
		dns_free(r);
		return 0;
	}
	n = dns_copy(r->cb.ar_result, sal);
	dns_free(r);
	return n;
}
#endif

/*
 * php_network_getaddresses() bounded by the connect timeout.  Numeric
 * addresses and an endless timeout take PHP's own call.  Without
 * getaddrinfo_a (musl, BSD, Windows; GetAddrInfoExW's timeout is not
 * wired yet) the lookup blocks as in PHP: a resolver thread is future work.
 */
static int resolve(const char *host, int socktype, uint64_t deadline, int budget_ms,
	struct sockaddr ***sal, zend_string **errstr)
{
#ifdef HAVE_GETADDRINFO_A
	struct addrinfo hints, *res = NULL;

	memset(&hints, 0, sizeof(hints));
	hints.ai_flags = AI_NUMERICHOST;
	hints.ai_socktype = socktype;
	/*
	 * getaddrinfo_a calls libc's own getaddrinfo, past an LD_PRELOAD'ed one
	 * (nss_wrapper, socket_wrapper): there PHP's call keeps the results PHP gets.
	 */
	const char *preload = getenv("LD_PRELOAD");

	if (preload != NULL && *preload != '\0') {
		return php_network_getaddresses(host, socktype, sal, errstr);
	}
	if (budget_ms >= 0 && getaddrinfo(host, NULL, &hints, &res) != 0) {
		return dns_bounded(host, socktype, deadline, budget_ms, sal, errstr);
	}
	if (res != NULL) {
		freeaddrinfo(res);
	}
#endif
	return php_network_getaddresses(host, socktype, sal, errstr);
}

int xsock_sock_connect(const char *host, int port, const xsock_connect_opts *o,
	struct timeval *timeout, php_socket_t *fd, zend_string **errstr, int *errcode)
{
	uint64_t deadline = deadline_after(xsock_tv_to_ms(timeout));
	struct sockaddr **sal = NULL;
	he_run run;
	he_bind b;
	int n, i, rc;

	memset(&run, 0, sizeof(run));
	n = resolve(host, o->socktype, deadline, xsock_tv_to_ms(timeout), &sal, errstr);
	if (n == 0) {
		*errcode = 0;
		return XSOCK_ERR;
	}
	for (i = 0; i < n; i++) {
		set_port(sal[i], port);
	}
	bind_parse(o->bindto, &b);
	run.addrs = he_interleave(sal, n);
	rc = he_loop(&run, o, &b, deadline, fd);
	while (run.ninflight > 0) {
		he_drop(&run, 0);
	}
	if (rc == XSOCK_TIMEOUT) {
		run.last_errno = XSOCK_ETIMEDOUT;
		rc = XSOCK_ERR;
	}
	if (rc == XSOCK_ERR) {
		*errcode = run.last_errno;
		if (run.any_tried) {
			*errstr = php_socket_error_str(run.last_errno);
		}
	} else {
		if (o->nodelay && o->socktype == SOCK_STREAM) {
			set_int_opt(*fd, IPPROTO_TCP, TCP_NODELAY, 1);
		}
		/* An async connect leaves the fd non-blocking, as PHP does (network.c:366). */
		if (!o->async) {
			connected_blocking(*fd);
		}
	}
	efree(run.addrs);
	php_network_freeaddresses(sal);
	return rc;
}

/* ---- bind and accept ------------------------------------------------- */

static php_socket_t bind_one(struct sockaddr *sa, const xsock_bind_opts *o, int *err)
{
	php_socket_t fd = new_socket(sa->sa_family, o->socktype, false);

	if (fd == SOCK_ERR) {
		*err = php_socket_errno();
		return SOCK_ERR;
	}
	/* PHP servers set SO_REUSEADDR (network.c:501) unless 8.6's so_reuseaddr says no. */
	if (o->reuseaddr) {
		set_int_opt(fd, SOL_SOCKET, SO_REUSEADDR, 1);
	}
#ifdef IPV6_V6ONLY
	if (sa->sa_family == AF_INET6 && o->v6only >= 0) {
		set_int_opt(fd, IPPROTO_IPV6, IPV6_V6ONLY, o->v6only);
	}
#endif
#ifdef XSOCK_HAVE_SO_REUSEPORT
	if (o->reuseport) {
		set_int_opt(fd, SOL_SOCKET, SO_REUSEPORT, 1);
	}
#endif
	if (o->broadcast) {
		set_int_opt(fd, SOL_SOCKET, SO_BROADCAST, 1);
	}
	if (xsock_sockopt_apply(fd, o->sockopts) && bind(fd, sa, sa_len(sa)) == 0) {
		return fd;
	}
	*err = php_socket_errno();
	closesocket(fd);
	return SOCK_ERR;
}

int xsock_sock_bind(const char *host, int port, const xsock_bind_opts *o,
	php_socket_t *fd, zend_string **errstr, int *errcode)
{
	struct sockaddr **sal = NULL;
	int n, i, err = 0;

	n = php_network_getaddresses(host, o->socktype, &sal, errstr);
	if (n == 0) {
		*errcode = 0;
		return XSOCK_ERR;
	}
	*fd = SOCK_ERR;
	for (i = 0; i < n && *fd == SOCK_ERR; i++) {
		set_port(sal[i], port);
		*fd = bind_one(sal[i], o, &err);
	}
	php_network_freeaddresses(sal);
	if (*fd == SOCK_ERR) {
		*errcode = err;
		*errstr = php_socket_error_str(err);
		return XSOCK_ERR;
	}
	return XSOCK_OK;
}

int xsock_sock_accept(php_socket_t srv, struct timeval *timeout, bool nodelay,
	php_socket_t *fd, struct sockaddr_storage *sa, socklen_t *salen,
	zend_string **errstr, int *errcode)
{
	int rc = xsock_sock_wait(srv, POLLIN, xsock_tv_to_ms(timeout));

	if (rc == XSOCK_OK) {
		*salen = sizeof(*sa);
		*fd = accept(srv, (struct sockaddr *) sa, salen);
		if (*fd != SOCK_ERR) {
			if (nodelay) {
				set_int_opt(*fd, IPPROTO_TCP, TCP_NODELAY, 1);
			}
			return XSOCK_OK;
		}
	}
	*errcode = rc == XSOCK_TIMEOUT ? XSOCK_ETIMEDOUT : php_socket_errno();
	*errstr = php_socket_error_str(*errcode);
	return XSOCK_ERR;
}
