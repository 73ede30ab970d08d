/*
 * mhpeer: a small multihomed SCTP peer on usrsctp, written for the jsctp interop tests.
 *
 * It binds one or more local IPv4 addresses with usrsctp_bindx and runs either as an echo
 * server (one-to-many socket, echoes every complete message on the same stream with the same
 * PPID and ordering flag) or as a client (one-to-one socket, connectx to one or more peer
 * addresses) that sends numbered messages and checks every echoed byte.
 *
 *   mhpeer server --local A [--local B] [--port 7] --udp-port L --remote-udp-port R [tuning]
 *                 [--abort-after N] [--progress N]
 *   mhpeer client --local A [--local B] --remote X [--remote Y] [--port 7] --udp-port L
 *                 --remote-udp-port R [--count N | --rate R --duration S] [--size S]
 *                 [--streams K] [--unordered] [--window W] [--abort-after N] [--progress N]
 *                 [tuning]
 *   tuning: [--pf N] [--path-max-retrans N] [--rto-min MS] [--rto-initial MS] [--rto-max MS]
 *           [--hb-interval MS] [--timeout S]
 *
 * Output, one line per event with milliseconds since start (stdout, line-buffered):
 *   +123ms READY ...
 *   +130ms assoc 3 COMM_UP in=10 out=10
 *   +4567ms path 10.201.1.2 ACTIVE -> INACTIVE (notification ADDR_UNREACHABLE)
 *   +4600ms path 10.201.1.2 ACTIVE -> PF (poll)            <- only if usrsctp reports it
 *   RESULT sent=N echoed=N mismatched=N bytes=B seconds=S msgs_per_s=X max_gap_ms=G
 *   +900ms progress echoed=100 ...                         <- every N echoes with --progress N
 * The RESULT line (client only) follows jsctp's echo-client. The server prints one
 * "SERVER assoc=ID echoed=N bytes=B end=REASON" line when an association ends.
 *
 * Exit codes: 0 success, 1 failed check, 2 usage error, 3 association lost or aborted by the
 * peer, 4 overall timeout.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <usrsctp.h>

/*
 * SCTP_PEER_ADDR_THLDS (RFC 7829 section 7.2) is implemented by usrsctp but neither the option
 * number nor the structure is in usrsctp.h. The layout follows the usrsctp/FreeBSD socket API:
 * address first, then the association id and three 16-bit thresholds. usrsctp only accepts
 * 0xffff (no primary switchover) for spt_pathcpthld.
 */
#define MH_SCTP_PEER_ADDR_THLDS 0x00000023
struct mh_paddrthlds {
	struct sockaddr_storage spt_address;
	sctp_assoc_t spt_assoc_id;
	uint16_t spt_pathmaxrxt;
	uint16_t spt_pathpfthld;
	uint16_t spt_pathcpthld;
};

#define MAX_ADDRS 4
#define MAX_ASSOCS 32
#define MAX_PATHS 8
#define HEADER_LEN 8
#define RECV_BUFFER (256 * 1024)

struct config {
	int server;
	struct sockaddr_in local[MAX_ADDRS];
	int nlocal;
	struct sockaddr_in remote[MAX_ADDRS];
	int nremote;
	uint16_t port;
	uint16_t udp_port;
	uint16_t remote_udp_port;
	long count;
	double rate;
	double duration;
	long size;
	int streams;
	int unordered;
	long window;
	long abort_after;
	long progress;
	long pf;
	long path_max_retrans;
	long rto_min;
	long rto_initial;
	long rto_max;
	long hb_interval;
	long timeout;
};

static struct config cfg = {
	.port = 7, .count = 100, .size = 1000, .streams = 1, .window = 16, .abort_after = -1,
	.pf = -1, .path_max_retrans = -1, .rto_min = -1, .rto_initial = -1, .rto_max = -1,
	.hb_interval = -1, .timeout = 120,
};

static struct timespec t0;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0.tv_sec) * 1000.0 + (double)(t.tv_nsec - t0.tv_nsec) / 1e6;
}

/* One event line: "+<ms>ms <text>". */
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

