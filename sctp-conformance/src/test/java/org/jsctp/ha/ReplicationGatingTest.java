package org.jsctp.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.testkit.ScriptedPeer.MS;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SendBufferAvailable;
import org.jsctp.api.SendOutcome;
import org.jsctp.association.AssociationOptions;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.ForwardTsnSupportedParameter;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.StateCookieParameter;
import org.junit.jupiter.api.Test;

/**
 * The rules HA replication adds to an association (docs/ha.md), with a scripted peer and the
 * standby played by the test: it takes the replication records and says when they are stored.
 */
class ReplicationGatingTest {

  private static ScriptedPeer sync() {
    return ScriptedPeer.with(b -> b.set(Sysctl.HA_MODE, HaMode.SYNC.sysctlValue()));
  }

  /** Takes every record the endpoint made. */
  private static List<ReplicationRecord> records(ScriptedPeer peer) {
    List<ReplicationRecord> list = new ArrayList<>();
    for (ReplicationRecord r = peer.endpoint().pollReplication(); r != null;
        r = peer.endpoint().pollReplication()) {
      list.add(r);
    }
    return list;
  }

  /** The standby stores every record made so far. */
  private static long storeAll(ScriptedPeer peer, SctpAssociation a, List<ReplicationRecord> kept) {
    List<ReplicationRecord> made = records(peer);
    kept.addAll(made);
    long last = kept.isEmpty() ? 0 : kept.get(kept.size() - 1).sequence();
    a.replicated(peer.now(), last);
    peer.flush();
    return last;
  }

  @Test
  void replicationStartsWithASnapshotOfTheEstablishedAssociation() {
    ScriptedPeer peer = sync();
    SctpAssociation a = peer.establishActive();

    List<ReplicationRecord> made = records(peer);

    assertThat(made).hasSize(1);
    assertThat(made.get(0).isSnapshot()).isTrue();
    assertThat(made.get(0).sequence()).isEqualTo(1);
    assertThat(made.get(0).causes()).isEqualTo(ReplicationRecord.CAUSE_UPDATE);
    AssociationHeader h = made.get(0).snapshot().header();
    assertThat(h.localTag()).isEqualTo(a.localTag());
    assertThat(h.peerTag()).isEqualTo(peer.peerTag);
    assertThat(h.peerInitialTsn()).isEqualTo(ScriptedPeer.DEFAULT_PEER_TSN);
    assertThat(h.paths()).extracting(PathSnapshot::udpPort)
        .containsExactly(ScriptedPeer.PEER_UDP_PORT);
  }

  @Test
  void receivedDataIsNeitherAcknowledgedNorDeliveredBeforeTheStandbyStoresIt() {
    ScriptedPeer peer = sync();
    SctpAssociation a = peer.establishActive();
    List<ReplicationRecord> kept = new ArrayList<>();
    storeAll(peer, a, kept);

    int tsn = peer.sendData(0, 0, "hello");
    peer.expectSilenceFor(1_000 * MS);
    assertThat(peer.received()).isEmpty();
    List<ReplicationRecord> made = records(peer);
    assertThat(made).hasSize(1);
    assertThat(made.get(0).causes() & ReplicationRecord.CAUSE_UPDATE).isNotZero();
    assertThat(made.get(0).deltas()).singleElement().isInstanceOfSatisfying(Delta.InboundData.class,
        d -> assertThat(d.chunk().tsn()).isEqualTo(tsn));

    a.replicated(peer.now(), made.get(0).sequence());
    peer.flush();

    assertThat(peer.expectSack().cumulativeTsnAck()).isEqualTo(tsn);
    assertThat(peer.receivedStrings()).containsExactly("hello");
    assertThat(peer.received().get(0).possiblyDuplicate()).isFalse();
  }

  @Test
  void aSackNeverCoversATsnTheStandbyHasNot() {
    ScriptedPeer peer = sync();
    SctpAssociation a = peer.establishActive();
    List<ReplicationRecord> kept = new ArrayList<>();
    storeAll(peer, a, kept);
    int first = peer.sendData(0, 0, "one");
    long firstRecord = records(peer).get(0).sequence();
    peer.send(peer.data(0, 1, "two"), peer.data(0, 2, "three"));
    long secondRecord = records(peer).get(0).sequence();

    a.replicated(peer.now(), firstRecord);
    peer.flush();

    SackChunk sack = peer.expectSack();
    assertThat(sack.cumulativeTsnAck()).isEqualTo(first);
    assertThat(sack.gapAckBlocks()).isEmpty();
    a.replicated(peer.now(), secondRecord);
    peer.flush();
    assertThat(peer.expectSack().cumulativeTsnAck()).isEqualTo(first + 2);
  }

