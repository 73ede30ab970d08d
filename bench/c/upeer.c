/*
 * upeer: a usrsctp echo client and echo server for the jsctp benchmarks (bench/latency.sh and
 * bench/failover.sh). Built by those scripts with gcc against libusrsctp-dev.
 *
 *   upeer server --local A [--local B] [--port 7] --udp-port L --remote-udp-port R [tuning]
 *   upeer client --remote X [--remote Y] [--local A [--local B]] [--port 7] --udp-port L
 *                --remote-udp-port R --rate MSGS_PER_S --duration S [--size 100] [tuning]
 *   tuning: [--pf N] [--rto-min MS] [--rto-initial MS] [--hb-interval MS]
 *
 * The server echoes every complete message on its association and stream (one-to-many socket,
 * SCTP_NODELAY). The client (one-to-one socket, SCTP_NODELAY, connectx to every --remote, the
 * first is the primary) sends numbered messages at a fixed rate and measures each message's
 * round trip, then prints, as jsctp's echo-client does:
 *   LATENCY samples=N p50_us=X p90_us=Y p99_us=Z max_us=W
 *   LATENCY_SECOND_HALF samples=N ... (the same for the later half of the samples)
 *   RESULT sent=N echoed=N mismatched=N bytes=B seconds=S msgs_per_s=X max_gap_ms=G
 * max_gap_ms is the longest time without any echo while messages were outstanding.
 * Both print "+<ms>ms ..." lines for association and path events.
 *
 * --pf sets the PF threshold with SCTP_PEER_ADDR_THLDS (0x23; usrsctp implements it but its
 * header has neither the number nor the structure, and it only accepts spt_pathcpthld 0xffff);
 * usrsctp has PF off by default. --rto-min and --rto-initial go through SCTP_RTOINFO.
 * usrsctp verifies CRC32c on loopback (no_csum_on_loopback 0), as a real peer would.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <usrsctp.h>

#define UPEER_SCTP_PEER_ADDR_THLDS 0x00000023
struct upeer_paddrthlds {
	struct sockaddr_storage spt_address;
	sctp_assoc_t spt_assoc_id;
	uint16_t spt_pathmaxrxt;
	uint16_t spt_pathpfthld;
	uint16_t spt_pathcpthld;
};

#define MAXADDR 4
static struct sockaddr_in locals[MAXADDR], remotes[MAXADDR];
static int nlocal, nremote, server, port = 7, udp_port, remote_udp_port, size = 100;
static long pf = -1, rto_min = -1, rto_initial = -1, hb_interval = -1;
static double rate = 200, duration = 10;
static struct timespec t0;

static double now_s(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0.tv_sec) + (t.tv_nsec - t0.tv_nsec) / 1e9;
}

static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static void event(const char *fmt, ...) {
	va_list ap;
	pthread_mutex_lock(&out_lock);
	printf("+%.0fms ", now_s() * 1000);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	pthread_mutex_unlock(&out_lock);
}

static void die(const char *what) {
	fprintf(stderr, "upeer: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void usage(const char *msg) {
	fprintf(stderr, "upeer: %s\nsee the comment at the top of bench/c/upeer.c\n", msg);
	exit(2);
}

static void add_addr(struct sockaddr_in *list, int *n, const char *v) {
	if (*n >= MAXADDR) usage("too many addresses");
	memset(&list[*n], 0, sizeof(list[*n]));
	list[*n].sin_family = AF_INET;
	if (inet_pton(AF_INET, v, &list[*n].sin_addr) != 1) usage("bad IPv4 address");
	(*n)++;
}

static void parse(int argc, char **argv) {
	if (argc < 2) usage("mode server or client");
	server = strcmp(argv[1], "server") == 0;
	if (!server && strcmp(argv[1], "client") != 0) usage("mode server or client");
	for (int i = 2; i < argc; i += 2) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!v) usage("option without value");
		if (!strcmp(o, "--local")) add_addr(locals, &nlocal, v);
		else if (!strcmp(o, "--remote")) add_addr(remotes, &nremote, v);
		else if (!strcmp(o, "--port")) port = atoi(v);
		else if (!strcmp(o, "--udp-port")) udp_port = atoi(v);
		else if (!strcmp(o, "--remote-udp-port")) remote_udp_port = atoi(v);
		else if (!strcmp(o, "--size")) size = atoi(v);
		else if (!strcmp(o, "--rate")) rate = atof(v);
		else if (!strcmp(o, "--duration")) duration = atof(v);
		else if (!strcmp(o, "--pf")) pf = atol(v);
		else if (!strcmp(o, "--rto-min")) rto_min = atol(v);
		else if (!strcmp(o, "--rto-initial")) rto_initial = atol(v);
		else if (!strcmp(o, "--hb-interval")) hb_interval = atol(v);
		else usage("unknown option");
	}
	if (udp_port <= 0 || remote_udp_port <= 0) usage("--udp-port and --remote-udp-port are required");
	if (server && nlocal == 0) usage("server needs --local");
	if (!server && nremote == 0) usage("client needs --remote");
	if (size < 8 || size > 65536) usage("--size must be 8..65536");
}

static void configure(struct socket *s) {
	struct sctp_udpencaps enc;
	memset(&enc, 0, sizeof(enc));
	enc.sue_assoc_id = SCTP_FUTURE_ASSOC;
	enc.sue_port = htons(remote_udp_port);
	if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_REMOTE_UDP_ENCAPS_PORT, &enc, sizeof(enc)) < 0)
		die("SCTP_REMOTE_UDP_ENCAPS_PORT");
	int on = 1;
	if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_NODELAY, &on, sizeof(on)) < 0) die("SCTP_NODELAY");
	if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_RECVRCVINFO, &on, sizeof(on)) < 0) die("SCTP_RECVRCVINFO");
	uint16_t types[] = {SCTP_ASSOC_CHANGE, SCTP_PEER_ADDR_CHANGE};
	for (unsigned i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		struct sctp_event ev = {SCTP_FUTURE_ASSOC, types[i], 1};
		if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_EVENT, &ev, sizeof(ev)) < 0) die("SCTP_EVENT");
	}
	if (rto_min > 0 || rto_initial > 0) {
		struct sctp_rtoinfo rto;
		memset(&rto, 0, sizeof(rto));
		rto.srto_assoc_id = SCTP_FUTURE_ASSOC;
		rto.srto_min = rto_min > 0 ? rto_min : 0;
		rto.srto_initial = rto_initial > 0 ? rto_initial : 0;
		if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_RTOINFO, &rto, sizeof(rto)) < 0) die("SCTP_RTOINFO");
	}
	if (hb_interval > 0) {
		struct sctp_paddrparams pp;
		memset(&pp, 0, sizeof(pp));
		pp.spp_assoc_id = SCTP_FUTURE_ASSOC;
		pp.spp_hbinterval = hb_interval;
		pp.spp_flags = SPP_HB_ENABLE;
		if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS, &pp, sizeof(pp)) < 0) die("SCTP_PEER_ADDR_PARAMS");
	}
	if (pf >= 0) {
		struct upeer_paddrthlds th;
		socklen_t len = sizeof(th);
		memset(&th, 0, sizeof(th));
		th.spt_assoc_id = SCTP_FUTURE_ASSOC;
		if (usrsctp_getsockopt(s, IPPROTO_SCTP, UPEER_SCTP_PEER_ADDR_THLDS, &th, &len) < 0) die("get SCTP_PEER_ADDR_THLDS");
		th.spt_pathpfthld = (uint16_t)pf;
		th.spt_pathcpthld = 0xffff;
		th.spt_assoc_id = SCTP_FUTURE_ASSOC;
		if (usrsctp_setsockopt(s, IPPROTO_SCTP, UPEER_SCTP_PEER_ADDR_THLDS, &th, sizeof(th)) < 0) die("set SCTP_PEER_ADDR_THLDS");
	}
	struct upeer_paddrthlds th;
	struct sctp_rtoinfo rto;
	socklen_t len = sizeof(th), rlen = sizeof(rto);
	memset(&th, 0, sizeof(th));
	memset(&rto, 0, sizeof(rto));
	usrsctp_getsockopt(s, IPPROTO_SCTP, UPEER_SCTP_PEER_ADDR_THLDS, &th, &len);
	usrsctp_getsockopt(s, IPPROTO_SCTP, SCTP_RTOINFO, &rto, &rlen);
	event("CONFIG path_max_retrans=%u pf_threshold=%u rto_min=%u rto_initial=%u rto_max=%u",
	      th.spt_pathmaxrxt, th.spt_pathpfthld, rto.srto_min, rto.srto_initial, rto.srto_max);
}

static void bind_locals(struct socket *s, int p) {
	if (nlocal == 0) return;
	for (int i = 0; i < nlocal; i++) locals[i].sin_port = htons(p);
	if (usrsctp_bindx(s, (struct sockaddr *)locals, nlocal, SCTP_BINDX_ADD_ADDR) < 0) die("usrsctp_bindx");
}

/* Prints a notification; returns 1 when the association is gone. */
static int notification(const void *buf) {
	const union sctp_notification *n = buf;
	if (n->sn_header.sn_type == SCTP_ASSOC_CHANGE) {
		const struct sctp_assoc_change *c = &n->sn_assoc_change;
		static const char *names[] = {"?", "COMM_UP", "COMM_LOST", "RESTART", "SHUTDOWN_COMP", "CANT_STR_ASSOC"};
		event("assoc %u %s", (unsigned)c->sac_assoc_id, c->sac_state <= 5 ? names[c->sac_state] : "?");
		return c->sac_state == SCTP_COMM_LOST || c->sac_state == SCTP_SHUTDOWN_COMP || c->sac_state == SCTP_CANT_STR_ASSOC;
	}
	if (n->sn_header.sn_type == SCTP_PEER_ADDR_CHANGE) {
		const struct sctp_paddr_change *p = &n->sn_paddr_change;
		static const char *names[] = {"?", "AVAILABLE", "UNREACHABLE", "REMOVED", "ADDED", "MADE_PRIM", "CONFIRMED", "POTENTIALLY_FAILED"};
		char a[INET_ADDRSTRLEN] = "?";
		const struct sockaddr_in *sin = (const struct sockaddr_in *)&p->spc_aaddr;
		if (sin->sin_family == AF_INET) inet_ntop(AF_INET, &sin->sin_addr, a, sizeof(a));
		event("path %s %s", a, p->spc_state <= 7 ? names[p->spc_state] : "?");
	}
	return 0;
}

