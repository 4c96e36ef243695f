/*
 * ceiling.c - the C reference for bench/: the same workloads bench.php
 * gives PHP, done with libssl directly, so the table can show how far both
 * PHP columns are from what this machine and this OpenSSL can do.
 *
 * Build (run.php does it):
 *   cc -O2 -Wall -o bench/ceiling bench/ceiling.c -lssl -lcrypto
 *
 * Usage: ceiling BENCH [key=value ...]; prints one JSON line on stdout.
 *   tls_bulk, tcp_bulk   mib=N: 64 KiB writes client -> server, 1-byte ack;
 *                        tls_bulk better=1: read-ahead and buffered writes
 *   hs_rsa, hs_ecdsa     full TLS handshakes/s (connect, read 1 byte, close)
 *   hs_resume            same, the client offers the last session it got
 *   tcp_connect          tcp connect + 1 byte + close per second
 *                        (these three, contract=1: with the system calls
 *                        PHP's stream contract costs any transport, see
 *                        "C contract" below)
 *   rss_idle, idle10k    client RSS per idle TLS connection (conns=N)
 *   hold                 TLS server that accepts and holds connections, for
 *                        bench.php's idle10k (prints "READY <port>")
 *   select               epoll TLS echo server + load generator
 *   load port=P          only the load generator, against a server on P
 *   tlsload port=P       concurrent HTTP/1.1-over-TLS load: clients=N each
 *                        connect, full handshake, reqs=R keep-alive requests,
 *                        close, again; pid=PID: that server's CPU is measured
 *   memcpy               64 KiB memcpy GB/s at destination offsets 0..64
 * Common keys: secs=S (time bound), max=N (count bound), certs=DIR,
 * clients=N trips=N reqsize=N (select/load).
 *
 * Like PHP's defaults it sets no TCP_NODELAY, speaks TLS 1.3 with
 * OpenSSL's default suites, verifies the server against certs/ca.pem with
 * the name "localhost" and closes with one close_notify.  Unlike PHP it
 * builds each SSL_CTX once.  The server is a fork()ed child that shares
 * the listening socket; it is killed by its pid when the client is done.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <arpa/inet.h>
#include <sys/epoll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#define CHUNK	65536

typedef struct _opts {
	const char *bench;
	const char *certs;
	double mib;
	double secs;
	long max;
	int conns;
	int clients;
	int trips;
	int reqsize;
	int reqs;
	int port;
	int pid;
	bool better;
	bool contract;
	SSL_CTX *ctx_client;	/* tlsload's, shared by all its clients */
} opts;

/* One connection: plain when ssl is NULL. */
typedef struct _conn {
	int fd;
	SSL *ssl;
	bool flush;	/* writes go to a buffering BIO that needs a flush */
} conn;

static opts o = {
	NULL, "certs", 256, 1.0, 1000000, 300, 200, 100, 128, 5, 0, 0, false, false, NULL
};

