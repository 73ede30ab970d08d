package org.jsctp.association.fuzz;

import static org.jsctp.association.fuzz.ChunkSpec.DataMode.AT_OFFSET;
import static org.jsctp.association.fuzz.ChunkSpec.DataMode.FAR;
import static org.jsctp.association.fuzz.ChunkSpec.DataMode.NEXT;
import static org.jsctp.association.fuzz.ChunkSpec.DataMode.ROGUE;
import static org.jsctp.association.fuzz.FuzzAction.Source.PRIMARY;
import static org.jsctp.association.fuzz.FuzzAction.Source.SECOND;
import static org.jsctp.association.fuzz.FuzzAction.Source.STRANGER;
import static org.jsctp.association.fuzz.FuzzAction.Tag.RIGHT;
import static org.jsctp.association.fuzz.FuzzAction.Tag.WRONG;
import static org.jsctp.association.fuzz.FuzzAction.Tag.ZERO;

import java.util.List;
import org.jsctp.association.fuzz.ChunkSpec.DataMode;
import org.jsctp.association.fuzz.ChunkSpec.Echo;
import org.jsctp.association.fuzz.FuzzAction.CookieChoice;
import org.jsctp.association.fuzz.FuzzAction.Source;
import org.jsctp.association.fuzz.FuzzAction.Tag;
import org.jsctp.wire.CauseCode;
import org.jsctp.wire.ChunkType;

/**
 * The regression corpus of {@link AssociationFuzzTest}, written as actions: the hand-made seeds,
 * which between them exercise every kind of action and chunk, and the findings of fuzzing,
 * minimized (named {@code finding-...} after what they found; each failed before its fix). {@code
 * AssociationFuzzSeedsTest} checks that the files in the corpus directory are these, encoded.
 */
final class FuzzSeeds {

  /** A named input of the corpus. */
  record Seed(String name, Setup setup, List<FuzzAction> actions) {

    byte[] bytes() {
      FuzzActionEncoder e = new FuzzActionEncoder().setup(setup);
      actions.forEach(e::action);
      return e.toBytes();
    }
  }

  private static final long MS = FuzzActionDecoder.MS;
  private static final long FOREVER = Long.MAX_VALUE;

  private FuzzSeeds() {}

