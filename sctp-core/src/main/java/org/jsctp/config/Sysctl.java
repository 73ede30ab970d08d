package org.jsctp.config;

import java.util.Locale;

/**
 * The stack-wide settings, named as Linux names them under {@code net.sctp.*} so that operators
 * can reuse their tuning (sctp(7)). Each carries its default, its allowed range and its unit.
 * Booleans are 0 or 1. A few settings have no Linux counterpart; their names follow the same
 * style and say so in {@link #linuxCounterpart()}.
 */
public enum Sysctl {
  /** RTO.Initial (RFC 9260 section 16: 1 s; Linux uses 3000). */
  RTO_INITIAL("rto_initial", 1000, 1, 3_600_000, "ms", true),
  /** RTO.Min (RFC 9260 section 16). */
  RTO_MIN("rto_min", 1000, 1, 3_600_000, "ms", true),
  /** RTO.Max (RFC 9260 section 16). */
  RTO_MAX("rto_max", 60_000, 1, 3_600_000, "ms", true),
  /** RTO.Alpha as a right shift: 3 means 1/8 (RFC 9260 section 6.3.1). */
  RTO_ALPHA_EXP_DIVISOR("rto_alpha_exp_divisor", 3, 1, 10, "shift", true),
  /** RTO.Beta as a right shift: 2 means 1/4 (RFC 9260 section 6.3.1). */
  RTO_BETA_EXP_DIVISOR("rto_beta_exp_divisor", 2, 1, 10, "shift", true),
  /** HB.interval added to the RTO between heartbeats on an idle path (RFC 9260 section 8.3). */
  HB_INTERVAL("hb_interval", 30_000, 1, 86_400_000, "ms", true),
  /** Path.Max.Retrans: errors on a path beyond this make it INACTIVE (RFC 9260 section 8.2). */
  PATH_MAX_RETRANS("path_max_retrans", 5, 0, 0xFFFF, "count", true),
  /** PFMR: errors beyond this make a path potentially failed (RFC 7829 section 3); above path_max_retrans PF is off. */
  PF_RETRANS("pf_retrans", 0, 0, 0xFFFF, "count", true),
  /** Linux {@code pf_enable}: 0 turns SCTP-PF off whatever {@code pf_retrans} says. */
  PF_ENABLE("pf_enable", 1, 0, 1, "bool", true),
  /** PSMR, primary path switchover (RFC 7829 section 5); 65535 is off and the default. */
  PS_RETRANS("ps_retrans", 0xFFFF, 0, 0xFFFF, "count", true),
  /**
   * Linux {@code pf_expose}: 2 turns on ADDR_POTENTIALLY_FAILED notifications; 0 (unset) and 1
   * (disabled) send none. Unlike Linux, 1 does not hide the PF state from SCTP_GET_PEER_ADDR_INFO.
   */
  PF_EXPOSE("pf_expose", 0, 0, 2, "mode", true),
  /** Reset cwnd to one MTU when a path returns from PF to ACTIVE (draft-nishida, FreeBSD). */
  PF_CWND_RESET("pf_cwnd_reset", 1, 0, 1, "bool", false),
  /** Association.Max.Retrans (RFC 9260 section 8.1). */
  ASSOCIATION_MAX_RETRANS("association_max_retrans", 10, 1, 0xFFFF, "count", true),
  /** Max.Init.Retransmits for INIT and COOKIE ECHO (RFC 9260 section 5.1). */
  MAX_INIT_RETRANSMITS("max_init_retransmits", 8, 1, 0xFFFF, "count", true),
  /** Max.Burst: new packets per send round (RFC 9260 section 6.1). */
  MAX_BURST("max_burst", 4, 1, 0xFFFF, "packets", true),
  /** SACK.Delay: at most 500 ms (RFC 9260 section 6.2). */
  SACK_TIMEOUT("sack_timeout", 200, 1, 500, "ms", true),
  /** Packets with DATA before a SACK is sent without waiting (RFC 9260 section 6.2: 2). */
  SACK_FREQ("sack_freq", 2, 1, 0xFFFF, "packets", false),
  /** Valid.Cookie.Life (RFC 9260 section 16). */
  VALID_COOKIE_LIFE("valid_cookie_life", 60_000, 1, 3_600_000, "ms", true),
  /** Honour a peer's Cookie Preservative (RFC 9260 section 5.2.6). */
  COOKIE_PRESERVE_ENABLE("cookie_preserve_enable", 1, 0, 1, "bool", true),
  /**
   * PR-SCTP (RFC 3758): offered in INIT and INIT ACK; used when the peer offers it too. On by
   * default, as sctp(7) says of Linux.
   */
  PRSCTP_ENABLE("prsctp_enable", 1, 0, 1, "bool", true),
  /**
   * User message interleaving (RFC 8260): I-DATA, and I-FORWARD-TSN with PR-SCTP, offered in
   * INIT and INIT ACK; used when the peer offers it too. Off by default, as in Linux.
   */
  INTL_ENABLE("intl_enable", 0, 0, 1, "bool", true),
  /**
   * AUTH (RFC 4895): Random, Chunk List and HMAC Algorithm parameters and AUTH in Supported
   * Extensions offered in INIT and INIT ACK; used when the peer offers AUTH too. Off by default,
   * as in Linux (usrsctp: sctp_auth_enable, on by default).
   */
  AUTH_ENABLE("auth_enable", 0, 0, 1, "bool", true),
  /**
   * Stream reconfiguration (RFC 6525): RE-CONFIG offered in INIT and INIT ACK; used when the peer
   * offers it too. Off by default, as in Linux (usrsctp: sctp_reconfig_enable).
   */
  RECONF_ENABLE("reconf_enable", 0, 0, 1, "bool", true),
  /**
   * ADD-IP (RFC 5061): ASCONF and ASCONF-ACK offered in INIT and INIT ACK, used when the peer
   * offers them too; then local addresses bound or unbound while associations live are told to
   * their peers, and SCTP_SET_PEER_PRIMARY_ADDR works. Off by default, as on Linux.
   */
  ADDIP_ENABLE("addip_enable", 0, 0, 1, "bool", true),
  /**
   * Linux {@code addip_noauth_enable}: ASCONF and ASCONF-ACK may travel without AUTH (RFC 4895),
   * which RFC 5061 section 4.1.1 otherwise requires. ADD-IP is offered with AUTH ({@code
   * auth_enable}) or with this on.
   */
  ADDIP_NOAUTH_ENABLE("addip_noauth_enable", 0, 0, 1, "bool", true),
  /** Receive buffer accounting: 0 shared per socket, 1 per association. This stack always accounts per association; 0 is accepted for compatibility. */
  RCVBUF_POLICY("rcvbuf_policy", 1, 0, 1, "policy", true),
  /** Send buffer accounting: 0 shared per socket, 1 per association. This stack always accounts per association; 0 is accepted for compatibility. */
  SNDBUF_POLICY("sndbuf_policy", 1, 0, 1, "policy", true),
  /** Local UDP encapsulation port (RFC 6951 section 5.1; IANA 9899); 0 picks an ephemeral port. */
  UDP_PORT("udp_port", 9899, 0, 0xFFFF, "port", true),
  /** Default remote UDP encapsulation port for new paths (RFC 6951; Linux {@code encap_port}). */
  ENCAP_PORT("encap_port", 9899, 1, 0xFFFF, "port", true),
  /**
   * The IP MTU of every path, IP header included: the largest PLPMTU path MTU discovery searches
   * for, and the path MTU itself while discovery is off.
   */
  PATH_MTU("path_mtu", 1500, 576, 65_535, "bytes", false),
  /**
   * Path MTU discovery (RFC 8899, PLPMTUD with HEARTBEAT and PAD probes): the probe interval, how
   * long a probe may go unanswered; 0 turns it off. Linux accepts 0 or at least 5000 and defaults
   * to 0; here it is on by default, since a stack in user space over UDP sees no ICMP and has no
   * other way to learn a smaller path MTU (a tunnel, a VPN) than to probe for it.
   */
  PLPMTUD_PROBE_INTERVAL("plpmtud_probe_interval", 5000, 0, 86_400_000, "ms", true, 5000),
  /** Send buffer per association: user data queued or unacknowledged (SO_SNDBUF). */
  SNDBUF("sndbuf", 262_144, 4_096, 1 << 30, "bytes", false),
  /** Receive buffer per association: advertised window (SO_RCVBUF). */
  RCVBUF("rcvbuf", 262_144, 1_500, 1 << 30, "bytes", false),
  /** Default outbound streams requested in INIT (SCTP_INITMSG sinit_num_ostreams). */
  OUTBOUND_STREAMS("outbound_streams", 10, 1, 0xFFFF, "streams", false),
  /** Default inbound streams accepted (SCTP_INITMSG sinit_max_instreams). */
  MAX_INBOUND_STREAMS("max_inbound_streams", 0xFFFF, 1, 0xFFFF, "streams", false),
  /** Answer out-of-the-blue packets with ABORT (RFC 9260 section 8.4 rule 8); 0 drops them (behind NATs). */
  OOTB_ABORT("ootb_abort", 1, 0, 1, "bool", false),
  /** Disable Nagle-like bundling delay for new associations (SCTP_NODELAY). */
  NODELAY("nodelay", 0, 0, 1, "bool", false),
  /**
   * Maximum associations per endpoint (RFC 3873 sctpMaxAssocs); further INITs are refused with
   * "Out of Resource". Sized to memory: an idle association holds about 4 KB, so the default
   * 16384 is about 64 MiB.
   */
  MAX_ASSOCIATIONS("max_associations", 16_384, 1, Integer.MAX_VALUE, "count", false),
  /** Maximum associations per peer IP address and endpoint, so that one host cannot take all. */
  MAX_ASSOCIATIONS_PER_PEER("max_associations_per_peer", 4_096, 1, Integer.MAX_VALUE, "count", false),
  /** Maximum peer addresses (paths) per association; further addresses of an INIT are ignored. */
  MAX_PEER_ADDRESSES("max_peer_addresses", 16, 1, 64, "count", false),
  /**
   * HB.Max.Burst (RFC 9260 section 5.4): heartbeats to unconfirmed addresses per RTO, so that an
   * INIT listing many addresses cannot make us probe them all at once.
   */
  HB_MAX_BURST("hb_max_burst", 1, 1, 0xFFFF, "packets", false),
  /**
   * Bytes the stack holds for received data across all its associations and endpoints (unread,
   * reassembling or waiting for their turn); beyond it DATA is dropped unacknowledged, as for a
   * full window. Linux bounds the same with sctp_mem and sctp_rmem.
   */
  RCVBUF_TOTAL("rcvbuf_total", 64L << 20, 1_500, Long.MAX_VALUE, "bytes", false),
  /** How long a cookie secret stays current before rotation (RFC 9260 section 5.1.3). */
  COOKIE_SECRET_LIFETIME("cookie_secret_lifetime", 3_600_000, 1_000, 86_400_000, "ms", false),
  /**
   * SCTP_HA_MODE for new associations (docs/ha.md): 0 off, 1 sync (every chunk replicated to the
   * standby before it is first sent), 2 threshold (replicated by TSN and time thresholds; needs
   * prsctp_enable). Off by default.
   */
  HA_MODE("ha_mode", 0, 0, 2, "mode", false),
  /**
   * The TSN threshold of HA replication (docs/ha.md): outbound progress is replicated at least every
   * quarter of it; in threshold mode TSNs never run more than half of it ahead of what the standby
   * confirmed, and a standby taking over skips this many TSNs (at most this many lost). As
   * Linux's {@code xfrm_aevent_rseqth} for IPsec SA replication.
   */
  HA_SYNC_TSN_THRESHOLD("ha_sync_tsn_threshold", 256, 8, 32_768, "TSNs", false),
  /**
   * The timer of HA replication: changes that may wait (acknowledgements, confirmed deliveries,
   * threshold-mode progress, RTO and settings) go to the standby at least this often. As Linux's
   * {@code xfrm_aevent_etime}.
   */
  HA_SYNC_INTERVAL_MS("ha_sync_interval_ms", 100, 1, 60_000, "ms", false);