static void die(const char *what)
{
	fprintf(stderr, "ceiling %s: %s: %s\n", o.bench ? o.bench : "", what,
		errno ? strerror(errno) : "");
	ERR_print_errors_fp(stderr);
	exit(1);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void parse(int argc, char **argv)
{
	int i;

	o.bench = argv[1];
	for (i = 2; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		const char *k = argv[i], *v;

		if (eq == NULL) {
			die("arguments are key=value");
		}
		*eq = '\0';
		v = eq + 1;
		if (!strcmp(k, "certs")) {
			o.certs = v;
		} else if (!strcmp(k, "mib")) {
			o.mib = atof(v);
		} else if (!strcmp(k, "secs")) {
			o.secs = atof(v);
		} else if (!strcmp(k, "max")) {
			o.max = atol(v);
		} else if (!strcmp(k, "conns")) {
			o.conns = atoi(v);
		} else if (!strcmp(k, "clients")) {
			o.clients = atoi(v);
		} else if (!strcmp(k, "trips")) {
			o.trips = atoi(v);
		} else if (!strcmp(k, "reqsize")) {
			o.reqsize = atoi(v);
		} else if (!strcmp(k, "reqs")) {
			o.reqs = atoi(v);
		} else if (!strcmp(k, "port")) {
			o.port = atoi(v);
		} else if (!strcmp(k, "pid")) {
			o.pid = atoi(v);
		} else if (!strcmp(k, "better")) {
			o.better = atoi(v) != 0;
		} else if (!strcmp(k, "contract")) {
			o.contract = atoi(v) != 0;
		}
		/* Keys meant for bench.php only are ignored. */
	}
}

static int listen_any(int *port)
{
	struct sockaddr_in sa;
	socklen_t len = sizeof(sa);
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (fd < 0 || bind(fd, (struct sockaddr *) &sa, sizeof(sa)) < 0
			|| listen(fd, 511) < 0
			|| getsockname(fd, (struct sockaddr *) &sa, &len) < 0) {
		die("listen");
	}
	*port = ntohs(sa.sin_port);
	return fd;
}

/*
 * "C contract": the plain ceiling, plus the system calls that PHP's stream
 * contract makes any transport pay per connection, so that what is left
 * between it and xsock is PHP's own work and xsock's code.  PHP's
 * built-in transports pay the same:
 *   - connect honours a timeout: a non-blocking connect(), poll() for
 *     POLLOUT, then the socket goes back to blocking (a script, or
 *     socket_import_stream(), gets a blocking fd);
 *   - every read that waits honours the stream timeout: poll() for
 *     POLLIN, then recv() (OpenSSL's reads go through contract_bio,
 *     which polls only where a read would wait: cbio_read);
 *   - stream_socket_accept() honours its timeout: poll() on the listener,
 *     then accept();
 *   - close is lossless: what the peer already sent is read and dropped
 *     before close(), which would otherwise answer with RST.
 * The timeouts are PHP's defaults (default_socket_timeout 60 s; the
 * benchmark's accept timeout 1 s).  With better=1 it is "C better" with
 * the contract (run.php's "C contract" column): read-ahead, so one poll()
 * and one recv() per flight, as xsock's BIO does.
 */
#define CONTRACT_TIMEOUT_MS	60000

static void contract_wait(int fd, short events, int ms)
{
	struct pollfd p = {fd, events, 0};

	if (poll(&p, 1, ms) != 1) {
		die("poll");
	}
}

/* Under contract=1 the connect honours a timeout, as PHP's does. */
static int connect_to(int port)
{
	struct sockaddr_in sa;
	int fd = socket(AF_INET, SOCK_STREAM | (o.contract ? SOCK_NONBLOCK : 0), 0);

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = htons(port);
	if (fd < 0 || (connect(fd, (struct sockaddr *) &sa, sizeof(sa)) < 0
			&& !(o.contract && errno == EINPROGRESS))) {
		die("connect");
	}
	if (o.contract) {
		contract_wait(fd, POLLOUT, CONTRACT_TIMEOUT_MS);
		/* No F_GETFL: a new socket has no other status flag (xsock knows it too). */
		if (fcntl(fd, F_SETFL, 0) < 0) {
			die("fcntl");
		}
	}
	return fd;
}

/* One accept(); under contract=1 after a poll() for the accept timeout. */
static int accept_conn(int lfd)
{
	if (o.contract) {
		contract_wait(lfd, POLLIN, 1000);
	}
	return accept(lfd, NULL, NULL);
}

/* Read and drop what has arrived; never waits. */
static void contract_drain(int fd)
{
	char buf[16384];

	while (recv(fd, buf, sizeof(buf), MSG_DONTWAIT) > 0) {
	}
}

/*
 * Only a read that would wait polls, as a careful C program does: after a
 * recv() that filled the buffer the kernel may hold more, so recv() first
 * (and poll() only on EAGAIN); after a short one, or on a new connection,
 * the next bytes are still on the wire, so poll() first.  With read-ahead
 * (OpenSSL 3.0) every handshake recv() is short: one poll() per flight.
 * OpenSSL 3.5 reads a handshake's records header by header (5 bytes, then
 * the body), and a poll() before each of those would charge C for waits
 * that never happen.  contract_bio is a filter in front of a socket BIO;
 * its data is non-NULL while the last recv() filled the buffer.
 */
static int cbio_read(BIO *b, char *buf, int len)
{
	int fd = (int) BIO_get_fd(BIO_next(b), NULL);
	bool full = BIO_get_data(b) != NULL;
	ssize_t n;

	if (!full) {
		contract_wait(fd, POLLIN, CONTRACT_TIMEOUT_MS);
	}
	n = recv(fd, buf, (size_t) len, MSG_DONTWAIT);
	if (n < 0 && full && errno == EAGAIN) {
		contract_wait(fd, POLLIN, CONTRACT_TIMEOUT_MS);
		n = recv(fd, buf, (size_t) len, MSG_DONTWAIT);
	}
	BIO_set_data(b, n == len ? b : NULL);
	return n < 0 ? -1 : (int) n;
}

static int cbio_write(BIO *b, const char *buf, int len)
{
	return BIO_write(BIO_next(b), buf, len);
}

static long cbio_ctrl(BIO *b, int cmd, long num, void *ptr)
{
	return BIO_next(b) == NULL ? 0 : BIO_ctrl(BIO_next(b), cmd, num, ptr);
}

static int cbio_create(BIO *b)
{
	BIO_set_init(b, 1);
	return 1;
}

/* A socket BIO on fd whose reads that would wait poll() first (cbio_read). */
static BIO *contract_bio(int fd)
{
	static BIO_METHOD *m;
	BIO *f, *sock;

	if (m == NULL) {
		m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_FILTER, "contract");
		if (m == NULL || !BIO_meth_set_read(m, cbio_read) || !BIO_meth_set_write(m, cbio_write)
				|| !BIO_meth_set_ctrl(m, cbio_ctrl) || !BIO_meth_set_create(m, cbio_create)) {
			die("BIO_meth_new");
		}
	}
	f = BIO_new(m);
	sock = BIO_new_socket(fd, BIO_NOCLOSE);
	if (f == NULL || sock == NULL) {
		die("BIO_new");
	}
	return BIO_push(f, sock);
}

