/*
 * mhpeer: a small multihomed SCTP peer on usrsctp, written for the jsctp interop tests.
 *
 * It binds one or more local IPv4 addresses with usrsctp_bindx and runs either as an echo
 * server (one-to-many socket, echoes every complete message on the same stream with the same
 * PPID and ordering flag) or as a client (one-to-one socket, connectx to one or more peer
 * addresses) that sends numbered messages and checks every echoed byte.
 *
 *   mhpeer server --local A [--local B] [--port 7] --udp-port L --remote-udp-port R [tuning]
 *                 [--abort-after N] [--progress N] [extensions]
 *                 [--reset-out-after N | --reset-in-after N | --reset-assoc-after N |
 *                  --add-streams-after N [--add-streams K]]
 *   mhpeer client --local A [--local B] --remote X [--remote Y] [--port 7] --udp-port L
 *                 --remote-udp-port R [--count N | --rate R --duration S] [--size S]
 *                 [--large-size S] [--streams K] [--unordered] [--window W] [--abort-after N]
 *                 [--progress N] [--pr-ttl MS | --pr-rtx N | --pr-prio N] [--sndbuf BYTES]
 *                 [tuning] [extensions]
 *   tuning: [--pf N] [--path-max-retrans N] [--rto-min MS] [--rto-initial MS] [--rto-max MS]
 *           [--hb-interval MS] [--timeout S]
 *   extensions: [--idata] [--scheduler fcfs|rr|rr-packet|prio|fb|default] [--reconfig]
 *               [--pd-point BYTES]
 *
 * The extensions (issue 11):
 *   --pr-ttl MS, --pr-rtx N  every message the client sends carries this PR-SCTP policy (RFC 3758,
 *                            RFC 7496) in a per-send sctp_prinfo (SCTP_SENDV_SPA)
 *   --pr-prio N              priority policy: even messages get priority 0 (the highest), odd ones
 *                            N, so that a full send buffer (see --sndbuf) makes higher ones
 *                            displace lower ones
 *   --sndbuf BYTES           SO_SNDBUF of the socket
 *   --large-size S           the client's messages on stream 0 have S bytes, the others --size
 *   --idata                  SCTP_FRAGMENT_INTERLEAVE 2 and SCTP_INTERLEAVING_SUPPORTED (RFC 8260)
 *   --scheduler NAME         SCTP_PLUGGABLE_SS for the associations set up later
 *   --pd-point BYTES         SCTP_PARTIAL_DELIVERY_POINT: a message is handed over in pieces once
 *                            this much of it is there (usrsctp's default is half the receive
 *                            buffer; see docs/interop.md for why the I-DATA cases lower it)
 *   --reconfig               the sysctl sctp_reconfig_enable, SCTP_RECONFIG_SUPPORTED and
 *                            SCTP_ENABLE_STREAM_RESET with every request of the peer allowed
 *   --reset-out-after N      (server, with --reconfig) after N echoes on an association, resets all
 *                            its outgoing streams (SCTP_RESET_STREAMS, SCTP_STREAM_RESET_OUTGOING)
 *   --reset-in-after N       the same, asking the peer to reset its outgoing streams (INCOMING)
 *   --reset-assoc-after N    the same, resetting both TSNs and every SSN (SCTP_RESET_ASSOC, an
 *                            SSN/TSN Reset Request); usrsctp refuses it with EBUSY while data of
 *                            the association is queued or unacknowledged, so it is tried again
 *                            every 10 ms for up to 10 s
 *   --add-streams-after N    the same, adding K streams each way (SCTP_ADD_STREAMS; --add-streams
 *                            K, default 2)
 * With a PR-SCTP policy the client counts a message reported in an SCTP_SEND_FAILED_EVENT (found by
 * its PPID, the message number) as abandoned, stops waiting for it, and counts an echo that comes
 * all the same as echoed; before its RESULT line it prints the association's SCTP_PR_ASSOC_STATUS
 * and the sum of SCTP_PR_STREAM_STATUS over its streams. Pieces of messages are joined per
 * association, stream and ordering, so that interleaved messages (I-DATA) are reassembled.
 *
 * Output, one line per event with milliseconds since start (stdout, line-buffered):
 *   +123ms READY ...
 *   +130ms assoc 3 COMM_UP in=10 out=10
 *   +4567ms path 10.201.1.2 ACTIVE -> INACTIVE (notification ADDR_UNREACHABLE)
 *   +4600ms path 10.201.1.2 ACTIVE -> PF (poll)            <- only if usrsctp reports it
 *   RESULT sent=N echoed=N mismatched=N bytes=B seconds=S msgs_per_s=X max_gap_ms=G
 *          [abandoned=N]                                  <- with a PR-SCTP policy
 *   PR-STATUS abandoned_unsent=U abandoned_sent=S streams_unsent=U streams_sent=S reported=R
 *   +800ms stream-reset assoc 3 flags=OUTGOING streams=all
 *   +900ms stream-change assoc 3 in=6 out=6 flags=
 *   +900ms progress echoed=100 ...                         <- every N echoes with --progress N
 * The RESULT line (client only) follows jsctp's echo-client. The server prints one
 * "SERVER assoc=ID echoed=N bytes=B end=REASON" line when an association ends.
 * Both print the first 10 SCTP_SEND_FAILED_EVENTs as "send-failed" lines (a PR-SCTP run has many).
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

/*
 * Option numbers and values that usrsctp 0.9.5 implements but does not put in usrsctp.h, taken
 * from its netinet/sctp.h and netinet/sctp_uio.h: SCTP_INTERLEAVING_SUPPORTED takes a struct
 * sctp_assoc_value and needs SCTP_FRAGMENT_INTERLEAVE 2 first; SCTP_PR_SCTP_ALL asks
 * SCTP_PR_ASSOC_STATUS and SCTP_PR_STREAM_STATUS for the counters of every policy together (the
 * only value SCTP_PR_STREAM_STATUS accepts in a build without SCTP_DETAILED_STR_STATS).
 */
