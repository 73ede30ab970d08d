/*
 * authpeer: an SCTP peer on usrsctp with AUTH (RFC 4895) switched on, written for the jsctp
 * interop tests. It sets the AUTH socket options of RFC 6458 (SCTP_HMAC_IDENT, SCTP_AUTH_CHUNK,
 * SCTP_AUTH_KEY, SCTP_AUTH_ACTIVE_KEY), reports SCTP_AUTHENTICATION_EVENTs and the peer's chunk
 * list, and runs as an echo server (one-to-many socket) or as a client (one-to-one socket) that
 * sends numbered messages one at a time and checks every echo.
 *
 *   authpeer server --local A --udp-port L --remote-udp-port R [--port P] [auth]
 *   authpeer client --local A --remote B --udp-port L --remote-udp-port R [--port P]
 *                   [--count N] [--size S] [auth]
 *   authpeer hmacs   (prints HMAC_SUPPORTED ID for each HMAC this usrsctp build takes, and exits)
 *   auth: [--hmac ID]... (the SCTP_HMAC_IDENT list, most preferred first)
 *         [--auth-chunk TYPE]... [--key NUMBER:TEXT]... [--active NUMBER]
 *         [--rotate-at N --rotate-to NUMBER] (after N echoes that key becomes the active one)
 *         [--timeout S]
 *
 * Output, one line per event with milliseconds since start (stdout, line-buffered):
 *   +12ms READY ...
 *   +30ms COMM_UP assoc=3
 *   +30ms PEER_AUTH_CHUNKS 0,3      LOCAL_AUTH_CHUNKS 0,128,193
 *   +31ms AUTH_EVENT NEW_KEY key=1  (NO_AUTH, FREE_KEY; usrsctp's numbering of RFC 6458)
 *   +90ms ACTIVE_KEY 2
 *   RESULT sent=N echoed=N mismatched=N          (client)
 *   SERVER echoed=N end=REASON                   (server, when the association ends)
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

#define MAX_LIST 16
#define BUFFER (64 * 1024)

struct key {
	uint16_t number;
	char text[128];
};

static struct {
	int server;
	struct sockaddr_in local;
	struct sockaddr_in remote;
	int have_remote;
	uint16_t port;
	uint16_t udp_port;
	uint16_t remote_udp_port;
	long count;
	long size;
	uint16_t hmacs[MAX_LIST];
	int nhmacs;
	uint8_t chunks[MAX_LIST];
	int nchunks;
	struct key keys[MAX_LIST];
	int nkeys;
	long active;
	long rotate_at;
	long rotate_to;
	long timeout;
} cfg = {.port = 7, .count = 200, .size = 500, .active = -1, .rotate_at = -1, .rotate_to = -1,
         .timeout = 60};

static struct timespec t0;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

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
	fprintf(stderr, "authpeer: %s\nsee the comment at the top of authpeer.c\n", msg);
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

static void
parse_addr(const char *name, const char *value, struct sockaddr_in *a)
{
	memset(a, 0, sizeof(*a));
	a->sin_family = AF_INET;
	if (inet_pton(AF_INET, value, &a->sin_addr) != 1) {
		char msg[160];

		snprintf(msg, sizeof(msg), "%s needs an IPv4 address, got '%s'", name, value);
		usage(msg);
	}
}

static void
parse_key(const char *value)
{
	const char *colon = strchr(value, ':');
	char number[8];

	if (colon == NULL || colon == value || (size_t)(colon - value) >= sizeof(number) ||
	    strlen(colon + 1) >= sizeof(cfg.keys[0].text) || cfg.nkeys == MAX_LIST) {
		usage("--key takes NUMBER:TEXT");
	}
	memcpy(number, value, (size_t)(colon - value));
	number[colon - value] = '\0';
	cfg.keys[cfg.nkeys].number = (uint16_t)parse_long("--key", number, 0, 65535);
	snprintf(cfg.keys[cfg.nkeys].text, sizeof(cfg.keys[0].text), "%s", colon + 1);
	cfg.nkeys++;
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
			parse_addr(opt, val, &cfg.local);
		} else if (strcmp(opt, "--remote") == 0) {
			parse_addr(opt, val, &cfg.remote);
			cfg.have_remote = 1;
		} else if (strcmp(opt, "--port") == 0) {
			cfg.port = (uint16_t)parse_long(opt, val, 1, 65535);
		} else if (strcmp(opt, "--udp-port") == 0) {
			cfg.udp_port = (uint16_t)parse_long(opt, val, 1, 65535);
		} else if (strcmp(opt, "--remote-udp-port") == 0) {
			cfg.remote_udp_port = (uint16_t)parse_long(opt, val, 1, 65535);
		} else if (strcmp(opt, "--count") == 0) {
			cfg.count = parse_long(opt, val, 1, 1000000);
		} else if (strcmp(opt, "--size") == 0) {
			cfg.size = parse_long(opt, val, 8, BUFFER / 2);
		} else if (strcmp(opt, "--hmac") == 0 && cfg.nhmacs < MAX_LIST) {
			cfg.hmacs[cfg.nhmacs++] = (uint16_t)parse_long(opt, val, 0, 65535);
		} else if (strcmp(opt, "--auth-chunk") == 0 && cfg.nchunks < MAX_LIST) {
			cfg.chunks[cfg.nchunks++] = (uint8_t)parse_long(opt, val, 0, 255);
		} else if (strcmp(opt, "--key") == 0) {
			parse_key(val);
		} else if (strcmp(opt, "--active") == 0) {
			cfg.active = parse_long(opt, val, 0, 65535);
		} else if (strcmp(opt, "--rotate-at") == 0) {
			cfg.rotate_at = parse_long(opt, val, 1, 1000000);
		} else if (strcmp(opt, "--rotate-to") == 0) {
			cfg.rotate_to = parse_long(opt, val, 0, 65535);
		} else if (strcmp(opt, "--timeout") == 0) {
			cfg.timeout = parse_long(opt, val, 1, 3600);
		} else {
			char msg[160];

			snprintf(msg, sizeof(msg), "unknown option '%s'", opt);
			usage(msg);
		}
	}
	if (cfg.local.sin_family != AF_INET || cfg.udp_port == 0 || cfg.remote_udp_port == 0) {
		usage("--local, --udp-port and --remote-udp-port are required");
	}
	if (!cfg.server && !cfg.have_remote) {
		usage("the client needs --remote");
	}
	if ((cfg.rotate_at >= 0) != (cfg.rotate_to >= 0)) {
		usage("--rotate-at and --rotate-to go together");
	}
}

/* ---- AUTH ---- */