/*
 * "C better": what the fastest TLS programs do for bulk data.  Read-ahead
 * with a 64 KiB buffer lets one recv() take several records (libssl
 * otherwise reads each record's header and body with two calls); a 64 KiB
 * SSL_write() becomes four records in a buffering BIO that leaves in one
 * send() at the flush instead of one send() per record.
 */
static void better_ctx(SSL_CTX *ctx)
{
	if (o.better) {
		SSL_CTX_set_read_ahead(ctx, 1);
		SSL_CTX_set_default_read_buffer_len(ctx, CHUNK);
	}
}

/* rbio: the socket; wbio: a buffer in front of the same socket BIO. */
static void set_bio(conn *c)
{
	BIO *sock, *buf;

	if (!o.better) {
		if (o.contract) {
			sock = contract_bio(c->fd);
			SSL_set_bio(c->ssl, sock, sock);
		} else {
			SSL_set_fd(c->ssl, c->fd);
		}
		return;
	}
	sock = o.contract ? contract_bio(c->fd) : BIO_new_socket(c->fd, BIO_NOCLOSE);
	buf = BIO_new(BIO_f_buffer());
	/* 64 KiB of plaintext is 65,624 bytes of TLS 1.3 records: room for one write. */
	if (sock == NULL || buf == NULL || BIO_set_write_buffer_size(buf, 2 * CHUNK) != 1) {
		die("BIO_f_buffer");
	}
	BIO_push(buf, sock);
	/* Two owners (rbio, and the chain as wbio): SSL_free drops both references. */
	BIO_up_ref(sock);
	SSL_set_bio(c->ssl, sock, buf);
	c->flush = true;
}

static SSL_CTX *server_ctx(const char *pem)
{
	char path[1024];
	SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());

	snprintf(path, sizeof(path), "%s/%s", o.certs, pem);
	SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
	if (SSL_CTX_use_certificate_chain_file(ctx, path) != 1
			|| SSL_CTX_use_PrivateKey_file(ctx, path, SSL_FILETYPE_PEM) != 1) {
		die(path);
	}
	better_ctx(ctx);
	return ctx;
}

static SSL_CTX *client_ctx(void)
{
	char path[1024];
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());

	snprintf(path, sizeof(path), "%s/ca.pem", o.certs);
	SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
	if (SSL_CTX_load_verify_locations(ctx, path, NULL) != 1) {
		die(path);
	}
	better_ctx(ctx);
	return ctx;
}

static void io_write(conn *c, const void *buf, size_t len)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t n = c->ssl ? SSL_write(c->ssl, p, (int) len) : write(c->fd, p, len);

		if (n <= 0) {
			die("write");
		}
		p += n;
		len -= (size_t) n;
	}
	if (c->flush && BIO_flush(SSL_get_wbio(c->ssl)) != 1) {
		die("BIO_flush");
	}
}

/* One read call, like PHP's fread(): returns what arrived (0 = EOF). */
static ssize_t io_read(conn *c, void *buf, size_t len)
{
	ssize_t n;

	if (o.contract && c->ssl == NULL) {
		contract_wait(c->fd, POLLIN, CONTRACT_TIMEOUT_MS);
	}
	n = c->ssl ? SSL_read(c->ssl, buf, (int) len) : read(c->fd, buf, len);

	return n < 0 ? 0 : n;
}

static void io_read_full(conn *c, void *buf, size_t len)
{
	char *p = buf;

	while (len > 0) {
		ssize_t n = io_read(c, p, len);

		if (n <= 0) {
			die("short read");
		}
		p += n;
		len -= (size_t) n;
	}
}

static void conn_close(conn *c)
{
	if (c->ssl) {
		SSL_shutdown(c->ssl);
		SSL_free(c->ssl);
	}
	if (o.contract) {
		contract_drain(c->fd);
	}
	close(c->fd);
}

static void client_handshake(conn *c, SSL_CTX *ctx, SSL_SESSION *sess)
{
	c->ssl = SSL_new(ctx);
	set_bio(c);
	SSL_set_tlsext_host_name(c->ssl, "localhost");
	SSL_set1_host(c->ssl, "localhost");
	if (sess != NULL) {
		SSL_set_session(c->ssl, sess);
	}
	if (SSL_connect(c->ssl) != 1) {
		die("SSL_connect");
	}
}

static bool server_handshake(conn *c, SSL_CTX *ctx)
{
	c->ssl = SSL_new(ctx);
	set_bio(c);
	return SSL_accept(c->ssl) == 1;
}

/* fork() a server running fn on the listening socket; returns its pid. */
static pid_t spawn(void (*fn)(int, SSL_CTX *), int lfd, SSL_CTX *ctx)
{
	pid_t pid = fork();

	if (pid < 0) {
		die("fork");
	}
	if (pid == 0) {
		/* Bounded: a server the parent forgot would die on its own. */
		alarm((unsigned) o.secs + 60);
		fn(lfd, ctx);
		_exit(0);
	}
	close(lfd);
	return pid;
}