#define MH_SCTP_INTERLEAVING_SUPPORTED 0x00001206
#define MH_SCTP_PR_SCTP_ALL 0x000f

#define MAX_ADDRS 4
#define MAX_ASSOCS 32
#define MAX_PATHS 8
#define MAX_SLOTS 64
#define MAX_SEND_FAILED_LINES 10
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
	long large_size;
	int pr_policy;
	long pr_value;
	long sndbuf;
	int idata;
	int scheduler;
	int reconfig;
	long reset_out_after;
	long reset_in_after;
	long reset_assoc_after;
	long add_streams_after;
	long add_streams;
	long pd_point;
};

static struct config cfg = {
	.port = 7, .count = 100, .size = 1000, .streams = 1, .window = 16, .abort_after = -1,
	.pf = -1, .path_max_retrans = -1, .rto_min = -1, .rto_initial = -1, .rto_max = -1,
	.hb_interval = -1, .timeout = 120, .pr_policy = SCTP_PR_SCTP_NONE, .sndbuf = -1,
	.scheduler = -1, .reset_out_after = -1, .reset_in_after = -1, .reset_assoc_after = -1,
	.add_streams_after = -1,
	.add_streams = 2, .pd_point = -1,
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
set_pr_policy(int policy, long value)
{
	if (cfg.pr_policy != SCTP_PR_SCTP_NONE) {
		usage("--pr-ttl, --pr-rtx and --pr-prio exclude each other");
	}
	cfg.pr_policy = policy;
	cfg.pr_value = value;
}

/* The usrsctp stream schedulers (SCTP_PLUGGABLE_SS) under the names of jsctp's echo tools. */
static int
parse_scheduler(const char *name)
{
	static const struct {
		const char *name;
		int value;
	} names[] = {
		{"default", SCTP_SS_DEFAULT}, {"rr", SCTP_SS_ROUND_ROBIN},
		{"rr-packet", SCTP_SS_ROUND_ROBIN_PACKET}, {"prio", SCTP_SS_PRIORITY},
		{"fb", SCTP_SS_FAIR_BANDWITH}, {"fcfs", SCTP_SS_FIRST_COME},
	};
	unsigned i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(name, names[i].name) == 0) {
			return names[i].value;
		}
	}
	usage("--scheduler must be one of default, rr, rr-packet, prio, fb, fcfs");
	return -1;
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
		if (strcmp(opt, "--idata") == 0) {
			cfg.idata = 1;
			continue;
		}
		if (strcmp(opt, "--reconfig") == 0) {
			cfg.reconfig = 1;
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
		} else if (strcmp(opt, "--large-size") == 0) {
			cfg.large_size = parse_long(opt, val, HEADER_LEN, RECV_BUFFER / 2);
		} else if (strcmp(opt, "--pr-ttl") == 0) {
			set_pr_policy(SCTP_PR_SCTP_TTL, parse_long(opt, val, 1, 0x7fffffff));
		} else if (strcmp(opt, "--pr-rtx") == 0) {
			set_pr_policy(SCTP_PR_SCTP_RTX, parse_long(opt, val, 0, 0x7fffffff));
		} else if (strcmp(opt, "--pr-prio") == 0) {
			/* usrsctp.h names RFC 7496's priority policy SCTP_PR_SCTP_BUF (sctp_uio.h: PRIO). */
			set_pr_policy(SCTP_PR_SCTP_BUF, parse_long(opt, val, 1, 0x7fffffff));
		} else if (strcmp(opt, "--sndbuf") == 0) {
			cfg.sndbuf = parse_long(opt, val, 1024, 64 * 1024 * 1024);
		} else if (strcmp(opt, "--scheduler") == 0) {
			cfg.scheduler = parse_scheduler(val);
		} else if (strcmp(opt, "--reset-out-after") == 0) {
			cfg.reset_out_after = parse_long(opt, val, 1, 100000000);
		} else if (strcmp(opt, "--reset-in-after") == 0) {
			cfg.reset_in_after = parse_long(opt, val, 1, 100000000);
		} else if (strcmp(opt, "--reset-assoc-after") == 0) {
			cfg.reset_assoc_after = parse_long(opt, val, 1, 100000000);
		} else if (strcmp(opt, "--add-streams-after") == 0) {
			cfg.add_streams_after = parse_long(opt, val, 1, 100000000);
		} else if (strcmp(opt, "--pd-point") == 0) {
			cfg.pd_point = parse_long(opt, val, 1, RECV_BUFFER);
		} else if (strcmp(opt, "--add-streams") == 0) {
			cfg.add_streams = parse_long(opt, val, 1, 100);
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
	if (cfg.server && (cfg.pr_policy != SCTP_PR_SCTP_NONE || cfg.large_size > 0)) {
		usage("--pr-ttl, --pr-rtx, --pr-prio and --large-size are for the client");
	}
	if ((cfg.reset_out_after > 0) + (cfg.reset_in_after > 0) + (cfg.reset_assoc_after > 0) +
	    (cfg.add_streams_after > 0) > 1) {
		usage("--reset-out-after, --reset-in-after, --reset-assoc-after and --add-streams-after exclude each other");
	}
	if ((cfg.reset_out_after > 0 || cfg.reset_in_after > 0 || cfg.reset_assoc_after > 0 ||
	     cfg.add_streams_after > 0) &&
	    (!cfg.server || !cfg.reconfig)) {
		usage("--reset-out-after, --reset-in-after, --reset-assoc-after and --add-streams-after are for the server,"
		      " with --reconfig");
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
	int reconfigured; /* the --reset-*-after / --add-streams-after action was taken */
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
	return &assocs[free_slot];
}

/*
 * ---- reassembly of messages delivered in pieces ----
 *
 * One slot per association, stream and ordering: with SCTP_FRAGMENT_INTERLEAVE 2 (I-DATA) pieces
 * of messages of different streams come in turns. Used by the receiving thread only.
 */

struct piece_slot {
	int used;
	sctp_assoc_t assoc;
	uint16_t sid;
	int unordered;
	unsigned char *buf;
	size_t len;
};

static struct piece_slot slots[MAX_SLOTS];

static struct piece_slot *
slot_get(sctp_assoc_t assoc, uint16_t sid, int unordered)
{
	int i, free_slot = -1;

	for (i = 0; i < MAX_SLOTS; i++) {
		if (slots[i].used && slots[i].assoc == assoc && slots[i].sid == sid &&
		    slots[i].unordered == unordered) {
			return &slots[i];
		}
		if (!slots[i].used && free_slot < 0) {
			free_slot = i;
		}
	}
	if (free_slot < 0) {
		event("ERROR more than %d messages in pieces at once", MAX_SLOTS);
		exit(1);
	}
	if (slots[free_slot].buf == NULL && (slots[free_slot].buf = malloc(RECV_BUFFER)) == NULL) {
		die("malloc");
	}
	slots[free_slot].used = 1;
	slots[free_slot].assoc = assoc;
	slots[free_slot].sid = sid;
	slots[free_slot].unordered = unordered;
	slots[free_slot].len = 0;
	return &slots[free_slot];
}

/*
 * Adds a piece; answers the whole message (valid until the next call) and its length once the
 * piece ends it (MSG_EOR), else NULL.
 */
static const unsigned char *
slot_add(const struct sctp_rcvinfo *rcv, const void *piece, size_t n, int eor, size_t *msglen)
{
	struct piece_slot *sl = slot_get(rcv->rcv_assoc_id, rcv->rcv_sid, (rcv->rcv_flags & SCTP_UNORDERED) != 0);

	if (sl->len + n > RECV_BUFFER) {
		event("ERROR message larger than %d bytes", RECV_BUFFER);
		exit(1);
	}
	memcpy(sl->buf + sl->len, piece, n);
	sl->len += n;
	if (!eor) {
		return NULL;
	}
	sl->used = 0;
	*msglen = sl->len;
	return sl->buf;
}

/* Drops what came of unfinished messages of one stream (sid >= 0) or of every stream (sid < 0). */
static void
slots_drop(sctp_assoc_t assoc, int sid)
{
	int i;

	for (i = 0; i < MAX_SLOTS; i++) {
		if (slots[i].used && slots[i].assoc == assoc && (sid < 0 || slots[i].sid == sid)) {
			slots[i].used = 0;
		}
	}
}

/* ---- configuration of the socket ---- */

static void
set_assoc_value(struct socket *sock, int option, const char *name, uint32_t value)
{
	struct sctp_assoc_value av;

	memset(&av, 0, sizeof(av));
	av.assoc_id = SCTP_FUTURE_ASSOC;
	av.assoc_value = value;
	if (usrsctp_setsockopt(sock, IPPROTO_SCTP, option, &av, sizeof(av)) < 0) {
		die(name);
	}
}

static uint32_t
get_assoc_value(struct socket *sock, int option, const char *name)
{
	struct sctp_assoc_value av;
	socklen_t len = (socklen_t)sizeof(av);

	memset(&av, 0, sizeof(av));
	av.assoc_id = SCTP_FUTURE_ASSOC;
	if (usrsctp_getsockopt(sock, IPPROTO_SCTP, option, &av, &len) < 0) {
		die(name);
	}
	return av.assoc_value;
}

/* The SCTP extensions of issue 11, for the associations set up later; prints what is set. */
static void
configure_extensions(struct socket *sock)
{
	if (cfg.sndbuf > 0) {
		int v = (int)cfg.sndbuf;

		if (usrsctp_setsockopt(sock, SOL_SOCKET, SO_SNDBUF, &v, sizeof(v)) < 0) {
			die("setsockopt SO_SNDBUF");
		}
	}
	if (cfg.idata) {
		/* RFC 6458 section 8.1.20 level 2 first: usrsctp refuses I-DATA without it. */
		uint32_t level = 2;

		if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_FRAGMENT_INTERLEAVE, &level, sizeof(level)) < 0) {
			die("setsockopt SCTP_FRAGMENT_INTERLEAVE");
		}
		set_assoc_value(sock, MH_SCTP_INTERLEAVING_SUPPORTED, "setsockopt SCTP_INTERLEAVING_SUPPORTED", 1);
	}
	if (cfg.pd_point > 0) {
		uint32_t point = (uint32_t)cfg.pd_point;

		if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_PARTIAL_DELIVERY_POINT, &point, sizeof(point)) < 0) {
			die("setsockopt SCTP_PARTIAL_DELIVERY_POINT");
		}
	}
	if (cfg.scheduler >= 0) {
		set_assoc_value(sock, SCTP_PLUGGABLE_SS, "setsockopt SCTP_PLUGGABLE_SS", (uint32_t)cfg.scheduler);
	}
	if (cfg.reconfig) {
		set_assoc_value(sock, SCTP_RECONFIG_SUPPORTED, "setsockopt SCTP_RECONFIG_SUPPORTED", 1);
		set_assoc_value(sock, SCTP_ENABLE_STREAM_RESET, "setsockopt SCTP_ENABLE_STREAM_RESET",
		                SCTP_ENABLE_RESET_STREAM_REQ | SCTP_ENABLE_RESET_ASSOC_REQ |
		                SCTP_ENABLE_CHANGE_ASSOC_REQ);
	}
	if (cfg.pr_policy != SCTP_PR_SCTP_NONE) {
		set_assoc_value(sock, SCTP_PR_SUPPORTED, "setsockopt SCTP_PR_SUPPORTED", 1);
	}
	event("CONFIG pr_supported=%u interleaving_supported=%u reconfig_supported=%u enable_stream_reset=0x%x"
	      " scheduler=%u",
	      get_assoc_value(sock, SCTP_PR_SUPPORTED, "getsockopt SCTP_PR_SUPPORTED"),
	      get_assoc_value(sock, MH_SCTP_INTERLEAVING_SUPPORTED, "getsockopt SCTP_INTERLEAVING_SUPPORTED"),
	      get_assoc_value(sock, SCTP_RECONFIG_SUPPORTED, "getsockopt SCTP_RECONFIG_SUPPORTED"),
	      get_assoc_value(sock, SCTP_ENABLE_STREAM_RESET, "getsockopt SCTP_ENABLE_STREAM_RESET"),
	      get_assoc_value(sock, SCTP_PLUGGABLE_SS, "getsockopt SCTP_PLUGGABLE_SS"));
}

