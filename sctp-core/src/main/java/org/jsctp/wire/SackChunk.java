package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * SACK (RFC 9260 section 3.3.4): acknowledges DATA. Gap blocks are offsets from the cumulative TSN
 * ack; the counts must agree with the Length. A hostile SACK can list up to 16 thousand blocks in
 * one packet; the counts are checked before anything is allocated.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 3    |  Chunk Flags  |         Chunk Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Cumulative TSN Ack                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Advertised Receiver Window Credit (a_rwnd)           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Number of Gap Ack Blocks = N  | Number of Duplicate TSNs = M  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Gap Ack Block #1 Start     |     Gap Ack Block #1 End      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              ...                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Gap Ack Block #N Start     |     Gap Ack Block #N End      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Duplicate TSN 1                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              ...                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Duplicate TSN M                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param cumulativeTsnAck the last TSN received in sequence
 * @param advertisedReceiverWindowCredit a_rwnd in bytes, 0..2^32-1
 * @param gapAckBlocks the gap ack blocks, lowest first
 * @param duplicateTsns TSNs received more than once since the last SACK
 */
public record SackChunk(
    int cumulativeTsnAck,
    long advertisedReceiverWindowCredit,
    List<GapAckBlock> gapAckBlocks,
    List<Integer> duplicateTsns)
    implements Chunk {

  private static final int FIXED = 12;

  /**
   * One gap ack block: TSNs from cumulative TSN ack + {@code start} to cumulative TSN ack + {@code
   * end} (serial arithmetic) have arrived.
   *
   * @param start offset of the first TSN received, 0..65535 (RFC 9260 requires at least 1)
   * @param end offset of the last TSN received, 0..65535
   */
  public record GapAckBlock(int start, int end) {

    /** Checks both offsets fit 16 bits. */
    public GapAckBlock {
      Wire.checkU16(start, "start");
      Wire.checkU16(end, "end");
    }
  }

  /** Checks the window, copies the lists and checks the chunk fits a 16-bit Length. */
  public SackChunk {
    Wire.checkU32(advertisedReceiverWindowCredit, "advertisedReceiverWindowCredit");
    gapAckBlocks = List.copyOf(gapAckBlocks);
    duplicateTsns = List.copyOf(duplicateTsns);
    Wire.checkEncodedLength(
        Wire.TLV_HEADER + FIXED + 4 * (gapAckBlocks.size() + duplicateTsns.size()), "SackChunk");
  }

  static SackChunk parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueAtLeast(len, FIXED, "SACK");
    int gaps = Wire.u16(b, off + 8);
    int dups = Wire.u16(b, off + 10);
    // RFC 9260 section 3.3.4: the Length is fixed by the two counts (trap: hostile counts).
    if (len != FIXED + 4 * (gaps + dups)) {
      throw new WireFormatException(
          WireFormatException.Reason.COUNT_MISMATCH,
          "SACK with "
              + gaps
              + " gap blocks and "
              + dups
              + " duplicate TSNs needs Length "
              + (Wire.TLV_HEADER + FIXED + 4 * (gaps + dups))
              + ", has "
              + (len + Wire.TLV_HEADER));
    }
    List<GapAckBlock> blocks = List.of();
    if (gaps > 0) {
      GapAckBlock[] array = new GapAckBlock[gaps];
      for (int i = 0, p = off + FIXED; i < gaps; i++, p += 4) {
        array[i] = new GapAckBlock(Wire.u16(b, p), Wire.u16(b, p + 2));
      }
      blocks = List.of(array);
    }
    List<Integer> duplicates = List.of();
    if (dups > 0) {
      Integer[] array = new Integer[dups];
      for (int i = 0, p = off + FIXED + 4 * gaps; i < dups; i++, p += 4) {
        array[i] = Wire.i32(b, p);
      }
      duplicates = List.of(array);
    }
    return new SackChunk(Wire.i32(b, off), Wire.u32(b, off + 4), blocks, duplicates);
  }

  @Override
  public int type() {
    return ChunkType.SACK;
  }

  @Override
  public int flags() {
    return 0;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + FIXED + 4 * (gapAckBlocks.size() + duplicateTsns.size());
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeChunkHeader(out, ChunkType.SACK, 0, encodedLength());
    out.putInt(cumulativeTsnAck);
    out.putInt((int) advertisedReceiverWindowCredit);
    out.putShort((short) gapAckBlocks.size());
    out.putShort((short) duplicateTsns.size());
    for (int i = 0, n = gapAckBlocks.size(); i < n; i++) {
      GapAckBlock block = gapAckBlocks.get(i);
      out.putShort((short) block.start());
      out.putShort((short) block.end());
    }
    for (int i = 0, n = duplicateTsns.size(); i < n; i++) {
      out.putInt(duplicateTsns.get(i));
    }
  }
}