/* SIGTERM, not SIGKILL: under callgrind the server then writes its profile. */
static void reap(pid_t pid)
{
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
}

/*
 * CPU seconds (user + system) of this process plus, when pid > 0, of the
 * server child, read from /proc: the cost per operation is far less
 * disturbed by other load on the machine than the wall-clock rate.
 */
static double cpu_secs(pid_t pid)
{
	struct rusage ru;
	double s;
	char path[64], buf[1024], *p;
	unsigned long ut, st;
	FILE *f;

	getrusage(RUSAGE_SELF, &ru);
	s = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec
		+ (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
	if (pid <= 0) {
		return s;
	}
	snprintf(path, sizeof(path), "/proc/%d/stat", (int) pid);
	if ((f = fopen(path, "r")) == NULL) {
		die(path);
	}
	p = fgets(buf, sizeof(buf), f) ? strrchr(buf, ')') : NULL;
	fclose(f);
	/* After "pid (comm)": state is field 3, utime 14, stime 15. */
	if (p == NULL || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
			&ut, &st) != 2) {
		die("parse /proc/pid/stat");
	}
	return s + (double) (ut + st) / sysconf(_SC_CLK_TCK);
}

/* cpu: CPU microseconds per unit of value's numerator; < 0 = not measured. */
static void result(double value, const char *unit, const char *info, double cpu)
{
	printf("{\"value\":%.3f,\"unit\":\"%s\",\"info\":\"%s\"", value, unit, info);
	if (cpu >= 0) {
		printf(",\"cpu\":%.3f", cpu);
	}
	printf("}\n");
}

/* --- bulk: 8-byte big-endian length, then 64 KiB writes, 1-byte ack --- */

static void bulk_server(int lfd, SSL_CTX *ctx)
{
	static char buf[CHUNK];
	conn c = {accept_conn(lfd), NULL, false};
	unsigned char hdr[8];
	unsigned long long total = 0, got = 0;
	int i;

	if (ctx != NULL && !server_handshake(&c, ctx)) {
		die("SSL_accept");
	}
	io_read_full(&c, hdr, 8);
	for (i = 0; i < 8; i++) {
		total = (total << 8) | hdr[i];
	}
	while (got < total) {
		ssize_t n = io_read(&c, buf, CHUNK);

		if (n <= 0) {
			die("bulk eof");
		}
		got += (unsigned long long) n;
	}
	io_write(&c, "k", 1);
	conn_close(&c);
}

static void bench_bulk(bool tls)
{
	static char buf[CHUNK];
	SSL_CTX *sctx = tls ? server_ctx("rsa.pem") : NULL;
	int port, lfd = listen_any(&port), i;
	pid_t pid = spawn(bulk_server, lfd, sctx);
	conn c = {connect_to(port), NULL, false};
	unsigned long long total = (unsigned long long) (o.mib * 1048576) / CHUNK * CHUNK;
	unsigned char hdr[8];
	char ack, info[128] = "tcp";
	const char *how = o.better ? ", read-ahead 64 KiB, buffered writes" : "";
	double t0, t1, c0;

	if (tls) {
		client_handshake(&c, client_ctx(), NULL);
		snprintf(info, sizeof(info), "%s %s%s", SSL_get_version(c.ssl),
			SSL_CIPHER_get_name(SSL_get_current_cipher(c.ssl)), how);
	}
	for (i = 0; i < 8; i++) {
		hdr[i] = (unsigned char) (total >> (56 - 8 * i));
	}
	memset(buf, 'a', sizeof(buf));
	io_write(&c, hdr, 8);
	c0 = cpu_secs(pid);
	t0 = now();
	for (unsigned long long sent = 0; sent < total; sent += CHUNK) {
		io_write(&c, buf, CHUNK);
	}
	io_read_full(&c, &ack, 1);
	t1 = now();
	c0 = cpu_secs(pid) - c0;
	conn_close(&c);
	reap(pid);
	result(total / 1048576.0 / (t1 - t0), "MiB/s", info, c0 * 1e6 / (total / 1048576.0));
}

/* --- connection rate: accept, (handshake), write 1 byte, close --- */

static void hs_server(int lfd, SSL_CTX *ctx)
{
	for (;;) {
		conn c = {accept_conn(lfd), NULL, false};

		if (c.fd < 0) {
			continue;
		}
		if (ctx == NULL || server_handshake(&c, ctx)) {
			io_write(&c, "x", 1);
		}
		conn_close(&c);
	}
}