static int run_server(void) {
	struct socket *s = usrsctp_socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP, NULL, NULL, 0, NULL);
	if (!s) die("usrsctp_socket");
	configure(s);
	bind_locals(s, port);
	if (usrsctp_listen(s, 1) < 0) die("usrsctp_listen");
	event("READY server port %d udp %d", port, udp_port);
	static char buf[1 << 17];
	size_t have = 0;
	for (;;) {
		struct sctp_rcvinfo rcv;
		socklen_t infolen = sizeof(rcv), fromlen = sizeof(struct sockaddr_in);
		struct sockaddr_in from;
		unsigned int infotype = 0;
		int flags = 0;
		ssize_t n = usrsctp_recvv(s, buf + have, sizeof(buf) - have, (struct sockaddr *)&from, &fromlen, &rcv,
		                          &infolen, &infotype, &flags);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN) continue;
			die("usrsctp_recvv");
		}
		if (flags & MSG_NOTIFICATION) {
			notification(buf + have);
			continue;
		}
		have += n;
		if (!(flags & MSG_EOR) && have < sizeof(buf)) continue;
		struct sctp_sndinfo snd;
		memset(&snd, 0, sizeof(snd));
		snd.snd_sid = rcv.rcv_sid;
		snd.snd_ppid = rcv.rcv_ppid;
		snd.snd_assoc_id = rcv.rcv_assoc_id;
		snd.snd_flags = (rcv.rcv_flags & SCTP_UNORDERED) ? SCTP_UNORDERED : 0;
		if (usrsctp_sendv(s, buf, have, NULL, 0, &snd, sizeof(snd), SCTP_SENDV_SNDINFO, 0) < 0)
			event("echo failed: %s", strerror(errno));
		have = 0;
	}
	return 0;
}

