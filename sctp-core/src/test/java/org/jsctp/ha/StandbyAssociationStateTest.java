package org.jsctp.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jsctp.api.PathState;
import org.jsctp.api.PrPolicy;
import org.jsctp.association.AssociationState;
import org.jsctp.association.Extensions;
import org.junit.jupiter.api.Test;

class StandbyAssociationStateTest {

  private static AssociationSnapshot fresh() {
    AssociationHeader header = new AssociationHeader(7, 5000, 5001, 0x11, 0x22, 100, 500,
        AssociationState.ESTABLISHED, Extensions.NONE, 2, 2, 0, Map.of(), List.of(
            Snapshots.address("10.0.0.1")), List.of(new PathSnapshot(Snapshots.address("10.0.0.2"),
            9899, PathState.ACTIVE, 0, 1500, 0, 0, 1_000_000_000L, false, 5, 0, 30_000, true)), 0,
        null);
    SenderSnapshot sender = new SenderSnapshot(100, 99, 65_535,
        List.of(SenderSnapshot.Stream.FRESH, SenderSnapshot.Stream.FRESH), List.of(), List.of());
    ReceiverSnapshot receiver = new ReceiverSnapshot(499, List.of(), List.of(0, 0), List.of(),
        List.of(), List.of(), List.of(), null, List.of());
    return new AssociationSnapshot(header, sender, receiver);
  }

  private static ReplicationRecord snapshotRecord(long sequence) {
    return new ReplicationRecord(7, sequence, ReplicationRecord.CAUSE_UPDATE, fresh(), List.of());
  }

  private static ReplicationRecord deltas(long sequence, Delta... deltas) {
    return new ReplicationRecord(7, sequence, ReplicationRecord.CAUSE_UPDATE, null, List.of(deltas));
  }

  private static ReceiverSnapshot.InboundChunk chunk(int tsn, int ssn, String text) {
    return new ReceiverSnapshot.InboundChunk(tsn,
        SenderSnapshot.FLAG_BEGINNING | SenderSnapshot.FLAG_ENDING, 0, ssn, 0,
        Snapshots.address("10.0.0.2"), Snapshots.bytes(text));
  }

  @Test
  void aDeltaRecordBeforeAnySnapshotIsRefused() {
    StandbyAssociationState state = new StandbyAssociationState();

    assertThatThrownBy(() -> state.apply(deltas(1, new Delta.InboundTsn(500))))
        .isInstanceOfSatisfying(ReplicationGapException.class, e -> assertThat(e.expected()).isZero())
        .hasMessageContaining("snapshot record must come first");
    assertThat(state.hasSnapshot()).isFalse();
  }

  @Test
  void aRecordAfterAGapIsRefusedAndChangesNothing() {
    StandbyAssociationState state = StandbyAssociationState.of(snapshotRecord(1));

    assertThatThrownBy(() -> state.apply(deltas(3, new Delta.InboundData(chunk(500, 0, "x")))))
        .isInstanceOfSatisfying(ReplicationGapException.class, e -> {
          assertThat(e.expected()).isEqualTo(2);
          assertThat(e.received()).isEqualTo(3);
        });
    assertThat(state.lastSequence()).isEqualTo(1);
    assertThat(state.snapshot()).isEqualTo(fresh());
  }

  @Test
  void receivedDataFoldsInAndAConfirmationDropsWhatWouldBeHandedAgain() {
    StandbyAssociationState state = StandbyAssociationState.of(snapshotRecord(1));

    state.apply(deltas(2, new Delta.InboundData(chunk(500, 0, "first")),
        new Delta.InboundData(chunk(502, 2, "third"))));

    ReceiverSnapshot r = state.snapshot().receiver();
    assertThat(r.cumulativeTsn()).isEqualTo(500);
    assertThat(r.received()).containsExactly(new ReceiverSnapshot.TsnRange(502, 502));
    assertThat(r.waiting()).extracting(ReceiverSnapshot.HeldMessage::messageId).containsExactly(2);
    assertThat(r.redelivery()).extracting(ReceiverSnapshot.Redelivery::firstTsn)
        .containsExactly(500);
    assertThat(r.nextSsn()).containsExactly(1, 0);

    state.apply(deltas(3, new Delta.DeliveryConfirmed(List.of(500))));

    assertThat(state.redeliveryCount()).isZero();
  }

