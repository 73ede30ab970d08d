package org.jsctp.endpoint;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.jsctp.association.SctpAssociation;
import org.jsctp.stats.MibCounter;
import org.jsctp.stats.MibCounters;
import org.jsctp.util.LogThrottle;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.SctpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a bug of ours from taking the event loop down or leaking into other associations: an
 * exception handling a packet, or in an association's timer or packet building, is counted
 * (SctpInternalErrors) and logged at most once a minute.
 */
final class InternalErrors {

  private static final Logger LOG = LoggerFactory.getLogger(Endpoint.class);

  private final MibCounters counters;
  private final LogThrottle throttle = new LogThrottle();

  InternalErrors(MibCounters counters) {
    this.counters = counters;
  }

  /** Handling {@code packet} threw; the packet is dropped. */
  void inPacket(long time, InetAddress remote, int remoteUdpPort, SctpPacket packet,
      RuntimeException e) {
    counters.increment(MibCounter.SCTP_INTERNAL_ERRORS);
    if (throttle.allow(time)) {
      LOG.error("internal error handling a packet from {}:{} ({} more since the last line): {}",
          remote.getHostAddress(), remoteUdpPort, throttle.takeSuppressed(), packet, e);
    }
  }

  /**
   * An association's timer or packet building threw. The association is aborted, so that the
   * application learns what was not delivered (SEND_FAILED, COMM_LOST) instead of the
   * association spinning on a timer that keeps failing or going silent.
   */
  void inAssociation(SctpAssociation a, long time, RuntimeException e) {
    counters.increment(MibCounter.SCTP_INTERNAL_ERRORS);
    if (throttle.allow(time)) {
      LOG.error("internal error in association {} ({} more since the last line); aborting it",
          a.id(), throttle.takeSuppressed(), e);
    }
    try {
      a.abort(time, Bytes.wrap("internal error".getBytes(StandardCharsets.US_ASCII)));
    } catch (RuntimeException again) {
      // The association cannot even abort: it is left to the peer's timers.
    }
  }
}
