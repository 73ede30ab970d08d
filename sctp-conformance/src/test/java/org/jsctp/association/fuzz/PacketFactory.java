package org.jsctp.association.fuzz;

import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS;
import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS_2;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.association.fuzz.ChunkSpec.DataMode;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.AsconfAckChunk;
import org.jsctp.wire.AsconfChunk;
import org.jsctp.wire.AuthChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CauseCode;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.ForwardTsnChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.IDataChunk;
import org.jsctp.wire.IForwardTsnChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.Ipv4AddressParameter;
import org.jsctp.wire.PadChunk;
import org.jsctp.wire.ReConfigChunk;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.ShutdownCompleteChunk;
import org.jsctp.wire.StateCookieParameter;
import org.jsctp.wire.UnknownCause;
import org.jsctp.wire.UnknownChunk;

/**
 * Builds the peer's chunks from {@link ChunkSpec}s against what the peer knows (its plan, the
 * IUT's highest TSN and heartbeats) and sends them through the {@link FuzzDriver}. Also the
 * well-behaved peer's packets that end a run.
 */
final class PacketFactory {

  /** A one-chunk message of 100 bytes on stream 0, for a DATA bundled with a COOKIE ECHO. */
  static final ChunkSpec.Data SMALL_MESSAGE =
      new ChunkSpec.Data(DataMode.NEXT, 0, 0, false, 1, 100, 0, false);

  private static final int WRONG_TAG_MASK = 0x5A5A_5A5A;

  private final FuzzDriver d;

  PacketFactory(FuzzDriver driver) {
    this.d = driver;
  }

  static boolean reflectsTag(Chunk c) {
    return (c instanceof AbortChunk a && a.reflectedTag())
        || (c instanceof ShutdownCompleteChunk s && s.reflectedTag());
  }

  void send(FuzzAction.PeerPacket p) {
    List<Chunk> chunks = new ArrayList<>(p.chunks().size());
    for (ChunkSpec spec : p.chunks()) {
      chunks.add(build(spec));
    }
    int vtag = switch (p.tag()) {
      // RFC 9260 section 8.5.1: with the T bit, the sender's own tag.
      case RIGHT -> reflectsTag(chunks.get(0)) ? d.peerTag() : d.iutTag();
      case ZERO -> 0;
      case WRONG -> d.iutTag() ^ WRONG_TAG_MASK;
    };
    d.deliver(d.address(p.source()), vtag, chunks);
  }

  private Chunk build(ChunkSpec spec) {
    if (spec instanceof ChunkSpec.Data data) {
      return data(data);
    } else if (spec instanceof ChunkSpec.Sack s) {
      return sack(s);
    } else if (spec instanceof ChunkSpec.Heartbeat h) {
      return HeartbeatChunk.of(Bytes.wrap(new byte[h.infoSize()]));
    } else if (spec instanceof ChunkSpec.HeartbeatAck h) {
      return HeartbeatAckChunk.of(heartbeatInfo(h.echo()));
    } else if (spec instanceof ChunkSpec.Shutdown s) {
      return new ShutdownChunk(d.outbound().highestTsn() + s.cumDelta());
    } else if (spec instanceof ChunkSpec.ShutdownAck) {
      return new ShutdownAckChunk();
    } else if (spec instanceof ChunkSpec.ShutdownComplete s) {
      return new ShutdownCompleteChunk(s.reflectedTag());
    } else if (spec instanceof ChunkSpec.Abort a) {
      return new AbortChunk(a.reflectedTag(), List.of());
    } else if (spec instanceof ChunkSpec.Error e) {
      return new ErrorChunk(List.of(new UnknownCause(e.causeCode(), causeValue(e.causeCode()))));
    } else if (spec instanceof ChunkSpec.CookieAck) {
      return new CookieAckChunk();
    } else if (spec instanceof ChunkSpec.StrayInitAck) {
      return new InitAckChunk(0x7777_0001, 65_535, 10, 10, 4242,
          List.of(new StateCookieParameter(Bytes.wrap(new byte[32]))));
    } else if (spec instanceof ChunkSpec.ForwardTsn f) {
      InboundModel in = d.inbound();
      List<ForwardTsnChunk.StreamEntry> entries = new ArrayList<>();
      for (int i = 0; i < f.streams(); i++) {
        entries.add(new ForwardTsnChunk.StreamEntry(i, 0));
      }
      return new ForwardTsnChunk(in.tsn(in.ackedCumIndex() + f.cumDelta()), entries);
    } else if (spec instanceof ChunkSpec.Other o) {
      return other(o.type());
    }
    throw new IllegalArgumentException(spec.toString());
  }

  private DataChunk data(ChunkSpec.Data spec) {
    InboundModel in = d.inbound();
    int index = in.ackedCumIndex() + spec.offset();
    DataChunk c = switch (spec.mode()) {
      case NEXT -> in.planned(in.lowestUnsent(), spec);
      case AT_OFFSET -> index < 0 ? single(in.tsn(index), spec) : in.planned(index, spec);
      case FAR -> far(spec);
      case ROGUE -> {
        in.leavePlan();
        boolean b = spec.fragments() <= 2;
        boolean e = spec.fragments() % 2 == 1;
        yield new DataChunk(false, spec.unordered(), b, e, in.tsn(index), spec.stream(),
            spec.ssn(), 0x7000 + spec.stream(), Bytes.wrap(new byte[spec.size()]));
      }
    };
    if (spec.immediate()) {
      c = new DataChunk(true, c.unordered(), c.beginning(), c.ending(), c.tsn(), c.streamId(),
          c.streamSequenceNumber(), c.payloadProtocolId(), c.userData());
    }
    in.markSent(c);
    return c;
  }

