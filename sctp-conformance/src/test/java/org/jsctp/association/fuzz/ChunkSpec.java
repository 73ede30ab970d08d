package org.jsctp.association.fuzz;

import java.util.List;

/** One chunk of a {@link FuzzAction.PeerPacket}, as an intent that {@link FuzzDriver} builds. */
sealed interface ChunkSpec {

  /** How a DATA chunk's TSN and contents are chosen. */
  enum DataMode {
    /** The lowest planned TSN the peer has not sent yet: the normal order. */
    NEXT,
    /** The planned chunk at {@code offset} from the cumulative TSN the IUT acknowledged. */
    AT_OFFSET,
    /**
     * Far outside the window: 65,536 or more ahead of the cumulative TSN, 2^30 behind it, or
     * 2^31 away (where serial arithmetic is undefined).
     */
    FAR,
    /** Contents that break the plan: any stream, SSN, flags and size, on a TSN near the window. */
    ROGUE
  }

  /**
   * A DATA chunk. The peer plans its messages (stream, ordered or not, fragments of {@code size}
   * bytes) and keeps a TSN's contents once planned, as a real sender does; the fields describe the
   * messages added when the chosen TSN lies beyond the plan, or a rogue chunk's contents.
   *
   * @param fragments 1 to 4; for a rogue chunk, its B/E flags: 1 both, 2 B, 3 E, 4 neither
   */
  record Data(DataMode mode, int offset, int stream, boolean unordered, int fragments, int size,
      int ssn, boolean immediate) implements ChunkSpec {}

  /** A gap ack block {@code start..start+length} relative to the SACK's cumulative TSN. */
  record Gap(int start, int length) {}

  /**
   * A SACK for the IUT's data: cumulative TSN at {@code cumDelta} from the highest TSN it sent
   * (positive: one it never sent, which it must treat as a protocol violation).
   */
  record Sack(int cumDelta, List<Gap> gaps, long arwnd, List<Integer> duplicateDeltas)
      implements ChunkSpec {
    public Sack {
      gaps = List.copyOf(gaps);
      duplicateDeltas = List.copyOf(duplicateDeltas);
    }
  }

  /** A HEARTBEAT with {@code infoSize} bytes of Heartbeat Info (large ones do not fit an ACK). */
  record Heartbeat(int infoSize) implements ChunkSpec {}

  /** Which heartbeat a HEARTBEAT ACK answers. */
  enum Echo {
    LATEST,
    OLDEST,
    FORGED
  }

  /** A HEARTBEAT ACK echoing one of the IUT's heartbeats, or forged info. */
  record HeartbeatAck(Echo echo) implements ChunkSpec {}

  /** A SHUTDOWN whose cumulative TSN ack is at {@code cumDelta} from the highest TSN the IUT sent. */
  record Shutdown(int cumDelta) implements ChunkSpec {}

  record ShutdownAck() implements ChunkSpec {}

  record ShutdownComplete(boolean reflectedTag) implements ChunkSpec {}

  record Abort(boolean reflectedTag) implements ChunkSpec {}

  /** An ERROR with one cause of this code (a well-formed value for the known ones). */
  record Error(int causeCode) implements ChunkSpec {}

  record CookieAck() implements ChunkSpec {}

  /** An INIT ACK the IUT never asked for (it must travel alone, and is ignored when established). */
  record StrayInitAck() implements ChunkSpec {}

  /**
   * A FORWARD TSN (RFC 3758), which the IUT did not negotiate: new cumulative TSN at {@code
   * cumDelta} from the one the IUT acknowledged, with {@code streams} stream entries.
   */
  record ForwardTsn(int cumDelta, int streams) implements ChunkSpec {}

  /** A chunk of another kind the IUT does not negotiate or know (I-DATA, RE-CONFIG, ASCONF, ...). */
  record Other(int type) implements ChunkSpec {}
}
