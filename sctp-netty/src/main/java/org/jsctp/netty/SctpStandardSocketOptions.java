package org.jsctp.netty;

import org.jsctp.ha.HaMode;

import java.net.SocketAddress;
import org.jsctp.api.AssociationStatus;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.api.PeerAddressParams;
import org.jsctp.api.PeerAddressThresholds;
import org.jsctp.api.PrStatus;
import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.netty.option.AssocInfo;
import org.jsctp.netty.option.DefaultSendParam;
import org.jsctp.netty.option.DelayedSack;
import org.jsctp.netty.option.AuthChunks;
import org.jsctp.netty.option.AuthKey;
import org.jsctp.netty.option.EventSubscription;
import org.jsctp.netty.option.HmacIdents;
import org.jsctp.netty.option.InitMsg;
import org.jsctp.netty.option.PrInfo;
import org.jsctp.netty.option.AddStreams;
import org.jsctp.netty.option.PrStreamStatus;
import org.jsctp.netty.option.ResetStreams;
import org.jsctp.netty.option.StreamSchedulerValues;
import org.jsctp.netty.option.PlpmtudProbeInterval;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.jsctp.netty.option.RtoInfo;

/**
 * The SCTP socket options: the names of {@code com.sun.nio.sctp.SctpStandardSocketOptions}, plus
 * the options of sctp(7) and RFC 6458 that the JDK lacks, plus the UDP encapsulation ports of RFC
 * 6951.
 *
 * <p>Set an option on an unconnected channel (or a server, or a one-to-many channel without an
 * association argument) and it applies to associations set up afterwards; set it on a connected
 * channel (or with an association) and it applies to that association at once as far as the option
 * allows. Reading returns the association's live value when there is one. A bad value throws {@link
 * IllegalArgumentException} naming the option and its allowed range. See docs/configuration.md for
 * each option's default and its Linux counterpart.
 */
public final class SctpStandardSocketOptions {

  private SctpStandardSocketOptions() {}

  /**
   * The value of {@link #SCTP_INIT_MAXSTREAMS}, like the JDK's {@code
   * SctpStandardSocketOptions.InitMaxStreams}: streams requested for new associations; 0 keeps the
   * default.
   *
   * @param maxInStreams inbound streams accepted at most, 0..65535
   * @param maxOutStreams outbound streams requested, 0..65535
   */
  public record InitMaxStreams(int maxInStreams, int maxOutStreams) {

    /** Checks the ranges. */
    public InitMaxStreams {
      if (maxInStreams < 0 || maxInStreams > 0xFFFF) {
        throw new IllegalArgumentException(
            "SCTP_INIT_MAXSTREAMS maxInStreams = " + maxInStreams + " is out of range 0..65535");
      }
      if (maxOutStreams < 0 || maxOutStreams > 0xFFFF) {
        throw new IllegalArgumentException(
            "SCTP_INIT_MAXSTREAMS maxOutStreams = " + maxOutStreams + " is out of range 0..65535");
      }
    }

    /** Same as the constructor, with the JDK's name. */
    public static InitMaxStreams create(int maxInStreams, int maxOutStreams) {
      return new InitMaxStreams(maxInStreams, maxOutStreams);
    }
  }

  /** Refuse to fragment: a message larger than one DATA chunk fails (RFC 6458 8.1.11). */
  public static final SctpSocketOption<Boolean> SCTP_DISABLE_FRAGMENTS =
      OptionKey.of("SCTP_DISABLE_FRAGMENTS", Boolean.class);

  /**
   * Explicit message completion: a send whose {@link MessageInfo#isComplete()} is false is held and
   * continued by the next sends on the same stream until one completes the message (RFC 6458 8.1.26
   * SCTP_EXPLICIT_EOR). The data held counts against SO_SNDBUF.
   */
  public static final SctpSocketOption<Boolean> SCTP_EXPLICIT_COMPLETE =
      OptionKey.of("SCTP_EXPLICIT_COMPLETE", Boolean.class);

  /**
   * Fragment interleave level, 0..2 (RFC 6458 8.1.20). 0: while a message is partly read, a
   * one-to-many channel returns nothing from other associations; 1 and 2: pieces of different
   * associations may interleave. Messages of one association never interleave.
   *
   * <p>At 0 (the default, as on Linux) a peer that never finishes a message it has started holds
   * every other association of the channel back for as long as its association lives. A
   * one-to-many server that takes large messages from peers it does not trust sets 1 (the FreeBSD
   * and usrsctp default) and joins the pieces per {@link MessageInfo#association()}.
   */
  public static final SctpSocketOption<Integer> SCTP_FRAGMENT_INTERLEAVE =
      OptionKey.intRange("SCTP_FRAGMENT_INTERLEAVE", 0, 2);