static void
set_active_key(struct socket *sock, sctp_assoc_t assoc, uint16_t number)
{
	struct sctp_authkeyid id;

	memset(&id, 0, sizeof(id));
	id.scact_assoc_id = assoc;
	id.scact_keynumber = number;
	if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_AUTH_ACTIVE_KEY, &id, sizeof(id)) < 0) {
		die("setsockopt SCTP_AUTH_ACTIVE_KEY");
	}
	event("ACTIVE_KEY %u", number);
}

static void
configure_auth(struct socket *sock)
{
	int i;

	if (cfg.nhmacs > 0) {
		size_t len = sizeof(struct sctp_hmacalgo) + (size_t)cfg.nhmacs * sizeof(uint16_t);
		struct sctp_hmacalgo *algo = calloc(1, len);

		if (algo == NULL) {
			die("calloc");
		}
		algo->shmac_number_of_idents = (uint32_t)cfg.nhmacs;
		for (i = 0; i < cfg.nhmacs; i++) {
			algo->shmac_idents[i] = cfg.hmacs[i];
		}
		if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_HMAC_IDENT, algo, (socklen_t)len) < 0) {
			die("setsockopt SCTP_HMAC_IDENT");
		}
		free(algo);
	}
	for (i = 0; i < cfg.nchunks; i++) {
		struct sctp_authchunk chunk;

		chunk.sauth_chunk = cfg.chunks[i];
		if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_AUTH_CHUNK, &chunk, sizeof(chunk)) < 0) {
			die("setsockopt SCTP_AUTH_CHUNK");
		}
	}
	for (i = 0; i < cfg.nkeys; i++) {
		size_t keylen = strlen(cfg.keys[i].text);
		size_t len = sizeof(struct sctp_authkey) + keylen;
		struct sctp_authkey *key = calloc(1, len);

		if (key == NULL) {
			die("calloc");
		}
		key->sca_assoc_id = SCTP_FUTURE_ASSOC;
		key->sca_keynumber = cfg.keys[i].number;
		key->sca_keylength = (uint16_t)keylen;
		memcpy(key->sca_key, cfg.keys[i].text, keylen);
		if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_AUTH_KEY, key, (socklen_t)len) < 0) {
			die("setsockopt SCTP_AUTH_KEY");
		}
		free(key);
	}
	if (cfg.active >= 0) {
		set_active_key(sock, SCTP_FUTURE_ASSOC, (uint16_t)cfg.active);
	}
}

/*
 * usrsctp.h declares struct sctp_authchunks without gauth_number_of_chunks ("not available"), but
 * the library fills in its own struct, which has it: a 32-bit count in host order comes first in
 * gauth_chunks, then the chunk types.
 */
