package org.jsctp.testkit.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jsctp.wire.ChunkType;

/**
 * A tolerant walk over a raw SCTP packet, independent of the codec, and chunk type names for
 * traces; the type codes are {@link ChunkType}'s.
 *
 * <p>A packet is a 12-byte common header followed by chunks, each starting with type (u8),
 * flags (u8) and length (u16, big-endian, covering the 4-byte chunk header and the value but not
 * the padding), and padded to a multiple of 4 bytes (RFC 9260 section 3.2). The walk never
 * throws: it stops at the first chunk whose length is below 4, and lists a chunk whose claimed
 * length runs past the end of the packet before stopping.
 */
public final class ChunkTypes {


  private static final int COMMON_HEADER_LENGTH = 12;
  private static final int CHUNK_HEADER_LENGTH = 4;

  private ChunkTypes() {}

  /** The chunk types of {@code packet} in order of appearance; empty for garbage. */
  public static List<Integer> of(byte[] packet) {
    List<Integer> types = new ArrayList<>(2);
    int offset = COMMON_HEADER_LENGTH;
    while (offset + CHUNK_HEADER_LENGTH <= packet.length) {
      int type = packet[offset] & 0xFF;
      int length = ((packet[offset + 2] & 0xFF) << 8) | (packet[offset + 3] & 0xFF);
      if (length < CHUNK_HEADER_LENGTH) {
        break;
      }
      types.add(type);
      offset += (length + 3) & ~3;
    }
    return Collections.unmodifiableList(types);
  }

  /** Whether {@code packet} holds at least one chunk of {@code type}. */
  public static boolean contains(byte[] packet, int type) {
    return of(packet).contains(type);
  }

  /** The RFC name of a chunk type with underscores ({@code INIT_ACK}), or {@code TYPE_n}. */
  public static String name(int type) {
    String name = ChunkType.name(type);
    return name.startsWith("type ") ? "TYPE_" + type : name.replace(' ', '_').replace('-', '_');
  }

  /** Names of a list of chunk types joined with commas: {@code DATA,SACK}. */
  public static String names(List<Integer> types) {
    StringBuilder text = new StringBuilder();
    for (int type : types) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(name(type));
    }
    return text.toString();
  }
}
