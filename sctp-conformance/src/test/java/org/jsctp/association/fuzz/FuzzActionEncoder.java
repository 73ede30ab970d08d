package org.jsctp.association.fuzz;

import static org.jsctp.association.fuzz.FuzzActionDecoder.*;

import java.util.Arrays;
import org.jsctp.association.fuzz.FuzzActionDecoder.ActionKind;
import org.jsctp.association.fuzz.FuzzActionDecoder.ChunkKind;

/**
 * Writes a setup and actions as the bytes {@link FuzzActionDecoder} reads them from: how the seed
 * inputs of the regression corpus are made. It mirrors the decoder field by field; {@code
 * AssociationFuzzSeedsTest} checks that decoding what it writes gives the same actions back.
 */
final class FuzzActionEncoder {

  private final SeedBytes.Writer w = new SeedBytes.Writer();

  FuzzActionEncoder setup(Setup s) {
    w.write(0, 255, s.seed());
    flag(s.active());
    flag(s.multihomed());
    flag(s.heartbeats());
    w.write(1, 10, s.peerStreams());
    index(PEER_RWNDS, s.peerRwnd());
    index(PEER_INITIAL_TSNS, s.peerInitialTsn() & 0xFFFF_FFFFL);
    flag(s.nodelay());
    index(PARTIAL_DELIVERY_POINTS, s.partialDeliveryPoint());
    return this;
  }

  FuzzActionEncoder action(FuzzAction a) {
    if (a instanceof FuzzAction.PeerPacket p) {
      ACTIONS.write(w, ActionKind.PEER_PACKET);
      SOURCES.write(w, p.source());
      TAGS.write(w, p.tag());
      w.write(1, 4, p.chunks().size());
      p.chunks().forEach(this::chunk);
    } else if (a instanceof FuzzAction.PeerInit i) {
      ACTIONS.write(w, ActionKind.PEER_INIT);
      flag(i.newTag());
      SOURCES.write(w, i.source());
    } else if (a instanceof FuzzAction.PeerCookieEcho e) {
      ACTIONS.write(w, ActionKind.PEER_COOKIE_ECHO);
      COOKIES.write(w, e.cookie());
      flag(e.withData());
    } else if (a instanceof FuzzAction.AppSend s) {
      ACTIONS.write(w, ActionKind.APP_SEND);
      w.write(0, MAX_STREAM, s.stream());
      index(APP_SIZES, s.size());
      flag(s.unordered());
      flag(s.sackImmediately());
      index(LIFETIMES, s.lifetimeNanos());
    } else if (a instanceof FuzzAction.AppConsume c) {
      ACTIONS.write(w, ActionKind.APP_CONSUME);
      w.write(0, 8, c.eighths());
    } else if (a instanceof FuzzAction.AppShutdown) {
      ACTIONS.write(w, ActionKind.APP_SHUTDOWN);
    } else if (a instanceof FuzzAction.AppAbort) {
      ACTIONS.write(w, ActionKind.APP_ABORT);
      w.write(0, ABORT_CONFIRM_MAX, 0);
    } else if (a instanceof FuzzAction.Advance adv) {
      ACTIONS.write(w, ActionKind.ADVANCE);
      index(ADVANCES, adv.nanos());
    } else {
      throw new IllegalArgumentException(a.toString());
    }
    return this;
  }

  private void chunk(ChunkSpec spec) {
    if (spec instanceof ChunkSpec.Data d) {
      CHUNKS.write(w, ChunkKind.DATA);
      DATA_MODES.write(w, d.mode());
      w.write(MIN_OFFSET, MAX_OFFSET, d.offset());
      w.write(0, MAX_STREAM, d.stream());
      flag(d.unordered());
      w.write(1, 4, d.fragments());
      index(DATA_SIZES, d.size());
      w.write(0, 3, d.ssn());
      flag(d.immediate());
    } else if (spec instanceof ChunkSpec.Sack s) {
      CHUNKS.write(w, ChunkKind.SACK);
      w.write(MIN_CUM_DELTA, 1, s.cumDelta());
      w.write(0, 3, s.gaps().size());
      for (ChunkSpec.Gap g : s.gaps()) {
        w.write(1, 8, g.start());
        w.write(0, 4, g.length());
      }
      index(ARWNDS, s.arwnd());
      w.write(0, 2, s.duplicateDeltas().size());
      for (int d : s.duplicateDeltas()) {
        w.write(-3, 3, d);
      }
    } else if (spec instanceof ChunkSpec.Heartbeat h) {
      CHUNKS.write(w, ChunkKind.HEARTBEAT);
      index(HEARTBEAT_INFO_SIZES, h.infoSize());
    } else if (spec instanceof ChunkSpec.HeartbeatAck h) {
      CHUNKS.write(w, ChunkKind.HEARTBEAT_ACK);
      ECHOES.write(w, h.echo());
    } else if (spec instanceof ChunkSpec.Shutdown s) {
      CHUNKS.write(w, ChunkKind.SHUTDOWN);
      w.write(-3, 1, s.cumDelta());
    } else if (spec instanceof ChunkSpec.ShutdownAck) {
      CHUNKS.write(w, ChunkKind.SHUTDOWN_ACK);
    } else if (spec instanceof ChunkSpec.ShutdownComplete s) {
      CHUNKS.write(w, ChunkKind.SHUTDOWN_COMPLETE);
      flag(s.reflectedTag());
    } else if (spec instanceof ChunkSpec.Abort a) {
      CHUNKS.write(w, ChunkKind.ABORT);
      flag(a.reflectedTag());
    } else if (spec instanceof ChunkSpec.Error e) {
      CHUNKS.write(w, ChunkKind.ERROR);
      index(CAUSE_CODES, e.causeCode());
    } else if (spec instanceof ChunkSpec.CookieAck) {
      CHUNKS.write(w, ChunkKind.COOKIE_ACK);
    } else if (spec instanceof ChunkSpec.StrayInitAck) {
      CHUNKS.write(w, ChunkKind.STRAY_INIT_ACK);
    } else if (spec instanceof ChunkSpec.ForwardTsn f) {
      CHUNKS.write(w, ChunkKind.FORWARD_TSN);
      w.write(-2, 8, f.cumDelta());
      w.write(0, 2, f.streams());
    } else if (spec instanceof ChunkSpec.Other o) {
      CHUNKS.write(w, ChunkKind.OTHER);
      index(OTHER_TYPES, o.type());
    } else {
      throw new IllegalArgumentException(spec.toString());
    }
  }

  private void flag(boolean b) {
    w.write(0, 1, b ? 1 : 0);
  }

  private void index(int[] table, int value) {
    index(Arrays.stream(table).asLongStream().toArray(), value);
  }

  private void index(long[] table, long value) {
    for (int i = 0; i < table.length; i++) {
      if (table[i] == value) {
        w.write(0, table.length - 1, i);
        return;
      }
    }
    throw new IllegalArgumentException(value + " is not in the table");
  }

  byte[] toBytes() {
    return w.toBytes();
  }
}