static void
usage(const char *msg)
{
	fprintf(stderr, "mhpeer: %s\n", msg);
	fprintf(stderr, "usage: mhpeer server|client --local ADDR [--local ADDR] [--remote ADDR ...] "
	        "--udp-port L --remote-udp-port R [options]; see the comment at the top of mhpeer.c\n");
	exit(2);
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
parse_addr(const char *name, const char *value, struct sockaddr_in *list, int *n)
{
	if (*n >= MAX_ADDRS) {
		usage("too many addresses");
	}
	memset(&list[*n], 0, sizeof(list[*n]));
	list[*n].sin_family = AF_INET;
	if (inet_pton(AF_INET, value, &list[*n].sin_addr) != 1) {
		char msg[160];
		snprintf(msg, sizeof(msg), "%s needs an IPv4 address, got '%s'", name, value);
		usage(msg);
	}
	(*n)++;
}

static void
parse_args(int argc, char **argv)
{
	int i;

	if (argc < 2) {
		usage("missing mode");
	}
	if (strcmp(argv[1], "server") == 0) {
		cfg.server = 1;
	} else if (strcmp(argv[1], "client") != 0) {
		usage("mode must be server or client");
	}
	for (i = 2; i < argc; i++) {
		const char *opt = argv[i];
		const char *val;

		if (strcmp(opt, "--unordered") == 0) {
			cfg.unordered = 1;
			continue;
		}
		if (i + 1 >= argc) {
			usage("option without value");
		}
		val = argv[++i];
		if (strcmp(opt, "--local") == 0) {
			parse_addr(opt, val, cfg.local, &cfg.nlocal);
		} else if (strcmp(opt, "--remote") == 0) {
			parse_addr(opt, val, cfg.remote, &cfg.nremote);
		} else if (strcmp(opt, "--port") == 0) {
			cfg.port = (uint16_t)parse_long(opt, val, 1, 65535);
		} else if (strcmp(opt, "--udp-port") == 0) {
			cfg.udp_port = (uint16_t)parse_long(opt, val, 1, 65535);
		} else if (strcmp(opt, "--remote-udp-port") == 0) {
			cfg.remote_udp_port = (uint16_t)parse_long(opt, val, 1, 65535);
		} else if (strcmp(opt, "--count") == 0) {
			cfg.count = parse_long(opt, val, 1, 100000000);
		} else if (strcmp(opt, "--rate") == 0) {
			cfg.rate = (double)parse_long(opt, val, 1, 1000000);
		} else if (strcmp(opt, "--duration") == 0) {
			cfg.duration = (double)parse_long(opt, val, 1, 3600);
		} else if (strcmp(opt, "--size") == 0) {
			cfg.size = parse_long(opt, val, HEADER_LEN, RECV_BUFFER / 2);
		} else if (strcmp(opt, "--streams") == 0) {
			cfg.streams = (int)parse_long(opt, val, 1, 10);
		} else if (strcmp(opt, "--window") == 0) {
			cfg.window = parse_long(opt, val, 1, 100000);
		} else if (strcmp(opt, "--abort-after") == 0) {
			cfg.abort_after = parse_long(opt, val, 0, 100000000);
		} else if (strcmp(opt, "--progress") == 0) {
			cfg.progress = parse_long(opt, val, 1, 100000000);
		} else if (strcmp(opt, "--pf") == 0) {
			cfg.pf = parse_long(opt, val, 0, 65535);
		} else if (strcmp(opt, "--path-max-retrans") == 0) {
			cfg.path_max_retrans = parse_long(opt, val, 1, 65535);
		} else if (strcmp(opt, "--rto-min") == 0) {
			cfg.rto_min = parse_long(opt, val, 1, 3600000);
		} else if (strcmp(opt, "--rto-initial") == 0) {
			cfg.rto_initial = parse_long(opt, val, 1, 3600000);
		} else if (strcmp(opt, "--rto-max") == 0) {
			cfg.rto_max = parse_long(opt, val, 1, 3600000);
		} else if (strcmp(opt, "--hb-interval") == 0) {
			cfg.hb_interval = parse_long(opt, val, 1, 3600000);
		} else if (strcmp(opt, "--timeout") == 0) {
			cfg.timeout = parse_long(opt, val, 1, 86400);
		} else {
			char msg[160];
			snprintf(msg, sizeof(msg), "unknown option '%s'", opt);
			usage(msg);
		}
	}
	if (cfg.nlocal == 0) {
		usage("at least one --local is required");
	}
	if (cfg.udp_port == 0 || cfg.remote_udp_port == 0) {
		usage("--udp-port and --remote-udp-port are required");
	}
	if (!cfg.server && cfg.nremote == 0) {
		usage("the client needs at least one --remote");
	}
	if ((cfg.rate > 0) != (cfg.duration > 0)) {
		usage("--rate and --duration go together");
	}
}

static const char *
addr_str(const struct sockaddr *sa, char *buf, size_t len)
{
	if (sa->sa_family == AF_INET) {
		return inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, buf, (socklen_t)len);
	}
	if (sa->sa_family == AF_INET6) {
		return inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, buf, (socklen_t)len);
	}
	snprintf(buf, len, "family-%d", sa->sa_family);
	return buf;
}

static void
die(const char *what)
{
	fprintf(stderr, "mhpeer: %s: %s\n", what, strerror(errno));
	event("ERROR %s: %s", what, strerror(errno));
	exit(1);
}

/* ---- path state table, fed by notifications and by polling SCTP_GET_PEER_ADDR_INFO ---- */

struct path_state {
	sctp_assoc_t assoc;
	char addr[INET6_ADDRSTRLEN];
	char state[24];
};

static struct path_state paths[MAX_PATHS * MAX_ASSOCS];
static int npaths;
static pthread_mutex_t path_lock = PTHREAD_MUTEX_INITIALIZER;

