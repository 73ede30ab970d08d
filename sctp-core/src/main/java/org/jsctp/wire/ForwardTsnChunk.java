package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * FORWARD TSN (RFC 3758 section 3.2): moves the receiver's cumulative TSN past abandoned data,
 * naming for each ordered stream concerned the highest stream sequence number skipped.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Type = 192   | Flags = 0x00  |       Length = Variable       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      New Cumulative TSN                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Stream-1            |       Stream Sequence-1       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              ...                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Stream-N            |       Stream Sequence-N       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param newCumulativeTsn the TSN the receiver is to treat as its cumulative TSN
 * @param streams the ordered streams with skipped messages, each once
 */
public record ForwardTsnChunk(int newCumulativeTsn, List<StreamEntry> streams) implements Chunk {

  /**
   * One skipped stream.
   *
   * @param streamId the stream identifier, 0..65535
   * @param streamSequenceNumber the highest stream sequence number skipped, 0..65535
   */
  public record StreamEntry(int streamId, int streamSequenceNumber) {

    /** Checks both fields fit 16 bits. */
    public StreamEntry {
      Wire.checkU16(streamId, "streamId");
      Wire.checkU16(streamSequenceNumber, "streamSequenceNumber");
    }
  }

  /** Copies the list and checks the chunk fits a 16-bit Length. */
  public ForwardTsnChunk {
    streams = List.copyOf(streams);
    Wire.checkEncodedLength(8 + 4 * streams.size(), "ForwardTsnChunk");
  }

  static ForwardTsnChunk parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueAtLeast(len, 4, "FORWARD-TSN");
    int n = Wire.entryCount(len - 4, 4, "FORWARD-TSN stream entries");
    StreamEntry[] entries = new StreamEntry[n];
    for (int i = 0, p = off + 4; i < n; i++, p += 4) {
      entries[i] = new StreamEntry(Wire.u16(b, p), Wire.u16(b, p + 2));
    }
    return new ForwardTsnChunk(Wire.i32(b, off), List.of(entries));
  }

  @Override
  public int type() {
    return ChunkType.FORWARD_TSN;
  }

  @Override
  public int flags() {
    return 0;
  }

  @Override
  public int encodedLength() {
    return 8 + 4 * streams.size();
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeChunkHeader(out, ChunkType.FORWARD_TSN, 0, encodedLength());
    out.putInt(newCumulativeTsn);
    for (StreamEntry entry : streams) {
      out.putShort((short) entry.streamId());
      out.putShort((short) entry.streamSequenceNumber());
    }
  }
}