static void
print_chunks(struct socket *sock, sctp_assoc_t assoc, int option, const char *name)
{
	char buf[sizeof(struct sctp_authchunks) + sizeof(uint32_t) + 256];
	struct sctp_authchunks *list = (struct sctp_authchunks *)buf;
	socklen_t len = (socklen_t)sizeof(buf);
	char text[1024];
	uint32_t count;
	size_t at = 0, i, n;

	memset(buf, 0, sizeof(buf));
	list->gauth_assoc_id = assoc;
	if (usrsctp_getsockopt(sock, IPPROTO_SCTP, option, list, &len) < 0) {
		event("%s unavailable: %s", name, strerror(errno));
		return;
	}
	n = (size_t)len - sizeof(struct sctp_authchunks);
	if (n < sizeof(count)) {
		event("%s short answer of %u bytes", name, (unsigned)len);
		return;
	}
	memcpy(&count, list->gauth_chunks, sizeof(count));
	n -= sizeof(count);
	if (count != n) {
		event("%s count %u for %zu chunk types", name, count, n);
	}
	text[0] = '\0';
	for (i = 0; i < n && at < sizeof(text) - 8; i++) {
		at += (size_t)snprintf(text + at, sizeof(text) - at, "%s%u", i ? "," : "",
		                       list->gauth_chunks[sizeof(count) + i]);
	}
	event("%s %s", name, text);
}

/* Prints the HMAC identifiers SCTP_HMAC_IDENT takes (with SHA-1, which it always requires). */
static int
probe_hmacs(void)
{
	static const uint16_t ids[] = {1, 3};
	struct socket *sock;
	unsigned i;

	usrsctp_init(0, NULL, NULL);
	if ((sock = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL)) == NULL) {
		die("usrsctp_socket");
	}
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		char buf[sizeof(struct sctp_hmacalgo) + 2 * sizeof(uint16_t)];
		struct sctp_hmacalgo *algo = (struct sctp_hmacalgo *)buf;

		algo->shmac_number_of_idents = ids[i] == 1 ? 1 : 2;
		algo->shmac_idents[0] = ids[i];
		algo->shmac_idents[1] = 1;
		if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_HMAC_IDENT, algo,
		                       (socklen_t)(sizeof(struct sctp_hmacalgo) +
		                                   algo->shmac_number_of_idents * sizeof(uint16_t))) == 0) {
			printf("HMAC_SUPPORTED %u\n", ids[i]);
		}
	}
	fflush(stdout);
	_exit(0);
}

/* ---- sockets and notifications ---- */

static void
configure(struct socket *sock)
{
	const int on = 1;
	uint16_t types[] = {SCTP_ASSOC_CHANGE, SCTP_REMOTE_ERROR, SCTP_SHUTDOWN_EVENT,
	                    SCTP_AUTHENTICATION_EVENT};
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
	configure_auth(sock);
}

static const char *
auth_indication(uint32_t indication)
{
	switch (indication) {
	case SCTP_AUTH_NEW_KEY:
		return "NEW_KEY";
	case SCTP_AUTH_NO_AUTH:
		return "NO_AUTH";
	case SCTP_AUTH_FREE_KEY:
		return "FREE_KEY";
	default:
		return "UNKNOWN";
	}
}

/* Returns 1 when the association ended; *lost when it was lost or aborted. */
static int
notification(struct socket *sock, const union sctp_notification *n, size_t len, int *lost)
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
			event("COMM_UP assoc=%u", sac->sac_assoc_id);
			print_chunks(sock, sac->sac_assoc_id, SCTP_PEER_AUTH_CHUNKS, "PEER_AUTH_CHUNKS");
			print_chunks(sock, sac->sac_assoc_id, SCTP_LOCAL_AUTH_CHUNKS, "LOCAL_AUTH_CHUNKS");
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
	case SCTP_AUTHENTICATION_EVENT:
		event("AUTH_EVENT %s key=%u", auth_indication(n->sn_auth_event.auth_indication),
		      n->sn_auth_event.auth_keynumber);
		return 0;
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

/* Message i: its number, then bytes that depend on it. */
static void
fill(unsigned char *m, uint32_t i)
{
	long k;

	m[0] = (unsigned char)(i >> 24);
	m[1] = (unsigned char)(i >> 16);
	m[2] = (unsigned char)(i >> 8);
	m[3] = (unsigned char)i;
	for (k = 4; k < cfg.size; k++) {
		m[k] = (unsigned char)(i * 31 + (uint32_t)k);
	}
}

