/*
 * asconfpeer: an SCTP peer on usrsctp with ADD-IP (RFC 5061) and AUTH (RFC 4895) switched on,
 * written for the jsctp interop tests. Commands on stdin change its addresses on the live
 * association with usrsctp_bindx and the RFC 6458 options, and every peer address event is
 * printed. It runs as an echo server (one-to-many socket) or as a client (one-to-one socket) that
 * streams numbered messages at a steady rate and checks that each comes back once and in order.
 *
 *   asconfpeer server --local A [--local A]... --udp-port L --remote-udp-port R [--port P]
 *                     [--timeout S]
 *   asconfpeer client --local A [--local A]... --remote B [--remote B]... --udp-port L
 *                     --remote-udp-port R [--port P] [--rate N] [--timeout S]
 *
 * Commands, one per line: bind IP (usrsctp_bindx ADD), unbind IP (usrsctp_bindx REM),
 * peer-primary IP (SCTP_SET_PEER_PRIMARY_ADDR), primary IP (SCTP_PRIMARY_ADDR, a peer address),
 * stop (the client stops sending, waits for the last echoes and shuts down). The server applies
 * peer-primary and primary to the association that came up last.
 *
 * Output, one line per event with milliseconds since start (stdout, line-buffered):
 *   +12ms READY ...
 *   +30ms COMM_UP assoc=3
 *   +31ms PEER_ADDR ADDED 10.201.3.1       (AVAILABLE, UNREACHABLE, REMOVED, MADE_PRIM, CONFIRMED)
 *   +40ms BOUND 10.201.3.2                 (UNBOUND, PEER_PRIMARY, PRIMARY; FAILED cmd: reason)
 *   +50ms ECHOED 100                       (client, every 100 echoes)
 *   RESULT sent=N echoed=N mismatched=N bytes=B seconds=S msgs_per_s=X max_gap_ms=G  (client)
 *   SERVER echoed=N end=REASON             (server, when an association ends)
 *
 * Exit codes: 0 success, 1 failed check, 2 usage error, 3 association lost or aborted, 4 timeout.
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

#define MAX_ADDRS 8
#define BUFFER (64 * 1024)

static struct {
	int server;
	struct sockaddr_in local[MAX_ADDRS];
	int nlocal;
	struct sockaddr_in remote[MAX_ADDRS];
	int nremote;
	uint16_t port;
	uint16_t udp_port;
	uint16_t remote_udp_port;
	long rate;
	long timeout;
} cfg = {.port = 7, .rate = 50, .timeout = 120};

static struct timespec t0;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static struct socket *sock;
static volatile sctp_assoc_t current_assoc;
static volatile int sending = 1;
static volatile int ended;
static volatile int shutting;
static volatile long sent;

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0.tv_sec) * 1000.0 + (double)(t.tv_nsec - t0.tv_nsec) / 1e6;
}

static void
event(const char *fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&out_lock);
	printf("+%.0fms ", now_ms());
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	pthread_mutex_unlock(&out_lock);
}

static void __attribute__((noreturn))
usage(const char *msg)
{
	fprintf(stderr, "asconfpeer: %s\nsee the comment at the top of asconfpeer.c\n", msg);
	exit(2);
}

static void __attribute__((noreturn))
die(const char *what)
{
	event("ERROR %s: %s", what, strerror(errno));
	exit(1);
}

static long
parse_long(const char *name, const char *value, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(value, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max) {
		char msg[160];

		snprintf(msg, sizeof(msg), "%s must be an integer in [%ld, %ld], got '%s'", name, min, max, value);
		usage(msg);
	}
	return v;
}

/* Fills *a with the IPv4 address in value; returns 0, or -1 when it is none. */
static int
to_addr(const char *value, uint16_t port, struct sockaddr_in *a)
{
	memset(a, 0, sizeof(*a));
	a->sin_family = AF_INET;
	a->sin_port = htons(port);
	return inet_pton(AF_INET, value, &a->sin_addr) == 1 ? 0 : -1;
}

