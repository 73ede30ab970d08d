package org.jsctp.wire;

/** Chunk type numbers (RFC 9260 section 3.2 and the extension RFCs named on each). */
public final class ChunkType {

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

  /** Reserved since RFC 9260 (was ECNE); decodes as {@link UnknownChunk}. */
  public static final int ECNE = 12;

  /** Reserved since RFC 9260 (was CWR); decodes as {@link UnknownChunk}. */
  public static final int CWR = 13;

  public static final int SHUTDOWN_COMPLETE = 14;

  /** RFC 4895. */
  public static final int AUTH = 15;

  /** draft-tuexen-tsvwg-sctp-multipath; decodes as {@link UnknownChunk}. */
  public static final int NR_SACK = 16;

  /** RFC 8260. */
  public static final int I_DATA = 64;

  /** RFC 5061. */
  public static final int ASCONF_ACK = 128;

  /** RFC 4960 errata / draft-stewart-sctp-pktdrprep; decodes as {@link UnknownChunk}. */
  public static final int PKTDROP = 129;

  /** RFC 6525. */
  public static final int RE_CONFIG = 130;

  /** RFC 4820. */
  public static final int PAD = 132;

  /** RFC 3758. */
  public static final int FORWARD_TSN = 192;

  /** RFC 5061. */
  public static final int ASCONF = 193;

  /** RFC 8260. */
  public static final int I_FORWARD_TSN = 194;

  private ChunkType() {}

  /** A short name for logs and messages, such as {@code "SACK"} or {@code "type 77"}. */
  public static String name(int type) {
    switch (type) {
      case DATA:
        return "DATA";
      case INIT:
        return "INIT";
      case INIT_ACK:
        return "INIT ACK";
      case SACK:
        return "SACK";
      case HEARTBEAT:
        return "HEARTBEAT";
      case HEARTBEAT_ACK:
        return "HEARTBEAT ACK";
      case ABORT:
        return "ABORT";
      case SHUTDOWN:
        return "SHUTDOWN";
      case SHUTDOWN_ACK:
        return "SHUTDOWN ACK";
      case ERROR:
        return "ERROR";
      case COOKIE_ECHO:
        return "COOKIE ECHO";
      case COOKIE_ACK:
        return "COOKIE ACK";
      case ECNE:
        return "ECNE";
      case CWR:
        return "CWR";
      case SHUTDOWN_COMPLETE:
        return "SHUTDOWN COMPLETE";
      case AUTH:
        return "AUTH";
      case NR_SACK:
        return "NR-SACK";
      case I_DATA:
        return "I-DATA";
      case ASCONF_ACK:
        return "ASCONF-ACK";
      case PKTDROP:
        return "PKTDROP";
      case RE_CONFIG:
        return "RE-CONFIG";
      case PAD:
        return "PAD";
      case FORWARD_TSN:
        return "FORWARD-TSN";
      case ASCONF:
        return "ASCONF";
      case I_FORWARD_TSN:
        return "I-FORWARD-TSN";
      default:
        return "type " + type;
    }
  }
}
