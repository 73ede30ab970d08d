package org.jsctp.association;

import java.util.ArrayDeque;
import java.util.List;
import org.jsctp.path.Path;
import org.jsctp.timer.Timer;
import org.jsctp.timer.TimerKind;
import org.jsctp.wire.AsconfAckChunk;
import org.jsctp.wire.AsconfChunk;

/**
 * The ADD-IP state of an association that negotiated it (RFC 5061): our serial numbers, the
 * requests waiting for an ASCONF, the one ASCONF in flight with its T-4 RTO timer, the peer's
 * serial number and the last ASCONF-ACK we sent, kept for a retransmitted ASCONF.
 */
final class AsconfState {

  /** The ASCONF in flight: the chunk as sent (a retransmission is the same), its requests. */
  static final class InFlight {
    final AsconfChunk chunk;
    final List<AsconfRequest> requests;
    /** Where it went last: its RTO times it, its error counter counts its loss. */
    Path path;

    InFlight(AsconfChunk chunk, List<AsconfRequest> requests, Path path) {
      this.chunk = chunk;
      this.requests = requests;
      this.path = path;
    }
  }

  /** The serial number of our next ASCONF: our Initial TSN first (RFC 5061 section 4.1.1). */
  int nextSerial;
  /** The serial number of the peer's last ASCONF processed: its Initial TSN - 1 at first. */
  int peerSerial;
  /** Our requests not yet sent, in order. */
  final ArrayDeque<AsconfRequest> queued = new ArrayDeque<>();
  /** The ASCONF sent and not yet acknowledged, or null (one at a time, section 5.1.1). */
  InFlight inFlight;
  /** T-4 RTO. */
  final Timer timer = new Timer(TimerKind.ASCONF);
  /** The last ASCONF-ACK sent, answering serial {@link #peerSerial}; null before the first. */
  AsconfAckChunk lastAck;
  /** The peer did not understand Add or Delete IP Address: none is sent again (section 5.3). */
  boolean addDeleteUnsupported;
  /** The peer did not understand Set Primary Address: none is sent again (section 5.3). */
  boolean setPrimaryUnsupported;
  /** The peer reported ASCONF as an unrecognized chunk: nothing more is sent (section 5.1 A9). */
  boolean disabled;
  private int nextCorrelationId;

  AsconfState(int localInitialTsn, int peerInitialTsn) {
    this.nextSerial = localInitialTsn;
    this.peerSerial = peerInitialTsn - 1;
  }

  int nextCorrelationId() {
    return ++nextCorrelationId;
  }
}