static void
add_addr(const char *name, const char *value, struct sockaddr_in *list, int *n)
{
	if (*n == MAX_ADDRS || to_addr(value, 0, &list[*n]) < 0) {
		char msg[160];

		snprintf(msg, sizeof(msg), "%s needs an IPv4 address (at most %d), got '%s'", name, MAX_ADDRS, value);
		usage(msg);
	}
	(*n)++;
}

static void
parse_args(int argc, char **argv)
{
	int i;

	if (argc < 2 || (strcmp(argv[1], "server") != 0 && strcmp(argv[1], "client") != 0)) {
		usage("mode must be server or client");
	}
	cfg.server = strcmp(argv[1], "server") == 0;
	for (i = 2; i < argc; i++) {
		const char *opt = argv[i];
		const char *val;

		if (i + 1 >= argc) {
			usage("option without value");
		}
		val = argv[++i];
		if (strcmp(opt, "--local") == 0) {
			add_addr(opt, val, cfg.local, &cfg.nlocal);
		} else if (strcmp(opt, "--remote") == 0) {
			add_addr(opt, val, cfg.remote, &cfg.nremote);
		} else if (strcmp(opt, "--port") == 0) {
			cfg.port = (uint16_t)parse_long(opt, val, 1, 65535);
		} else if (strcmp(opt, "--udp-port") == 0) {
			cfg.udp_port = (uint16_t)parse_long(opt, val, 1, 65535);
		} else if (strcmp(opt, "--remote-udp-port") == 0) {
			cfg.remote_udp_port = (uint16_t)parse_long(opt, val, 1, 65535);
		} else if (strcmp(opt, "--rate") == 0) {
			cfg.rate = parse_long(opt, val, 1, 10000);
		} else if (strcmp(opt, "--timeout") == 0) {
			cfg.timeout = parse_long(opt, val, 1, 3600);
		} else {
			char msg[160];

			snprintf(msg, sizeof(msg), "unknown option '%s'", opt);
			usage(msg);
		}
	}
	if (cfg.nlocal == 0 || cfg.udp_port == 0 || cfg.remote_udp_port == 0) {
		usage("--local, --udp-port and --remote-udp-port are required");
	}
	if (!cfg.server && cfg.nremote == 0) {
		usage("the client needs --remote");
	}
}

/* ---- sockets and notifications ---- */

static void
configure(void)
{
	const int on = 1;
	uint16_t types[] = {SCTP_ASSOC_CHANGE, SCTP_PEER_ADDR_CHANGE, SCTP_REMOTE_ERROR,
	                    SCTP_SHUTDOWN_EVENT};
	struct sctp_event ev;
	struct sctp_udpencaps encaps;
	unsigned i;

	if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_RECVRCVINFO, &on, sizeof(on)) < 0) {
		die("setsockopt SCTP_RECVRCVINFO");
	}
	if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_NODELAY, &on, sizeof(on)) < 0) {
		die("setsockopt SCTP_NODELAY");
	}
	memset(&ev, 0, sizeof(ev));
	ev.se_assoc_id = SCTP_FUTURE_ASSOC;
	ev.se_on = 1;
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		ev.se_type = types[i];
		if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_EVENT, &ev, sizeof(ev)) < 0) {
			die("setsockopt SCTP_EVENT");
		}
	}
	memset(&encaps, 0, sizeof(encaps));
	encaps.sue_address.ss_family = AF_INET;
	encaps.sue_assoc_id = SCTP_FUTURE_ASSOC;
	encaps.sue_port = htons(cfg.remote_udp_port);
	if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_REMOTE_UDP_ENCAPS_PORT, &encaps, sizeof(encaps)) < 0) {
		die("setsockopt SCTP_REMOTE_UDP_ENCAPS_PORT");
	}
}

/* Binds the first local address with the port, the others with usrsctp_bindx. */
static void
bind_locals(uint16_t port)
{
	cfg.local[0].sin_port = htons(port);
	if (usrsctp_bind(sock, (struct sockaddr *)&cfg.local[0], sizeof(cfg.local[0])) < 0) {
		die("usrsctp_bind");
	}
	if (cfg.nlocal > 1 &&
	    usrsctp_bindx(sock, (struct sockaddr *)&cfg.local[1], cfg.nlocal - 1, SCTP_BINDX_ADD_ADDR) < 0) {
		die("usrsctp_bindx");
	}
}