  static List<Seed> all() {
    return List.of(
        new Seed("in-order-messages-and-reads", setup(1, false), List.of(
            packet(next(0, false, 1, 100), next(1, false, 3, 1200)),
            packet(next(2, true, 2, 4000)),
            advance(200),
            consume(4),
            packet(next(0, false, 1, 1000), next(3, false, 4, 512)),
            consume(8),
            send(0, 1000),
            send(1, 3000),
            packet(sack(0, 65_535)),
            advance(1000))),
        new Seed("reordering-duplicates-and-a-tsn-wrap", new Setup(2, true, false, false, 10,
            65_535, 0xFFFF_FFF0, true, 0), List.of(
            packet(at(3, 1, false, 1, 512), at(1, 1, false, 2, 512)),
            packet(next(1, false, 1, 512), at(6, 2, true, 2, 1452)),
            packet(at(-2, 1, false, 1, 512), next(0, false, 1, 7)),
            advance(200),
            consume(8),
            packet(data(NEXT, 0, 4, false, 4, 2000, 0, true), at(8, 4, false, 1, 1)),
            consume(8),
            advance(10_000))),
        new Seed("receive-window-attack-and-out-of-window-data", setup(3, true), List.of(
            packet(at(40, 0, false, 4, 16_000)),
            packet(rogue(2, 0, 2, 9000, 3), rogue(3, 0, 2, 9000, 3), rogue(4, 0, 2, 9000, 3)),
            packet(at(1, 5, false, 4, 16_000), at(0, 5, false, 1, 16_000)),
            packet(far(-2), far(-1), far(0), far(5)),
            advance(200),
            consume(1),
            packet(next(0, true, 1, 16_000)),
            advance(1000))),
        new Seed("sends-sacks-gaps-zero-window-and-t3", setup(4, false), List.of(
            send(0, 3000),
            send(1, 10_000),
            send(2, 40_000),
            packet(sack(-3, 0, new ChunkSpec.Gap(2, 1), new ChunkSpec.Gap(6, 0))),
            advance(1000),
            advance(3000),
            packet(new ChunkSpec.Sack(-1, List.of(), 1 << 20, List.of(-2, 0))),
            send(3, 1453),
            advance(200),
            packet(sack(0, 1 << 20)),
            advance(1000),
            new FuzzAction.AppSend(4, 100, true, true, 100 * MS),
            packet(sack(0, 1000)),
            advance(30_000),
            packet(sack(1, 65_535)))),
        new Seed("heartbeats-multihoming-tags-and-strangers", new Setup(5, false, true, true, 10,
            65_535, 1000, false, 0), List.of(
            advance(30_000),
            packet(new ChunkSpec.HeartbeatAck(Echo.LATEST)),
            advance(65_000),
            packet(new ChunkSpec.HeartbeatAck(Echo.OLDEST), new ChunkSpec.HeartbeatAck(Echo.FORGED)),
            from(PRIMARY, RIGHT, new ChunkSpec.Heartbeat(3000), new ChunkSpec.Heartbeat(8)),
            from(SECOND, RIGHT, next(0, false, 1, 100)),
            from(STRANGER, RIGHT, next(0, false, 1, 100), new ChunkSpec.Heartbeat(1)),
            from(PRIMARY, WRONG, new ChunkSpec.Abort(false)),
            from(STRANGER, ZERO, new ChunkSpec.ShutdownComplete(true)),
            send(0, 1452),
            advance(600_000))),
        new Seed("shutdown-by-the-peer-with-data-outstanding", setup(6, true), List.of(
            send(0, 10_000),
            packet(next(0, false, 2, 1000), new ChunkSpec.Shutdown(-1)),
            send(1, 100),
            packet(new ChunkSpec.Shutdown(-1)),
            advance(1000),
            packet(sack(0, 65_535)),
            packet(new ChunkSpec.ShutdownComplete(false)),
            packet(new ChunkSpec.ShutdownComplete(true)),
            advance(3000))),
        new Seed("shutdown-by-the-application", setup(7, false), List.of(
            send(0, 4),
            new FuzzAction.AppShutdown(),
            packet(next(0, false, 1, 100)),
            packet(sack(0, 65_535)),
            packet(next(0, false, 1, 100)),
            advance(3000),
            packet(new ChunkSpec.ShutdownAck()),
            packet(new ChunkSpec.ShutdownAck()),
            advance(1000))),
        new Seed("init-collisions-restart-and-cookies", setup(8, false), List.of(
            send(0, 3000),
            new FuzzAction.PeerInit(false, PRIMARY),
            new FuzzAction.PeerCookieEcho(CookieChoice.LATEST, false),
            new FuzzAction.PeerInit(true, PRIMARY),
            packet(next(0, false, 1, 100)),
            new FuzzAction.PeerCookieEcho(CookieChoice.LATEST, true),
            packet(next(0, false, 1, 100)),
            new FuzzAction.PeerCookieEcho(CookieChoice.OLDEST, false),
            new FuzzAction.PeerCookieEcho(CookieChoice.FORGED, true),
            new FuzzAction.PeerInit(true, STRANGER),
            send(0, 100),
            advance(1000))),
        new Seed("abort-then-a-new-association-then-an-application-abort", setup(9, true),
            List.of(
                send(0, 1000),
                packet(new ChunkSpec.Abort(true)),
                packet(new ChunkSpec.Abort(false), next(0, false, 1, 100)),
                new FuzzAction.PeerInit(true, PRIMARY),
                new FuzzAction.PeerCookieEcho(CookieChoice.LATEST, false),
                packet(next(0, false, 1, 100)),
                send(0, 100),
                new FuzzAction.AppAbort(),
                advance(1000))),
        new Seed("chunks-the-association-did-not-negotiate", setup(10, false), List.of(
            packet(new ChunkSpec.ForwardTsn(3, 2), next(0, false, 1, 100)),
            packet(other(ChunkType.I_FORWARD_TSN), other(ChunkType.RE_CONFIG),
                other(ChunkType.ASCONF), other(ChunkType.ASCONF_ACK)),
            packet(other(ChunkType.AUTH), other(ChunkType.PAD), other(ChunkType.ECNE),
                other(ChunkType.CWR)),
            packet(other(ChunkType.NR_SACK), other(ChunkType.PKTDROP), other(0x3F), other(0x7F)),
            packet(other(0xBF), other(0xFF), next(0, false, 1, 100)),
            packet(error(CauseCode.INVALID_STREAM_IDENTIFIER), error(CauseCode.STALE_COOKIE),
                error(CauseCode.OUT_OF_RESOURCE), error(CauseCode.UNRECOGNIZED_CHUNK_TYPE)),
            packet(error(CauseCode.PROTOCOL_VIOLATION), error(0x1234),
                new ChunkSpec.CookieAck(), new ChunkSpec.StrayInitAck()),
            packet(new ChunkSpec.StrayInitAck()),
            packet(next(10, false, 1, 100)), // a stream the IUT does not have
            advance(200),
            packet(other(ChunkType.I_DATA)))), // not negotiated: the IUT aborts
        new Seed("lifetimes-and-refused-sends", setup(11, true), List.of(
            send(0, 0),
            send(10, 100),
            new FuzzAction.AppSend(0, 3000, false, false, 0),
            new FuzzAction.AppSend(1, 20_000, true, false, 100 * MS),
            packet(sack(0, 0)),
            advance(200),
            send(2, 32_768),
            advance(10_000),
            packet(sack(0, 65_535)),
            advance(1000))),

        // ---- findings, minimized ----------------------------------------------------------
        // The chunks of an ended TCB stayed in their paths' flight.
        new Seed("finding-flight-left-on-the-paths-when-the-tcb-ends", new Setup(67, true, false,
            true, 10, 4000, 1000, false, 16_000), List.of(
            new FuzzAction.AppSend(4, 100, false, true, FOREVER),
            packet(new ChunkSpec.Sack(1, List.of(new ChunkSpec.Gap(1, 1)), 0, List.of(0))))),
        // An empty message went out as a DATA chunk without user data.
        new Seed("finding-an-empty-message-sent-as-data-without-user-data", new Setup(191, false,
            false, true, 4, 4000, 0x7FFF_FFF0, true, 16_000), List.of(
            new FuzzAction.AppSend(0, 0, true, false, 5_000 * MS))),
        // In SHUTDOWN-SENT a TSN given up for room, gap-acknowledged before, went unreported.
        new Seed("finding-a-tsn-given-up-in-shutdown-sent-stays-acknowledged", new Setup(110,
            true, false, false, 9, 1500, 0xFFFF_FFF0, true, 16_000), List.of(
            from(SECOND, RIGHT, data(NEXT, 57, 1, true, 1, 16_000, 1, false)),
            from(STRANGER, RIGHT, data(NEXT, 3, 2, false, 1, 16_000, 2, false)),
            new FuzzAction.AppShutdown(),
            packet(data(AT_OFFSET, 35, 1, false, 4, 16_000, 0, true)),
            from(SECOND, RIGHT, data(NEXT, 24, 3, true, 2, 100, 0, true),
                data(NEXT, 50, 9, false, 1, 1, 2, true)))),
        // A cookie stale for more than 2^32 microseconds made StaleCookieCause throw.
        new Seed("finding-a-cookie-stale-beyond-32-bits-of-microseconds", new Setup(12, false,
            false, true, 10, 65_535, 1000, false, 0), List.of(
            advance(600_000), advance(600_000), advance(600_000), advance(600_000),
            advance(600_000), advance(600_000), advance(600_000), advance(600_000),
            new FuzzAction.PeerCookieEcho(CookieChoice.OLDEST, true))),
        // In SHUTDOWN-RECEIVED a SACK due to the second address blocked queued data; the lone
        // INIT ACK answering a duplicate INIT then swallowed it, counted as sent (two fixes).
        new Seed("finding-data-held-in-shutdown-received-then-lost-behind-an-init-ack",
            new Setup(89, true, true, false, 5, 1500, 1000, true, 4000), List.of(
                new FuzzAction.AppSend(2, 1452, true, false, 100 * MS),
                new FuzzAction.AppSend(3, 4, false, false, FOREVER),
                from(SECOND, RIGHT, data(AT_OFFSET, 51, 5, true, 1, 7, 0, false),
                    new ChunkSpec.Shutdown(0)),
                new FuzzAction.PeerInit(false, PRIMARY))),
        // A message reusing the SSN of one being partially delivered was delivered after it.
        new Seed("finding-an-ssn-delivered-twice-when-reused-during-partial-delivery",
            new Setup(191, false, false, false, 1, 65_535, 0xFFFF_FFF0, false, 4000), List.of(
                packet(data(NEXT, 9, 0, false, 1, 0, 0, false)),
                packet(data(NEXT, 1, 0, false, 3, 4000, 1, false)),
                packet(data(NEXT, 0, 0, true, 4, 100, 0, false)),
                packet(data(FAR, 0, 0, false, 1, 0, 1, true),
                    data(NEXT, 4, 0, false, 1, 0, 1, true)))));
  }