static void bench_rate(const char *pem, bool resume)
{
	SSL_CTX *sctx = pem ? server_ctx(pem) : NULL;
	SSL_CTX *cctx = pem ? client_ctx() : NULL;
	SSL_SESSION *sess = NULL;
	int port, lfd = listen_any(&port);
	pid_t pid = spawn(hs_server, lfd, sctx);
	long n = 0, reused = 0;
	double c0 = cpu_secs(pid), t0 = now(), t1;
	char info[128];

	do {
		conn c = {connect_to(port), NULL, false};
		char x;

		if (cctx != NULL) {
			client_handshake(&c, cctx, resume ? sess : NULL);
			reused += SSL_session_reused(c.ssl);
		}
		io_read_full(&c, &x, 1);
		if (resume) {
			/* Reading the byte also read the server's NewSessionTickets. */
			SSL_SESSION_free(sess);
			sess = SSL_get1_session(c.ssl);
		}
		conn_close(&c);
		n++;
		t1 = now();
	} while (t1 - t0 < o.secs && n < o.max);
	c0 = cpu_secs(pid) - c0;
	reap(pid);
	snprintf(info, sizeof(info), "%ld conns, %ld resumed%s", n, reused,
		o.contract ? ", PHP's stream contract" : "");
	result(n / (t1 - t0), "conn/s", info, c0 * 1e6 / n);
}

/* --- RSS per idle TLS client connection --- */

static long rss_kib(void)
{
	char line[256];
	long kib = -1;
	FILE *f = fopen("/proc/self/status", "r");

	while (f != NULL && fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "VmRSS:", 6)) {
			kib = atol(line + 6);
		}
	}
	if (f != NULL) {
		fclose(f);
	}
	return kib;
}

static void hold_server(int lfd, SSL_CTX *ctx)
{
	for (;;) {
		conn c = {accept(lfd, NULL, NULL), NULL, false};

		if (c.fd >= 0 && !server_handshake(&c, ctx)) {
			conn_close(&c);
		}
		/* Leaked on purpose: held open until the parent kills us. */
	}
}

static void bench_rss(void)
{
	SSL_CTX *cctx = client_ctx();
	int port, lfd = listen_any(&port), i;
	pid_t pid = spawn(hold_server, lfd, server_ctx("rsa.pem"));
	conn *cs = calloc((size_t) o.conns + 1, sizeof(conn));
	long before, after;
	char info[128];

	/* The floor: an idle connection need not keep record buffers. */
	SSL_CTX_set_mode(cctx, SSL_MODE_RELEASE_BUFFERS);
	/* One connection first: libssl's lazily loaded state is not per-connection. */
	cs[0].fd = connect_to(port);
	client_handshake(&cs[0], cctx, NULL);
	before = rss_kib();
	for (i = 1; i <= o.conns; i++) {
		cs[i].fd = connect_to(port);
		client_handshake(&cs[i], cctx, NULL);
	}
	after = rss_kib();
	for (i = 0; i <= o.conns; i++) {
		conn_close(&cs[i]);
	}
	reap(pid);
	snprintf(info, sizeof(info), "%d conns, %ld -> %ld KiB", o.conns, before, after);
	result((double) (after - before) / o.conns, "KiB/conn", info, -1);
}

/* --- select: poll() echo server, and the load generator --- */

static void set_nonblock(int fd)
{
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

/*
 * Echo what one read gives, and what OpenSSL already holds decrypted; the
 * next record still on the socket wakes epoll (level-triggered) again, so
 * no read ends in EAGAIN.  The error queue is not cleared first: nothing
 * else here leaves errors in it.  False when the connection is gone.
 */
static bool echo(conn *c)
{
	char buf[8192];

	do {
		int n = SSL_read(c->ssl, buf, sizeof(buf));

		if (n <= 0) {
			return SSL_get_error(c->ssl, n) == SSL_ERROR_WANT_READ;
		}
		/* Small replies to one request in flight: the socket buffer takes them. */
		if (SSL_write(c->ssl, buf, n) != n) {
			return false;
		}
	} while (SSL_pending(c->ssl) > 0);
	return true;
}

/*
 * epoll, not poll(): with poll() both sides pay O(clients) per wakeup, so a
 * faster server (fewer ready sockets per wakeup) made the load generator
 * slower and the ceiling came out below PHP.
 */
static void epoll_add(int ep, int fd, void *ptr)
{
	struct epoll_event ev;

	ev.events = EPOLLIN;
	ev.data.ptr = ptr;
	if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
		die("epoll_ctl");
	}
}

static void poll_server(int lfd, SSL_CTX *ctx)
{
	struct epoll_event evs[256];
	int ep = epoll_create1(0), n, i;

	set_nonblock(lfd);
	epoll_add(ep, lfd, NULL);
	for (;;) {
		n = epoll_wait(ep, evs, 256, 1000);
		for (i = 0; i < n; i++) {
			conn *c = evs[i].data.ptr;
			int r;

			if (c == NULL) {
				while ((r = accept(lfd, NULL, NULL)) >= 0) {
					c = calloc(1, sizeof(*c));
					c->fd = r;
					set_nonblock(r);
					c->ssl = SSL_new(ctx);
					SSL_set_fd(c->ssl, r);
					SSL_set_accept_state(c->ssl);
					epoll_add(ep, r, c);
				}
				continue;
			}
			if (!SSL_is_init_finished(c->ssl)) {
				r = SSL_do_handshake(c->ssl);
				if (r == 1 || SSL_get_error(c->ssl, r) == SSL_ERROR_WANT_READ) {
					continue;
				}
			} else if (echo(c)) {
				continue;
			}
			/* close() also takes the fd out of the epoll set. */
			SSL_free(c->ssl);
			close(c->fd);
			free(c);
		}
	}
}