  /** Streams requested for new associations (the JDK's option; part of SCTP_INITMSG). */
  public static final SctpSocketOption<InitMaxStreams> SCTP_INIT_MAXSTREAMS =
      OptionKey.of("SCTP_INIT_MAXSTREAMS", InitMaxStreams.class);

  /** Send at once, without the Nagle-like bundling delay (RFC 6458 8.1.5). */
  public static final SctpSocketOption<Boolean> SCTP_NODELAY =
      OptionKey.of("SCTP_NODELAY", Boolean.class);

  /**
   * The peer address used as primary path; must be a confirmed address of the association (RFC 6458
   * 8.1.9).
   */
  public static final SctpSocketOption<SocketAddress> SCTP_PRIMARY_ADDR =
      OptionKey.of("SCTP_PRIMARY_ADDR", SocketAddress.class);

  /**
   * Ask the peer to use one of our addresses as its primary (RFC 6458 8.3.1): an ASCONF with Set
   * Primary Address goes to the peer (RFC 5061 section 4.2.4). Write-only; the association must
   * have negotiated ADD-IP ({@link #SCTP_ASCONF_SUPPORTED}) and be established, else setting it
   * throws {@link IllegalStateException}; the address must be one of the association's local
   * addresses, else {@link IllegalArgumentException}. The port is ignored.
   */
  public static final SctpSocketOption<SocketAddress> SCTP_SET_PEER_PRIMARY_ADDR =
      OptionKey.of("SCTP_SET_PEER_PRIMARY_ADDR", SocketAddress.class);

  /**
   * Seconds close waits for a graceful shutdown before it aborts; -1 (default) returns at once and
   * lets the shutdown finish in the background; 0 aborts at once.
   */
  public static final SctpSocketOption<Integer> SO_LINGER =
      OptionKey.intRange("SO_LINGER", -1, 0xFFFF);

  /** Receive buffer per association in bytes: the advertised window (Linux rmem). */
  public static final SctpSocketOption<Integer> SO_RCVBUF =
      OptionKey.intRange("SO_RCVBUF", 1_500, 1 << 30);

  /** Send buffer per association in bytes: user data queued or unacknowledged (Linux wmem). */
  public static final SctpSocketOption<Integer> SO_SNDBUF =
      OptionKey.intRange("SO_SNDBUF", 4_096, 1 << 30);

  /** RTO bounds (RFC 6458 8.1.1). */
  public static final SctpSocketOption<RtoInfo> SCTP_RTOINFO =
      OptionKey.of("SCTP_RTOINFO", RtoInfo.class);

  /** Association parameters (RFC 6458 8.1.2). */
  public static final SctpSocketOption<AssocInfo> SCTP_ASSOCINFO =
      OptionKey.of("SCTP_ASSOCINFO", AssocInfo.class);

  /** INIT parameters of new associations (RFC 6458 8.1.3). */
  public static final SctpSocketOption<InitMsg> SCTP_INITMSG =
      OptionKey.of("SCTP_INITMSG", InitMsg.class);

  /**
   * Seconds without user data after which an association of a one-to-many channel is shut down; 0
   * (default) never (RFC 6458 8.1.8). One-to-many channels only.
   */
  public static final SctpSocketOption<Integer> SCTP_AUTOCLOSE =
      OptionKey.intRange("SCTP_AUTOCLOSE", 0, Integer.MAX_VALUE);

  /**
   * Heartbeat interval, Path.Max.Retrans, path MTU and heartbeat on/off/demand of one peer address,
   * or with a null address of every path and of paths added later (RFC 6458 8.1.12). When set, 0
   * leaves a number unchanged. Read per address with the methods taking a peer address; without
   * one, the defaults for new paths.
   */
  public static final SctpSocketOption<PeerAddressParams> SCTP_PEER_ADDR_PARAMS =
      OptionKey.of("SCTP_PEER_ADDR_PARAMS", PeerAddressParams.class);

  /**
   * Path.Max.Retrans, the potentially-failed threshold and the (association-wide) primary
   * switchover threshold, for one peer address or with a null address for all (RFC 7829 7.3). The
   * switchover threshold must be at least the PF threshold, or 65535 (off).
   */
  public static final SctpSocketOption<PeerAddressThresholds> SCTP_PEER_ADDR_THLDS =
      OptionKey.of("SCTP_PEER_ADDR_THLDS", PeerAddressThresholds.class);