static const char *
addr_state(uint32_t state)
{
	switch (state) {
	case SCTP_ADDR_AVAILABLE:
		return "AVAILABLE";
	case SCTP_ADDR_UNREACHABLE:
		return "UNREACHABLE";
	case SCTP_ADDR_REMOVED:
		return "REMOVED";
	case SCTP_ADDR_ADDED:
		return "ADDED";
	case SCTP_ADDR_MADE_PRIM:
		return "MADE_PRIM";
	case SCTP_ADDR_CONFIRMED:
		return "CONFIRMED";
	default:
		return "UNKNOWN";
	}
}

/* Returns 1 when the association ended; *lost when it was lost or aborted. */
static int
notification(const union sctp_notification *n, size_t len, int *lost)
{
	if (len < sizeof(n->sn_header) || n->sn_header.sn_length != len) {
		event("notification with bad length %zu", len);
		return 0;
	}
	switch (n->sn_header.sn_type) {
	case SCTP_ASSOC_CHANGE: {
		const struct sctp_assoc_change *sac = &n->sn_assoc_change;

		switch (sac->sac_state) {
		case SCTP_COMM_UP:
			current_assoc = sac->sac_assoc_id;
			event("COMM_UP assoc=%u", sac->sac_assoc_id);
			return 0;
		case SCTP_SHUTDOWN_COMP:
			event("SHUTDOWN_COMP assoc=%u", sac->sac_assoc_id);
			return 1;
		default:
			event("ASSOC_CHANGE %u assoc=%u", sac->sac_state, sac->sac_assoc_id);
			*lost = 1;
			return 1;
		}
	}
	case SCTP_PEER_ADDR_CHANGE: {
		const struct sctp_paddr_change *spc = &n->sn_paddr_change;
		char text[INET_ADDRSTRLEN] = "?";

		if (spc->spc_aaddr.ss_family == AF_INET) {
			inet_ntop(AF_INET, &((const struct sockaddr_in *)&spc->spc_aaddr)->sin_addr, text,
			          sizeof(text));
		}
		event("PEER_ADDR %s %s", addr_state(spc->spc_state), text);
		return 0;
	}
	case SCTP_REMOTE_ERROR:
		event("REMOTE_ERROR cause=%u", ntohs(n->sn_remote_error.sre_error));
		return 0;
	case SCTP_SHUTDOWN_EVENT:
		event("SHUTDOWN_EVENT");
		return 0;
	default:
		return 0;
	}
}

static void *
watchdog(void *arg)
{
	(void)arg;
	sleep((unsigned)cfg.timeout);
	event("ERROR timeout after %ld s", cfg.timeout);
	_exit(4);
}

/* ---- commands ---- */

static void
command(char *line)
{
	char verb[32], ip[64];
	struct sockaddr_in a;
	int r;

	if (sscanf(line, "%31s %63s", verb, ip) != 2 || to_addr(ip, 0, &a) < 0) {
		event("FAILED %s: usage", line);
		return;
	}
	if (strcmp(verb, "bind") == 0 || strcmp(verb, "unbind") == 0) {
		int add = strcmp(verb, "bind") == 0;

		r = usrsctp_bindx(sock, (struct sockaddr *)&a, 1, add ? SCTP_BINDX_ADD_ADDR : SCTP_BINDX_REM_ADDR);
		if (r == 0) {
			event("%s %s", add ? "BOUND" : "UNBOUND", ip);
		}
	} else if (strcmp(verb, "peer-primary") == 0) {
		struct sctp_setpeerprim prim;

		memset(&prim, 0, sizeof(prim));
		memcpy(&prim.sspp_addr, &a, sizeof(a));
		prim.sspp_assoc_id = current_assoc;
		r = usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_SET_PEER_PRIMARY_ADDR, &prim, sizeof(prim));
		if (r == 0) {
			event("PEER_PRIMARY %s", ip);
		}
	} else if (strcmp(verb, "primary") == 0) {
		struct sctp_setprim prim;

		a.sin_port = htons(cfg.port);
		memset(&prim, 0, sizeof(prim));
		memcpy(&prim.ssp_addr, &a, sizeof(a));
		prim.ssp_assoc_id = current_assoc;
		r = usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_PRIMARY_ADDR, &prim, sizeof(prim));
		if (r == 0) {
			event("PRIMARY %s", ip);
		}
	} else {
		event("FAILED %s: unknown command", line);
		return;
	}
	if (r != 0) {
		event("FAILED %s: %s", line, strerror(errno));
	}
}