/*
 * Connect all clients (blocking handshakes, one after the other), then time
 * request/response round trips: every client keeps one request in flight
 * until it has done `trips` or the time is up.
 */
typedef struct _client {
	conn c;
	int got;
	int done;
} client;

/* Read what arrived; true while this client still has trips to do. */
static bool client_ready(client *cl, const char *req, double deadline, long *total)
{
	char buf[8192];
	int r;

	/* As echo(): one read per wakeup plus what OpenSSL holds. */
	do {
		r = SSL_read(cl->c.ssl, buf, sizeof(buf));
		if (r <= 0) {
			if (SSL_get_error(cl->c.ssl, r) != SSL_ERROR_WANT_READ) {
				die("server closed");
			}
			break;
		}
		cl->got += r;
	} while (SSL_pending(cl->c.ssl) > 0);
	while (cl->got >= o.reqsize) {
		cl->got -= o.reqsize;
		cl->done++;
		(*total)++;
		if (cl->done >= o.trips || now() >= deadline) {
			return false;
		}
		io_write(&cl->c, req, (size_t) o.reqsize);
	}
	return true;
}

static void load(int port, pid_t server)
{
	SSL_CTX *cctx = client_ctx();
	int nc = o.clients, i, active = nc, ep = epoll_create1(0);
	client *cls = calloc((size_t) nc, sizeof(*cls));
	struct epoll_event evs[256];
	char *req = malloc((size_t) o.reqsize), info[128];
	long total = 0;
	double t0, t1, c0 = 0, deadline;

	memset(req, 'q', (size_t) o.reqsize);
	for (i = 0; i < nc; i++) {
		cls[i].c.fd = connect_to(port);
		client_handshake(&cls[i].c, cctx, NULL);
		set_nonblock(cls[i].c.fd);
		epoll_add(ep, cls[i].c.fd, &cls[i]);
	}
	if (server > 0) {
		c0 = cpu_secs(server) - cpu_secs(0);
	} else {
		/* Tell a PHP server (bench.php) that the timed part starts now. */
		printf("GO\n");
		fflush(stdout);
	}
	t0 = now();
	deadline = t0 + o.secs;
	for (i = 0; i < nc; i++) {
		io_write(&cls[i].c, req, (size_t) o.reqsize);
	}
	while (active > 0) {
		int n = epoll_wait(ep, evs, 256, 1000);

		if (now() > deadline + 10) {
			errno = ETIMEDOUT;
			die("server stopped answering");
		}
		for (i = 0; i < n; i++) {
			client *cl = evs[i].data.ptr;

			if (!client_ready(cl, req, deadline, &total)) {
				epoll_ctl(ep, EPOLL_CTL_DEL, cl->c.fd, NULL);
				active--;
			}
		}
	}
	t1 = now();
	/* Only the server's CPU: the load generator is the same in every column. */
	if (server > 0) {
		c0 = cpu_secs(server) - cpu_secs(0) - c0;
	}
	for (i = 0; i < nc; i++) {
		conn_close(&cls[i].c);
	}
	snprintf(info, sizeof(info), "%d clients, %ld round trips", nc, total);
	result(total / (t1 - t0), "req/s", info, server > 0 ? c0 * 1e6 / total : -1);
}

static void bench_select(void)
{
	int port, lfd = listen_any(&port);
	pid_t pid = spawn(poll_server, lfd, server_ctx("rsa.pem"));

	load(port, pid);
	reap(pid);
}

/*
 * hold: the server of bench.php's idle10k, the same C program in every
 * column, so the PHP client is all that differs (a PHP server holding
 * 10,000 connections would need its own memory and time per mode).
 */
static void bench_hold(void)
{
	int port, lfd = listen_any(&port);
	SSL_CTX *ctx = server_ctx("rsa.pem");

	/* Idle connections need no record buffers on this side either. */
	SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
	alarm((unsigned) o.secs + 600);
	printf("READY %d\n", port);
	fflush(stdout);
	hold_server(lfd, ctx);
}

/* --- tlsload: concurrent clients, full handshakes, keep-alive requests --- */

/*
 * The request and the response are HTTP/1.1 so that nginx can be the
 * anchor: a response is complete when its headers and Content-Length
 * bytes of body have arrived.
 */
static const char http_req[] = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";

enum { LG_CONNECT, LG_HANDSHAKE, LG_RESPONSE };

typedef struct _lgclient {
	conn c;
	int state;
	int reqs;	/* requests answered on this connection */
	size_t have;
	char buf[4096];
} lgclient;