  /** What a send with a null MessageInfo uses (RFC 6458 8.1.13). */
  public static final SctpSocketOption<DefaultSendParam> SCTP_DEFAULT_SEND_PARAM =
      OptionKey.of("SCTP_DEFAULT_SEND_PARAM", DefaultSendParam.class);

  /** Which notifications are delivered (RFC 6458 8.1.14). */
  public static final SctpSocketOption<EventSubscription> SCTP_EVENTS =
      OptionKey.of("SCTP_EVENTS", EventSubscription.class);

  /** The largest user data per DATA chunk; 0 lets the path MTU decide (RFC 6458 8.1.16). */
  public static final SctpSocketOption<Integer> SCTP_MAXSEG =
      OptionKey.intRange("SCTP_MAXSEG", 0, 0xFFFF);

  /** The association's status; read-only (RFC 6458 8.2.1). */
  public static final SctpSocketOption<AssociationStatus> SCTP_STATUS =
      OptionKey.of("SCTP_STATUS", AssociationStatus.class);

  /**
   * The state of a peer address; read-only (RFC 6458 8.2.2). Read it with the methods taking a peer
   * address; without one it describes the primary path.
   */
  public static final SctpSocketOption<PeerAddressInfo> SCTP_GET_PEER_ADDR_INFO =
      OptionKey.of("SCTP_GET_PEER_ADDR_INFO", PeerAddressInfo.class);

  /** Delayed SACK timing (RFC 6458 8.1.19). */
  public static final SctpSocketOption<DelayedSack> SCTP_DELAYED_SACK =
      OptionKey.of("SCTP_DELAYED_SACK", DelayedSack.class);

  /** Max.Burst: new packets per send round, 1..65535 (RFC 6458 8.1.24). */
  public static final SctpSocketOption<Integer> SCTP_MAX_BURST =
      OptionKey.intRange("SCTP_MAX_BURST", 1, 0xFFFF);

  /**
   * Bytes of a message held before its first part is delivered (partial delivery, RFC 6458 8.1.21);
   * 0 (default) means half the receive buffer, which is also the ceiling.
   */
  public static final SctpSocketOption<Integer> SCTP_PARTIAL_DELIVERY_POINT =
      OptionKey.intRange("SCTP_PARTIAL_DELIVERY_POINT", 0, 1 << 30);

  /** Report ADDR_POTENTIALLY_FAILED notifications (RFC 7829 7.4; Linux pf_expose). */
  public static final SctpSocketOption<Boolean> SCTP_EXPOSE_POTENTIALLY_FAILED_STATE =
      OptionKey.of("SCTP_EXPOSE_POTENTIALLY_FAILED_STATE", Boolean.class);

  /**
   * Path MTU discovery (RFC 8899) per peer address or for all: the probe interval in ms, 0 off
   * (Linux's SCTP_PLPMTUD_PROBE_INTERVAL; default {@code net.sctp.plpmtud_probe_interval}).
   */
  public static final SctpSocketOption<PlpmtudProbeInterval> SCTP_PLPMTUD_PROBE_INTERVAL =
      OptionKey.of("SCTP_PLPMTUD_PROBE_INTERVAL", PlpmtudProbeInterval.class);

  /** The peer's UDP encapsulation port, per address or for all (RFC 6951 6.1). */
  public static final SctpSocketOption<RemoteUdpEncapsPort> SCTP_REMOTE_UDP_ENCAPS_PORT =
      OptionKey.of("SCTP_REMOTE_UDP_ENCAPS_PORT", RemoteUdpEncapsPort.class);

  /**
   * The local UDP port the channel's endpoint binds (jsctp; Linux has the stack-wide sysctl {@code
   * net.sctp.udp_port}); 0 = ephemeral. Set before bind; reading after bind returns the port
   * actually bound. Defaults: the stack's {@code udp_port} for server and one-to-many channels, 0
   * for one-to-one channels.
   */
  public static final SctpSocketOption<Integer> SCTP_LOCAL_UDP_ENCAPS_PORT =
      OptionKey.intRange("SCTP_LOCAL_UDP_ENCAPS_PORT", 0, 0xFFFF);

  /**
   * Offer PR-SCTP (RFC 3758) when setting up associations (RFC 7496 section 4.5); default the
   * stack's {@code prsctp_enable}. Reading on an association says whether both sides offered it.
   */
  public static final SctpSocketOption<Boolean> SCTP_PR_SUPPORTED =
      OptionKey.of("SCTP_PR_SUPPORTED", Boolean.class);