static void *
commands(void *arg)
{
	char line[256];

	(void)arg;
	while (fgets(line, sizeof(line), stdin) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '\0') {
			continue;
		}
		if (strcmp(line, "stop") == 0) {
			break;
		}
		command(line);
	}
	sending = 0;
	return NULL;
}

/* Receives one whole message or notification into buf; returns its length, -1 at the end. */
static ssize_t
receive(unsigned char *buf, struct sctp_rcvinfo *rcv, int *is_notification)
{
	size_t have = 0;

	for (;;) {
		struct sockaddr_storage from;
		socklen_t fromlen = (socklen_t)sizeof(from);
		socklen_t infolen = (socklen_t)sizeof(*rcv);
		unsigned int infotype = 0;
		int flags = 0;
		ssize_t n;

		n = usrsctp_recvv(sock, buf + have, BUFFER - have, (struct sockaddr *)&from, &fromlen, rcv,
		                  &infolen, &infotype, &flags);
		if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
			continue;
		}
		if (n <= 0) {
			return -1;
		}
		have += (size_t)n;
		if (flags & MSG_EOR) {
			*is_notification = (flags & MSG_NOTIFICATION) != 0;
			return (ssize_t)have;
		}
		if (have == BUFFER) {
			event("ERROR a message larger than %d bytes", BUFFER);
			exit(1);
		}
	}
}

static int
run_server(void)
{
	unsigned char *buf = malloc(BUFFER);
	long echoed = 0;

	if (buf == NULL) {
		die("malloc");
	}
	if ((sock = usrsctp_socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP, NULL, NULL, 0, NULL)) == NULL) {
		die("usrsctp_socket");
	}
	configure();
	bind_locals(cfg.port);
	if (usrsctp_listen(sock, 1) < 0) {
		die("usrsctp_listen");
	}
	event("READY server sctp-port=%u udp-port=%u remote-udp-port=%u", cfg.port, cfg.udp_port,
	      cfg.remote_udp_port);
	for (;;) {
		struct sctp_rcvinfo rcv;
		struct sctp_sndinfo snd;
		int is_notification = 0, lost = 0;
		ssize_t n;

		memset(&rcv, 0, sizeof(rcv));
		n = receive(buf, &rcv, &is_notification);
		if (n < 0) {
			die("usrsctp_recvv");
		}
		if (is_notification) {
			if (notification((const union sctp_notification *)buf, (size_t)n, &lost)) {
				event("SERVER echoed=%ld end=%s", echoed, lost ? "lost" : "shutdown");
				echoed = 0;
			}
			continue;
		}
		memset(&snd, 0, sizeof(snd));
		snd.snd_sid = rcv.rcv_sid;
		snd.snd_ppid = rcv.rcv_ppid;
		snd.snd_assoc_id = rcv.rcv_assoc_id;
		if (usrsctp_sendv(sock, buf, (size_t)n, NULL, 0, &snd, sizeof(snd), SCTP_SENDV_SNDINFO, 0) < 0) {
			event("ERROR sendv: %s", strerror(errno));
			continue;
		}
		echoed++;
	}
	return 0;
}

static volatile long echoed, mismatched, bytes;
static double max_gap;

static void
print_result(void)
{
	double seconds = now_ms() / 1000.0;

	pthread_mutex_lock(&out_lock);
	printf("RESULT sent=%ld echoed=%ld mismatched=%ld bytes=%ld seconds=%.3f msgs_per_s=%.1f"
	       " max_gap_ms=%.0f\n", sent, echoed, mismatched, bytes, seconds, echoed / seconds,
	       max_gap);
	fflush(stdout);
	pthread_mutex_unlock(&out_lock);
}

/*
 * The client's sender: "message N" at cfg.rate per second until stop or the end of the
 * association; then it waits (at most 20 s) for the last echoes, prints RESULT and shuts down.
 */
