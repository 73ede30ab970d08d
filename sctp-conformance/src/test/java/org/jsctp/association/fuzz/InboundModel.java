package org.jsctp.association.fuzz;

import static org.jsctp.association.fuzz.Checks.check;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsctp.api.MessageReceived;
import org.jsctp.util.SerialNumbers;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.SackChunk;

/**
 * The peer's side of the data it sends to the IUT in one incarnation of the association (one
 * pair of Initial TSNs): the messages it plans, which TSNs it sent, what the IUT acknowledged, and
 * what the IUT delivered to its application.
 *
 * <p>Always checked: the IUT's cumulative TSN never moves back, it acknowledges (cumulatively, in
 * gap blocks or as duplicates) only TSNs the peer sent, its gap blocks are ordered and disjoint,
 * no message is delivered twice, and the pieces of a partially delivered message come one after
 * the other with nothing in between.
 *
 * <p>Checked while the peer keeps to its plan (it is "strict" until it sends a rogue chunk):
 * every delivery is a planned message of a valid stream with the planned bytes, ordered messages
 * come in SSN order, and whatever the IUT acknowledged was delivered or is still held.
 *
 * <p>The model also tells whether the peer ever sent beyond the window the IUT advertised (RFC
 * 9260 section 6.1 rule A). Only for a peer that never did is it certain that every planned
 * message can still be delivered: a receiver whose window an overrunning peer filled with
 * messages it may not deliver yet (they wait for a partially delivered one, whose next fragment
 * no longer fits) may legitimately refuse the TSN it needs next for good.
 */
final class InboundModel {

  /** One message the peer plans to send: consecutive TSNs from {@code firstIndex}. */
  static final class Message {
    final int firstIndex;
    final int fragments;
    final int stream;
    final int ssn;
    final boolean unordered;
    final boolean validStream;
    int deliveredFragments;

    Message(int firstIndex, int fragments, int stream, int ssn, boolean unordered, boolean valid) {
      this.firstIndex = firstIndex;
      this.fragments = fragments;
      this.stream = stream;
      this.ssn = ssn;
      this.unordered = unordered;
      this.validStream = valid;
    }

    boolean complete() {
      return deliveredFragments == fragments;
    }
  }

  private record Planned(Message message, int fragment, DataChunk chunk) {}

  private final int initialTsn;
  private final int streams;
  private final List<Planned> plan = new ArrayList<>();
  private final int[] nextPlannedSsn = new int[FuzzActionDecoder.MAX_STREAM + 1];
  private final int[] nextDeliveredSsn = new int[FuzzActionDecoder.MAX_STREAM + 1];
  private final BitSet sent = new BitSet();
  private final Set<Integer> sentOutsidePlan = new HashSet<>();
  private boolean strict = true;
  private boolean overran;
  private long advertisedWindow = FuzzDriver.RCVBUF;
  private int highestPlannedSent = -1;

  private int ackedCumIndex = -1;
  /** The gap blocks of the IUT's latest SACK, as index ranges (a SHUTDOWN may move the cum on). */
  private final List<int[]> ackedRanges = new ArrayList<>();

  private final Set<Long> completeOrdered = new HashSet<>();
  private final Set<Integer> completeFirstTsns = new HashSet<>();
  private MessageReceived openPiece;
  private int firstUndelivered;
  private long deliveredBytes;
  private long consumedBytes;

  /**
   * @param initialTsn the peer's Initial TSN in this incarnation
   * @param streams the IUT's inbound streams
   */
  InboundModel(int initialTsn, int streams) {
    this.initialTsn = initialTsn;
    this.streams = streams;
  }

  int initialTsn() {
    return initialTsn;
  }

  boolean strict() {
    return strict;
  }

  /** The peer broke its plan: checks that need the plan stop. */
  void leavePlan() {
    strict = false;
  }

  int tsn(int index) {
    return initialTsn + index;
  }

  private int index(int tsn) {
    return tsn - initialTsn;
  }

  // ---- planning and sending --------------------------------------------------------------

  /** The cumulative TSN the IUT last acknowledged, as an index (-1: none yet). */
  int ackedCumIndex() {
    return ackedCumIndex;
  }

  /** The lowest planned index the peer has not sent yet. */
  int lowestUnsent() {
    return sent.nextClearBit(0);
  }

  /** The highest index the peer sent (planned or not), or -1. */
  int highestSentIndex() {
    return Math.max(sent.length() - 1, ackedCumIndex);
  }

  int plannedCount() {
    return plan.size();
  }

  /**
   * The planned chunk at {@code index}, planning messages shaped like {@code d} until the plan
   * reaches it.
   */
  DataChunk planned(int index, ChunkSpec.Data d) {
    while (plan.size() <= index) {
      planMessage(d.stream(), d.unordered(), d.fragments(), Math.max(1, d.size()));
    }
    return plan.get(index).chunk();
  }