static void
path_update(sctp_assoc_t assoc, const char *addr, const char *state, const char *why)
{
	int i;
	const char *old = "NEW";

	pthread_mutex_lock(&path_lock);
	for (i = 0; i < npaths; i++) {
		if (paths[i].assoc == assoc && strcmp(paths[i].addr, addr) == 0) {
			break;
		}
	}
	if (i == npaths) {
		if (npaths == (int)(sizeof(paths) / sizeof(paths[0]))) {
			pthread_mutex_unlock(&path_lock);
			return;
		}
		npaths++;
		paths[i].assoc = assoc;
		snprintf(paths[i].addr, sizeof(paths[i].addr), "%s", addr);
		paths[i].state[0] = '\0';
	} else {
		old = paths[i].state;
	}
	if (strcmp(old, state) != 0) {
		event("path %s %s -> %s (%s)", addr, old, state, why);
		snprintf(paths[i].state, sizeof(paths[i].state), "%s", state);
	}
	pthread_mutex_unlock(&path_lock);
}

static const char *
paddr_state_name(int32_t s)
{
	/* usrsctp reports UNCONFIRMED, ACTIVE or INACTIVE; anything else is shown raw. */
	static __thread char raw[24];

	switch (s) {
	case SCTP_ACTIVE:
		return "ACTIVE";
	case SCTP_INACTIVE:
		return "INACTIVE";
	case SCTP_UNCONFIRMED:
		return "UNCONFIRMED";
	default:
		snprintf(raw, sizeof(raw), "STATE-0x%x", (unsigned)s);
		return raw;
	}
}

static void
poll_paths(struct socket *sock, sctp_assoc_t assoc)
{
	struct sockaddr *addrs;
	char *p;
	int n, i;

	n = usrsctp_getpaddrs(sock, assoc, &addrs);
	if (n <= 0) {
		return;
	}
	p = (char *)addrs;
	for (i = 0; i < n; i++) {
		struct sockaddr *sa = (struct sockaddr *)p;
		struct sctp_paddrinfo info;
		socklen_t len = (socklen_t)sizeof(info);
		char buf[INET6_ADDRSTRLEN];
		size_t salen = sa->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);

		memset(&info, 0, sizeof(info));
		memcpy(&info.spinfo_address, sa, salen);
		info.spinfo_assoc_id = assoc;
		if (usrsctp_getsockopt(sock, IPPROTO_SCTP, SCTP_GET_PEER_ADDR_INFO, &info, &len) == 0) {
			path_update(assoc, addr_str(sa, buf, sizeof(buf)), paddr_state_name(info.spinfo_state), "poll");
		}
		p += salen;
	}
	usrsctp_freepaddrs(addrs);
}

/* ---- associations known to this process ---- */

struct assoc_entry {
	sctp_assoc_t id;
	int live;
	long echoed;
	long bytes;
	char *buf; /* reassembly of a partially delivered message (server) */
	size_t len;
};

static struct assoc_entry assocs[MAX_ASSOCS];
static pthread_mutex_t assoc_lock = PTHREAD_MUTEX_INITIALIZER;

static struct assoc_entry *
assoc_get(sctp_assoc_t id, int create)
{
	int i, free_slot = -1;

	for (i = 0; i < MAX_ASSOCS; i++) {
		if (assocs[i].live && assocs[i].id == id) {
			return &assocs[i];
		}
		if (!assocs[i].live && free_slot < 0) {
			free_slot = i;
		}
	}
	if (!create || free_slot < 0) {
		return NULL;
	}
	memset(&assocs[free_slot], 0, sizeof(assocs[free_slot]));
	assocs[free_slot].id = id;
	assocs[free_slot].live = 1;
	assocs[free_slot].buf = malloc(RECV_BUFFER);
	if (assocs[free_slot].buf == NULL) {
		die("malloc");
	}
	return &assocs[free_slot];
}

/* ---- configuration of the socket ---- */