  private final String key;
  private final long defaultValue;
  private final long min;
  private final long max;
  private final String unit;
  private final boolean linuxCounterpart;
  private final long minNonZero;

  Sysctl(String key, long defaultValue, long min, long max, String unit, boolean linuxCounterpart) {
    this(key, defaultValue, min, max, unit, linuxCounterpart, min);
  }

  /** A setting where 0 means off and other values start at {@code minNonZero}. */
  Sysctl(String key, long defaultValue, long min, long max, String unit, boolean linuxCounterpart,
      long minNonZero) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
    this.unit = unit;
    this.linuxCounterpart = linuxCounterpart;
    this.minNonZero = minNonZero;
  }

  /** The short name, as in {@code /proc/sys/net/sctp/<key>}. */
  public String key() {
    return key;
  }

  /** The full sysctl name, {@code net.sctp.<key>}. */
  public String sysctlName() {
    return "net.sctp." + key;
  }

  public long defaultValue() {
    return defaultValue;
  }

  public long min() {
    return min;
  }

  public long max() {
    return max;
  }

  public String unit() {
    return unit;
  }

  /** True when Linux has a sysctl of this name. */
  public boolean linuxCounterpart() {
    return linuxCounterpart;
  }

  /** The smallest value other than 0; {@link #min()} unless 0 means off below a larger minimum. */
  public long minNonZero() {
    return minNonZero;
  }

  /** Checks a value against the allowed range, naming the setting and its range when it fails. */
  public long check(long value) {
    if (value < min || value > max || (value != 0 && value < minNonZero)) {
      String range = minNonZero > min
          ? "0 (off) or " + minNonZero + ".." + max
          : min + ".." + max;
      throw new IllegalArgumentException(
          sysctlName() + " = " + value + " is out of range " + range + " (" + unit + ")");
    }
    return value;
  }

  /** Finds a setting by {@code net.sctp.key} or bare {@code key}, any case. */
  public static Sysctl byName(String name) {
    String bare = name.trim().toLowerCase(Locale.ROOT);
    if (bare.startsWith("net.sctp.")) {
      bare = bare.substring("net.sctp.".length());
    }
    for (Sysctl s : values()) {
      if (s.key.equals(bare)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown SCTP setting '" + name + "'; known: " + knownKeys());
  }

  private static String knownKeys() {
    StringBuilder sb = new StringBuilder();
    for (Sysctl s : values()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(s.key);
    }
    return sb.toString();
  }
}