  /** The PR-SCTP policy of sends whose MessageInfo names none (RFC 6458 8.1.32, RFC 7496). */
  public static final SctpSocketOption<PrInfo> SCTP_DEFAULT_PRINFO =
      OptionKey.of("SCTP_DEFAULT_PRINFO", PrInfo.class);

  /** Messages PR-SCTP abandoned on the association; read-only (RFC 7496 section 4.3.1). */
  public static final SctpSocketOption<PrStatus> SCTP_PR_ASSOC_STATUS =
      OptionKey.of("SCTP_PR_ASSOC_STATUS", PrStatus.class);

  /** Messages PR-SCTP abandoned per outbound stream; read-only (RFC 7496 section 4.3.2). */
  public static final SctpSocketOption<PrStreamStatus> SCTP_PR_STREAM_STATUS =
      OptionKey.of("SCTP_PR_STREAM_STATUS", PrStreamStatus.class);

  /**
   * Offer I-DATA (RFC 8260 section 4.3.1) when setting up associations, so that messages of
   * different streams interleave; default the stack's {@code intl_enable}. As in Linux, turning it
   * on needs {@link #SCTP_FRAGMENT_INTERLEAVE} 2 first, because parts of messages of different
   * streams of one association then interleave in receives. Reading on an association says
   * whether both sides offered it.
   */
  public static final SctpSocketOption<Boolean> SCTP_INTERLEAVING_SUPPORTED =
      OptionKey.of("SCTP_INTERLEAVING_SUPPORTED", Boolean.class);

  /**
   * The stream scheduler (RFC 8260 section 4.3.2): which outbound stream's message goes next;
   * with I-DATA chosen again for every chunk. Default FIRST_COME_FIRST_SERVED, as Linux. On an
   * association it applies at once.
   */
  public static final SctpSocketOption<StreamSchedulerKind> SCTP_STREAM_SCHEDULER =
      OptionKey.of("SCTP_STREAM_SCHEDULER", StreamSchedulerKind.class);

  /**
   * Per outbound stream, the priority or weight the scheduler uses (RFC 8260 section 4.3.3); an
   * association's only.
   */
  public static final SctpSocketOption<StreamSchedulerValues> SCTP_STREAM_SCHEDULER_VALUE =
      OptionKey.of("SCTP_STREAM_SCHEDULER_VALUE", StreamSchedulerValues.class);

  /**
   * Offer ADD-IP (RFC 5061, ASCONF and ASCONF-ACK) when setting up associations, as Linux's
   * option of this name; default the stack's {@code addip_enable}. It takes effect only where
   * ASCONF may travel: with AUTH (RFC 4895, {@link #SCTP_AUTH_SUPPORTED}) negotiated, or with
   * {@code addip_noauth_enable}. With ADD-IP, {@code bindAddress} and {@code unbindAddress} on a
   * channel with associations tell their peers, and {@link #SCTP_SET_PEER_PRIMARY_ADDR} works.
   * Reading on an association says whether both sides offered it.
   */
  public static final SctpSocketOption<Boolean> SCTP_ASCONF_SUPPORTED =
      OptionKey.of("SCTP_ASCONF_SUPPORTED", Boolean.class);

  /**
   * Offer stream reconfiguration (RFC 6525, RE-CONFIG) when setting up associations; default the
   * stack's {@code reconf_enable}. Reading on an association says whether both sides offered it.
   */
  public static final SctpSocketOption<Boolean> SCTP_RECONFIG_SUPPORTED =
      OptionKey.of("SCTP_RECONFIG_SUPPORTED", Boolean.class);

  /**
   * Which stream reconfiguration requests of the peer are taken (RFC 6525 section 6.3.1), as
   * flags: SCTP_ENABLE_RESET_STREAM_REQ 0x01, SCTP_ENABLE_RESET_ASSOC_REQ 0x02,
   * SCTP_ENABLE_CHANGE_ASSOC_REQ 0x04; the others are answered Denied. Default 0, as in Linux.
   */
  public static final SctpSocketOption<Integer> SCTP_ENABLE_STREAM_RESET =
      OptionKey.of("SCTP_ENABLE_STREAM_RESET", Integer.class);

  /**
   * Resets streams (RFC 6525 section 6.3.2): our outgoing ones, the peer's outgoing ones, or
   * both; write-only, an association's only. The outcome comes as a {@link
   * StreamResetNotification}.
   */
  public static final SctpSocketOption<ResetStreams> SCTP_RESET_STREAMS =
      OptionKey.of("SCTP_RESET_STREAMS", ResetStreams.class);