  private void planMessage(int stream, boolean unordered, int fragments, int size) {
    int ssn = 0;
    if (!unordered) {
      ssn = nextPlannedSsn[stream];
      nextPlannedSsn[stream] = SerialNumbers.next16(ssn);
    }
    Message m = new Message(plan.size(), fragments, stream, ssn, unordered, stream < streams);
    for (int f = 0; f < fragments; f++) {
      int index = plan.size();
      byte[] payload = new byte[size];
      for (int i = 0; i < size; i++) {
        payload[i] = (byte) (index * 13 + i + stream);
      }
      DataChunk chunk = new DataChunk(false, unordered, f == 0, f == fragments - 1, tsn(index),
          stream, ssn, 0x7000 + stream, Bytes.wrap(payload));
      plan.add(new Planned(m, f, chunk));
    }
  }

  /** Records that the peer sent {@code chunk}, and whether that overran the IUT's window. */
  void markSent(DataChunk chunk) {
    int tsn = chunk.tsn();
    int index = index(tsn);
    if (index >= 0 && index < plan.size() + 4096) {
      sent.set(index);
      if (index < plan.size() && index > highestPlannedSent) {
        overran |= !windowAdmits(index);
        highestPlannedSent = index;
      }
    } else {
      sentOutsidePlan.add(tsn);
      overran = true;
    }
  }

  /**
   * Whether a well-behaved peer may send the planned chunk at {@code index} now: a
   * retransmission, or new data within the window the IUT advertised last, one chunk when nothing
   * is outstanding (section 6.1 rule A). A real sender has sent every lower TSN before a new one,
   * so all of them that the IUT did not acknowledge count as outstanding, sent by this peer or not.
   */
  boolean windowAdmits(int index) {
    if (index <= highestPlannedSent) {
      return true;
    }
    long before = 0;
    for (int i = ackedCumIndex + 1; i < index; i++) {
      if (!acknowledged(i)) {
        before += plan.get(i).chunk().userData().length();
      }
    }
    return before == 0 || before + plan.get(index).chunk().userData().length() <= advertisedWindow;
  }

  /** Whether the peer ever sent beyond the window the IUT advertised. */
  boolean overran() {
    return overran;
  }

  private boolean wasSent(int tsn) {
    int index = index(tsn);
    return (index >= 0 && sent.get(index)) || sentOutsidePlan.contains(tsn);
  }

  // ---- what the IUT acknowledges -----------------------------------------------------------

  /** A SACK from the IUT. */
  void onSack(SackChunk sack) {
    onCumulativeAck(sack.cumulativeTsnAck(), "SACK");
    int cum = sack.cumulativeTsnAck();
    int previousEnd = 0;
    for (SackChunk.GapAckBlock g : sack.gapAckBlocks()) {
      // RFC 9260 section 3.3.4: blocks above the cumulative TSN + 1, ascending, not touching.
      check(g.start() >= 2 && g.start() <= g.end() && g.start() > previousEnd + 1,
          "gap blocks malformed or out of order: %s", sack);
      previousEnd = g.end();
      for (int off = g.start(); off <= g.end(); off++) {
        check(wasSent(cum + off), "the IUT acknowledged TSN %d in a gap block, never sent: %s",
            cum + off, sack);
      }
    }
    for (int dup : sack.duplicateTsns()) {
      check(wasSent(dup), "the IUT reported TSN %d as duplicate, never sent", dup);
    }
    ackedRanges.clear();
    for (SackChunk.GapAckBlock g : sack.gapAckBlocks()) {
      ackedRanges.add(new int[] {index(cum) + g.start(), index(cum) + g.end()});
    }
    advertisedWindow = sack.advertisedReceiverWindowCredit();
  }

  /** The cumulative TSN of a SACK or SHUTDOWN from the IUT. */
  void onCumulativeAck(int cum, String what) {
    int previous = tsn(ackedCumIndex);
    check(SerialNumbers.ge32(cum, previous), "%s cumulative TSN moved back from %d to %d", what,
        previous, cum);
    int index = index(cum);
    check(index >= ackedCumIndex, "%s cumulative TSN %d below the Initial TSN %d", what, cum,
        initialTsn);
    check(index < 0 || sent.nextClearBit(0) > index,
        "%s cumulatively acknowledges TSN %d, never sent (lowest unsent %d)", what, cum,
        tsn(sent.nextClearBit(0)));
    ackedCumIndex = index;
  }

  // ---- what the IUT delivers ---------------------------------------------------------------