static void
configure(struct socket *sock)
{
	const int on = 1;
	uint16_t types[] = {SCTP_ASSOC_CHANGE, SCTP_PEER_ADDR_CHANGE, SCTP_REMOTE_ERROR,
	                    SCTP_SHUTDOWN_EVENT, SCTP_SEND_FAILED_EVENT, SCTP_PARTIAL_DELIVERY_EVENT,
	                    SCTP_STREAM_RESET_EVENT, SCTP_ASSOC_RESET_EVENT, SCTP_STREAM_CHANGE_EVENT};
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
	configure_extensions(sock);
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

static void client_send_failed(const struct sctp_send_failed_event *f);

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
			a->live = 0;
		}
		pthread_mutex_unlock(&assoc_lock);
		slots_drop(sac->sac_assoc_id, -1);
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
	case SCTP_SEND_FAILED_EVENT: {
		static long seen;
		const struct sctp_send_failed_event *f = &n->sn_send_failed_event;

		if (++seen <= MAX_SEND_FAILED_LINES) {
			event("send-failed assoc %u flags=0x%x error=%u stream=%u ppid=%u%s", f->ssfe_assoc_id,
			      f->ssfe_flags, f->ssfe_error, f->ssfe_info.snd_sid, ntohl(f->ssfe_info.snd_ppid),
			      seen == MAX_SEND_FAILED_LINES ? " (no more of these lines)" : "");
		}
		if (!cfg.server) {
			client_send_failed(f);
		}
		return 0;
	}
	case SCTP_PARTIAL_DELIVERY_EVENT: {
		const struct sctp_pdapi_event *pd = &n->sn_pdapi_event;

		event("partial-delivery assoc %u stream=%u seq=%u indication=%u%s", pd->pdapi_assoc_id,
		      pd->pdapi_stream, pd->pdapi_seq, pd->pdapi_indication,
		      pd->pdapi_indication == SCTP_PARTIAL_DELIVERY_ABORTED ? " ABORTED" : "");
		if (pd->pdapi_indication == SCTP_PARTIAL_DELIVERY_ABORTED) {
			slots_drop(pd->pdapi_assoc_id, (int)pd->pdapi_stream);
		}
		return 0;
	}
	case SCTP_STREAM_RESET_EVENT: {
		const struct sctp_stream_reset_event *r = &n->sn_strreset_event;
		size_t count = (len - sizeof(*r)) / sizeof(uint16_t);
		char list[128];
		size_t i, off = 0;

		list[0] = '\0';
		for (i = 0; i < count && off + 8 < sizeof(list); i++) {
			off += (size_t)snprintf(list + off, sizeof(list) - off, "%s%u", i ? "," : "",
			                        r->strreset_stream_list[i]);
		}
		event("stream-reset assoc %u flags=%s%s%s%s streams=%s", r->strreset_assoc_id,
		      (r->strreset_flags & SCTP_STREAM_RESET_INCOMING_SSN) ? "INCOMING " : "",
		      (r->strreset_flags & SCTP_STREAM_RESET_OUTGOING_SSN) ? "OUTGOING " : "",
		      (r->strreset_flags & SCTP_STREAM_RESET_DENIED) ? "DENIED " : "",
		      (r->strreset_flags & SCTP_STREAM_RESET_FAILED) ? "FAILED " : "",
		      count == 0 ? "all" : list);
		return 0;
	}
	case SCTP_ASSOC_RESET_EVENT: {
		const struct sctp_assoc_reset_event *r = &n->sn_assocreset_event;

		event("assoc-reset assoc %u flags=%s%slocal_tsn=%u remote_tsn=%u", r->assocreset_assoc_id,
		      (r->assocreset_flags & SCTP_ASSOC_RESET_DENIED) ? "DENIED " : "",
		      (r->assocreset_flags & SCTP_ASSOC_RESET_FAILED) ? "FAILED " : "", r->assocreset_local_tsn,
		      r->assocreset_remote_tsn);
		return 0;
	}
	case SCTP_STREAM_CHANGE_EVENT: {
		const struct sctp_stream_change_event *c = &n->sn_strchange_event;

		event("stream-change assoc %u in=%u out=%u flags=%s%s", c->strchange_assoc_id,
		      c->strchange_instrms, c->strchange_outstrms,
		      (c->strchange_flags & SCTP_STREAM_CHANGE_DENIED) ? "DENIED " : "",
		      (c->strchange_flags & SCTP_STREAM_CHANGE_FAILED) ? "FAILED " : "");
		return 0;
	}
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