/* Receives one whole message or notification into buf; returns its length, -1 at the end. */
static ssize_t
receive(struct socket *sock, unsigned char *buf, struct sctp_rcvinfo *rcv, int *is_notification)
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
	struct socket *sock;
	unsigned char *buf = malloc(BUFFER);
	long echoed = 0;

	if (buf == NULL) {
		die("malloc");
	}
	if ((sock = usrsctp_socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP, NULL, NULL, 0, NULL)) == NULL) {
		die("usrsctp_socket");
	}
	configure(sock);
	cfg.local.sin_port = htons(cfg.port);
	if (usrsctp_bind(sock, (struct sockaddr *)&cfg.local, sizeof(cfg.local)) < 0) {
		die("usrsctp_bind");
	}
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
		n = receive(sock, buf, &rcv, &is_notification);
		if (n < 0) {
			die("usrsctp_recvv");
		}
		if (is_notification) {
			if (notification(sock, (const union sctp_notification *)buf, (size_t)n, &lost)) {
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
		if (echoed == cfg.rotate_at) {
			set_active_key(sock, rcv.rcv_assoc_id, (uint16_t)cfg.rotate_to);
		}
	}
	return 0;
}

static int
run_client(void)
{
	struct socket *sock;
	unsigned char *buf = malloc(BUFFER);
	unsigned char *m = malloc((size_t)cfg.size);
	long sent = 0, echoed = 0, mismatched = 0;
	int ended = 0, lost = 0;

	if (buf == NULL || m == NULL) {
		die("malloc");
	}
	if ((sock = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL)) == NULL) {
		die("usrsctp_socket");
	}
	configure(sock);
	cfg.local.sin_port = 0;
	if (usrsctp_bind(sock, (struct sockaddr *)&cfg.local, sizeof(cfg.local)) < 0) {
		die("usrsctp_bind");
	}
	cfg.remote.sin_port = htons(cfg.port);
	event("READY client udp-port=%u remote-udp-port=%u", cfg.udp_port, cfg.remote_udp_port);
	if (usrsctp_connect(sock, (struct sockaddr *)&cfg.remote, sizeof(cfg.remote)) < 0) {
		die("usrsctp_connect");
	}
	while (sent < cfg.count && !ended) {
		struct sctp_sndinfo snd;

		fill(m, (uint32_t)sent);
		memset(&snd, 0, sizeof(snd));
		if (usrsctp_sendv(sock, m, (size_t)cfg.size, NULL, 0, &snd, sizeof(snd), SCTP_SENDV_SNDINFO, 0) < 0) {
			event("ERROR sendv: %s", strerror(errno));
			break;
		}
		sent++;
		while (echoed < sent && !ended) {
			struct sctp_rcvinfo rcv;
			int is_notification = 0;
			ssize_t n;

			memset(&rcv, 0, sizeof(rcv));
			n = receive(sock, buf, &rcv, &is_notification);
			if (n < 0) {
				ended = 1;
				lost = 1;
				break;
			}
			if (is_notification) {
				ended = notification(sock, (const union sctp_notification *)buf, (size_t)n, &lost);
				continue;
			}
			fill(m, (uint32_t)echoed);
			if (n != cfg.size || memcmp(buf, m, (size_t)cfg.size) != 0) {
				mismatched++;
			}
			echoed++;
			if (echoed == cfg.rotate_at) {
				set_active_key(sock, 0, (uint16_t)cfg.rotate_to);
			}
		}
	}
	pthread_mutex_lock(&out_lock);
	printf("RESULT sent=%ld echoed=%ld mismatched=%ld\n", sent, echoed, mismatched);
	fflush(stdout);
	pthread_mutex_unlock(&out_lock);
	if (!ended) {
		if (usrsctp_shutdown(sock, SHUT_WR) < 0) {
			die("usrsctp_shutdown");
		}
		while (!ended) {
			struct sctp_rcvinfo rcv;
			int is_notification = 0;
			ssize_t n = receive(sock, buf, &rcv, &is_notification);

			if (n < 0) {
				break;
			}
			if (is_notification) {
				ended = notification(sock, (const union sctp_notification *)buf, (size_t)n, &lost);
			}
		}
	}
	_exit(lost ? 3 : (echoed == cfg.count && mismatched == 0 ? 0 : 1));
}

int
main(int argc, char **argv)
{
	pthread_t wd;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 2 && strcmp(argv[1], "hmacs") == 0) {
		return probe_hmacs();
	}
	parse_args(argc, argv);
	usrsctp_init(cfg.udp_port, NULL, NULL);
	usrsctp_sysctl_set_sctp_no_csum_on_loopback(0);
	usrsctp_sysctl_set_sctp_auth_enable(1);
	if (pthread_create(&wd, NULL, watchdog, NULL) != 0) {
		die("pthread_create");
	}
	return cfg.server ? run_server() : run_client();
}