  void onMessage(MessageReceived m) {
    check(m.data().length() > 0, "empty delivery %s", m);
    if (openPiece != null) {
      check(m.streamId() == openPiece.streamId() && m.firstTsn() == openPiece.firstTsn()
              && m.streamSequenceNumber() == openPiece.streamSequenceNumber()
              && m.unordered() == openPiece.unordered(),
          "another message %s delivered between the pieces of %s", m, openPiece);
    }
    openPiece = m.complete() ? null : m;
    deliveredBytes += m.data().length();
    if (m.complete()) {
      check(completeFirstTsns.add(m.firstTsn()), "message with first TSN %d delivered twice: %s",
          m.firstTsn(), m);
      if (!m.unordered()) {
        long key = (long) m.streamId() << 16 | m.streamSequenceNumber();
        check(completeOrdered.add(key), "ordered message stream %d SSN %d delivered twice",
            m.streamId(), m.streamSequenceNumber());
      }
    }
    if (strict) {
      checkAgainstPlan(m);
    }
  }

  private void checkAgainstPlan(MessageReceived m) {
    int index = index(m.firstTsn());
    check(index >= 0 && index < plan.size() && plan.get(index).fragment() == 0,
        "delivered %s does not start a planned message", m);
    Message planned = plan.get(index).message();
    check(planned.validStream, "delivered %s on a stream the IUT does not have (%d)", m, streams);
    check(planned.stream == m.streamId() && planned.unordered == m.unordered()
            && (planned.unordered || planned.ssn == m.streamSequenceNumber())
            && m.payloadProtocolId() == 0x7000 + planned.stream,
        "delivered %s does not match the planned stream/SSN/U/PPID", m);
    check(!planned.complete(), "delivered %s again", m);
    if (!planned.unordered && planned.deliveredFragments == 0) {
      check(planned.ssn == nextDeliveredSsn[planned.stream],
          "stream %d delivered SSN %d before SSN %d", planned.stream, planned.ssn,
          nextDeliveredSsn[planned.stream]);
    }
    byte[] data = m.data().toByteArray();
    int off = 0;
    while (off < data.length) {
      check(planned.deliveredFragments < planned.fragments,
          "delivered %s is longer than the planned message", m);
      Bytes fragment = plan.get(planned.firstIndex + planned.deliveredFragments).chunk().userData();
      check(off + fragment.length() <= data.length
              && Bytes.wrap(data, off, fragment.length()).equals(fragment),
          "delivered %s differs from the planned bytes at offset %d", m, off);
      off += fragment.length();
      planned.deliveredFragments++;
    }
    check(m.complete() == planned.complete(),
        "delivered %s: complete=%s but %d of %d fragments delivered", m, m.complete(),
        planned.deliveredFragments, planned.fragments);
    if (planned.complete() && !planned.unordered) {
      nextDeliveredSsn[planned.stream] = SerialNumbers.next16(planned.ssn);
    }
  }

  /** Bytes delivered and not yet read by the application. */
  long unread() {
    return deliveredBytes - consumedBytes;
  }

  void consumed(long bytes) {
    consumedBytes += bytes;
  }

  /**
   * While strict: the bytes the IUT acknowledged (its latest cumulative TSN and gap blocks) for
   * valid streams and not yet delivered, which it must still hold.
   */
  long acknowledgedUndeliveredBytes() {
    while (firstUndelivered < plan.size() && isDeliveredOrInvalid(firstUndelivered)) {
      firstUndelivered++;
    }
    long bytes = 0;
    for (int i = firstUndelivered; i <= ackedCumIndex && i < plan.size(); i++) {
      bytes += undeliveredBytes(i);
    }
    for (int[] range : ackedRanges) {
      for (int i = Math.max(range[0], ackedCumIndex + 1); i <= range[1]; i++) {
        if (i >= firstUndelivered && i < plan.size()) {
          bytes += undeliveredBytes(i);
        }
      }
    }
    return bytes;
  }

  private boolean isDeliveredOrInvalid(int index) {
    Planned p = plan.get(index);
    return !p.message().validStream || p.fragment() < p.message().deliveredFragments;
  }

  private long undeliveredBytes(int index) {
    return isDeliveredOrInvalid(index) ? 0 : plan.get(index).chunk().userData().length();
  }

  // ---- the end of a run ----------------------------------------------------------------------

  /** Whether the IUT acknowledged {@code index} in its latest SACK. */
  boolean acknowledged(int index) {
    if (index <= ackedCumIndex) {
      return true;
    }
    for (int[] range : ackedRanges) {
      if (index >= range[0] && index <= range[1]) {
        return true;
      }
    }
    return false;
  }

  /** The planned chunk at {@code index}, which exists. */
  DataChunk plannedAt(int index) {
    return plan.get(index).chunk();
  }

  /** Planned messages of valid streams that were not delivered completely, for a report. */
  List<String> undeliveredMessages() {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      Planned p = plan.get(i);
      Message m = p.message();
      if (p.fragment() == 0 && m.validStream && !m.complete()) {
        list.add("TSN " + tsn(i) + " stream " + m.stream + " SSN " + m.ssn + (m.unordered ? " U" : "")
            + " " + m.deliveredFragments + "/" + m.fragments + " fragments delivered");
      }
    }
    return list;
  }
}