static void *
sender(void *arg)
{
	long period_ns = 1000000000L / cfg.rate;
	struct timespec next;
	double stopped;

	(void)arg;
	clock_gettime(CLOCK_MONOTONIC, &next);
	while (sending && !ended) {
		char m[32];
		struct sctp_sndinfo snd;
		int len = snprintf(m, sizeof(m), "message %ld", sent);

		memset(&snd, 0, sizeof(snd));
		if (usrsctp_sendv(sock, m, (size_t)len, NULL, 0, &snd, sizeof(snd), SCTP_SENDV_SNDINFO, 0) < 0) {
			event("FAILED send %ld: %s", sent, strerror(errno));
			break;
		}
		sent++;
		next.tv_nsec += period_ns;
		while (next.tv_nsec >= 1000000000L) {
			next.tv_nsec -= 1000000000L;
			next.tv_sec++;
		}
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
	}
	stopped = now_ms();
	while (!ended && echoed + mismatched < sent && now_ms() - stopped < 20000) {
		usleep(20000);
	}
	print_result();
	shutting = 1;
	if (!ended && usrsctp_shutdown(sock, SHUT_WR) < 0) {
		event("ERROR usrsctp_shutdown: %s", strerror(errno));
	}
	return NULL;
}

static int
run_client(void)
{
	unsigned char *buf = malloc(BUFFER);
	double last_echo;
	int lost = 0;
	pthread_t send_thread;
	int i;

	if (buf == NULL) {
		die("malloc");
	}
	if ((sock = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL)) == NULL) {
		die("usrsctp_socket");
	}
	configure();
	bind_locals(0);
	for (i = 0; i < cfg.nremote; i++) {
		cfg.remote[i].sin_port = htons(cfg.port);
	}
	event("READY client udp-port=%u remote-udp-port=%u", cfg.udp_port, cfg.remote_udp_port);
	if (usrsctp_connectx(sock, (struct sockaddr *)cfg.remote, cfg.nremote, NULL) < 0) {
		die("usrsctp_connectx");
	}
	if (pthread_create(&send_thread, NULL, sender, NULL) != 0) {
		die("pthread_create");
	}
	last_echo = now_ms();
	for (;;) {
		struct sctp_rcvinfo rcv;
		char expected[32];
		int is_notification = 0;
		ssize_t n;

		memset(&rcv, 0, sizeof(rcv));
		n = receive(buf, &rcv, &is_notification);
		if (n < 0) {
			lost = !shutting; /* the end of the stream after our SHUTDOWN is no loss */
			break;
		}
		if (is_notification) {
			if (notification((const union sctp_notification *)buf, (size_t)n, &lost)) {
				break;
			}
			continue;
		}
		snprintf(expected, sizeof(expected), "message %ld", echoed);
		if ((size_t)n == strlen(expected) && memcmp(buf, expected, (size_t)n) == 0) {
			double t = now_ms();

			if (t - last_echo > max_gap) {
				max_gap = t - last_echo;
			}
			last_echo = t;
			bytes += n;
			echoed++;
			if (echoed % 100 == 0) {
				event("ECHOED %ld", echoed);
			}
		} else {
			mismatched++;
			event("MISMATCH expected %s got %.*s", expected, (int)(n > 30 ? 30 : n), buf);
		}
	}
	ended = 1;
	pthread_join(send_thread, NULL);
	_exit(lost ? 3 : (echoed == sent && sent > 0 && mismatched == 0 ? 0 : 1));
}

int
main(int argc, char **argv)
{
	pthread_t wd, cmd;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	setvbuf(stdout, NULL, _IOLBF, 0);
	parse_args(argc, argv);
	usrsctp_init(cfg.udp_port, NULL, NULL);
	usrsctp_sysctl_set_sctp_no_csum_on_loopback(0);
	usrsctp_sysctl_set_sctp_auth_enable(1);
	usrsctp_sysctl_set_sctp_asconf_enable(1);
	if (pthread_create(&wd, NULL, watchdog, NULL) != 0 ||
	    pthread_create(&cmd, NULL, commands, NULL) != 0) {
		die("pthread_create");
	}
	return cfg.server ? run_server() : run_client();
}
