package org.jsctp.api;

import java.net.InetAddress;

/**
 * SCTP_PEER_ADDR_THLDS (RFC 7829 section 7.3; Linux spt_pathmaxrxt, spt_pathpfthld and, from
 * SCTP_PEER_ADDR_THLDS_V2, spt_pathcpthld) for one peer address, or for every path of the
 * association and its future paths when {@code address} is null. When setting, a
 * Path.Max.Retrans of 0 leaves it unchanged, as the Linux patch that introduced the option does.
 *
 * @param address the peer address, or null for all
 * @param pathMaxRetrans spt_pathmaxrxt
 * @param pfRetrans spt_pathpfthld; above pathMaxRetrans switches PF off
 * @param psRetrans spt_pathcpthld, primary path switchover; 65535 is off (association-wide)
 */
public record PeerAddressThresholds(InetAddress address, int pathMaxRetrans, int pfRetrans, int psRetrans) {

  /** The switchover threshold that means "off". */
  public static final int SWITCHOVER_OFF = 0xFFFF;
}