  /**
   * Outside the window: 2^30 behind the cumulative TSN the IUT acknowledged (offset below -1),
   * 2^31 away (-1), at the edge of what a gap block can express from there (0; the IUT may have
   * moved on since its SACK and take it, so the peer leaves its plan), or more than a gap block
   * can express beyond the highest TSN the peer sent, which the IUT's cumulative TSN cannot have
   * passed.
   */
  private DataChunk far(ChunkSpec.Data spec) {
    InboundModel in = d.inbound();
    int cum = in.tsn(in.ackedCumIndex());
    int tsn;
    if (spec.offset() < -1) {
      tsn = cum - 0x4000_0000;
    } else if (spec.offset() == -1) {
      tsn = cum + 0x8000_0000;
    } else if (spec.offset() == 0) {
      in.leavePlan();
      tsn = cum + 0xFFFF;
    } else {
      tsn = in.tsn(in.highestSentIndex()) + 0x1_0000 + (spec.offset() - 1) * 1000;
    }
    return single(tsn, spec);
  }

  private static DataChunk single(int tsn, ChunkSpec.Data spec) {
    return new DataChunk(false, spec.unordered(), true, true, tsn, spec.stream(), spec.ssn(),
        0x7000 + spec.stream(), Bytes.wrap(new byte[Math.max(1, spec.size())]));
  }

  private SackChunk sack(ChunkSpec.Sack s) {
    int cum = d.outbound().highestTsn() + s.cumDelta();
    List<SackChunk.GapAckBlock> gaps = new ArrayList<>();
    for (ChunkSpec.Gap g : s.gaps()) {
      gaps.add(new SackChunk.GapAckBlock(g.start(), Math.min(0xFFFF, g.start() + g.length())));
    }
    List<Integer> dups = new ArrayList<>();
    for (int delta : s.duplicateDeltas()) {
      dups.add(cum + delta);
    }
    return new SackChunk(cum, s.arwnd(), gaps, dups);
  }

  private Bytes heartbeatInfo(ChunkSpec.Echo echo) {
    List<Bytes> infos = d.heartbeatInfos();
    if (infos.isEmpty() || echo == ChunkSpec.Echo.FORGED) {
      return Bytes.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    }
    return echo == ChunkSpec.Echo.LATEST ? infos.get(infos.size() - 1) : infos.get(0);
  }

  /** A well-formed value for the known cause codes, a few bytes for others. */
  private static Bytes causeValue(int code) {
    return Bytes.wrap(switch (code) {
      case CauseCode.INVALID_STREAM_IDENTIFIER -> new byte[] {0, 5, 0, 0};
      case CauseCode.STALE_COOKIE -> new byte[] {0, 0, 0x10, 0};
      case CauseCode.OUT_OF_RESOURCE -> new byte[0];
      case CauseCode.UNRECOGNIZED_CHUNK_TYPE -> new byte[] {(byte) 0xFE, 0, 0, 4};
      case CauseCode.PROTOCOL_VIOLATION -> "fuzz".getBytes();
      default -> new byte[] {1, 2, 3};
    });
  }

  private Chunk other(int type) {
    InboundModel in = d.inbound();
    int tsn = in.tsn(in.lowestUnsent());
    return switch (type) {
      case ChunkType.I_DATA -> new IDataChunk(false, false, true, true, tsn, 0, 0, 0,
          Bytes.wrap(new byte[8]));
      case ChunkType.I_FORWARD_TSN -> new IForwardTsnChunk(tsn, List.of());
      case ChunkType.RE_CONFIG -> new ReConfigChunk(List.of());
      case ChunkType.ASCONF -> new AsconfChunk(1,
          new Ipv4AddressParameter((Inet4Address) PEER_ADDRESS_2), List.of());
      case ChunkType.ASCONF_ACK -> new AsconfAckChunk(1, List.of());
      case ChunkType.AUTH -> new AuthChunk(1, 1, Bytes.wrap(new byte[20]));
      case ChunkType.PAD -> new PadChunk(Bytes.wrap(new byte[16]));
      default -> new UnknownChunk(type, 0, Bytes.wrap(new byte[4]));
    };
  }

  // ---- the well-behaved peer at the end of a run ---------------------------------------------

  /** A SACK for everything the IUT sent, a large window, and an ACK for every heartbeat seen. */
  void acknowledgeEverything() {
    List<Chunk> chunks = new ArrayList<>();
    chunks.add(new SackChunk(d.outbound().highestTsn(), 1 << 20, List.of(), List.of()));
    for (Bytes info : d.heartbeatInfos()) {
      chunks.add(HeartbeatAckChunk.of(info));
    }
    d.heartbeatInfos().clear();
    d.deliver(PEER_ADDRESS, d.iutTag(), chunks);
  }

  /**
   * Sends the planned chunks the IUT has not acknowledged, lowest first, as a well-behaved sender
   * does: retransmissions, then new data as far as the IUT's last advertised window allows.
   */
  void resendUnacknowledged() {
    InboundModel in = d.inbound();
    for (int i = Math.max(0, in.ackedCumIndex() + 1); i < in.plannedCount(); i++) {
      if (in.acknowledged(i)) {
        continue;
      }
      if (!in.windowAdmits(i)) {
        break;
      }
      DataChunk c = in.plannedAt(i);
      in.markSent(c);
      d.deliver(PEER_ADDRESS, d.iutTag(), List.of(c));
      d.afterInput();
    }
  }
}
