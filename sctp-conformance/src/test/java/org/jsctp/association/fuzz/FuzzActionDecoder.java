package org.jsctp.association.fuzz;

import static org.jsctp.association.fuzz.FuzzAction.CookieChoice;
import static org.jsctp.association.fuzz.FuzzAction.Source;
import static org.jsctp.association.fuzz.FuzzAction.Tag;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.association.fuzz.ChunkSpec.DataMode;
import org.jsctp.association.fuzz.ChunkSpec.Echo;
import org.jsctp.wire.CauseCode;
import org.jsctp.wire.ChunkType;

/**
 * Reads a run from {@link Choices}: the {@link Setup}, then one {@link FuzzAction} after another.
 * Every action reads a fixed list of fields whatever the driver's state, so that an input means
 * the same actions in every run and a seed can be written from actions ({@link
 * FuzzActionEncoder} writes them in the same order; a test checks that the two agree). The
 * weights keep the actions that end an association (ABORT, a SACK for a TSN never sent) rare.
 */
final class FuzzActionDecoder {

  /** What a step does. */
  enum ActionKind {
    PEER_PACKET, PEER_INIT, PEER_COOKIE_ECHO, APP_SEND, APP_CONSUME, APP_SHUTDOWN, APP_ABORT, ADVANCE
  }

  /** What a chunk of a peer packet is. */
  enum ChunkKind {
    DATA, SACK, HEARTBEAT, HEARTBEAT_ACK, SHUTDOWN, SHUTDOWN_ACK, SHUTDOWN_COMPLETE, ABORT, ERROR,
    COOKIE_ACK, STRAY_INIT_ACK, FORWARD_TSN, OTHER
  }

  static final Weights<ActionKind> ACTIONS = new Weights<>(List.of(ActionKind.values()),
      14, 1, 1, 6, 3, 1, 1, 5);
  static final Weights<ChunkKind> CHUNKS = new Weights<>(List.of(ChunkKind.values()),
      14, 6, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2);
  static final Weights<DataMode> DATA_MODES = new Weights<>(List.of(DataMode.values()), 3, 3, 1, 1);
  static final Weights<Source> SOURCES = new Weights<>(List.of(Source.values()), 6, 1, 1);
  static final Weights<Tag> TAGS = new Weights<>(List.of(Tag.values()), 14, 1, 1);
  static final Weights<CookieChoice> COOKIES = new Weights<>(List.of(CookieChoice.values()), 2, 1, 1);
  static final Weights<Echo> ECHOES = new Weights<>(List.of(Echo.values()), 2, 1, 1);

  static final long MS = 1_000_000L;
  /** RFC 9260 section 3.3.2: an INIT or INIT ACK below 1500 is refused, so nothing lower here. */
  static final long[] PEER_RWNDS = {1500, 4000, 65_535, 1 << 20};
  static final long[] PEER_INITIAL_TSNS = {1000, 0xFFFF_FFF0L, 0x7FFF_FFF0L};
  static final long[] PARTIAL_DELIVERY_POINTS = {0, 4000, 16_000};
  static final int[] DATA_SIZES = {0, 1, 7, 100, 512, 1000, 1200, 1452, 2000, 4000, 9000, 16_000};
  static final int MIN_OFFSET = -4;
  static final int MAX_OFFSET = 59;
  static final int MAX_STREAM = 10;
  static final int MIN_CUM_DELTA = -12;
  static final long[] ARWNDS = {0, 1000, 65_535, 1 << 20};
  static final int[] HEARTBEAT_INFO_SIZES = {1, 8, 100, 1400, 3000};
  static final int[] CAUSE_CODES = {
    CauseCode.INVALID_STREAM_IDENTIFIER, CauseCode.STALE_COOKIE, CauseCode.OUT_OF_RESOURCE,
    CauseCode.UNRECOGNIZED_CHUNK_TYPE, CauseCode.PROTOCOL_VIOLATION, 0x1234
  };
  static final int[] OTHER_TYPES = {
    ChunkType.I_DATA, ChunkType.I_FORWARD_TSN, ChunkType.RE_CONFIG, ChunkType.ASCONF,
    ChunkType.ASCONF_ACK, ChunkType.AUTH, ChunkType.PAD, ChunkType.ECNE, ChunkType.CWR,
    ChunkType.NR_SACK, ChunkType.PKTDROP, 0x3F, 0x7F, 0xBF, 0xFF
  };
  static final int[] APP_SIZES = {0, 1, 4, 100, 1000, 1452, 1453, 3000, 10_000, 20_000, 32_768, 40_000};
  static final long[] LIFETIMES = {Long.MAX_VALUE, 0, 100 * MS, 5_000 * MS};
  static final long[] ADVANCES = {
    MS, 10 * MS, 100 * MS, 200 * MS, 1_000 * MS, 3_000 * MS, 10_000 * MS, 30_000 * MS,
    65_000 * MS, 600_000 * MS
  };
  /** An application abort happens only when this extra pick is 0: one in 8 of the rare kind. */
  static final int ABORT_CONFIRM_MAX = 7;

