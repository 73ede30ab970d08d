package org.jsctp.association.fuzz;

import static org.jsctp.association.fuzz.Checks.check;

import org.jsctp.api.AssociationStatus;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.association.AssociationInternals;
import org.jsctp.association.AssociationState;
import org.jsctp.association.SctpAssociation;
import org.jsctp.endpoint.Endpoint;
import org.jsctp.stats.MibCounter;
import org.jsctp.util.SerialNumbers;

/**
 * What must hold after every step of a fuzzed run, whatever the peer did: nothing went wrong
 * inside the endpoint, the association holds no more than its receive buffer for the peer, its
 * counters agree with each other and with the driver's models, and nothing that only grows moves
 * back. The models' own checks (run as the IUT's packets and events are read) cover the wire and
 * the deliveries.
 */
final class AssociationInvariants {

  /** Associations the endpoint may hold: the peer creates a handful at most. */
  private static final int MAX_ASSOCIATIONS = 8;

  private AssociationInvariants() {}

  static void checkAfterStep(FuzzDriver driver) {
    Endpoint endpoint = driver.peer().endpoint();
    check(endpoint.counters().get(MibCounter.SCTP_INTERNAL_ERRORS) == 0,
        "the endpoint counted an internal error (see the log)");
    check(endpoint.associations().size() <= MAX_ASSOCIATIONS,
        "%d associations", endpoint.associations().size());
    SctpAssociation a = driver.association();
    checkCounters(a);
    AssociationInternals in = AssociationInternals.of(a);
    if (in != null && driver.modelsCurrent()) {
      checkAgainstModels(driver, a, in);
    }
  }

  /** The association's public figures: within their bounds and consistent with each other. */
  private static void checkCounters(SctpAssociation a) {
    long held = a.receivedBytesHeld();
    AssociationStatus status = a.options().status();
    check(held >= 0 && held <= FuzzDriver.RCVBUF,
        "%d bytes held for the peer, SO_RCVBUF %d", held, FuzzDriver.RCVBUF);
    check(status.pendingChunks() >= 0 && status.pendingChunks() <= held,
        "%d bytes pending of %d held", status.pendingChunks(), held);
    check(status.localRwnd() == Math.max(0, FuzzDriver.RCVBUF - held),
        "advertised window %d with %d bytes held", status.localRwnd(), held);
    check(status.peerRwnd() >= 0 && status.unacknowledgedChunks() >= 0,
        "negative peer window %d or unacknowledged chunks %d", status.peerRwnd(),
        status.unacknowledgedChunks());
    long buffered = a.bufferedAmount();
    long largest = FuzzActionDecoder.APP_SIZES[FuzzActionDecoder.APP_SIZES.length - 1];
    check(buffered >= 0 && buffered <= FuzzDriver.SNDBUF + largest,
        "buffered amount %d, SO_SNDBUF %d", buffered, FuzzDriver.SNDBUF);
    check(a.errorCount() >= 0 && a.errorCount() <= status.maxRetrans() + 1,
        "association error counter %d, Association.Max.Retrans %d", a.errorCount(),
        status.maxRetrans());
    long flight = 0;
    for (PeerAddressInfo p : a.options().peerAddressInfos()) {
      check(p.flightSize() >= 0 && p.cwnd() > 0 && p.rtoMillis() > 0 && p.errorCount() >= 0,
          "path %s: flight %d, cwnd %d, RTO %d ms, errors %d", p.address(), p.flightSize(),
          p.cwnd(), p.rtoMillis(), p.errorCount());
      flight += p.flightSize();
    }
    if (status.unacknowledgedChunks() == 0) {
      check(flight == 0, "%d bytes in flight with nothing unacknowledged", flight);
    }
  }

  /** Against the driver's models of the current TCB. */
  private static void checkAgainstModels(FuzzDriver driver, SctpAssociation a,
      AssociationInternals in) {
    long flight = 0;
    for (PeerAddressInfo p : a.options().peerAddressInfos()) {
      flight += p.flightSize();
    }
    check(flight == in.totalFlight(), "paths' flight sizes add up to %d, the sender counts %d",
        flight, in.totalFlight());
    long outstanding = driver.outbound().outstandingChunkBytes(in.cumulativeAckPoint());
    check(in.totalFlight() <= outstanding,
        "%d bytes in flight, but only %d bytes of chunks are outstanding", in.totalFlight(),
        outstanding);
    int before = driver.swapReceiverCumulativeTsn(in.receiverCumulativeTsn());
    check(SerialNumbers.ge32(in.receiverCumulativeTsn(), before),
        "the receiver's cumulative TSN moved back from %d to %d", before, in.receiverCumulativeTsn());

    InboundModel inbound = driver.inbound();
    long held = a.receivedBytesHeld();
    long pending = a.options().status().pendingChunks();
    check(held - pending == inbound.unread(),
        "%d bytes held, %d pending: %d unread, but %d were delivered and not read", held, pending,
        held - pending, inbound.unread());
    // After the peer's SHUTDOWN no SACK goes out (RFC 9260 section 9.2), so a TSN given up for
    // room since then stays acknowledged; only a peer that shut down with its own data still
    // outstanding, against section 9.2, can make that happen.
    boolean afterPeersShutdown = a.state() == AssociationState.SHUTDOWN_RECEIVED
        || a.state() == AssociationState.SHUTDOWN_ACK_SENT;
    if (inbound.strict() && !afterPeersShutdown) {
      long acknowledged = inbound.acknowledgedUndeliveredBytes();
      check(acknowledged <= pending,
          "the IUT acknowledged %d bytes it has not delivered, but holds only %d", acknowledged,
          pending);
    }
    driver.outbound().checkLive(a.bufferedAmount(), in.queuedBytes(), in);
  }
}