static void
configure(struct socket *sock)
{
	const int on = 1;
	uint16_t types[] = {SCTP_ASSOC_CHANGE, SCTP_PEER_ADDR_CHANGE, SCTP_REMOTE_ERROR,
	                    SCTP_SHUTDOWN_EVENT, SCTP_SEND_FAILED_EVENT};
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
	if (cfg.rto_min > 0 || cfg.rto_initial > 0 || cfg.rto_max > 0) {
		struct sctp_rtoinfo rto;

		/* RFC 6458 section 8.1.1: zero leaves a field unchanged. */
		memset(&rto, 0, sizeof(rto));
		rto.srto_assoc_id = SCTP_FUTURE_ASSOC;
		rto.srto_min = cfg.rto_min > 0 ? (uint32_t)cfg.rto_min : 0;
		rto.srto_initial = cfg.rto_initial > 0 ? (uint32_t)cfg.rto_initial : 0;
		rto.srto_max = cfg.rto_max > 0 ? (uint32_t)cfg.rto_max : 0;
		if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_RTOINFO, &rto, sizeof(rto)) < 0) {
			die("setsockopt SCTP_RTOINFO");
		}
	}
	if (cfg.hb_interval > 0) {
		struct sctp_paddrparams pp;

		memset(&pp, 0, sizeof(pp));
		pp.spp_address.ss_family = AF_INET;
		pp.spp_assoc_id = SCTP_FUTURE_ASSOC;
		pp.spp_hbinterval = (uint32_t)cfg.hb_interval;
		pp.spp_flags = SPP_HB_ENABLE;
		if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS, &pp, sizeof(pp)) < 0) {
			die("setsockopt SCTP_PEER_ADDR_PARAMS");
		}
	}
	if (cfg.pf >= 0 || cfg.path_max_retrans > 0) {
		struct mh_paddrthlds th;
		socklen_t len = (socklen_t)sizeof(th);

		/* Read the endpoint defaults first so that only the requested thresholds change. */
		memset(&th, 0, sizeof(th));
		th.spt_address.ss_family = AF_INET;
		th.spt_assoc_id = SCTP_FUTURE_ASSOC;
		if (usrsctp_getsockopt(sock, IPPROTO_SCTP, MH_SCTP_PEER_ADDR_THLDS, &th, &len) < 0) {
			die("getsockopt SCTP_PEER_ADDR_THLDS");
		}
		if (cfg.pf >= 0) {
			th.spt_pathpfthld = (uint16_t)cfg.pf;
		}
		if (cfg.path_max_retrans > 0) {
			th.spt_pathmaxrxt = (uint16_t)cfg.path_max_retrans;
		}
		th.spt_pathcpthld = 0xffff;
		th.spt_address.ss_family = AF_INET;
		th.spt_assoc_id = SCTP_FUTURE_ASSOC;
		if (usrsctp_setsockopt(sock, IPPROTO_SCTP, MH_SCTP_PEER_ADDR_THLDS, &th, sizeof(th)) < 0) {
			die("setsockopt SCTP_PEER_ADDR_THLDS");
		}
	}
	{
		struct mh_paddrthlds th;
		struct sctp_rtoinfo rto;
		socklen_t len = (socklen_t)sizeof(th);
		socklen_t rlen = (socklen_t)sizeof(rto);

		memset(&th, 0, sizeof(th));
		th.spt_address.ss_family = AF_INET;
		th.spt_assoc_id = SCTP_FUTURE_ASSOC;
		memset(&rto, 0, sizeof(rto));
		rto.srto_assoc_id = SCTP_FUTURE_ASSOC;
		if (usrsctp_getsockopt(sock, IPPROTO_SCTP, MH_SCTP_PEER_ADDR_THLDS, &th, &len) < 0) {
			die("getsockopt SCTP_PEER_ADDR_THLDS");
		}
		if (usrsctp_getsockopt(sock, IPPROTO_SCTP, SCTP_RTOINFO, &rto, &rlen) < 0) {
			die("getsockopt SCTP_RTOINFO");
		}
		event("CONFIG pf_threshold=%u path_max_retrans=%u rto_min=%u rto_initial=%u rto_max=%u",
		      th.spt_pathpfthld, th.spt_pathmaxrxt, rto.srto_min, rto.srto_initial, rto.srto_max);
	}
}

static void
bind_local(struct socket *sock, uint16_t port)
{
	int i;

	for (i = 0; i < cfg.nlocal; i++) {
		cfg.local[i].sin_port = htons(port);
	}
	if (usrsctp_bindx(sock, (struct sockaddr *)cfg.local, cfg.nlocal, SCTP_BINDX_ADD_ADDR) < 0) {
		die("usrsctp_bindx");
	}
}

/* ---- notifications ---- */

static const char *
assoc_state_name(uint16_t s)
{
	switch (s) {
	case SCTP_COMM_UP:
		return "COMM_UP";
	case SCTP_COMM_LOST:
		return "COMM_LOST";
	case SCTP_RESTART:
		return "RESTART";
	case SCTP_SHUTDOWN_COMP:
		return "SHUTDOWN_COMP";
	case SCTP_CANT_STR_ASSOC:
		return "CANT_STR_ASSOC";
	default:
		return "UNKNOWN";
	}
}

