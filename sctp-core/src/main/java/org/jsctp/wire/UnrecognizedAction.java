package org.jsctp.wire;

/**
 * What a receiver does with a chunk or parameter type it does not know, taken from the two highest
 * bits of the type (RFC 9260 sections 3.2 and 3.2.1). For a chunk, "stop" means: drop it and the
 * rest of the packet; for a parameter: skip the remaining parameters of its chunk.
 */
public enum UnrecognizedAction {
  /** 00: stop processing, report nothing. */
  STOP,
  /**
   * 01: stop processing and report it (cause 6 for a chunk, cause 8 or parameter 8 for a
   * parameter).
   */
  STOP_AND_REPORT,
  /** 10: skip it and go on. */
  SKIP,
  /** 11: skip it, go on, and report it. */
  SKIP_AND_REPORT;

  private static final UnrecognizedAction[] BY_BITS = values();

  /** Whether it is reported to the peer. */
  public boolean reports() {
    return this == STOP_AND_REPORT || this == SKIP_AND_REPORT;
  }

  /** Whether processing goes on after it. */
  public boolean continues() {
    return this == SKIP || this == SKIP_AND_REPORT;
  }

  /** The action of an 8-bit chunk type. */
  public static UnrecognizedAction ofChunkType(int type) {
    return BY_BITS[(type >>> 6) & 3];
  }

  /** The action of a 16-bit parameter type. */
  public static UnrecognizedAction ofParameterType(int type) {
    return BY_BITS[(type >>> 14) & 3];
  }
}
