package org.jsctp.tx;

import org.jsctp.wire.ChunkType;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.IDataChunk;
import org.jsctp.wire.UserDataChunk;

/**
 * Cuts the next chunk of a queued message: a DATA chunk (RFC 9260 section 3.3.1), or an I-DATA
 * chunk (RFC 8260 section 2.1) on an association that uses them.
 */
final class ChunkCutter {

  private final boolean interleaving;

  ChunkCutter(boolean interleaving) {
    this.interleaving = interleaving;
  }

  /** The bytes before the user data of every chunk: 16 for DATA, 20 for I-DATA. */
  int headerLength() {
    return interleaving ? IDataChunk.HEADER_LENGTH : DataChunk.HEADER_LENGTH;
  }

  /** The type of the chunks cut: DATA, or I-DATA. */
  int chunkType() {
    return interleaving ? ChunkType.I_DATA : ChunkType.DATA;
  }

  /** The chunk with TSN {@code tsn} carrying the next {@code length} bytes of {@code m}. */
  UserDataChunk cut(QueuedMessage m, int tsn, int length, boolean ending, boolean immediate) {
    boolean beginning = !m.started();
    if (interleaving) {
      // RFC 8260 section 2.1: the first fragment carries the PPID, every other its FSN.
      return new IDataChunk(immediate, m.unordered(), beginning, ending, tsn, m.streamId(),
          m.messageId(), beginning ? m.payloadProtocolId() : m.nextFragmentSequence(),
          m.payload().slice(m.offset(), length));
    }
    return new DataChunk(immediate, m.unordered(), beginning, ending, tsn, m.streamId(),
        m.messageId(), m.payloadProtocolId(), m.payload().slice(m.offset(), length));
  }

  /**
   * The last fragment of a message abandoned part way, which is never sent: it only takes a TSN
   * so that the FORWARD-TSN skipping the message covers its end (as dcsctp and usrsctp do), and
   * the receiver drops the fragments it holds instead of waiting for the rest forever.
   */
  UserDataChunk endOfAbandoned(QueuedMessage m, int tsn) {
    return cut(m, tsn, 0, true, false);
  }
}