typedef struct _lgstats {
	long handshakes;
	long requests;
	char proto[64];	/* protocol and cipher of the first handshake */
} lgstats;

static void lg_watch(int ep, lgclient *cl, int op, uint32_t events)
{
	struct epoll_event ev;

	ev.events = events;
	ev.data.ptr = cl;
	if (epoll_ctl(ep, op, cl->c.fd, &ev) < 0) {
		die("epoll_ctl");
	}
}

static void lg_connect(int ep, lgclient *cl)
{
	struct sockaddr_in sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = htons(o.port);
	if (fd < 0) {
		die("socket");
	}
	set_nonblock(fd);
	if (connect(fd, (struct sockaddr *) &sa, sizeof(sa)) < 0 && errno != EINPROGRESS) {
		die("connect");
	}
	cl->c.fd = fd;
	cl->c.ssl = NULL;
	cl->state = LG_CONNECT;
	cl->reqs = 0;
	cl->have = 0;
	lg_watch(ep, cl, EPOLL_CTL_ADD, EPOLLOUT);
}

static void lg_send(lgclient *cl)
{
	/* A 35-byte request always fits an idle socket's send buffer. */
	if (SSL_write(cl->c.ssl, http_req, sizeof(http_req) - 1) != (int) sizeof(http_req) - 1) {
		die("SSL_write");
	}
	cl->state = LG_RESPONSE;
}

/* WANT_READ / WANT_WRITE: wait for that; anything else is the server's failure. */
static void lg_want(int ep, lgclient *cl, int r, const char *what)
{
	int err = SSL_get_error(cl->c.ssl, r);

	if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
		lg_watch(ep, cl, EPOLL_CTL_MOD, err == SSL_ERROR_WANT_READ ? EPOLLIN : EPOLLOUT);
		return;
	}
	die(what);
}

static void lg_handshake(int ep, lgclient *cl, lgstats *st)
{
	int r = SSL_do_handshake(cl->c.ssl);

	if (r != 1) {
		lg_want(ep, cl, r, "SSL_do_handshake");
		return;
	}
	st->handshakes++;
	if (st->proto[0] == '\0') {
		snprintf(st->proto, sizeof(st->proto), "%s %s", SSL_get_version(cl->c.ssl),
			SSL_CIPHER_get_name(SSL_get_current_cipher(cl->c.ssl)));
	}
	lg_send(cl);
	lg_watch(ep, cl, EPOLL_CTL_MOD, EPOLLIN);
}

/* Bytes of a complete response at the front of buf, 0 while incomplete. */
static size_t lg_complete(const lgclient *cl)
{
	const char *end = memmem(cl->buf, cl->have, "\r\n\r\n", 4);
	const char *cl_hdr;
	size_t head;

	if (end == NULL) {
		if (cl->have == sizeof(cl->buf)) {
			errno = EMSGSIZE;
			die("response headers");
		}
		return 0;
	}
	head = (size_t) (end - cl->buf) + 4;
	cl_hdr = memmem(cl->buf, head, "Content-Length:", 15);
	if (cl_hdr == NULL) {
		errno = EPROTO;
		die("response without Content-Length");
	}
	head += (size_t) atol(cl_hdr + 15);
	return cl->have >= head ? head : 0;
}

static void lg_close(int ep, lgclient *cl)
{
	/* One close_notify, not waiting for the server's: as PHP's fclose(). */
	SSL_shutdown(cl->c.ssl);
	SSL_free(cl->c.ssl);
	close(cl->c.fd);
	lg_connect(ep, cl);
}

static void lg_response(int ep, lgclient *cl, lgstats *st)
{
	size_t done;
	int r;

	for (;;) {
		r = SSL_read(cl->c.ssl, cl->buf + cl->have, (int) (sizeof(cl->buf) - cl->have));
		if (r <= 0) {
			lg_want(ep, cl, r, "SSL_read (server closed?)");
			return;
		}
		cl->have += (size_t) r;
		if ((done = lg_complete(cl)) > 0) {
			break;
		}
	}
	/* One request in flight: nothing can follow the response. */
	cl->have = 0;
	st->requests++;
	if (++cl->reqs < o.reqs) {
		lg_send(cl);
	} else {
		lg_close(ep, cl);
	}
}

