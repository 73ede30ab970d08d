package org.jsctp.netty.option;

import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.Set;

/**
 * SCTP_PEER_ADDR_PARAMS (RFC 6458 section 8.1.12, struct sctp_paddrparams): heartbeats and
 * retransmission limit of one peer address, or of every address when {@code address} is null
 * (which also sets the defaults of paths added later). When set, 0 leaves a number unchanged.
 *
 * @param address the peer address (its IP selects the path), or null for all
 * @param hbInterval heartbeat interval in ms, added to the RTO on idle paths (spp_hbinterval;
 *     Linux {@code net.sctp.hb_interval})
 * @param pathMaxRxt Path.Max.Retrans (spp_pathmaxrxt; Linux {@code net.sctp.path_max_retrans})
 * @param pathMtu the path MTU in bytes, 0 or 576..65535 (spp_pathmtu); the stack does no PMTU
 *     discovery, so this is the size it assumes
 * @param flags what to do with heartbeats (spp_flags): enable, disable, or send one now
 */
public record PeerAddrParams(InetSocketAddress address, long hbInterval, int pathMaxRxt, int pathMtu, Set<Flag> flags) {

  /** The spp_flags this stack honours. */
  public enum Flag {
    /** Turn heartbeats on (SPP_HB_ENABLE). */
    HB_ENABLE,
    /** Turn heartbeats off (SPP_HB_DISABLE). */
    HB_DISABLE,
    /** Send one heartbeat now (SPP_HB_DEMAND); needs an address. */
    HB_DEMAND
  }

  /** Checks ranges and flags and copies the flag set. */
  public PeerAddrParams {
    Ranges.check("SCTP_PEER_ADDR_PARAMS", "spp_hbinterval", hbInterval, 0, 86_400_000);
    Ranges.check("SCTP_PEER_ADDR_PARAMS", "spp_pathmaxrxt", pathMaxRxt, 0, 0xFFFF);
    if (pathMtu != 0) {
      Ranges.check("SCTP_PEER_ADDR_PARAMS", "spp_pathmtu", pathMtu, 576, 0xFFFF);
    }
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    if (flags.contains(Flag.HB_ENABLE) && flags.contains(Flag.HB_DISABLE)) {
      throw new IllegalArgumentException("SCTP_PEER_ADDR_PARAMS spp_flags: HB_ENABLE and HB_DISABLE exclude each other");
    }
    if (flags.contains(Flag.HB_DEMAND) && address == null) {
      throw new IllegalArgumentException("SCTP_PEER_ADDR_PARAMS spp_flags: HB_DEMAND needs a peer address");
    }
  }

  /** Whether the value says heartbeats are on (for a value read back). */
  public boolean heartbeatEnabled() {
    return flags.contains(Flag.HB_ENABLE);
  }
}