  @Test
  void aReplyWaitingForTheStandbyCarriesTheAcknowledgementOfWhatArrivedMeanwhile() {
    ScriptedPeer peer = sync();
    SctpAssociation a = peer.establishActive();
    List<ReplicationRecord> kept = new ArrayList<>();
    storeAll(peer, a, kept);
    peer.sendData(0, 0, "request one");
    storeAll(peer, a, kept);
    peer.expectSack();
    MessageReceived one = peer.received().get(0);
    int two = peer.sendData(0, 1, "request two");
    long twoRecord = records(peer).get(0).sequence();

    // The reply to the first request is cut while the second request waits for the standby.
    a.send(peer.now(), new OutgoingMessage(0, 0, false, false, Bytes.wrap("reply one".getBytes()),
        0, Long.MAX_VALUE), one);
    peer.flush();
    long replyRecord = records(peer).get(0).sequence();
    assertThat(replyRecord).isGreaterThan(twoRecord);
    peer.expectNoPacket();

    a.replicated(peer.now(), twoRecord);
    peer.flush();
    peer.expectNoPacket();
    a.replicated(peer.now(), replyRecord);
    peer.flush();

    ScriptedPeer.Sent sent = peer.nextPacketToPeer();
    assertThat(sent.first(SackChunk.class).cumulativeTsnAck())
        .as("the SACK with the reply acknowledges the second request, stored by now").isEqualTo(two);
    assertThat(sent.first(DataChunk.class).userData())
        .isEqualTo(Bytes.wrap("reply one".getBytes()));
    peer.expectNoPacket();
  }

