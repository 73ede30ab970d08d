package org.jsctp.testkit.sim;

/**
 * The trace entry for one copy of a datagram once its fate is known.
 *
 * @param datagram the datagram as sent
 * @param copy 0 for the original, 1 for the copy made by link duplication
 * @param fateAtNanos virtual time of delivery or drop
 * @param fate what happened to this copy
 */
public record DatagramRecord(SimDatagram datagram, int copy, long fateAtNanos, Fate fate) {

  /**
   * One line for diffs and logs: {@code +0.005000000s #3.0 10.0.0.1:9899 > 10.0.0.2:9899 64B
   * [DATA] sent +0.000000000s DELIVERED}; a datagram the sender allowed to fragment has {@code
   * frag} after its chunk types.
   */
  public String line() {
    SimDatagram d = datagram;
    return SimTime.format(fateAtNanos) + " #" + d.id() + "." + copy + " "
        + d.source().getHostAddress() + ":" + d.sourcePort() + " > "
        + d.destination().getHostAddress() + ":" + d.destinationPort() + " " + d.size() + "B ["
        + ChunkTypes.names(d.chunkTypes()) + "]" + (d.fragmentable() ? " frag" : "") + " sent "
        + SimTime.format(d.sentAtNanos()) + " " + fate;
  }
}