/* client state, under lock */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static double *sent_at, *rtt;
static long capacity, nsent, nechoed, nmismatched, outstanding;
static long long nbytes;
static double mark, max_gap, first_send, last_echo;
static volatile int gone;

static void *reader(void *arg) {
	struct socket *s = arg;
	static char buf[1 << 17];
	size_t have = 0;
	for (;;) {
		struct sctp_rcvinfo rcv;
		socklen_t infolen = sizeof(rcv), fromlen = sizeof(struct sockaddr_in);
		struct sockaddr_in from;
		unsigned int infotype = 0;
		int flags = 0;
		ssize_t n = usrsctp_recvv(s, buf + have, sizeof(buf) - have, (struct sockaddr *)&from, &fromlen, &rcv,
		                          &infolen, &infotype, &flags);
		double t = now_s();
		if (n <= 0) {
			if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
			gone = 1;
			return NULL;
		}
		if (flags & MSG_NOTIFICATION) {
			if (notification(buf + have)) {
				gone = 1;
				return NULL;
			}
			continue;
		}
		have += n;
		if (!(flags & MSG_EOR)) continue;
		uint64_t seq = 0;
		for (int i = 0; i < 8; i++) seq = seq << 8 | (uint8_t)buf[i];
		pthread_mutex_lock(&lock);
		if (outstanding > 0 && t - mark > max_gap) max_gap = t - mark;
		mark = t;
		last_echo = t;
		nechoed++;
		if (have == (size_t)size && (long)seq < nsent && sent_at[seq] > 0) {
			rtt[seq] = t - sent_at[seq];
			sent_at[seq] = -1;
			outstanding--;
			nbytes += have;
		} else {
			nmismatched++;
		}
		pthread_mutex_unlock(&lock);
		have = 0;
	}
}

