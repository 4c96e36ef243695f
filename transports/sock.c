/*
 * sock.c - the socket core shared by tcp.c and udp.c: clocks, waits,
 * SIGPIPE-free I/O, connect with Happy Eyeballs, bind, accept, names.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif
#include "sock.h"
#include "addr.h"
#include "xsock_error.h"
#include "dns.h"

#ifndef XSOCK_WINDOWS
# include <netinet/tcp.h>
# include <arpa/inet.h>
#endif

#define HE_MAX_INFLIGHT 16	/* attempts in flight at once; RFC 8305 sets no limit */
#define HE_MAX_ADDRS 64		/* addresses of one name that are tried, in resolver order */

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

int xsock_wait_left(int ms, uint64_t start)
{
	uint64_t spent = xsock_now_ms() - start;

	if (ms < 0) {
		return -1;
	}
	return spent >= (uint64_t) ms ? 0 : ms - (int) spent;
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

/* he_run.result of an address besides an errno (xsock_last_error()'s `attempts`). */
#define HE_NOT_TRIED	0
#define HE_IN_FLIGHT	(-1)		/* started, unfinished when the connect ended */
#define HE_SKIPPED		(-2)		/* bindto is of the other address family */

typedef struct _he_run {
	struct sockaddr **addrs;	/* interleaved targets, NULL-terminated; at most HE_MAX_ADDRS */
	int next;					/* index of the next address to try */
	php_pollfd inflight[HE_MAX_INFLIGHT];
	int inflight_at[HE_MAX_INFLIGHT];	/* index in addrs of each attempt in flight */
	int ninflight;
	int last_errno;				/* errno of the last failed attempt; 0 = none */
	int last_at;				/* index in addrs of that attempt; -1 = none */
	bool any_tried;				/* false when bindto skipped every address */
	int result[HE_MAX_ADDRS];	/* per address: HE_* or the errno it failed with */
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
		/* PHP connects on from an address of the kernel's choice; a later failure says so. */
		xsock_err_note_str("bindto_error", ZSTR_VAL(err));
		zend_string_release(err);
	}
	return true;
}

/* Attempt `at` failed with err: the errno the connect reports if none later does. */
static void he_failed(he_run *run, int at, int err)
{
	run->result[at] = err;
	run->last_errno = err;
	run->last_at = at;
}

/* Start one attempt; returns true when it connected at once (fd in *done). */
static bool he_start(he_run *run, const xsock_connect_opts *o, const he_bind *b, php_socket_t *done)
{
	int at = run->next++;
	struct sockaddr *sa = run->addrs[at];
	php_socket_t fd = new_socket(sa->sa_family, o->socktype, true);
	int rc;

	if (fd == SOCK_ERR) {
		he_failed(run, at, php_socket_errno());
		run->any_tried = true;
		return false;
	}
	if (!bind_apply(fd, sa->sa_family, b)) {
		run->result[at] = HE_SKIPPED;
		closesocket(fd);
		return false;
	}
	run->any_tried = true;
	if (o->broadcast) {
		set_int_opt(fd, SOL_SOCKET, SO_BROADCAST, 1);
	}
	if (!xsock_sockopt_apply(fd, o->sockopts)) {
		he_failed(run, at, php_socket_errno());
		closesocket(fd);
		return false;
	}
	rc = connect(fd, sa, sa_len(sa));
	if (rc == 0) {
		*done = fd;
		return true;
	}
	if (XSOCK_EINPROGRESS(php_socket_errno()) && run->ninflight < HE_MAX_INFLIGHT) {
		run->result[at] = HE_IN_FLIGHT;
		run->inflight_at[run->ninflight] = at;
		run->inflight[run->ninflight].fd = fd;
		run->inflight[run->ninflight].events = POLLOUT;
		run->inflight[run->ninflight++].revents = 0;
		return false;
	}
	/* Refused at once (or too many in flight): the next address starts now. */
	he_failed(run, at, php_socket_errno());
	closesocket(fd);
	return false;
}

/* Attempt i leaves the in-flight list (its fd stays open). */
static void he_remove(he_run *run, int i)
{
	--run->ninflight;
	run->inflight[i] = run->inflight[run->ninflight];
	run->inflight_at[i] = run->inflight_at[run->ninflight];
}

static void he_drop(he_run *run, int i)
{
	closesocket(run->inflight[i].fd);
	he_remove(run, i);
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
			he_remove(run, i);
			return true;
		}
		he_failed(run, run->inflight_at[i], err ? err : php_socket_errno());
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
	/* The deadline, not the attempt delay, ended the wait: no new attempt starts at the deadline. */
	if (n == 0 && xsock_ms_left(deadline) == 0) {
		return XSOCK_TIMEOUT;
	}
	return XSOCK_OK;
}

/* IPv6 and IPv4 alternate, starting with the resolver's first family (RFC 8305 §4). */
static struct sockaddr **he_interleave(struct sockaddr **sal, int n)
{
	struct sockaddr **out = ecalloc((size_t) n + 1, sizeof(*out));
	bool used[HE_MAX_ADDRS] = {0};
	int first = sal[0]->sa_family, k, want;

