package org.jsctp.interop;

/**
 * Random loss: drops each UDP packet arriving on one interface of a namespace with a given
 * probability, with an nftables rule ({@code numgen random mod 100 < P}) on the input hook where
 * {@link Blackhole} drops all of them (netem is not available). The packets still show up in a
 * capture of that namespace, since the capture taps the device before the IP layer. {@link
 * #close()} removes the rule; {@link #droppedPackets()} says how many it dropped.
 *
 * <p>A packet whose first chunk is a SHUTDOWN COMPLETE (never bundled, RFC 9260 section 6.10) is
 * spared: the client sends it last and exits, so nothing would answer the SHUTDOWN ACKs its peer
 * sends again when it is lost, and the peer would end the association with an ABORT after its
 * retransmissions, a graceful end lost to the test's own rule.
 */
final class RandomLoss implements AutoCloseable {

  /** The first chunk's type, after the UDP header (8 bytes) and the SCTP common header (12). */
  private static final String SCTP_FIRST_CHUNK_TYPE = "@th,160,8";
  private static final int SHUTDOWN_COMPLETE = 14;

  private final NftTable table;
  private final String description;

  private RandomLoss(NftTable table, String description) {
    this.table = table;
    this.description = description;
  }

  /**
   * Drops {@code percent} percent of the UDP packets arriving on {@code iface} in {@code ns}, SCTP
   * over UDP (RFC 6951) without SHUTDOWN COMPLETE.
   */
  static RandomLoss input(NetNs ns, String iface, int percent) {
    if (percent < 1 || percent > 99) {
      throw new IllegalArgumentException("percent must be 1..99, got " + percent);
    }
    NftTable table =
        NftTable.add(
            ns,
            "inet",
            "jsctp_loss_" + iface,
            "  chain input {\n"
                + "    type filter hook input priority -10; policy accept;\n"
                + "    iifname \""
                + iface
                + "\" meta l4proto udp "
                + SCTP_FIRST_CHUNK_TYPE
                + " != "
                + SHUTDOWN_COMPLETE
                + " numgen random mod 100 < "
                + percent
                + " counter drop\n"
                + "  }\n");
    return new RandomLoss(table, percent + "% of the UDP arriving on " + iface + " in " + ns);
  }

  /** Packets dropped so far. */
  long droppedPackets() {
    return table.packets();
  }

  /** Removes the rule. Safe to call twice. */
  @Override
  public void close() {
    table.close();
  }

  @Override
  public String toString() {
    return "random loss of " + description;
  }
}
