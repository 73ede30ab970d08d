package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * I-FORWARD-TSN (RFC 8260 section 2.3): FORWARD TSN for I-DATA, naming message identifiers and
 * telling ordered from unordered messages with the U bit.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Type = 194   | Flags = 0x00  |       Length = Variable       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      New Cumulative TSN                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Stream Identifier       |  Reserved                 |U  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Message Identifier                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              ...                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param newCumulativeTsn the TSN the receiver is to treat as its cumulative TSN
 * @param entries the skipped streams
 */
public record IForwardTsnChunk(int newCumulativeTsn, List<Entry> entries) implements Chunk {

  private static final int FLAG_U = 0x0001;

  /**
   * One skipped stream.
   *
   * @param streamId the stream identifier, 0..65535
   * @param unordered the U bit: the entry is about unordered messages
   * @param messageId the highest message identifier skipped
   */
  public record Entry(int streamId, boolean unordered, int messageId) {

    /** Checks the stream identifier fits 16 bits. */
    public Entry {
      Wire.checkU16(streamId, "streamId");
    }
  }

  /** Copies the list and checks the chunk fits a 16-bit Length. */
  public IForwardTsnChunk {
    entries = List.copyOf(entries);
    Wire.checkEncodedLength(8 + 8 * entries.size(), "IForwardTsnChunk");
  }

  static IForwardTsnChunk parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueAtLeast(len, 4, "I-FORWARD-TSN");
    int n = Wire.entryCount(len - 4, 8, "I-FORWARD-TSN entries");
    Entry[] entries = new Entry[n];
    for (int i = 0, p = off + 4; i < n; i++, p += 8) {
      entries[i] =
          new Entry(Wire.u16(b, p), (Wire.u16(b, p + 2) & FLAG_U) != 0, Wire.i32(b, p + 4));
    }
    return new IForwardTsnChunk(Wire.i32(b, off), List.of(entries));
  }

  @Override
  public int type() {
    return ChunkType.I_FORWARD_TSN;
  }

  @Override
  public int flags() {
    return 0;
  }

  @Override
  public int encodedLength() {
    return 8 + 8 * entries.size();
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeChunkHeader(out, ChunkType.I_FORWARD_TSN, 0, encodedLength());
    out.putInt(newCumulativeTsn);
    for (Entry entry : entries) {
      out.putShort((short) entry.streamId());
      out.putShort((short) (entry.unordered() ? FLAG_U : 0));
      out.putInt(entry.messageId());
    }
  }
}