static void lg_event(int ep, lgclient *cl, lgstats *st)
{
	int err = 0;
	socklen_t len = sizeof(err);

	switch (cl->state) {
	case LG_CONNECT:
		if (getsockopt(cl->c.fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err != 0) {
			errno = err;
			die("connect");
		}
		cl->c.ssl = SSL_new(o.ctx_client);
		SSL_set_fd(cl->c.ssl, cl->c.fd);
		SSL_set_tlsext_host_name(cl->c.ssl, "localhost");
		SSL_set1_host(cl->c.ssl, "localhost");
		SSL_set_connect_state(cl->c.ssl);
		cl->state = LG_HANDSHAKE;
		/* fall through */
	case LG_HANDSHAKE:
		lg_handshake(ep, cl, st);
		break;
	default:
		lg_response(ep, cl, st);
	}
}

/* CPU seconds of another process (0 when pid <= 0). */
static double other_cpu(pid_t pid)
{
	return pid > 0 ? cpu_secs(pid) - cpu_secs(0) : 0;
}

static void bench_tlsload(void)
{
	struct epoll_event evs[256];
	lgclient *cls = calloc((size_t) o.clients, sizeof(*cls));
	lgstats st = {0, 0, ""};
	int ep = epoll_create1(0), i, n;
	double t0, t1, deadline, c0, last;
	long seen = -1;
	char info[256];

	if (cls == NULL || ep < 0 || o.port <= 0) {
		die("tlsload needs port=P");
	}
	o.ctx_client = client_ctx();
	c0 = other_cpu(o.pid);
	t0 = last = now();
	deadline = t0 + o.secs;
	for (i = 0; i < o.clients; i++) {
		lg_connect(ep, &cls[i]);
	}
	while ((t1 = now()) < deadline) {
		n = epoll_wait(ep, evs, 256, 100);
		for (i = 0; i < n; i++) {
			lg_event(ep, evs[i].data.ptr, &st);
		}
		if (st.requests + st.handshakes != seen) {
			seen = st.requests + st.handshakes;
			last = t1;
		} else if (t1 - last > 10) {
			errno = ETIMEDOUT;
			die("server stopped answering");
		}
	}
	c0 = other_cpu(o.pid) - c0;
	/* Open connections are dropped, not shut down: the server sees EOF or RST. */
	snprintf(info, sizeof(info), "%d clients, %d requests per connection, %ld handshakes, %ld requests, %s",
		o.clients, o.reqs, st.handshakes, st.requests, st.proto);
	printf("{\"value\":%.3f,\"unit\":\"hs/s\",\"info\":\"%s\",\"extra\":{\"req\":%.3f}",
		st.handshakes / (t1 - t0), info, st.requests / (t1 - t0));
	if (o.pid > 0 && st.handshakes > 0) {
		/* The server's CPU per connection: one handshake and its requests. */
		printf(",\"cpu\":%.3f", c0 * 1e6 / st.handshakes);
	}
	printf("}\n");
}

/*
 * memcpy: the copy PHP makes from its read buffer into the string fread()
 * returns.  Both are page-aligned blocks and the string's text starts 24
 * bytes in; on some CPUs (AMD Zen with glibc's `rep movsb` path) a
 * destination 1..31 bytes past the source modulo 4 KiB is many times
 * slower.  Prints GB/s for 64 KiB copies at a few destination offsets.
 */
static void bench_memcpy(void)
{
	static const int offs[] = {0, 8, 24, 32, 64};
	char *src = aligned_alloc(4096, CHUNK + 4096), *dst = aligned_alloc(4096, CHUNK + 4096);
	size_t i, k, rounds = 20000;

	if (src == NULL || dst == NULL) {
		die("aligned_alloc");
	}
	memset(src, 'a', CHUNK + 4096);
	memset(dst, 'b', CHUNK + 4096);
	printf("{");
	for (k = 0; k < sizeof(offs) / sizeof(offs[0]); k++) {
		double t0 = now();

		for (i = 0; i < rounds; i++) {
			memcpy(dst + offs[k], src, CHUNK);
			__asm__ volatile("" : : "r"(dst) : "memory");
		}
		printf("%s\"dst+%d GB/s\":%.1f", k ? "," : "", offs[k], (double) CHUNK * rounds / (now() - t0) / 1e9);
	}
	printf("}\n");
	free(src);
	free(dst);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: ceiling BENCH [key=value ...]\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	parse(argc, argv);
	if (!strcmp(o.bench, "tls_bulk") || !strcmp(o.bench, "tcp_bulk")) {
		bench_bulk(!strcmp(o.bench, "tls_bulk"));
	} else if (!strcmp(o.bench, "hs_rsa") || !strcmp(o.bench, "hs_resume")) {
		bench_rate("rsa.pem", !strcmp(o.bench, "hs_resume"));
	} else if (!strcmp(o.bench, "hs_ecdsa")) {
		bench_rate("ecdsa.pem", false);
	} else if (!strcmp(o.bench, "tcp_connect")) {
		bench_rate(NULL, false);
	} else if (!strcmp(o.bench, "rss_idle") || !strcmp(o.bench, "idle10k")) {
		bench_rss();
	} else if (!strcmp(o.bench, "hold")) {
		bench_hold();
	} else if (!strcmp(o.bench, "tlsload")) {
		bench_tlsload();
	} else if (!strcmp(o.bench, "select")) {
		bench_select();
	} else if (!strcmp(o.bench, "memcpy")) {
		bench_memcpy();
	} else if (!strcmp(o.bench, "load")) {
		load(o.port, 0);
	} else {
		fprintf(stderr, "ceiling: unknown bench %s\n", o.bench);
		return 2;
	}
	return 0;
}