/*
 * Sends an echo. usrsctp refuses a send on a stream whose reset is pending (RFC 6525: no new
 * data on it until the reset is done) with EAGAIN instead of queueing it, even on a blocking
 * socket; the reset completes on usrsctp's own threads, so the echo is tried again for up to 10 s.
 */
static int
echo_send(struct socket *sock, const void *msg, size_t len, const struct sctp_sndinfo *snd)
{
	int tries;

	for (tries = 0;; tries++) {
		if (usrsctp_sendv(sock, msg, len, NULL, 0, (void *)snd, sizeof(*snd), SCTP_SENDV_SNDINFO, 0) >= 0) {
			return 0;
		}
		if (errno != EAGAIN || tries == 1000) {
			return -1;
		}
		if (tries == 0) {
			event("sendv assoc %u stream %u: EAGAIN (a stream reset is pending), trying again",
			      snd->snd_assoc_id, snd->snd_sid);
		}
		usleep(10 * 1000);
	}
}

/* Whether the --reset-*-after / --add-streams-after action is due after this many echoes. */
static int
reconfig_due(long echoed_so_far)
{
	return echoed_so_far == cfg.reset_out_after || echoed_so_far == cfg.reset_in_after ||
	       echoed_so_far == cfg.reset_assoc_after || echoed_so_far == cfg.add_streams_after;
}