  private final Choices c;

  FuzzActionDecoder(Choices c) {
    this.c = c;
  }

  boolean hasMore() {
    return !c.exhausted();
  }

  Setup setup() {
    return new Setup(c.pick(0, 255), c.flag(), c.flag(), c.flag(), c.pick(1, 10),
        c.pickFrom(PEER_RWNDS), (int) c.pickFrom(PEER_INITIAL_TSNS), c.flag(),
        c.pickFrom(PARTIAL_DELIVERY_POINTS));
  }

  /** The next action; an application abort that is not confirmed reads as a 1 ms advance. */
  FuzzAction next() {
    return switch (ACTIONS.pick(c)) {
      case PEER_PACKET -> packet();
      case PEER_INIT -> new FuzzAction.PeerInit(c.flag(), SOURCES.pick(c));
      case PEER_COOKIE_ECHO -> new FuzzAction.PeerCookieEcho(COOKIES.pick(c), c.flag());
      case APP_SEND -> new FuzzAction.AppSend(c.pick(0, MAX_STREAM), c.pickFrom(APP_SIZES),
          c.flag(), c.flag(), c.pickFrom(LIFETIMES));
      case APP_CONSUME -> new FuzzAction.AppConsume(c.pick(0, 8));
      case APP_SHUTDOWN -> new FuzzAction.AppShutdown();
      case APP_ABORT -> c.pick(0, ABORT_CONFIRM_MAX) == 0
          ? new FuzzAction.AppAbort() : new FuzzAction.Advance(MS);
      case ADVANCE -> new FuzzAction.Advance(c.pickFrom(ADVANCES));
    };
  }

  private FuzzAction.PeerPacket packet() {
    Source source = SOURCES.pick(c);
    Tag tag = TAGS.pick(c);
    int count = c.pick(1, 4);
    List<ChunkSpec> chunks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      chunks.add(chunk());
    }
    return new FuzzAction.PeerPacket(source, tag, chunks);
  }

  private ChunkSpec chunk() {
    return switch (CHUNKS.pick(c)) {
      case DATA -> new ChunkSpec.Data(DATA_MODES.pick(c), c.pick(MIN_OFFSET, MAX_OFFSET),
          c.pick(0, MAX_STREAM), c.flag(), c.pick(1, 4), c.pickFrom(DATA_SIZES), c.pick(0, 3),
          c.flag());
      case SACK -> sack();
      case HEARTBEAT -> new ChunkSpec.Heartbeat(c.pickFrom(HEARTBEAT_INFO_SIZES));
      case HEARTBEAT_ACK -> new ChunkSpec.HeartbeatAck(ECHOES.pick(c));
      case SHUTDOWN -> new ChunkSpec.Shutdown(c.pick(-3, 1));
      case SHUTDOWN_ACK -> new ChunkSpec.ShutdownAck();
      case SHUTDOWN_COMPLETE -> new ChunkSpec.ShutdownComplete(c.flag());
      case ABORT -> new ChunkSpec.Abort(c.flag());
      case ERROR -> new ChunkSpec.Error(c.pickFrom(CAUSE_CODES));
      case COOKIE_ACK -> new ChunkSpec.CookieAck();
      case STRAY_INIT_ACK -> new ChunkSpec.StrayInitAck();
      case FORWARD_TSN -> new ChunkSpec.ForwardTsn(c.pick(-2, 8), c.pick(0, 2));
      case OTHER -> new ChunkSpec.Other(c.pickFrom(OTHER_TYPES));
    };
  }

  private ChunkSpec.Sack sack() {
    int cumDelta = c.pick(MIN_CUM_DELTA, 1);
    int gapCount = c.pick(0, 3);
    List<ChunkSpec.Gap> gaps = new ArrayList<>(gapCount);
    for (int i = 0; i < gapCount; i++) {
      gaps.add(new ChunkSpec.Gap(c.pick(1, 8), c.pick(0, 4)));
    }
    long arwnd = c.pickFrom(ARWNDS);
    int dupCount = c.pick(0, 2);
    List<Integer> dups = new ArrayList<>(dupCount);
    for (int i = 0; i < dupCount; i++) {
      dups.add(c.pick(-3, 3));
    }
    return new ChunkSpec.Sack(cumDelta, gaps, arwnd, dups);
  }
}
