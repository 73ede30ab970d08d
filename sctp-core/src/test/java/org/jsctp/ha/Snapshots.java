package org.jsctp.ha;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.jsctp.api.PathState;
import org.jsctp.api.PrPolicy;
import org.jsctp.association.AssociationState;
import org.jsctp.association.Extensions;
import org.jsctp.wire.Bytes;

/** Snapshots and records with every field set to something other than its default, for tests. */
final class Snapshots {

  private Snapshots() {}

  static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static Bytes bytes(String text) {
    return Bytes.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static AssociationHeader header() {
    ReconfigSnapshot reconfig = new ReconfigSnapshot(77, 88, 5, true, true,
        new ReconfigSnapshot.Request(List.of(
            new ReconfigSnapshot.Part(0, List.of(1, 3), 0, 77, false),
            new ReconfigSnapshot.Part(1, List.of(1, 3), 0, 78, true)), 86, true, 1234, 87, true,
            true),
        List.of(new ReconfigSnapshot.Answer(86, bytes("an encoded RE-CONFIG packet")),
            new ReconfigSnapshot.Answer(87, bytes("another"))));
    return new AssociationHeader(42, 5000, 5001, 0xCAFEBABE, 0x12345678, -7, 0x7FFF_FFF0,
        AssociationState.SHUTDOWN_PENDING, new Extensions(true, true, true), 12, 34, 3,
        Map.of("rcvbuf", 65_536L, "nodelay", 1L, "ha_mode", 1L),
        List.of(address("10.0.0.1"), address("fd00::1")),
        List.of(new PathSnapshot(address("10.0.0.2"), 40_000, PathState.ACTIVE, 0, 1500,
                12_000_000L, 3_000_000L, 200_000_000L, true, 5, 0, 30_000, true),
            new PathSnapshot(address("fd00::2"), 9899, PathState.POTENTIALLY_FAILED, 2, 1280,
                0, 0, 1_000_000_000L, false, 7, 1, 15_000, false)),
        1, reconfig);
  }

  static SenderSnapshot sender() {
    Bytes payload = bytes("hello, standby: a message in three chunks");
    return new SenderSnapshot(1003, 999, 12_345,
        List.of(SenderSnapshot.Stream.FRESH, new SenderSnapshot.Stream(7, 3, true, 9, 2, 1)),
        List.of(new SenderSnapshot.Message(17, 1, 46, false, true, 0xABCDEFL,
                5_000_000L, PrPolicy.RTX, 2, payload, 20, 2, true, 6, false),
            new SenderSnapshot.Message(18, 0, 0, true, false, -1, Long.MAX_VALUE, PrPolicy.NONE,
                0, bytes("queued"), 0, 0, false, 0, false)),
        List.of(new SenderSnapshot.Chunk(1000, 17, 0, 10,
                SenderSnapshot.FLAG_BEGINNING | SenderSnapshot.FLAG_IMMEDIATE, 6, 46, 3, false,
                true),
            new SenderSnapshot.Chunk(1001, 17, 10, 10, 0, 6, 1, 1, false, false),
            new SenderSnapshot.Chunk(1002, 17, 20, 0, SenderSnapshot.FLAG_ENDING, 6, 2, 0, true,
                false)));
  }

  static ReceiverSnapshot receiver() {
    ReceiverSnapshot.InboundChunk fragment = new ReceiverSnapshot.InboundChunk(503,
        SenderSnapshot.FLAG_BEGINNING | SenderSnapshot.FLAG_UNORDERED, 2, 9, 51,
        address("10.0.0.2"), bytes("first half"));
    ReceiverSnapshot.InboundChunk sourceless = new ReceiverSnapshot.InboundChunk(505, 0, 2, 9, 1,
        null, bytes("x"));
    return new ReceiverSnapshot(500, List.of(new ReceiverSnapshot.TsnRange(503, 503),
            new ReceiverSnapshot.TsnRange(505, 510)),
        List.of(4, 0, 65_535), List.of(fragment, sourceless),
        List.of(new ReceiverSnapshot.PartialDelivery(1, 3, false, 99, 490, 497)),
        List.of(new ReceiverSnapshot.HeldMessage(0, 5, 7, false, 506, 506, 508, List.of(),
            address("fd00::2"), bytes("waiting"))),
        List.of(new ReceiverSnapshot.HeldMessage(2, 1, 8, true, 509, 509, 510, List.of(509, 510),
            null, bytes("deferred"))),
        new ReceiverSnapshot.DeferredReset(499, List.of(0, 2), List.of(fragment)),
        List.of(new ReceiverSnapshot.Redelivery(480, false, 0, 2, 46, false,
                address("10.0.0.2"), true, bytes("handed, not confirmed")),
            new ReceiverSnapshot.Redelivery(490, false, 1, 3, 99, false, null, false,
                bytes("a piece")),
            new ReceiverSnapshot.Redelivery(470, true, 1, 2, 0, false, null, false, Bytes.EMPTY)));
  }

  static AssociationSnapshot snapshot() {
    return new AssociationSnapshot(header(), sender(), receiver());
  }

  /** A record with every kind of delta. */
  static ReplicationRecord deltaRecord() {
    SenderSnapshot s = sender();
    return new ReplicationRecord(42, 9, ReplicationRecord.CAUSE_THRESHOLD
        | ReplicationRecord.CAUSE_UPDATE, null, List.of(
            new Delta.InboundData(receiver().fragments().get(0)),
            new Delta.InboundTsn(511),
            new Delta.InboundForwardTsn(520, List.of(new Delta.Skip(1, true, 9),
                new Delta.Skip(2, false, 3))),
            new Delta.InboundStreamReset(521, List.of(1)),
            new Delta.InboundStreamsAdded(4),
            new Delta.InboundTsnRestart(-5),
            new Delta.InboundReneged(List.of(530, 531)),
            new Delta.DeliveryConfirmed(List.of(480, 490)),
            new Delta.MessageQueued(s.messages().get(1)),
            new Delta.ChunkCut(s.outstanding().get(1)),
            new Delta.MessageAbandoned(17, true),
            new Delta.Acknowledged(1001, 54_321),
            new Delta.OutboundStreams(2000, s.streams()),
            new Delta.HeaderChanged(header()),
            new Delta.Closed("COMM_LOST: peer unreachable")));
  }
}