  /**
   * Resets the association's TSNs and every stream's sequence numbers (RFC 6525 section 6.3.3)
   * when set to true; write-only, an association's only. The outcome comes as an {@link
   * AssocResetNotification}.
   */
  public static final SctpSocketOption<Boolean> SCTP_RESET_ASSOC =
      OptionKey.of("SCTP_RESET_ASSOC", Boolean.class);

  /**
   * Adds streams each way (RFC 6525 section 6.3.4); write-only, an association's only. The
   * outcome comes as a {@link StreamChangeNotification}.
   */
  public static final SctpSocketOption<AddStreams> SCTP_ADD_STREAMS =
      OptionKey.of("SCTP_ADD_STREAMS", AddStreams.class);

  /**
   * SCTP_HA_MODE (docs/ha.md): whether an association replicates itself to a standby, OFF
   * (default, the stack's {@code ha_mode}), SYNC or THRESHOLD (which needs PR-SCTP). It takes
   * effect on a server channel that {@link SctpServerChannel#replicateWith replicates}; on an
   * association it applies at once. No Linux counterpart.
   */
  public static final SctpSocketOption<HaMode> SCTP_HA_MODE =
      OptionKey.of("SCTP_HA_MODE", HaMode.class);

  /**
   * Offer AUTH (RFC 4895) when setting up associations; default the stack's {@code auth_enable}.
   * Reading on an association says whether both sides offered it (usrsctp SCTP_AUTH_SUPPORTED).
   */
  public static final SctpSocketOption<Boolean> SCTP_AUTH_SUPPORTED =
      OptionKey.of("SCTP_AUTH_SUPPORTED", Boolean.class);

  /**
   * Adds a chunk type the peer must send authenticated (RFC 6458 section 8.3.2), for associations
   * set up later; write-only. INIT, INIT ACK, SHUTDOWN COMPLETE and AUTH are refused. ASCONF and
   * ASCONF-ACK are always in the list.
   */
  public static final SctpSocketOption<Integer> SCTP_AUTH_CHUNK =
      OptionKey.intRange("SCTP_AUTH_CHUNK", 0, 255);

  /**
   * The HMAC identifiers the peer is asked to use (RFC 6458 section 8.3.3), for associations set
   * up later; default SHA-256 then SHA-1.
   */
  public static final SctpSocketOption<HmacIdents> SCTP_HMAC_IDENT =
      OptionKey.of("SCTP_HMAC_IDENT", HmacIdents.class);

  /**
   * Sets an endpoint pair shared key (RFC 6458 section 8.1.20); write-only. On a channel, for
   * associations set up later and, on a one-to-one channel, the association; on an association of
   * a one-to-many channel, that association only.
   */
  public static final SctpSocketOption<AuthKey> SCTP_AUTH_KEY =
      OptionKey.of("SCTP_AUTH_KEY", AuthKey.class);

  /** The key chunks are sent authenticated with (RFC 6458 section 8.1.23); default 0. */
  public static final SctpSocketOption<Integer> SCTP_AUTH_ACTIVE_KEY =
      OptionKey.intRange("SCTP_AUTH_ACTIVE_KEY", 0, 0xFFFF);

  /**
   * Stops using a key for sending (RFC 6458 section 8.3.4); write-only. An association reports it
   * with an {@link AuthenticationNotification} (SCTP_AUTH_FREE_KEY); received chunks authenticated
   * with it are taken until it is deleted.
   */
  public static final SctpSocketOption<Integer> SCTP_AUTH_DEACTIVATE_KEY =
      OptionKey.intRange("SCTP_AUTH_DEACTIVATE_KEY", 0, 0xFFFF);

  /** Deletes a key (RFC 6458 section 8.3.5); write-only; never the active key. */
  public static final SctpSocketOption<Integer> SCTP_AUTH_DELETE_KEY =
      OptionKey.intRange("SCTP_AUTH_DELETE_KEY", 0, 0xFFFF);

  /**
   * The chunk types the peer asked to receive authenticated (RFC 6458 section 8.2.7); read-only,
   * an association's only; empty without AUTH.
   */
  public static final SctpSocketOption<AuthChunks> SCTP_PEER_AUTH_CHUNKS =
      OptionKey.of("SCTP_PEER_AUTH_CHUNKS", AuthChunks.class);

  /**
   * The chunk types this side asks to receive authenticated (RFC 6458 section 8.2.8); read-only.
   */
  public static final SctpSocketOption<AuthChunks> SCTP_LOCAL_AUTH_CHUNKS =
      OptionKey.of("SCTP_LOCAL_AUTH_CHUNKS", AuthChunks.class);
}