  @Test
  void outboundDeltasBuildTheSendingHalf() {
    StandbyAssociationState state = StandbyAssociationState.of(snapshotRecord(1));
    SenderSnapshot.Message m = new SenderSnapshot.Message(0, 1, 9, false, false, 42,
        Long.MAX_VALUE, PrPolicy.NONE, 0, Snapshots.bytes("0123456789"), 0, 0, false, 0, false);

    state.apply(deltas(2, new Delta.MessageQueued(m),
        new Delta.ChunkCut(new SenderSnapshot.Chunk(100, 0, 0, 6, SenderSnapshot.FLAG_BEGINNING,
            0, 9, 1, false, false)),
        new Delta.ChunkCut(new SenderSnapshot.Chunk(101, 0, 6, 4, SenderSnapshot.FLAG_ENDING, 0,
            1, 1, false, false))));

    SenderSnapshot s = state.snapshot().sender();
    assertThat(s.nextTsn()).isEqualTo(102);
    assertThat(s.outstanding()).extracting(SenderSnapshot.Chunk::tsn).containsExactly(100, 101);
    assertThat(s.messages()).singleElement().satisfies(msg -> {
      assertThat(msg.offset()).isEqualTo(10);
      assertThat(msg.numbered()).isTrue();
      assertThat(msg.queued()).isFalse();
    });
    assertThat(s.streams().get(1).nextOrdered()).isEqualTo(1);

    state.apply(deltas(3, new Delta.Acknowledged(100, 50_000)));
    assertThat(state.snapshot().sender().outstanding()).extracting(SenderSnapshot.Chunk::tsn)
        .containsExactly(101);
    state.apply(deltas(4, new Delta.Acknowledged(101, 60_000)));
    assertThat(state.snapshot().sender().messages()).as("acknowledged in full").isEmpty();
    assertThat(state.snapshot().sender().peerRwnd()).isEqualTo(60_000);
  }

  @Test
  void aChunkOutOfTsnOrderIsAContradiction() {
    StandbyAssociationState state = StandbyAssociationState.of(snapshotRecord(1));
    SenderSnapshot.Message m = new SenderSnapshot.Message(0, 0, 0, false, false, 0,
        Long.MAX_VALUE, PrPolicy.NONE, 0, Snapshots.bytes("ab"), 0, 0, false, 0, false);

    assertThatThrownBy(() -> state.apply(deltas(2, new Delta.MessageQueued(m),
        new Delta.ChunkCut(new SenderSnapshot.Chunk(105, 0, 0, 2, 3, 0, 0, 1, false, false)))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("TSN 100 was next");
  }

  @Test
  void aLaterSnapshotReplacesTheCopyAndAnOlderOneIsIgnored() {
    StandbyAssociationState state = StandbyAssociationState.of(snapshotRecord(1));
    state.apply(deltas(2, new Delta.InboundData(chunk(500, 0, "x"))));

    state.apply(snapshotRecord(2));
    assertThat(state.snapshot().receiver().cumulativeTsn()).isEqualTo(500);
    state.apply(snapshotRecord(5));
    assertThat(state.lastSequence()).isEqualTo(5);
    assertThat(state.snapshot()).isEqualTo(fresh());
  }

  @Test
  void theActiveReportingTheEndLeavesNothingToTakeOver() {
    StandbyAssociationState state = StandbyAssociationState.of(snapshotRecord(1));

    state.apply(deltas(2, new Delta.Closed("SHUTDOWN_COMP: association shut down")));

    assertThat(state.isClosed()).isTrue();
    assertThat(state.closeReason()).contains("SHUTDOWN_COMP");
  }
}
