package org.jsctp.testkit.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Chunk type codes and a tolerant walk over a raw SCTP packet, independent of the codec.
 *
 * <p>A packet is a 12-byte common header followed by chunks, each starting with type (u8),
 * flags (u8) and length (u16, big-endian, covering the 4-byte chunk header and the value but not
 * the padding), and padded to a multiple of 4 bytes (RFC 9260 section 3.2). The walk never
 * throws: it stops at the first chunk whose length is below 4, and lists a chunk whose claimed
 * length runs past the end of the packet before stopping.
 */
public final class ChunkTypes {

  public static final int DATA = 0;
  public static final int INIT = 1;
  public static final int INIT_ACK = 2;
  public static final int SACK = 3;
  public static final int HEARTBEAT = 4;
  public static final int HEARTBEAT_ACK = 5;
  public static final int ABORT = 6;
  public static final int SHUTDOWN = 7;
  public static final int SHUTDOWN_ACK = 8;
  public static final int ERROR = 9;
  public static final int COOKIE_ECHO = 10;
  public static final int COOKIE_ACK = 11;
  public static final int ECNE = 12;
  public static final int CWR = 13;
  public static final int SHUTDOWN_COMPLETE = 14;
  public static final int AUTH = 15;
  public static final int NR_SACK = 16;
  public static final int I_DATA = 64;
  public static final int ASCONF_ACK = 128;
  public static final int RE_CONFIG = 130;
  public static final int PAD = 132;
  public static final int FORWARD_TSN = 192;
  public static final int ASCONF = 193;
  public static final int I_FORWARD_TSN = 194;

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

  /** The RFC name of a chunk type, or {@code TYPE_n} for one this class does not know. */
  public static String name(int type) {
    return switch (type) {
      case DATA -> "DATA";
      case INIT -> "INIT";
      case INIT_ACK -> "INIT_ACK";
      case SACK -> "SACK";
      case HEARTBEAT -> "HEARTBEAT";
      case HEARTBEAT_ACK -> "HEARTBEAT_ACK";
      case ABORT -> "ABORT";
      case SHUTDOWN -> "SHUTDOWN";
      case SHUTDOWN_ACK -> "SHUTDOWN_ACK";
      case ERROR -> "ERROR";
      case COOKIE_ECHO -> "COOKIE_ECHO";
      case COOKIE_ACK -> "COOKIE_ACK";
      case ECNE -> "ECNE";
      case CWR -> "CWR";
      case SHUTDOWN_COMPLETE -> "SHUTDOWN_COMPLETE";
      case AUTH -> "AUTH";
      case NR_SACK -> "NR_SACK";
      case I_DATA -> "I_DATA";
      case ASCONF_ACK -> "ASCONF_ACK";
      case RE_CONFIG -> "RE_CONFIG";
      case PAD -> "PAD";
      case FORWARD_TSN -> "FORWARD_TSN";
      case ASCONF -> "ASCONF";
      case I_FORWARD_TSN -> "I_FORWARD_TSN";
      default -> "TYPE_" + type;
    };
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
