package org.jsctp.tx;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.SendFailed;
import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.util.SequenceUnwrapper;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.IForwardTsnChunk;
import org.jsctp.wire.UserDataChunk;

/**
 * The sending half's part of a THRESHOLD takeover (docs/ha.md): what the active may have sent
 * past its last record is skipped with placeholder TSNs and SSN or MID jumps, and the messages
 * it may have sent are reported lost. See {@link DataSender#skipUnknownRange}.
 */
final class ThresholdTakeover {

  private ThresholdTakeover() {}

  /** Returns the number of messages reported. */
  static int skip(DataSender d, int jump) {
    SendQueue queue = d.queue;
    int messagesAhead = jump / 2;
    List<QueuedMessage> lost = new ArrayList<>();
    int[] perStream = new int[queue.streamCount()];
    int unstarted = 0;
    for (QueuedMessage m : queue.all()) {
      if (m.started()) {
        lost.add(m);
      } else if (queue.isPaused(m.streamId())) {
        // A paused stream started nothing since the last record: resuming it stops new TSNs
        // until the standby knows.
        continue;
      } else if (d.streams.scheduler() == StreamSchedulerKind.FIRST_COME_FIRST_SERVED) {
        if (unstarted++ < messagesAhead) {
          lost.add(m);
        }
      } else if (perStream[m.streamId()]++ < messagesAhead) {
        lost.add(m);
      }
    }
    for (QueuedMessage m : lost) {
      m.abandoned = true;
      d.outstanding.abandon(m);
      queue.remove(m);
      d.buffer.released(m.remaining());
      d.env.emit(new SendFailed(d.env.associationId(), true, m.streamId(), m.payloadProtocolId(),
          m.unordered(), m.context(),
          "may have been sent by the active before a standby took over (HA THRESHOLD)",
          m.payload(), SendFailed.Cause.TAKEOVER));
    }
    boolean interleaving = d.cutter.headerLength() != DataChunk.HEADER_LENGTH;
    List<IForwardTsnChunk.Entry> skips = new ArrayList<>();
    for (int s = 0; s < queue.streamCount(); s++) {
      if (queue.isPaused(s)) {
        // Paused for a reset: nothing started on it after the last record, and the reset sets
        // its SSN or MIDs to 0 at both ends.
        continue;
      }
      int ordered = queue.nextOrdered(s);
      int unordered = queue.nextUnordered(s);
      if (!interleaving) {
        ordered = (ordered + messagesAhead) & 0xFFFF;
        skips.add(new IForwardTsnChunk.Entry(s, false, (ordered - 1) & 0xFFFF));
      } else {
        ordered += messagesAhead;
        unordered += messagesAhead;
        skips.add(new IForwardTsnChunk.Entry(s, false, ordered - 1));
        skips.add(new IForwardTsnChunk.Entry(s, true, unordered - 1));
      }
      queue.restoreMessageIds(s, ordered, unordered);
    }
    OutstandingData outstanding = d.outstanding;
    for (int i = 0; i < jump; i++) {
      outstanding.addUnknown(UserDataChunk.of(interleaving, 0x07,
          SequenceUnwrapper.wrap(outstanding.nextTsn()), 0, 0, 0, Bytes.EMPTY));
    }
    d.pr.skipOnTakeover(skips, outstanding.nextTsn() - 1);
    return lost.size();
  }
}
