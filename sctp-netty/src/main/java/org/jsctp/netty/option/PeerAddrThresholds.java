package org.jsctp.netty.option;

import java.net.InetSocketAddress;

/**
 * SCTP_PEER_ADDR_THLDS (RFC 7829 section 7.3, struct sctp_paddrthlds): the error thresholds of
 * one peer address, or of every address when {@code address} is null (which also sets the
 * defaults of paths added later).
 *
 * <p>A path whose error counter exceeds {@code pfThreshold} becomes potentially failed and
 * stops carrying new data while another path is ACTIVE; beyond {@code pathMaxRxt} it becomes
 * INACTIVE. A PF threshold at or above {@code pathMaxRxt} turns SCTP-PF off for the path.
 *
 * @param address the peer address (its IP selects the path), or null for all
 * @param pathMaxRxt Path.Max.Retrans (spt_pathmaxrxt; Linux {@code net.sctp.path_max_retrans})
 * @param pfThreshold PFMR (spt_pathpfthld; Linux {@code net.sctp.pf_retrans}), 0 = the first
 *     error
 * @param switchoverThreshold PSMR, association-wide (spt_pathcpthld; Linux {@code
 *     net.sctp.ps_retrans}): a primary with more errors is replaced by the path carrying data;
 *     65535 turns primary switchover off; otherwise it must be at least {@code pfThreshold}
 */
public record PeerAddrThresholds(InetSocketAddress address, int pathMaxRxt, int pfThreshold, int switchoverThreshold) {

  /** The switchover threshold meaning "off". */
  public static final int SWITCHOVER_OFF = 0xFFFF;

  /** Checks the ranges and RFC 7829 section 5: PSMR >= PFMR unless off. */
  public PeerAddrThresholds {
    Ranges.check("SCTP_PEER_ADDR_THLDS", "spt_pathmaxrxt", pathMaxRxt, 0, 0xFFFF);
    Ranges.check("SCTP_PEER_ADDR_THLDS", "spt_pathpfthld", pfThreshold, 0, 0xFFFF);
    Ranges.check("SCTP_PEER_ADDR_THLDS", "spt_pathcpthld", switchoverThreshold, 0, 0xFFFF);
    if (switchoverThreshold != SWITCHOVER_OFF && switchoverThreshold < pfThreshold) {
      throw new IllegalArgumentException("SCTP_PEER_ADDR_THLDS spt_pathcpthld = " + switchoverThreshold
          + " must be at least spt_pathpfthld = " + pfThreshold + " or 65535 (off), RFC 7829 section 5");
    }
  }

  /** Thresholds with primary switchover off. */
  public static PeerAddrThresholds of(InetSocketAddress address, int pathMaxRxt, int pfThreshold) {
    return new PeerAddrThresholds(address, pathMaxRxt, pfThreshold, SWITCHOVER_OFF);
  }
}