/*
 * Resets the association's TSNs and SSNs (RFC 6525 section 5.1.4). usrsctp refuses with EBUSY
 * while data of the association is queued or unacknowledged: the last echo waits for the peer's
 * SACK, which comes on usrsctp's own threads.
 */
static void
reset_association(struct socket *sock, sctp_assoc_t assoc)
{
	int tries;

	event("RECONFIG assoc %u SCTP_RESET_ASSOC", assoc);
	for (tries = 0;; tries++) {
		if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_RESET_ASSOC, &assoc, sizeof(assoc)) == 0) {
			return;
		}
		if (errno != EBUSY || tries == 1000) {
			event("ERROR setsockopt SCTP_RESET_ASSOC: %s", strerror(errno));
			return;
		}
		usleep(10 * 1000);
	}
}

/*
 * The --reset-*-after / --add-streams-after action (RFC 6525): resets all outgoing or incoming
 * streams of the association, or the association, or adds streams.
 */
static void
reconfigure(struct socket *sock, sctp_assoc_t assoc)
{
	if (cfg.reset_assoc_after > 0) {
		reset_association(sock, assoc);
	} else if (cfg.add_streams_after > 0) {
		struct sctp_add_streams add;

		memset(&add, 0, sizeof(add));
		add.sas_assoc_id = assoc;
		add.sas_instrms = (uint16_t)cfg.add_streams;
		add.sas_outstrms = (uint16_t)cfg.add_streams;
		event("RECONFIG assoc %u SCTP_ADD_STREAMS in=%u out=%u", assoc, add.sas_instrms, add.sas_outstrms);
		if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_ADD_STREAMS, &add, sizeof(add)) < 0) {
			event("ERROR setsockopt SCTP_ADD_STREAMS: %s", strerror(errno));
		}
	} else {
		struct sctp_reset_streams reset;
		int out = cfg.reset_out_after > 0;

		/* No stream list: every stream (srs_number_streams 0). */
		memset(&reset, 0, sizeof(reset));
		reset.srs_assoc_id = assoc;
		reset.srs_flags = out ? SCTP_STREAM_RESET_OUTGOING : SCTP_STREAM_RESET_INCOMING;
		event("RECONFIG assoc %u SCTP_RESET_STREAMS %s all", assoc, out ? "OUTGOING" : "INCOMING");
		if (usrsctp_setsockopt(sock, IPPROTO_SCTP, SCTP_RESET_STREAMS, &reset, sizeof(reset)) < 0) {
			event("ERROR setsockopt SCTP_RESET_STREAMS: %s", strerror(errno));
		}
	}
}

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
			size_t msglen = 0;
			int do_abort = 0;
			int do_reconfig = 0;
			const unsigned char *msg = slot_add(&rcv, buf, (size_t)n, (flags & MSG_EOR) != 0, &msglen);

			if (msg == NULL) {
				continue;
			}
			pthread_mutex_lock(&assoc_lock);
			assoc_get(rcv.rcv_assoc_id, 1);
			pthread_mutex_unlock(&assoc_lock);

			memset(&snd, 0, sizeof(snd));
			snd.snd_sid = rcv.rcv_sid;
			snd.snd_flags = (rcv.rcv_flags & SCTP_UNORDERED) ? SCTP_UNORDERED : 0;
			snd.snd_ppid = rcv.rcv_ppid;
			snd.snd_assoc_id = rcv.rcv_assoc_id;
			if (echo_send(sock, msg, msglen, &snd) < 0) {
				event("ERROR sendv assoc %u stream %u: %s", rcv.rcv_assoc_id, rcv.rcv_sid, strerror(errno));
				continue;
			}
			pthread_mutex_lock(&assoc_lock);
			a = assoc_get(rcv.rcv_assoc_id, 0);
			if (a != NULL) {
				a->echoed++;
				a->bytes += (long)msglen;
				do_abort = cfg.abort_after >= 0 && a->echoed == cfg.abort_after;
				if (!a->reconfigured && reconfig_due(a->echoed)) {
					a->reconfigured = 1;
					do_reconfig = 1;
				}
				if (cfg.progress > 0 && a->echoed % cfg.progress == 0) {
					event("progress assoc %u echoed=%ld", a->id, a->echoed);
				}
			}
			pthread_mutex_unlock(&assoc_lock);
			if (do_reconfig) {
				reconfigure(sock, rcv.rcv_assoc_id);
			}
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
/* One byte per sequence number: what became of the message. */
#define MSG_ECHOED 0x01
#define MSG_ABANDONED 0x02 /* reported in an SCTP_SEND_FAILED_EVENT */
static unsigned char *msg_state;
static long map_cap;
static long sent, echoed, mismatched, outstanding;
static long abandoned; /* reported abandoned and not echoed */
static long reported;  /* distinct messages reported in SCTP_SEND_FAILED_EVENTs */
static long long echoed_bytes;
static double gap_start, max_gap;
static int assoc_ended, assoc_lost, aborted_by_us;
static sctp_assoc_t client_assoc; /* the one association of the one-to-one socket */