/* Returns 1 when the association ended (lost, aborted, shut down). */
static int
handle_notification(struct socket *sock, const union sctp_notification *n, size_t len, int *lost)
{
	char buf[INET6_ADDRSTRLEN];

	if (len < sizeof(n->sn_header) || n->sn_header.sn_length != len) {
		event("notification with bad length %zu", len);
		return 0;
	}
	switch (n->sn_header.sn_type) {
	case SCTP_ASSOC_CHANGE: {
		const struct sctp_assoc_change *sac = &n->sn_assoc_change;
		struct assoc_entry *a;
		uint16_t st = sac->sac_state;

		event("assoc %u %s in=%u out=%u error=%u", sac->sac_assoc_id, assoc_state_name(st),
		      sac->sac_inbound_streams, sac->sac_outbound_streams, sac->sac_error);
		pthread_mutex_lock(&assoc_lock);
		if (st == SCTP_COMM_UP || st == SCTP_RESTART) {
			assoc_get(sac->sac_assoc_id, 1);
		} else if ((a = assoc_get(sac->sac_assoc_id, 0)) != NULL) {
			if (cfg.server) {
				event("SERVER assoc=%u echoed=%ld bytes=%ld end=%s", a->id, a->echoed, a->bytes,
				      assoc_state_name(st));
			}
			free(a->buf);
			a->live = 0;
		}
		pthread_mutex_unlock(&assoc_lock);
		if (st == SCTP_COMM_UP || st == SCTP_RESTART) {
			poll_paths(sock, sac->sac_assoc_id);
			return 0;
		}
		if (st == SCTP_COMM_LOST || st == SCTP_CANT_STR_ASSOC) {
			*lost = 1;
		}
		return 1;
	}
	case SCTP_PEER_ADDR_CHANGE: {
		const struct sctp_paddr_change *spc = &n->sn_paddr_change;
		const char *state;

		switch (spc->spc_state) {
		case SCTP_ADDR_AVAILABLE:
			state = "ACTIVE";
			break;
		case SCTP_ADDR_UNREACHABLE:
			state = "INACTIVE";
			break;
		case SCTP_ADDR_CONFIRMED:
			state = "ACTIVE";
			break;
		case SCTP_ADDR_REMOVED:
			state = "REMOVED";
			break;
		case SCTP_ADDR_ADDED:
			state = "ADDED";
			break;
		case SCTP_ADDR_MADE_PRIM:
			event("path %s MADE_PRIM", addr_str((const struct sockaddr *)&spc->spc_aaddr, buf, sizeof(buf)));
			return 0;
		default:
			state = "UNKNOWN";
			break;
		}
		{
			static const char *names[] = {"?", "ADDR_AVAILABLE", "ADDR_UNREACHABLE", "ADDR_REMOVED",
			                              "ADDR_ADDED", "ADDR_MADE_PRIM", "ADDR_CONFIRMED"};
			char why[64];

			snprintf(why, sizeof(why), "notification %s error=%u",
			         spc->spc_state < 7 ? names[spc->spc_state] : "?", spc->spc_error);
			path_update(spc->spc_assoc_id, addr_str((const struct sockaddr *)&spc->spc_aaddr, buf, sizeof(buf)),
			            state, why);
		}
		return 0;
	}
	case SCTP_REMOTE_ERROR:
		event("remote-error assoc %u cause=%u", n->sn_remote_error.sre_assoc_id,
		      ntohs(n->sn_remote_error.sre_error));
		return 0;
	case SCTP_SHUTDOWN_EVENT:
		event("assoc %u SHUTDOWN_RECEIVED", n->sn_shutdown_event.sse_assoc_id);
		return 0;
	case SCTP_SEND_FAILED_EVENT:
		event("send-failed assoc %u flags=0x%x error=%u", n->sn_send_failed_event.ssfe_assoc_id,
		      n->sn_send_failed_event.ssfe_flags, n->sn_send_failed_event.ssfe_error);
		return 0;
	default:
		event("notification type %u", n->sn_header.sn_type);
		return 0;
	}
}

static void *
watchdog(void *arg)
{
	(void)arg;
	sleep((unsigned)cfg.timeout);
	event("TIMEOUT after %lds", cfg.timeout);
	_exit(4);
	return NULL;
}

/* ---- server ---- */

static void *
server_poller(void *arg)
{
	struct socket *sock = arg;

	for (;;) {
		sctp_assoc_t ids[MAX_ASSOCS];
		int i, n = 0;

		usleep(50 * 1000);
		pthread_mutex_lock(&assoc_lock);
		for (i = 0; i < MAX_ASSOCS; i++) {
			if (assocs[i].live) {
				ids[n++] = assocs[i].id;
			}
		}
		pthread_mutex_unlock(&assoc_lock);
		for (i = 0; i < n; i++) {
			poll_paths(sock, ids[i]);
		}
	}
	return NULL;
}