  @Test
  void dataThatGoesAtOnceCarriesOnlyTheAcknowledgementsTheStandbyHolds() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.HA_MODE, HaMode.SYNC.sysctlValue())
        .set(Sysctl.RTO_INITIAL, 1_000).set(Sysctl.RTO_MIN, 1_000));
    SctpAssociation a = peer.establishActive();
    List<ReplicationRecord> kept = new ArrayList<>();
    storeAll(peer, a, kept);
    peer.userSend(0, "unanswered".getBytes());
    storeAll(peer, a, kept);
    int sent = peer.nextPacketToPeer().first(DataChunk.class).tsn();
    int stored = peer.sendData(0, 0, "stored");
    storeAll(peer, a, kept);
    peer.expectSack();
    int unreplicated = peer.sendData(0, 1, "not yet stored");
    assertThat(records(peer)).hasSize(1);

    peer.advance(1_000 * MS);

    ScriptedPeer.Sent retransmission = peer.nextPacketToPeer();
    assertThat(retransmission.first(DataChunk.class).tsn()).as("T3-rtx, its chunk stored long ago")
        .isEqualTo(sent);
    assertThat(retransmission.first(SackChunk.class).cumulativeTsnAck())
        .as("acknowledges what the standby holds, not " + unreplicated).isEqualTo(stored);
  }

  @Test
  void anEventIsNotHeldForAQueuedMessageTheStandbyLearnsLazily() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.HA_MODE, HaMode.SYNC.sysctlValue())
        .set(Sysctl.SNDBUF, 4_096).set(Sysctl.NODELAY, 1));
    peer.connect();
    peer.sendInitAck(peer.initAck(10, 10, 2_200,
        List.of(new StateCookieParameter(ScriptedPeer.TESTER_COOKIE))));
    peer.expectCookieEcho();
    peer.send(new CookieAckChunk());
    SctpAssociation a = peer.association;
    List<ReplicationRecord> kept = new ArrayList<>();
    storeAll(peer, a, kept);
    assertThat(peer.userSend(0, new byte[2_000])).isEqualTo(SendOutcome.ACCEPTED);
    assertThat(peer.userSend(0, new byte[100])).isEqualTo(SendOutcome.ACCEPTED);
    assertThat(peer.userSend(0, new byte[1_900])).as("queued: the peer's window is used up")
        .isEqualTo(SendOutcome.ACCEPTED);
    assertThat(peer.userSend(0, new byte[200])).isEqualTo(SendOutcome.WOULD_BLOCK);
    storeAll(peer, a, kept);
    List<DataChunk> sent = new ArrayList<>();
    for (ScriptedPeer.Sent p : peer.takeAll()) {
      sent.addAll(p.all(DataChunk.class));
    }
    assertThat(sent).extracting(d -> d.userData().length()).as("the first two messages")
        .containsExactly(2_000 - sent.get(sent.size() - 2).userData().length(),
            sent.get(sent.size() - 2).userData().length(), 100);

    // The first message is acknowledged, the window stays shut: nothing new is cut.
    peer.send(ScriptedPeer.sack(sent.get(1).tsn(), 0));

    assertThat(peer.events(SendBufferAvailable.class)).as("handed over at once: it depends on"
        + " nothing the standby lacks").hasSize(1);
    assertThat(records(peer)).as("nothing urgent to replicate").isEmpty();
  }

  @Test
  void aShutdownCarriesOnlyTheCumulativeTsnTheStandbyHolds() {
    ScriptedPeer peer = sync();
    SctpAssociation a = peer.establishActive();
    List<ReplicationRecord> kept = new ArrayList<>();
    storeAll(peer, a, kept);
    int tsn = peer.sendData(0, 0, "unreplicated");

    peer.userShutdown();
    peer.expectNoPacket();
    storeAll(peer, a, kept);

    List<ScriptedPeer.Sent> sent = peer.takeAll();
    ShutdownChunk shutdown = null;
    for (ScriptedPeer.Sent s : sent) {
      if (s.has(ShutdownChunk.class)) {
        shutdown = s.first(ShutdownChunk.class);
      }
    }
    assertThat(shutdown).as("the SHUTDOWN, once the standby knows of it").isNotNull();
    assertThat(shutdown.cumulativeTsnAck()).as("its cumulative TSN").isEqualTo(tsn - 1);
  }

  @Test
  void inSyncModeNoChunkIsSentBeforeTheStandbyStoredIt() {
    ScriptedPeer peer = sync();
    SctpAssociation a = peer.establishActive();
    List<ReplicationRecord> kept = new ArrayList<>();
    storeAll(peer, a, kept);

    peer.userSend(0, "to the peer".getBytes());
    peer.expectNoPacket();
    List<ReplicationRecord> made = records(peer);
    assertThat(made).as("one record per message").hasSize(1);
    List<Delta> deltas = made.get(0).deltas();
    assertThat(deltas).hasSize(2);
    assertThat(deltas.get(0)).isInstanceOf(Delta.MessageQueued.class);
    assertThat(deltas.get(1)).isInstanceOfSatisfying(Delta.ChunkCut.class,
        c -> assertThat(c.chunk().tsn()).isEqualTo(peer.iutInitialTsn));
    peer.advance(3_000 * MS);
    peer.expectNoPacket();

    a.replicated(peer.now(), made.get(0).sequence());
    peer.flush();

    DataChunk data = peer.nextPacketToPeer().first(DataChunk.class);
    assertThat(data.tsn()).isEqualTo(peer.iutInitialTsn);
    assertThat(data.userData()).isEqualTo(Bytes.wrap("to the peer".getBytes()));
  }

  @Test
  void anUnconfirmedDeliveryHoldsTheWindowAndAConfirmationIsReplicatedLazily() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.HA_MODE, 1)
        .set(Sysctl.HA_SYNC_INTERVAL_MS, 50).set(Sysctl.RCVBUF, 4_000));
    SctpAssociation a = peer.establishActive();
    List<ReplicationRecord> kept = new ArrayList<>();
    storeAll(peer, a, kept);
    peer.sendData(0, 0, "x".repeat(1_000));
    storeAll(peer, a, kept);
    SackChunk sack = peer.expectSack();
    assertThat(sack.advertisedReceiverWindowCredit()).as("read but not confirmed").isEqualTo(3_000);
    MessageReceived m = peer.received().get(0);

    a.confirmDelivered(peer.now(), m);
    assertThat(records(peer)).as("no record for a confirmation alone before the timer").isEmpty();
    peer.advance(50 * MS);

    List<ReplicationRecord> made = records(peer);
    assertThat(made).singleElement().satisfies(r -> {
      assertThat(r.causes()).isEqualTo(ReplicationRecord.CAUSE_TIMER);
      assertThat(r.deltas()).anySatisfy(d -> assertThat(d).isEqualTo(
          new Delta.DeliveryConfirmed(List.of(m.firstTsn()))));
    });
    a.replicated(peer.now(), made.get(0).sequence());
    peer.flush();
    assertThat(a.options().status().localRwnd()).isEqualTo(4_000);
  }

  @Test
  void inThresholdModeChunksGoAtOnceButNeverHalfTheThresholdAheadOfTheStandby() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.HA_MODE, 2)
        .set(Sysctl.HA_SYNC_TSN_THRESHOLD, 16).set(Sysctl.NODELAY, 1));
    SctpAssociation a = peer.establishActive(new ForwardTsnSupportedParameter());
    assertThat(a.options().haMode()).isEqualTo(HaMode.THRESHOLD);
    List<ReplicationRecord> kept = new ArrayList<>();
    storeAll(peer, a, kept);

    for (int i = 0; i < 12; i++) {
      peer.userSend(0, ("m" + i).getBytes());
    }

    List<Integer> tsns = dataTsns(peer.takeAll());
    assertThat(tsns).as("sent without waiting, up to half the threshold").hasSize(8);
    List<ReplicationRecord> made = records(peer);
    assertThat(made).isNotEmpty();
    assertThat(made).anySatisfy(r -> assertThat(r.causes() & ReplicationRecord.CAUSE_THRESHOLD)
        .isNotZero());
    a.replicated(peer.now(), made.get(made.size() - 1).sequence());
    peer.flush();
    assertThat(dataTsns(peer.takeAll())).as("the rest once the standby caught up").hasSize(4);
  }

  private static List<Integer> dataTsns(List<ScriptedPeer.Sent> sent) {
    List<Integer> tsns = new ArrayList<>();
    for (ScriptedPeer.Sent s : sent) {
      for (DataChunk d : s.all(DataChunk.class)) {
        tsns.add(d.tsn());
      }
    }
    return tsns;
  }

  @Test
  void thresholdModeIsRefusedWithoutPrSctp() {
    AssociationOptions options = AssociationOptions.from(StackConfig.defaults());
    options.setPrSupported(false);
    assertThatThrownBy(() -> options.setHaMode(HaMode.THRESHOLD))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PR-SCTP");
    assertThatThrownBy(() -> StackConfig.builder().set(Sysctl.HA_MODE, 2)
        .set(Sysctl.PRSCTP_ENABLE, 0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prsctp_enable");

    ScriptedPeer peer = sync();
    SctpAssociation a = peer.establishActive();
    assertThat(a.options().extensions().partialReliability()).isFalse();
    assertThatThrownBy(() -> a.options().setHaMode(peer.now(), HaMode.THRESHOLD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("THRESHOLD needs PR-SCTP");
    assertThat(a.options().haMode()).isEqualTo(HaMode.SYNC);
  }

  @Test
  void switchingHaOffLetsGoWhatWaitedForTheStandby() {
    ScriptedPeer peer = sync();
    SctpAssociation a = peer.establishActive();
    List<ReplicationRecord> kept = new ArrayList<>();
    storeAll(peer, a, kept);
    int tsn = peer.sendData(0, 0, "in");
    peer.userSend(0, "out".getBytes());
    peer.expectNoPacket();
    assertThat(a.isIdle()).isFalse();
    assertThat(records(peer)).as("the standby never stores these").isNotEmpty();

    a.options().setHaMode(peer.now(), HaMode.OFF);
    peer.flush();

    List<ScriptedPeer.Sent> sent = peer.takeAll();
    assertThat(dataTsns(sent)).containsExactly(peer.iutInitialTsn);
    assertThat(sent).anySatisfy(p -> assertThat(p.has(SackChunk.class)
        && p.first(SackChunk.class).cumulativeTsnAck() == tsn).isTrue());
    assertThat(peer.receivedStrings()).containsExactly("in");
    assertThat(peer.endpoint().pollReplication()).isNull();
  }

  @Test
  void withHaOffNothingIsReplicatedAndNothingWaits() {
    ScriptedPeer peer = new ScriptedPeer();
    SctpAssociation a = peer.establishActive();
    int tsn = peer.sendData(0, 0, "plain");

    assertThat(peer.expectSack().cumulativeTsnAck()).isEqualTo(tsn);
    assertThat(peer.endpoint().pollReplication()).isNull();
    assertThat(a.options().haMode()).isEqualTo(HaMode.OFF);
    peer.userSend(new OutgoingMessage(0, 0, false, false, Bytes.wrap(new byte[10]), 0,
        Long.MAX_VALUE));
    assertThat(peer.nextPacketToPeer().has(DataChunk.class)).isTrue();
  }
}
