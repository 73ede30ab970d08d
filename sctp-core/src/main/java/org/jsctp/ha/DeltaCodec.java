package org.jsctp.ha;

import java.util.ArrayList;
import java.util.List;

/** The tagged encoding of each {@link Delta} kind, for {@link SnapshotCodec}. */
final class DeltaCodec {

  static final int INBOUND_DATA = 1;
  static final int INBOUND_TSN = 2;
  static final int INBOUND_FORWARD_TSN = 3;
  static final int INBOUND_STREAM_RESET = 4;
  static final int INBOUND_STREAMS_ADDED = 5;
  static final int INBOUND_TSN_RESTART = 6;
  static final int INBOUND_RENEGED = 7;
  static final int DELIVERY_CONFIRMED = 8;
  static final int MESSAGE_QUEUED = 9;
  static final int CHUNK_CUT = 10;
  static final int MESSAGE_ABANDONED = 11;
  static final int ACKNOWLEDGED = 12;
  static final int OUTBOUND_STREAMS = 13;
  static final int HEADER_CHANGED = 14;
  static final int CLOSED = 15;

  private DeltaCodec() {}

  static void write(BlobWriter w, Delta delta) {
    if (delta instanceof Delta.InboundData d) {
      w.u8(INBOUND_DATA);
      SnapshotCodec.writeInboundChunk(w, d.chunk());
    } else if (delta instanceof Delta.InboundTsn d) {
      w.u8(INBOUND_TSN);
      w.i32(d.tsn());
    } else if (delta instanceof Delta.InboundForwardTsn d) {
      w.u8(INBOUND_FORWARD_TSN);
      w.i32(d.newCumulativeTsn());
      w.count(d.skips().size());
      for (Delta.Skip s : d.skips()) {
        w.u16(s.streamId());
        w.bool(s.unordered());
        w.i32(s.messageId());
      }
    } else if (delta instanceof Delta.InboundStreamReset d) {
      w.u8(INBOUND_STREAM_RESET);
      w.i32(d.lastAssignedTsn());
      SnapshotCodec.writeInts(w, d.streams());
    } else if (delta instanceof Delta.InboundStreamsAdded d) {
      w.u8(INBOUND_STREAMS_ADDED);
      w.i32(d.count());
    } else if (delta instanceof Delta.InboundTsnRestart d) {
      w.u8(INBOUND_TSN_RESTART);
      w.i32(d.nextTsn());
    } else if (delta instanceof Delta.InboundReneged d) {
      w.u8(INBOUND_RENEGED);
      SnapshotCodec.writeInts(w, d.tsns());
    } else if (delta instanceof Delta.DeliveryConfirmed d) {
      w.u8(DELIVERY_CONFIRMED);
      SnapshotCodec.writeInts(w, d.firstTsns());
    } else if (delta instanceof Delta.MessageQueued d) {
      w.u8(MESSAGE_QUEUED);
      SnapshotCodec.writeMessage(w, d.message());
    } else if (delta instanceof Delta.ChunkCut d) {
      w.u8(CHUNK_CUT);
      SnapshotCodec.writeChunk(w, d.chunk());
    } else if (delta instanceof Delta.MessageAbandoned d) {
      w.u8(MESSAGE_ABANDONED);
      w.i64(d.messageId());
      w.bool(d.sent());
    } else if (delta instanceof Delta.Acknowledged d) {
      w.u8(ACKNOWLEDGED);
      w.i32(d.cumulativeTsnAck());
      w.i64(d.peerRwnd());
    } else if (delta instanceof Delta.OutboundStreams d) {
      w.u8(OUTBOUND_STREAMS);
      w.i32(d.nextTsn());
      w.count(d.streams().size());
      for (SenderSnapshot.Stream s : d.streams()) {
        SnapshotCodec.writeStream(w, s);
      }
    } else if (delta instanceof Delta.HeaderChanged d) {
      w.u8(HEADER_CHANGED);
      SnapshotCodec.writeHeader(w, d.header());
    } else if (delta instanceof Delta.Closed d) {
      w.u8(CLOSED);
      w.string(d.reason().length() > 1000 ? d.reason().substring(0, 1000) : d.reason());
    } else {
      throw new IllegalArgumentException("unknown delta " + delta);
    }
  }

  static Delta read(BlobReader r) {
    int tag = r.u8("delta kind");
    return switch (tag) {
      case INBOUND_DATA -> new Delta.InboundData(SnapshotCodec.readInboundChunk(r));
      case INBOUND_TSN -> new Delta.InboundTsn(r.i32("TSN"));
      case INBOUND_FORWARD_TSN -> {
        int cum = r.i32("new cumulative TSN");
        int n = r.count("skips", 7);
        List<Delta.Skip> skips = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          skips.add(new Delta.Skip(r.u16("skip stream"), r.bool("skip unordered"),
              r.i32("skip message id")));
        }
        yield new Delta.InboundForwardTsn(cum, skips);
      }
      case INBOUND_STREAM_RESET -> new Delta.InboundStreamReset(r.i32("last assigned TSN"),
          SnapshotCodec.readInts(r, "reset streams"));
      case INBOUND_STREAMS_ADDED -> new Delta.InboundStreamsAdded(r.i32("streams added"));
      case INBOUND_TSN_RESTART -> new Delta.InboundTsnRestart(r.i32("next TSN"));
      case INBOUND_RENEGED -> new Delta.InboundReneged(SnapshotCodec.readInts(r, "reneged TSNs"));
      case DELIVERY_CONFIRMED ->
          new Delta.DeliveryConfirmed(SnapshotCodec.readInts(r, "confirmed first TSNs"));
      case MESSAGE_QUEUED -> new Delta.MessageQueued(SnapshotCodec.readMessage(r));
      case CHUNK_CUT -> new Delta.ChunkCut(SnapshotCodec.readChunk(r));
      case MESSAGE_ABANDONED -> new Delta.MessageAbandoned(r.i64("abandoned message"),
          r.bool("abandoned sent"));
      case ACKNOWLEDGED -> new Delta.Acknowledged(r.i32("cumulative TSN ack"), r.i64("peer rwnd"));
      case OUTBOUND_STREAMS -> {
        int next = r.i32("next TSN");
        int n = r.count("outbound streams", 26);
        List<SenderSnapshot.Stream> streams = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          streams.add(SnapshotCodec.readStream(r));
        }
        yield new Delta.OutboundStreams(next, streams);
      }
      case HEADER_CHANGED -> new Delta.HeaderChanged(SnapshotCodec.readHeader(r));
      case CLOSED -> new Delta.Closed(r.string("close reason"));
      default -> throw BlobReader.malformed("unknown delta kind " + tag);
    };
  }
}