static int
run_server(void)
{
	struct socket *sock;
	char *buf = malloc(RECV_BUFFER);

	if (buf == NULL) {
		die("malloc");
	}
	if ((sock = usrsctp_socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP, NULL, NULL, 0, NULL)) == NULL) {
		die("usrsctp_socket");
	}
	configure(sock);
	bind_local(sock, cfg.port);
	if (usrsctp_listen(sock, 1) < 0) {
		die("usrsctp_listen");
	}
	{
		pthread_t poller;

		if (pthread_create(&poller, NULL, server_poller, sock) != 0) {
			die("pthread_create");
		}
	}
	event("READY server sctp-port=%u udp-port=%u remote-udp-port=%u", cfg.port, cfg.udp_port,
	      cfg.remote_udp_port);
	for (;;) {
		struct sockaddr_storage from;
		socklen_t fromlen = (socklen_t)sizeof(from);
		struct sctp_rcvinfo rcv;
		socklen_t infolen = (socklen_t)sizeof(rcv);
		unsigned int infotype = 0;
		int flags = 0;
		ssize_t n;

		memset(&rcv, 0, sizeof(rcv));
		n = usrsctp_recvv(sock, buf, RECV_BUFFER, (struct sockaddr *)&from, &fromlen, &rcv, &infolen,
		                  &infotype, &flags);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN) {
				continue;
			}
			die("usrsctp_recvv");
		}
		if (n == 0) {
			continue;
		}
		if (flags & MSG_NOTIFICATION) {
			int lost = 0;

			handle_notification(sock, (const union sctp_notification *)buf, (size_t)n, &lost);
			continue;
		}
		if (infotype != SCTP_RECVV_RCVINFO) {
			event("ERROR message without rcvinfo");
			continue;
		}
		{
			struct assoc_entry *a;
			struct sctp_sndinfo snd;
			size_t msglen;
			int do_abort = 0;

			pthread_mutex_lock(&assoc_lock);
			a = assoc_get(rcv.rcv_assoc_id, 1);
			if (a->len + (size_t)n > RECV_BUFFER) {
				pthread_mutex_unlock(&assoc_lock);
				event("ERROR message larger than %d bytes", RECV_BUFFER);
				exit(1);
			}
			memcpy(a->buf + a->len, buf, (size_t)n);
			a->len += (size_t)n;
			if (!(flags & MSG_EOR)) {
				pthread_mutex_unlock(&assoc_lock);
				continue;
			}
			msglen = a->len;
			a->len = 0;
			memcpy(buf, a->buf, msglen);
			pthread_mutex_unlock(&assoc_lock);

			memset(&snd, 0, sizeof(snd));
			snd.snd_sid = rcv.rcv_sid;
			snd.snd_flags = (rcv.rcv_flags & SCTP_UNORDERED) ? SCTP_UNORDERED : 0;
			snd.snd_ppid = rcv.rcv_ppid;
			snd.snd_assoc_id = rcv.rcv_assoc_id;
			if (usrsctp_sendv(sock, buf, msglen, NULL, 0, &snd, sizeof(snd), SCTP_SENDV_SNDINFO, 0) < 0) {
				event("ERROR sendv assoc %u: %s", rcv.rcv_assoc_id, strerror(errno));
				continue;
			}
			pthread_mutex_lock(&assoc_lock);
			a = assoc_get(rcv.rcv_assoc_id, 0);
			if (a != NULL) {
				a->echoed++;
				a->bytes += (long)msglen;
				do_abort = cfg.abort_after >= 0 && a->echoed == cfg.abort_after;
				if (cfg.progress > 0 && a->echoed % cfg.progress == 0) {
					event("progress assoc %u echoed=%ld", a->id, a->echoed);
				}
			}
			pthread_mutex_unlock(&assoc_lock);
			if (do_abort) {
				static const char reason[] = "mhpeer abort-after";

				memset(&snd, 0, sizeof(snd));
				snd.snd_flags = SCTP_ABORT;
				snd.snd_assoc_id = rcv.rcv_assoc_id;
				event("ABORTING assoc %u after %ld echoed messages", rcv.rcv_assoc_id, cfg.abort_after);
				if (usrsctp_sendv(sock, reason, sizeof(reason) - 1, NULL, 0, &snd, sizeof(snd),
				                  SCTP_SENDV_SNDINFO, 0) < 0) {
					event("ERROR abort assoc %u: %s", rcv.rcv_assoc_id, strerror(errno));
				}
			}
		}
	}
	return 0;
}

/* ---- client ---- */

static struct socket *csock;
static pthread_mutex_t st_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t st_cond = PTHREAD_COND_INITIALIZER;
static unsigned char *echoed_map; /* one byte per sequence number */
static long map_cap;
static long sent, echoed, mismatched, outstanding;
static long long echoed_bytes;
static double gap_start, max_gap;
static int assoc_ended, assoc_lost, aborted_by_us;
static sctp_assoc_t client_assoc; /* the one association of the one-to-one socket */

static unsigned char
pattern(uint32_t seq, long i)
{
	return (unsigned char)((seq * 7u + (uint32_t)i * 13u + 1u) & 0xffu);
}

static void
fill_message(unsigned char *m, uint32_t seq)
{
	uint32_t v;
	long i;

	v = htonl(seq);
	memcpy(m, &v, 4);
	v = htonl((uint32_t)cfg.size);
	memcpy(m + 4, &v, 4);
	for (i = HEADER_LEN; i < cfg.size; i++) {
		m[i] = pattern(seq, i);
	}
}

/* Checks one echoed message; called with st_lock held. */
static void
check_echo(const unsigned char *m, size_t len, const struct sctp_rcvinfo *rcv)
{
	uint32_t seq, size;
	long i;

	if ((long)len != cfg.size) {
		mismatched++;
		event("MISMATCH length %zu, expected %ld", len, cfg.size);
		return;
	}
	memcpy(&seq, m, 4);
	seq = ntohl(seq);
	memcpy(&size, m + 4, 4);
	size = ntohl(size);
	if ((long)seq >= sent || (long)size != cfg.size || echoed_map[seq]) {
		mismatched++;
		event("MISMATCH header seq=%u size=%u (sent %ld)", seq, size, sent);
		return;
	}
	for (i = HEADER_LEN; i < cfg.size; i++) {
		if (m[i] != pattern(seq, i)) {
			mismatched++;
			event("MISMATCH payload of message %u at byte %ld", seq, i);
			return;
		}
	}
	if (rcv->rcv_sid != (uint16_t)(seq % (uint32_t)cfg.streams) || rcv->rcv_ppid != htonl(seq) ||
	    ((rcv->rcv_flags & SCTP_UNORDERED) != 0) != (cfg.unordered != 0)) {
		mismatched++;
		event("MISMATCH message %u came back on stream %u with PPID %u and flags 0x%x", seq, rcv->rcv_sid,
		      ntohl(rcv->rcv_ppid), rcv->rcv_flags);
		return;
	}
	echoed_map[seq] = 1;
	echoed++;
	echoed_bytes += (long long)len;
	outstanding--;
	if (cfg.progress > 0 && echoed % cfg.progress == 0) {
		event("progress echoed=%ld sent=%ld", echoed, sent);
	}
	{
		double t = now_ms();

		if (t - gap_start > max_gap) {
			max_gap = t - gap_start;
		}
		gap_start = t;
	}
}

