package org.jsctp.association.fuzz;

import static org.jsctp.association.fuzz.Checks.check;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsctp.api.SendFailed;
import org.jsctp.association.AssociationInternals;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.DataChunk;

/**
 * The peer's record of the data the IUT sends in one incarnation of the association, against what
 * its application handed over.
 *
 * <p>Always checked: new TSNs are consecutive from the IUT's Initial TSN, a retransmission is the
 * same chunk as the first transmission, no DATA chunk is empty or on a stream that was not
 * negotiated, the fragments of a message are consecutive (B first, E last, same stream, SSN and
 * PPID), and ordered messages of a stream carry SSNs 0, 1, 2, ...
 *
 * <p>Checked while the accounting is known (until a restart carries messages over to a new TSN
 * space): every message the IUT puts on the wire is one its application sent, once; the buffered
 * amount is what was accepted less what was acknowledged and what was reported failed; every
 * accepted byte is queued, on the wire, or reported unsent; and once the association is closed
 * nothing is left unaccounted for.
 */
final class OutboundModel {

  /** A message the application handed over and the IUT accepted. */
  record AppMessage(int stream, boolean unordered, Bytes data) {}

  private final int initialTsn;
  private final int streams;
  private final List<DataChunk> seen = new ArrayList<>();
  private final Map<Integer, Integer> nextSsn = new HashMap<>();
  private final List<AppMessage> unmatched = new ArrayList<>();
  private final ByteArrayOutputStream assembling = new ByteArrayOutputStream();
  private boolean strict;

  private long acceptedBytes;
  private long wireBytes;
  private long matchedBytes;
  private long failedUnsentBytes;
  private long failedSentBytes;
  private long acknowledgedBytes;
  private int acknowledgedIndex = -1;

  /**
   * @param initialTsn the IUT's Initial TSN in this incarnation
   * @param streams the IUT's outbound streams
   * @param strict whether the accounting starts from nothing (false after a restart, which
   *     carries queued messages over from the earlier incarnation)
   */
  OutboundModel(int initialTsn, int streams, boolean strict) {
    this.initialTsn = initialTsn;
    this.streams = streams;
    this.strict = strict;
  }

  boolean strict() {
    return strict;
  }

  /** The highest TSN the IUT sent, or its Initial TSN - 1. */
  int highestTsn() {
    return initialTsn + seen.size() - 1;
  }

  void accepted(AppMessage m) {
    acceptedBytes += m.data().length();
    unmatched.add(m);
  }

  void onFailed(SendFailed f) {
    if (f.sent()) {
      failedSentBytes += f.data().length();
    } else {
      failedUnsentBytes += f.data().length();
    }
  }

  /** A DATA chunk the IUT sent in this incarnation. */
  void onData(DataChunk d) {
    int index = d.tsn() - initialTsn;
    check(index >= 0 && index <= seen.size(),
        "the IUT sent TSN %d; next new TSN %d (Initial TSN %d)", d.tsn(), initialTsn + seen.size(),
        initialTsn);
    if (index < seen.size()) {
      check(seen.get(index).equals(d), "retransmission of TSN %d differs: %s then %s", d.tsn(),
          seen.get(index), d);
      return;
    }
    // RFC 9260 section 6.2 (no user data is a protocol error) and 6.9 (consecutive fragments).
    check(d.userData().length() > 0, "the IUT sent a DATA chunk without user data: %s", d);
    check(d.streamId() < streams, "the IUT sent on stream %d of %d", d.streamId(), streams);
    DataChunk previous = seen.isEmpty() ? null : seen.get(seen.size() - 1);
    if (previous == null || previous.ending()) {
      check(d.beginning(), "TSN %d continues no message: %s", d.tsn(), d);
      if (!d.unordered()) {
        int expected = nextSsn.getOrDefault(d.streamId(), 0);
        check(d.streamSequenceNumber() == expected, "stream %d: SSN %d after %d", d.streamId(),
            d.streamSequenceNumber(), expected - 1);
        nextSsn.put(d.streamId(), (expected + 1) & 0xFFFF);
      }
      assembling.reset();
    } else {
      check(!d.beginning() && d.streamId() == previous.streamId()
              && d.unordered() == previous.unordered()
              && d.streamSequenceNumber() == previous.streamSequenceNumber()
              && d.payloadProtocolId() == previous.payloadProtocolId(),
          "TSN %d does not continue the message of TSN %d: %s after %s", d.tsn(), previous.tsn(),
          d, previous);
    }
    seen.add(d);
    wireBytes += d.userData().length();
    assembling.writeBytes(d.userData().toByteArray());
    if (d.ending()) {
      matchMessage(d.streamId(), d.unordered(), Bytes.wrap(assembling.toByteArray()));
    }
  }