static unsigned char
pattern(uint32_t seq, long i)
{
	return (unsigned char)((seq * 7u + (uint32_t)i * 13u + 1u) & 0xffu);
}

static uint16_t
stream_of(uint32_t seq)
{
	return (uint16_t)(seq % (uint32_t)cfg.streams);
}

/* Messages on stream 0 have --large-size bytes when it is given. */
static long
size_of(uint32_t seq)
{
	return (cfg.large_size > 0 && stream_of(seq) == 0) ? cfg.large_size : cfg.size;
}

static void
fill_message(unsigned char *m, uint32_t seq)
{
	uint32_t v;
	long i, size = size_of(seq);

	v = htonl(seq);
	memcpy(m, &v, 4);
	v = htonl((uint32_t)size);
	memcpy(m + 4, &v, 4);
	for (i = HEADER_LEN; i < size; i++) {
		m[i] = pattern(seq, i);
	}
}

/* Checks one echoed message; called with st_lock held. */
static void
check_echo(const unsigned char *m, size_t len, const struct sctp_rcvinfo *rcv)
{
	uint32_t seq, size;
	long i;

	if (len < HEADER_LEN) {
		mismatched++;
		event("MISMATCH length %zu", len);
		return;
	}
	memcpy(&seq, m, 4);
	seq = ntohl(seq);
	memcpy(&size, m + 4, 4);
	size = ntohl(size);
	if ((long)seq >= sent || (long)size != size_of(seq) || (long)len != size_of(seq) ||
	    (msg_state[seq] & MSG_ECHOED)) {
		mismatched++;
		event("MISMATCH header seq=%u size=%u length %zu (sent %ld)", seq, size, len, sent);
		return;
	}
	for (i = HEADER_LEN; i < (long)len; i++) {
		if (m[i] != pattern(seq, i)) {
			mismatched++;
			event("MISMATCH payload of message %u at byte %ld", seq, i);
			return;
		}
	}
	if (rcv->rcv_sid != stream_of(seq) || rcv->rcv_ppid != htonl(seq) ||
	    ((rcv->rcv_flags & SCTP_UNORDERED) != 0) != (cfg.unordered != 0)) {
		mismatched++;
		event("MISMATCH message %u came back on stream %u with PPID %u and flags 0x%x", seq, rcv->rcv_sid,
		      ntohl(rcv->rcv_ppid), rcv->rcv_flags);
		return;
	}
	if (msg_state[seq] & MSG_ABANDONED) {
		/* Abandoned after the peer had it whole: it counts as echoed, and no longer as abandoned. */
		abandoned--;
	} else {
		outstanding--;
	}
	msg_state[seq] |= MSG_ECHOED;
	echoed++;
	echoed_bytes += (long long)len;
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

/*
 * A message (or one chunk of it) the stack gave up on: with a PR-SCTP policy it was abandoned
 * and is no longer awaited. The PPID is the message number.
 */
static void
client_send_failed(const struct sctp_send_failed_event *f)
{
	uint32_t seq = ntohl(f->ssfe_info.snd_ppid);

	if (cfg.pr_policy == SCTP_PR_SCTP_NONE) {
		return;
	}
	pthread_mutex_lock(&st_lock);
	if ((long)seq >= sent) {
		mismatched++;
		event("MISMATCH send-failed for message %u, only %ld sent", seq, sent);
	} else if (!(msg_state[seq] & MSG_ABANDONED)) {
		msg_state[seq] |= MSG_ABANDONED;
		reported++;
		if (!(msg_state[seq] & MSG_ECHOED)) {
			abandoned++;
			outstanding--;
		}
	}
	pthread_cond_broadcast(&st_cond);
	pthread_mutex_unlock(&st_lock);
}

static void *
client_receiver(void *arg)
{
	unsigned char *buf = malloc(RECV_BUFFER);

	(void)arg;
	if (buf == NULL) {
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
		size_t msglen = 0;
		const unsigned char *msg;

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
		if ((msg = slot_add(&rcv, buf, (size_t)n, (flags & MSG_EOR) != 0, &msglen)) == NULL) {
			continue;
		}
		pthread_mutex_lock(&st_lock);
		check_echo(msg, msglen, &rcv);
		pthread_cond_broadcast(&st_cond);
		pthread_mutex_unlock(&st_lock);
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

/*
 * Prints the association's SCTP_PR_ASSOC_STATUS, the sum of SCTP_PR_STREAM_STATUS over its
 * outgoing streams, and how many messages SCTP_SEND_FAILED_EVENTs reported; called with st_lock
 * held. Answers whether the counters could be read.
 */
static int
print_pr_status(void)
{
	struct sctp_prstatus ps;
	struct sctp_status status;
	socklen_t len = (socklen_t)sizeof(ps);
	socklen_t slen = (socklen_t)sizeof(status);
	uint64_t assoc_unsent, assoc_sent, streams_unsent = 0, streams_sent = 0;
	uint16_t sid;

	memset(&ps, 0, sizeof(ps));
	ps.sprstat_assoc_id = client_assoc;
	ps.sprstat_policy = MH_SCTP_PR_SCTP_ALL;
	memset(&status, 0, sizeof(status));
	if (usrsctp_getsockopt(csock, IPPROTO_SCTP, SCTP_PR_ASSOC_STATUS, &ps, &len) < 0 ||
	    usrsctp_getsockopt(csock, IPPROTO_SCTP, SCTP_STATUS, &status, &slen) < 0) {
		event("ERROR getsockopt SCTP_PR_ASSOC_STATUS: %s", strerror(errno));
		return 0;
	}
	assoc_unsent = ps.sprstat_abandoned_unsent;
	assoc_sent = ps.sprstat_abandoned_sent;
	for (sid = 0; sid < status.sstat_outstrms; sid++) {
		memset(&ps, 0, sizeof(ps));
		ps.sprstat_assoc_id = client_assoc;
		ps.sprstat_sid = sid;
		ps.sprstat_policy = MH_SCTP_PR_SCTP_ALL;
		len = (socklen_t)sizeof(ps);
		if (usrsctp_getsockopt(csock, IPPROTO_SCTP, SCTP_PR_STREAM_STATUS, &ps, &len) < 0) {
			event("ERROR getsockopt SCTP_PR_STREAM_STATUS stream %u: %s", sid, strerror(errno));
			return 0;
		}
		streams_unsent += ps.sprstat_abandoned_unsent;
		streams_sent += ps.sprstat_abandoned_sent;
	}
	pthread_mutex_lock(&out_lock);
	printf("PR-STATUS abandoned_unsent=%" PRIu64 " abandoned_sent=%" PRIu64 " streams_unsent=%" PRIu64
	       " streams_sent=%" PRIu64 " reported=%ld\n",
	       assoc_unsent, assoc_sent, streams_unsent, streams_sent, reported);
	fflush(stdout);
	pthread_mutex_unlock(&out_lock);
	return 1;
}

static int
run_client(void)
{
	pthread_t rx, poller;
	unsigned char *m;
	double start, end_send, deadline;
	long total;
	int i, rc, pr_status_ok;

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
	msg_state = calloc((size_t)map_cap, 1);
	m = malloc((size_t)(cfg.large_size > cfg.size ? cfg.large_size : cfg.size));
	if (msg_state == NULL || m == NULL) {
		die("malloc");
	}
	if (pthread_create(&rx, NULL, client_receiver, NULL) != 0 ||
	    pthread_create(&poller, NULL, client_poller, NULL) != 0) {
		die("pthread_create");
	}
	start = now_ms();
	gap_start = start;
	for (;;) {
		struct sctp_sendv_spa spa;
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
		memset(&spa, 0, sizeof(spa));
		spa.sendv_flags = SCTP_SEND_SNDINFO_VALID;
		spa.sendv_sndinfo.snd_sid = stream_of(seq);
		spa.sendv_sndinfo.snd_flags = cfg.unordered ? SCTP_UNORDERED : 0;
		spa.sendv_sndinfo.snd_ppid = htonl(seq);
		if (cfg.pr_policy != SCTP_PR_SCTP_NONE) {
			spa.sendv_flags |= SCTP_SEND_PRINFO_VALID;
			spa.sendv_prinfo.pr_policy = (uint16_t)cfg.pr_policy;
			/* Priority policy: every other message at the highest priority. */
			spa.sendv_prinfo.pr_value = (cfg.pr_policy == SCTP_PR_SCTP_BUF && seq % 2 == 0) ? 0 : (uint32_t)cfg.pr_value;
		}
		if (usrsctp_sendv(csock, m, (size_t)size_of(seq), NULL, 0, &spa, sizeof(spa), SCTP_SENDV_SPA, 0) < 0) {
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
	while (!aborted_by_us && !assoc_ended && echoed + abandoned < sent && now_ms() < deadline) {
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
	/* The counters only exist while the association does, so before the shutdown. */
	pr_status_ok = cfg.pr_policy == SCTP_PR_SCTP_NONE || (!assoc_ended && print_pr_status());
	{
		double secs = (now_ms() - start) / 1000.0;
		char extra[48] = "";

		if (cfg.pr_policy != SCTP_PR_SCTP_NONE) {
			snprintf(extra, sizeof(extra), " abandoned=%ld", abandoned);
		}
		pthread_mutex_lock(&out_lock);
		printf("RESULT sent=%ld echoed=%ld mismatched=%ld bytes=%lld seconds=%.3f msgs_per_s=%.1f max_gap_ms=%.0f%s\n",
		       sent, echoed, mismatched, echoed_bytes, secs, secs > 0 ? (double)echoed / secs : 0.0, max_gap,
		       extra);
		fflush(stdout);
		pthread_mutex_unlock(&out_lock);
	}
	if (aborted_by_us) {
		rc = 0;
	} else if (assoc_lost) {
		rc = 3;
	} else {
		rc = (echoed + abandoned == sent && mismatched == 0 && pr_status_ok) ? 0 : 1;
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
	if (cfg.reconfig) {
		usrsctp_sysctl_set_sctp_reconfig_enable(1);
	}
	if (pthread_create(&wd, NULL, watchdog, NULL) != 0) {
		die("pthread_create");
	}
	return cfg.server ? run_server() : run_client();
}