static void *
client_receiver(void *arg)
{
	unsigned char *buf = malloc(RECV_BUFFER);
	unsigned char *msg = malloc(RECV_BUFFER);
	size_t msglen = 0;

	(void)arg;
	if (buf == NULL || msg == NULL) {
		die("malloc");
	}
	for (;;) {
		struct sockaddr_storage from;
		socklen_t fromlen = (socklen_t)sizeof(from);
		struct sctp_rcvinfo rcv;
		socklen_t infolen = (socklen_t)sizeof(rcv);
		unsigned int infotype = 0;
		int flags = 0;
		ssize_t n;

		memset(&rcv, 0, sizeof(rcv));
		n = usrsctp_recvv(csock, buf, RECV_BUFFER, (struct sockaddr *)&from, &fromlen, &rcv, &infolen,
		                  &infotype, &flags);
		if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
			continue;
		}
		if (n <= 0) {
			pthread_mutex_lock(&st_lock);
			if (!assoc_ended) {
				event("receive ended: %s", n == 0 ? "end of stream" : strerror(errno));
			}
			assoc_ended = 1;
			pthread_cond_broadcast(&st_cond);
			pthread_mutex_unlock(&st_lock);
			return NULL;
		}
		if (flags & MSG_NOTIFICATION) {
			int lost = 0;
			int ended = handle_notification(csock, (const union sctp_notification *)buf, (size_t)n, &lost);

			if (ended) {
				pthread_mutex_lock(&st_lock);
				assoc_ended = 1;
				assoc_lost |= lost;
				pthread_cond_broadcast(&st_cond);
				pthread_mutex_unlock(&st_lock);
			}
			continue;
		}
		if (msglen + (size_t)n > RECV_BUFFER) {
			event("ERROR echoed message too large");
			exit(1);
		}
		memcpy(msg + msglen, buf, (size_t)n);
		msglen += (size_t)n;
		if (!(flags & MSG_EOR)) {
			continue;
		}
		pthread_mutex_lock(&st_lock);
		check_echo(msg, msglen, &rcv);
		pthread_cond_broadcast(&st_cond);
		pthread_mutex_unlock(&st_lock);
		msglen = 0;
	}
}

static void *
client_poller(void *arg)
{
	(void)arg;
	for (;;) {
		usleep(50 * 1000);
		pthread_mutex_lock(&st_lock);
		if (assoc_ended) {
			pthread_mutex_unlock(&st_lock);
			return NULL;
		}
		pthread_mutex_unlock(&st_lock);
		poll_paths(csock, client_assoc);
	}
}

static void
abort_association(void)
{
	static const char reason[] = "mhpeer abort-after";
	struct sctp_sndinfo snd;

	memset(&snd, 0, sizeof(snd));
	snd.snd_flags = SCTP_ABORT;
	event("ABORTING after %ld echoed messages", echoed);
	if (usrsctp_sendv(csock, reason, sizeof(reason) - 1, NULL, 0, &snd, sizeof(snd), SCTP_SENDV_SNDINFO, 0) < 0) {
		event("ERROR abort: %s", strerror(errno));
	}
	aborted_by_us = 1;
}

