package org.jsctp.testkit.sim;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** Builds small, well-formed SCTP packets for the simulator's own tests. */
final class ToyPackets {

  static final int PORT = 9899;

  private ToyPackets() {}

  /** A packet whose verification tag is {@code tag} with one 4-byte chunk per type. */
  static byte[] packet(int tag, int... chunkTypes) {
    ByteBuffer buffer = ByteBuffer.allocate(12 + 4 * chunkTypes.length);
    buffer.putShort((short) PORT).putShort((short) PORT).putInt(tag).putInt(0);
    for (int type : chunkTypes) {
      buffer.put((byte) type).put((byte) 0).putShort((short) 4);
    }
    return withChecksum(buffer.array());
  }

  /** A packet of exactly {@code size} bytes (a multiple of 4) holding one chunk of {@code type}. */
  static byte[] sized(int tag, int size, int type) {
    if (size < 16 || size % 4 != 0) {
      throw new IllegalArgumentException("size must be a multiple of 4 from 16: " + size);
    }
    ByteBuffer buffer = ByteBuffer.allocate(size);
    buffer.putShort((short) PORT).putShort((short) PORT).putInt(tag).putInt(0);
    buffer.put((byte) type).put((byte) 0).putShort((short) (size - 12));
    return withChecksum(buffer.array());
  }

  /** The verification tag, used by the tests as a sequence number. */
  static int tag(byte[] packet) {
    return ByteBuffer.wrap(packet).getInt(4);
  }

  private static byte[] withChecksum(byte[] packet) {
    CRC32C crc = new CRC32C();
    crc.update(packet);
    long value = crc.getValue();
    for (int i = 0; i < 4; i++) {
      packet[8 + i] = (byte) (value >>> (8 * i));
    }
    return packet;
  }
}
