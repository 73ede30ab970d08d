package org.jsctp.wire;

/**
 * A chunk carrying (a fragment of) a user message: DATA (RFC 9260 section 3.3.1) or I-DATA (RFC
 * 8260 section 2.1). An association uses one of the two, as negotiated.
 */
public sealed interface UserDataChunk extends Chunk permits DataChunk, IDataChunk {

  /** The I bit: the sender asks for a SACK without delay. */
  boolean immediate();

  /** The U bit: delivered without regard to order. */
  boolean unordered();

  /** The B bit: the first fragment of a message. */
  boolean beginning();

  /** The E bit: the last fragment of a message. */
  boolean ending();

  /** The transmission sequence number (32-bit unsigned). */
  int tsn();

  /** The stream identifier, 0..65535. */
  int streamId();

  /**
   * What orders the message on its stream: the 16-bit SSN of DATA (0 when unordered), the 32-bit
   * MID of I-DATA.
   */
  int messageId();

  /** The payload protocol identifier; an I-DATA fragment other than the first carries none (0). */
  int payloadProtocolId();

  /** The payload. */
  Bytes userData();

  /** The PPID of DATA (and of the first I-DATA fragment), the FSN of any other I-DATA fragment. */
  static int ppidOrFsn(UserDataChunk chunk) {
    return chunk instanceof IDataChunk i
        ? i.payloadProtocolIdOrFragmentSequence()
        : chunk.payloadProtocolId();
  }

  /**
   * A DATA chunk, or an I-DATA chunk when {@code interleaved}, from its fields; {@code flags} are
   * the I, U, B and E bits as on the wire.
   */
  static UserDataChunk of(boolean interleaved, int flags, int tsn, int streamId, int messageId,
      int ppidOrFsn, Bytes userData) {
    boolean immediate = UserDataChunks.immediate(flags);
    boolean unordered = UserDataChunks.unordered(flags);
    boolean beginning = UserDataChunks.beginning(flags);
    boolean ending = UserDataChunks.ending(flags);
    return interleaved
        ? new IDataChunk(immediate, unordered, beginning, ending, tsn, streamId, messageId,
            ppidOrFsn, userData)
        : new DataChunk(immediate, unordered, beginning, ending, tsn, streamId, messageId,
            ppidOrFsn, userData);
  }
}