static int
run_client(void)
{
	pthread_t rx, poller;
	unsigned char *m;
	double start, end_send, deadline;
	long total;
	int i, rc;

	if ((csock = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL)) == NULL) {
		die("usrsctp_socket");
	}
	configure(csock);
	bind_local(csock, 0);
	for (i = 0; i < cfg.nremote; i++) {
		cfg.remote[i].sin_port = htons(cfg.port);
	}
	event("READY client udp-port=%u remote-udp-port=%u", cfg.udp_port, cfg.remote_udp_port);
	if (usrsctp_connectx(csock, (struct sockaddr *)cfg.remote, cfg.nremote, NULL) < 0) {
		die("usrsctp_connectx");
	}
	{
		struct sctp_status status;
		socklen_t len = (socklen_t)sizeof(status);

		memset(&status, 0, sizeof(status));
		if (usrsctp_getsockopt(csock, IPPROTO_SCTP, SCTP_STATUS, &status, &len) < 0) {
			die("getsockopt SCTP_STATUS");
		}
		client_assoc = status.sstat_assoc_id;
	}
	event("connected assoc %u", client_assoc);
	total = cfg.rate > 0 ? (long)(cfg.rate * cfg.duration) + 1 : cfg.count;
	map_cap = total;
	echoed_map = calloc((size_t)map_cap, 1);
	m = malloc((size_t)cfg.size);
	if (echoed_map == NULL || m == NULL) {
		die("malloc");
	}
	if (pthread_create(&rx, NULL, client_receiver, NULL) != 0 ||
	    pthread_create(&poller, NULL, client_poller, NULL) != 0) {
		die("pthread_create");
	}
	start = now_ms();
	gap_start = start;
	for (;;) {
		struct sctp_sndinfo snd;
		uint32_t seq;

		pthread_mutex_lock(&st_lock);
		if (cfg.abort_after >= 0 && echoed >= cfg.abort_after && !aborted_by_us) {
			pthread_mutex_unlock(&st_lock);
			abort_association();
			break;
		}
		if (assoc_ended || sent >= total) {
			pthread_mutex_unlock(&st_lock);
			break;
		}
		if (cfg.rate > 0) {
			double due = start + (double)sent * 1000.0 / cfg.rate;
			double t = now_ms();

			if (t < due) {
				pthread_mutex_unlock(&st_lock);
				usleep((useconds_t)((due - t) * 1000.0));
				continue;
			}
		} else if (outstanding >= cfg.window) {
			struct timespec ts;

			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_nsec += 100 * 1000 * 1000;
			if (ts.tv_nsec >= 1000000000) {
				ts.tv_sec++;
				ts.tv_nsec -= 1000000000;
			}
			pthread_cond_timedwait(&st_cond, &st_lock, &ts);
			pthread_mutex_unlock(&st_lock);
			continue;
		}
		seq = (uint32_t)sent;
		if (outstanding == 0) {
			gap_start = now_ms();
		}
		sent++;
		outstanding++;
		pthread_mutex_unlock(&st_lock);

		fill_message(m, seq);
		memset(&snd, 0, sizeof(snd));
		snd.snd_sid = (uint16_t)(seq % (uint32_t)cfg.streams);
		snd.snd_flags = cfg.unordered ? SCTP_UNORDERED : 0;
		snd.snd_ppid = htonl(seq);
		if (usrsctp_sendv(csock, m, (size_t)cfg.size, NULL, 0, &snd, sizeof(snd), SCTP_SENDV_SNDINFO, 0) < 0) {
			event("ERROR sendv: %s", strerror(errno));
			pthread_mutex_lock(&st_lock);
			sent--;
			outstanding--;
			pthread_mutex_unlock(&st_lock);
			break;
		}
	}
	end_send = now_ms();
	/* Wait up to 10 s for the last echoes, as jsctp's echo-client does. */
	deadline = end_send + 10000.0;
	pthread_mutex_lock(&st_lock);
	while (!aborted_by_us && !assoc_ended && echoed < sent && now_ms() < deadline) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 100 * 1000 * 1000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		pthread_cond_timedwait(&st_cond, &st_lock, &ts);
	}
	if (outstanding > 0 && now_ms() - gap_start > max_gap) {
		max_gap = now_ms() - gap_start;
	}
	{
		double secs = (now_ms() - start) / 1000.0;

		pthread_mutex_lock(&out_lock);
		printf("RESULT sent=%ld echoed=%ld mismatched=%ld bytes=%lld seconds=%.3f msgs_per_s=%.1f max_gap_ms=%.0f\n",
		       sent, echoed, mismatched, echoed_bytes, secs, secs > 0 ? (double)echoed / secs : 0.0, max_gap);
		fflush(stdout);
		pthread_mutex_unlock(&out_lock);
	}
	if (aborted_by_us) {
		rc = 0;
	} else if (assoc_lost) {
		rc = 3;
	} else {
		rc = (echoed == sent && mismatched == 0) ? 0 : 1;
	}
	{
		int ended = assoc_ended;

		pthread_mutex_unlock(&st_lock);
		if (!ended && !aborted_by_us) {
			/* Graceful shutdown started by this side; wait for SHUTDOWN_COMP. */
			if (usrsctp_shutdown(csock, SHUT_WR) < 0) {
				event("ERROR shutdown: %s", strerror(errno));
			}
			deadline = now_ms() + 10000.0;
			pthread_mutex_lock(&st_lock);
			while (!assoc_ended && now_ms() < deadline) {
				struct timespec ts;

				clock_gettime(CLOCK_REALTIME, &ts);
				ts.tv_sec += 1;
				pthread_cond_timedwait(&st_cond, &st_lock, &ts);
			}
			if (!assoc_ended) {
				event("ERROR no SHUTDOWN_COMP within 10 s");
				rc = rc == 0 ? 1 : rc;
			}
			pthread_mutex_unlock(&st_lock);
		}
	}
	event("EXIT %d", rc);
	fflush(stdout);
	_exit(rc);
}

int
main(int argc, char **argv)
{
	pthread_t wd;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	setvbuf(stdout, NULL, _IOLBF, 0);
	parse_args(argc, argv);
	usrsctp_init(cfg.udp_port, NULL, NULL);
	/* usrsctp skips CRC32c checks between equal addresses by default; always check here. */
	usrsctp_sysctl_set_sctp_no_csum_on_loopback(0);
	if (pthread_create(&wd, NULL, watchdog, NULL) != 0) {
		die("pthread_create");
	}
	return cfg.server ? run_server() : run_client();
}