  private void matchMessage(int stream, boolean unordered, Bytes data) {
    if (!strict) {
      return;
    }
    for (int i = 0; i < unmatched.size(); i++) {
      AppMessage m = unmatched.get(i);
      if (m.stream() == stream && m.unordered() == unordered && m.data().equals(data)) {
        unmatched.remove(i);
        matchedBytes += data.length();
        return;
      }
    }
    throw new AssertionError("the IUT sent a message its application did not send (or sent it"
        + " twice): stream " + stream + (unordered ? " U " : " ") + data.length() + " bytes");
  }

  /**
   * Checks the accounting while the association has a TCB: the cumulative TSN ack point moves
   * forward over TSNs the IUT sent, and the buffered amount and the queue match the model.
   */
  void checkLive(long bufferedAmount, long queuedBytes, AssociationInternals in) {
    int index = in.cumulativeAckPoint() - initialTsn;
    check(index >= acknowledgedIndex, "cumulative TSN ack point moved back to %d",
        in.cumulativeAckPoint());
    check(index < seen.size(), "cumulative TSN ack point %d beyond the highest TSN sent %d",
        in.cumulativeAckPoint(), highestTsn());
    check(in.nextTsn() == initialTsn + seen.size(),
        "next TSN %d, but the IUT sent up to %d", in.nextTsn(), highestTsn());
    while (acknowledgedIndex < index) {
      acknowledgedIndex++;
      acknowledgedBytes += seen.get(acknowledgedIndex).userData().length();
    }
    if (!strict) {
      return;
    }
    long outstanding = wireBytes - acknowledgedBytes - failedSentBytes;
    check(bufferedAmount == queuedBytes + outstanding,
        "buffered amount %d, but %d queued and %d sent and not acknowledged", bufferedAmount,
        queuedBytes, outstanding);
    check(acceptedBytes == wireBytes + queuedBytes + failedUnsentBytes,
        "accepted %d bytes, but %d went on the wire, %d are queued and %d were reported unsent",
        acceptedBytes, wireBytes, queuedBytes, failedUnsentBytes);
  }

  /** Bytes of DATA chunks (padded, as flight counts them) above the cumulative TSN ack point. */
  long outstandingChunkBytes(int cumulativeAckPoint) {
    long bytes = 0;
    for (int i = Math.max(0, cumulativeAckPoint - initialTsn + 1); i < seen.size(); i++) {
      bytes += seen.get(i).paddedLength();
    }
    return bytes;
  }

  /**
   * The association closed: every accepted byte went on the wire or was reported unsent, and the
   * bytes reported as sent and not delivered were sent and not acknowledged.
   */
  void checkClosed() {
    if (!strict) {
      return;
    }
    check(acceptedBytes == wireBytes + failedUnsentBytes,
        "closed: accepted %d bytes, %d went on the wire, %d were reported unsent", acceptedBytes,
        wireBytes, failedUnsentBytes);
    check(failedSentBytes <= wireBytes - acknowledgedBytes,
        "closed: %d bytes reported sent and undelivered, but only %d were unacknowledged",
        failedSentBytes, wireBytes - acknowledgedBytes);
  }

  /** After the peer acknowledged everything: every accepted message arrived or was reported. */
  void checkAllDelivered() {
    if (!strict) {
      return;
    }
    check(matchedBytes + failedUnsentBytes == acceptedBytes,
        "settled: %d bytes accepted, %d arrived, %d reported unsent; still missing: %s",
        acceptedBytes, matchedBytes, failedUnsentBytes, unmatched.size());
  }
}