static int cmp(const void *a, const void *b) {
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int run_client(void) {
	struct socket *s = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL);
	if (!s) die("usrsctp_socket");
	configure(s);
	bind_locals(s, 0);
	for (int i = 0; i < nremote; i++) remotes[i].sin_port = htons(port);
	if (usrsctp_connectx(s, (struct sockaddr *)remotes, nremote, NULL) < 0) die("usrsctp_connectx");
	event("connected");
	capacity = (long)(rate * duration) + 16;
	sent_at = calloc(capacity, sizeof(double));
	rtt = calloc(capacity, sizeof(double));
	pthread_t th;
	pthread_create(&th, NULL, reader, s);
	char *msg = malloc(size);
	double start = now_s(), interval = 1.0 / rate;
	first_send = start;
	struct sctp_sndinfo snd;
	memset(&snd, 0, sizeof(snd));
	for (long seq = 0; seq < capacity && !gone; seq++) {
		double due = start + seq * interval;
		if (due >= start + duration) break;
		double wait = due - now_s();
		if (wait > 0) {
			struct timespec ts = {(time_t)wait, (long)((wait - (time_t)wait) * 1e9)};
			nanosleep(&ts, NULL);
		}
		for (int i = 0; i < 8; i++) msg[i] = (char)(seq >> (56 - 8 * i));
		for (int i = 8; i < size; i++) msg[i] = (char)(seq + i);
		pthread_mutex_lock(&lock);
		double t = now_s();
		if (outstanding == 0) mark = t;
		outstanding++;
		sent_at[seq] = t;
		nsent++;
		pthread_mutex_unlock(&lock);
		if (usrsctp_sendv(s, msg, size, NULL, 0, &snd, sizeof(snd), SCTP_SENDV_SNDINFO, 0) < 0) {
			event("send failed: %s", strerror(errno));
			break;
		}
	}
	double drain_end = now_s() + 10;
	for (;;) {
		pthread_mutex_lock(&lock);
		long o = outstanding;
		pthread_mutex_unlock(&lock);
		if (o == 0 || gone || now_s() > drain_end) break;
		usleep(5000);
	}
	double end = now_s();
	pthread_mutex_lock(&lock);
	double gap = max_gap;
	if (outstanding > 0 && end - mark > gap) gap = end - mark;
	long k = 0;
	for (long i = 0; i < nsent; i++)
		if (rtt[i] > 0) rtt[k++] = rtt[i];
	/* the later half of the samples, as echo-client's LATENCY_SECOND_HALF */
	long h = k - k / 2;
	double *later = malloc(sizeof(double) * (h + 1));
	memcpy(later, rtt + k / 2, sizeof(double) * h);
	qsort(rtt, k, sizeof(double), cmp);
	qsort(later, h, sizeof(double), cmp);
#define PCTOF(a, n, p) ((n) ? (a)[(long)((p) * (n) + 0.999999) - 1 < 0 ? 0 : (long)((p) * (n) + 0.999999) - 1] * 1e6 : 0)
#define PCT(p) PCTOF(rtt, k, p)
	printf("LATENCY samples=%ld p50_us=%.0f p90_us=%.0f p99_us=%.0f max_us=%.0f\n", k, PCT(0.50), PCT(0.90),
	       PCT(0.99), k ? rtt[k - 1] * 1e6 : 0);
	printf("LATENCY_SECOND_HALF samples=%ld p50_us=%.0f p90_us=%.0f p99_us=%.0f max_us=%.0f\n", h,
	       PCTOF(later, h, 0.50), PCTOF(later, h, 0.90), PCTOF(later, h, 0.99), h ? later[h - 1] * 1e6 : 0);
	free(later);
	double secs = (nechoed ? last_echo : end) - first_send;
	printf("RESULT sent=%ld echoed=%ld mismatched=%ld bytes=%lld seconds=%.3f msgs_per_s=%.1f max_gap_ms=%ld\n", nsent,
	       nechoed, nmismatched, nbytes, secs, secs > 0 ? (nechoed - nmismatched) / secs : 0, (long)(gap * 1000));
	fflush(stdout);
	int ok = nechoed == nsent && nmismatched == 0;
	pthread_mutex_unlock(&lock);
	/* A graceful SHUTDOWN, then out: usrsctp_close and usrsctp_finish can block on the reader
	 * thread and on timers, and the result is already printed. */
	usrsctp_shutdown(s, SHUT_WR);
	usleep(300 * 1000);
	_exit(ok ? 0 : 1);
}

int main(int argc, char **argv) {
	setvbuf(stdout, NULL, _IOLBF, 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	parse(argc, argv);
	usrsctp_init(udp_port, NULL, NULL);
	usrsctp_sysctl_set_sctp_no_csum_on_loopback(0);
	return server ? run_server() : run_client();
}