  // ---- a small vocabulary ------------------------------------------------------------------

  /** A peer with 10 streams each way, a 64 KiB window and Initial TSN 1000. */
  private static Setup setup(int seed, boolean active) {
    return new Setup(seed, active, false, false, 10, 65_535, 1000, false, 0);
  }

  private static FuzzAction packet(ChunkSpec... chunks) {
    return from(PRIMARY, RIGHT, chunks);
  }

  private static FuzzAction from(Source source, Tag tag, ChunkSpec... chunks) {
    return new FuzzAction.PeerPacket(source, tag, List.of(chunks));
  }

  private static ChunkSpec.Data data(DataMode mode, int offset, int stream, boolean unordered,
      int fragments, int size, int ssn, boolean immediate) {
    return new ChunkSpec.Data(mode, offset, stream, unordered, fragments, size, ssn, immediate);
  }

  /** The lowest planned TSN not yet sent, planning a message of this shape when needed. */
  private static ChunkSpec.Data next(int stream, boolean unordered, int fragments, int size) {
    return data(NEXT, 0, stream, unordered, fragments, size, 0, false);
  }

  /** The planned TSN {@code offset} above the cumulative TSN the IUT acknowledged. */
  private static ChunkSpec.Data at(int offset, int stream, boolean unordered, int fragments,
      int size) {
    return data(AT_OFFSET, offset, stream, unordered, fragments, size, 0, false);
  }

  private static ChunkSpec.Data far(int offset) {
    return data(FAR, offset, 0, true, 1, 100, 0, false);
  }

  /** {@code flags}: 1 B and E, 2 B only, 3 E only, 4 neither. */
  private static ChunkSpec.Data rogue(int offset, int stream, int flags, int size, int ssn) {
    return data(ROGUE, offset, stream, false, flags, size, ssn, false);
  }

  private static ChunkSpec.Sack sack(int cumDelta, long arwnd, ChunkSpec.Gap... gaps) {
    return new ChunkSpec.Sack(cumDelta, List.of(gaps), arwnd, List.of());
  }

  private static ChunkSpec.Error error(int cause) {
    return new ChunkSpec.Error(cause);
  }

  private static ChunkSpec.Other other(int type) {
    return new ChunkSpec.Other(type);
  }

  private static FuzzAction send(int stream, int size) {
    return new FuzzAction.AppSend(stream, size, false, false, FOREVER);
  }

  private static FuzzAction consume(int eighths) {
    return new FuzzAction.AppConsume(eighths);
  }

  private static FuzzAction advance(long ms) {
    return new FuzzAction.Advance(ms * MS);
  }
}