	n = n > HE_MAX_ADDRS ? HE_MAX_ADDRS : n;
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

static const char *he_result_name(int result, bool timed_out, char *buf, size_t len)
{
	const char *name;

	switch (result) {
		case HE_NOT_TRIED:
			return "not tried";
		case HE_IN_FLIGHT:
			return timed_out ? "timeout" : "not finished";
		case HE_SKIPPED:
			return "skipped: bindto is of the other address family";
		default:
			name = xsock_err_errno_name(result);
			if (name != NULL) {
				return name;
			}
			snprintf(buf, len, "errno %d", result);
			return buf;
	}
}

/*
 * A failed connect, for xsock_last_error(): the address whose failure the
 * errno is (on a timeout the oldest attempt still waiting) and every
 * address with its result.  Built only here: a connect that works pays
 * for the result array on its stack, nothing else.
 */
static void he_note(he_run *run, bool timed_out)
{
	zval list, entry;
	char buf[32];
	int i;

	array_init(&list);
	for (i = 0; run->addrs[i] != NULL; i++) {
		int r = run->result[i];

		if (timed_out && r == HE_IN_FLIGHT && run->last_at < 0) {
			run->last_at = i;
		}
		array_init(&entry);
		add_assoc_str(&entry, "address", xsock_sock_format(run->addrs[i], sa_len(run->addrs[i])));
		add_assoc_string(&entry, "result", he_result_name(r, timed_out, buf, sizeof(buf)));
		add_assoc_long(&entry, "errno", r > 0 ? r : (r == HE_IN_FLIGHT && timed_out ? XSOCK_ETIMEDOUT : 0));
		add_next_index_zval(&list, &entry);
	}
	if (run->last_at >= 0) {
		zend_string *a = xsock_sock_format(run->addrs[run->last_at], sa_len(run->addrs[run->last_at]));

		xsock_err_note_str("address", ZSTR_VAL(a));
		zend_string_release(a);
	}
	if (!run->any_tried) {
		xsock_err_note_str("phase", "connect");
		xsock_err_note_str("hint", "bindto is of another address family than every address of the target");
	}
	xsock_err_note_zval("attempts", &list);
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
	run.last_at = -1;
	if (o->times != NULL) {
		o->times->start_us = xsock_now_us();
	}
	/* The lookup, bounded by the same deadline (dns.c). */
	n = xsock_dns_resolve(host, o->socktype, deadline, xsock_tv_to_ms(timeout), &sal, errstr);
	if (n == 0) {
		*errcode = 0;
		return XSOCK_ERR;
	}
	if (o->times != NULL) {
		o->times->resolved_us = xsock_now_us();
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
		run.last_at = -1;
		he_note(&run, true);
		rc = XSOCK_ERR;
	} else if (rc == XSOCK_ERR) {
		he_note(&run, false);
	}
	if (rc == XSOCK_ERR) {
		*errcode = run.last_errno;
		if (run.any_tried) {
			*errstr = php_socket_error_str(run.last_errno);
		}
	} else {
		if (o->times != NULL && rc == XSOCK_OK) {
			o->times->connected_us = xsock_now_us();
		}
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

/*
 * in_accept: the listener's SO_RCVTIMEO bounds a blocking accept()
 * (netops.c, xsock_net_recv_wait), so the wait and the accept are one
 * call.  When that ends without a client (its time is up, a signal, an fd
 * made non-blocking), poll() waits for what is left of the timeout.
 */
int xsock_sock_accept(php_socket_t srv, int timeout_ms, bool in_accept, bool nodelay,
	php_socket_t *fd, struct sockaddr_storage *sa, socklen_t *salen,
	zend_string **errstr, int *errcode)
{
	uint64_t start = in_accept ? xsock_now_ms() : 0;
	int rc = XSOCK_OK, err;

	*salen = sizeof(*sa);
	*fd = in_accept ? accept(srv, (struct sockaddr *) sa, salen) : SOCK_ERR;
	err = php_socket_errno();
	if (*fd == SOCK_ERR && (!in_accept || XSOCK_EWOULDBLOCK(err) || err == EINTR)) {
		rc = xsock_sock_wait(srv, POLLIN, in_accept ? xsock_wait_left(timeout_ms, start) : timeout_ms);
		if (rc == XSOCK_OK) {
			*salen = sizeof(*sa);
			*fd = accept(srv, (struct sockaddr *) sa, salen);
		}
	}
	if (*fd != SOCK_ERR) {
		if (nodelay) {
			set_int_opt(*fd, IPPROTO_TCP, TCP_NODELAY, 1);
		}
		return XSOCK_OK;
	}
	*errcode = rc == XSOCK_TIMEOUT ? XSOCK_ETIMEDOUT : php_socket_errno();
	*errstr = php_socket_error_str(*errcode);
	return XSOCK_ERR;
}
