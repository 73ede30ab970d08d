package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.MS;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;
import static org.jsctp.testkit.ScriptedPeer.sack;

import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.PartialDeliveryAborted;
import org.jsctp.api.PrPolicy;
import org.jsctp.api.SendFailed;
import org.jsctp.api.SendOutcome;
import org.jsctp.association.AssociationState;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.ForwardTsnChunk;
import org.jsctp.wire.ForwardTsnSupportedParameter;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.SupportedExtensionsParameter;
import org.junit.jupiter.api.Test;

/**
 * PR-SCTP (RFC 3758) and its policies (RFC 7496): negotiation, the receiver's handling of
 * FORWARD-TSN (section 3.6), and the sender's abandoning of messages with a FORWARD-TSN over them
 * (section 3.5), every abandoned message reported to the application with its data.
 */
class PartialReliabilityTest {

  /** An association whose peer (the tester) offered PR-SCTP. */
  private static ScriptedPeer withPrSctp() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive(new ForwardTsnSupportedParameter());
    return peer;
  }

  private static DataChunk fragment(int tsn, int stream, int ssn, boolean b, boolean e, int size) {
    return new DataChunk(false, false, b, e, tsn, stream, ssn, 0, Bytes.wrap(new byte[size]));
  }

  private static OutgoingMessage message(int stream, int size, PrPolicy policy, int value, long expiresAt) {
    return new OutgoingMessage(stream, 0, false, false, Bytes.wrap(new byte[size]), 7, expiresAt, policy, value);
  }

  // ---- negotiation (section 3.3.1) -------------------------------------------------------

  @Test
  void rfc3758_3_3_1_prSctpIsOfferedInTheInit() {
    ScriptedPeer peer = new ScriptedPeer();
    InitChunk init = peer.connect();

    assertThat(init.parameters()).contains(new ForwardTsnSupportedParameter());
    assertThat(init.parameters()).anySatisfy(p -> assertThat(p).isInstanceOfSatisfying(
        SupportedExtensionsParameter.class, s -> assertThat(s.chunkTypes()).contains(ChunkType.FORWARD_TSN)));
  }

  @Test
  void rfc3758_3_3_1_prSctpIsNotOfferedWhenSwitchedOff() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(org.jsctp.config.Sysctl.PRSCTP_ENABLE, 0));
    assertThat(peer.connect().parameters()).noneMatch(p -> p instanceof ForwardTsnSupportedParameter);
  }

  @Test
  void rfc9260_3_2_aForwardTsnFromAPeerThatDidNotOfferPrSctpIsAnUnrecognizedChunk() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    DataChunk data = peer.data(0, 0, "after");
    peer.send(new ForwardTsnChunk(ScriptedPeer.DEFAULT_PEER_TSN + 5, List.of()), data);

    Sent reply = peer.nextPacketToPeer();
    assertThat(reply.has(ErrorChunk.class)).as("cause 6: unrecognized chunk type").isTrue();
    assertThat(peer.receivedStrings()).containsExactly("after");
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
  }

  @Test
  void aPeerThatDidNotOfferPrSctpNeverGetsAForwardTsnAndTtlLimitsOnlyUnsentMessages() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userSend(message(0, 100, PrPolicy.TTL, 0, peer.now() + 100 * MS));
    DataChunk first = peer.nextPacketToPeer().only(DataChunk.class);

    peer.advance(1100 * MS);

    Sent again = peer.nextPacketToPeer();
    assertThat(again.only(DataChunk.class).tsn()).as("retransmitted, not abandoned").isEqualTo(first.tsn());
    assertThat(peer.events(SendFailed.class)).isEmpty();
  }

  // ---- the receiver (section 3.6) ----------------------------------------------------------

  @Test
  void rfc3758_3_6_aForwardTsnMovesTheCumulativeTsnAndIsAcknowledgedAtOnce() {
    ScriptedPeer peer = withPrSctp();
    int first = peer.nextTsn;
    peer.send(fragment(first + 1, 1, 0, true, true, 10));
    peer.takeAll();

    peer.send(new ForwardTsnChunk(first, List.of()));

    SackChunk sack = peer.expectSack();
    assertThat(sack.cumulativeTsnAck()).isEqualTo(first + 1);
    assertThat(sack.gapAckBlocks()).isEmpty();
  }

  @Test
  void rfc3758_3_6_forwardTsnOverPartiallyReceivedFragmentsDoesNotAbort() {
    ScriptedPeer peer = withPrSctp();
    int first = peer.nextTsn;
    peer.send(fragment(first, 0, 0, true, false, 500));
    peer.send(fragment(first + 2, 0, 0, false, false, 500));
    peer.takeAll();
    assertThat(peer.association.receivedBytesHeld()).isEqualTo(1000);

    peer.send(new ForwardTsnChunk(first + 3, List.of(new ForwardTsnChunk.StreamEntry(0, 0))));

    Sent reply = peer.nextPacketToPeer();
    assertThat(reply.has(AbortChunk.class)).isFalse();
    assertThat(reply.first(SackChunk.class).cumulativeTsnAck()).isEqualTo(first + 3);
    assertThat(peer.association.receivedBytesHeld()).as("the fragments are dropped").isZero();
    peer.send(fragment(first + 4, 0, 1, true, true, 10));
    assertThat(peer.received()).as("stream 0 goes on with SSN 1").hasSize(1);
  }

  @Test
  void rfc3758_3_6_forwardTsnOverDataNeverReceivedDoesNotAbort() {
    ScriptedPeer peer = withPrSctp();
    int first = peer.nextTsn;
    peer.send(new ForwardTsnChunk(first + 9, List.of()));

    SackChunk sack = peer.expectSack();
    assertThat(sack.cumulativeTsnAck()).isEqualTo(first + 9);
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
  }

  @Test
  void rfc3758_3_6_anOrderedStreamSkipsTheAbandonedSsnAndDeliversWhatWaitedBehindIt() {
    ScriptedPeer peer = withPrSctp();
    int first = peer.nextTsn;
    peer.send(fragment(first + 1, 2, 1, true, true, 10));
    peer.send(fragment(first + 2, 2, 2, true, true, 10));
    assertThat(peer.received()).as("SSN 1 and 2 wait for SSN 0").isEmpty();

    peer.send(new ForwardTsnChunk(first, List.of(new ForwardTsnChunk.StreamEntry(2, 0))));

    assertThat(peer.received()).extracting(m -> m.streamSequenceNumber()).containsExactly(1, 2);
  }

  @Test
  void rfc3758_3_6_aStaleForwardTsnIsAcknowledgedAndChangesNothing() {
    ScriptedPeer peer = withPrSctp();
    int tsn = peer.sendData(0, 0, "one");
    peer.takeAll();

    peer.send(new ForwardTsnChunk(tsn - 5, List.of(new ForwardTsnChunk.StreamEntry(0, 60_000))));

    assertThat(peer.expectSack().cumulativeTsnAck()).isEqualTo(tsn);
    peer.sendData(0, 1, "two");
    assertThat(peer.receivedStrings()).containsExactly("one", "two");
  }

  @Test
  void aForwardTsnBeyondWhatThePeerCanHaveOutstandingAbortsWithProtocolViolation() {
    ScriptedPeer peer = withPrSctp();
    peer.send(new ForwardTsnChunk(peer.nextTsn + 1_000_000, List.of()));

    assertThat(peer.nextPacketToPeer().has(AbortChunk.class)).isTrue();
    assertThat(peer.associationChanges()).contains(AssociationChange.Kind.COMM_LOST);
  }

  @Test
  void rfc3758_3_6_aPartialDeliveryOfAnAbandonedMessageEndsWithAnEvent() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(org.jsctp.config.Sysctl.RCVBUF, 4_000));
    peer.establishActive(new ForwardTsnSupportedParameter());
    int first = peer.nextTsn;
    for (int i = 0; i < 3; i++) {
      peer.send(fragment(first + i, 0, 0, i == 0, false, 1_000));
    }
    assertThat(peer.received()).as("pieces delivered").isNotEmpty();
    assertThat(peer.received()).noneMatch(m -> m.complete());

    peer.send(new ForwardTsnChunk(first + 4, List.of(new ForwardTsnChunk.StreamEntry(0, 0))));

    assertThat(peer.events(PartialDeliveryAborted.class)).hasSize(1);
    peer.send(fragment(first + 5, 0, 1, true, true, 10));
    assertThat(peer.received().get(peer.received().size() - 1).complete()).isTrue();
  }

  // ---- the sender (section 3.5, RFC 7496) --------------------------------------------------

  @Test
  void rfc3758_3_5_aSentMessageWhoseLifetimeEndedIsAbandonedReportedAndSkippedByAForwardTsn() {
    ScriptedPeer peer = withPrSctp();
    peer.userSend(message(3, 100, PrPolicy.TTL, 0, peer.now() + 300 * MS));
    DataChunk lost = peer.nextPacketToPeer().only(DataChunk.class);

    peer.advance(1000 * MS);

    Sent forward = peer.nextPacketToPeer();
    ForwardTsnChunk f = forward.first(ForwardTsnChunk.class);
    assertThat(forward.has(DataChunk.class)).as("not retransmitted").isFalse();
    assertThat(f.newCumulativeTsn()).isEqualTo(lost.tsn());
    assertThat(f.streams()).containsExactly(new ForwardTsnChunk.StreamEntry(3, 0));
    SendFailed failed = peer.events(SendFailed.class).get(0);
    assertThat(failed.sent()).isTrue();
    assertThat(failed.context()).isEqualTo(7);
    assertThat(failed.data().length()).isEqualTo(100);
    assertThat(peer.association.options().prStatus(-1).abandonedSent()).isEqualTo(1);

    peer.send(sack(lost.tsn()));
    assertThat(peer.association.isIdle()).isTrue();
  }

  @Test
  void rfc3758_3_5_aMessageAbandonedPartWayIsSkippedUpToAnEndThatNeverWentOut() {
    ScriptedPeer peer = withPrSctp();
    peer.userSend(message(2, 40_000, PrPolicy.TTL, 0, peer.now() + 300 * MS));
    List<DataChunk> sent = new java.util.ArrayList<>();
    for (Sent s : peer.takeAll()) {
      sent.addAll(s.all(DataChunk.class));
    }
    assertThat(sent.get(sent.size() - 1).ending()).as("the congestion window holds back the rest").isFalse();
    peer.send(sack(sent.get(sent.size() - 1).tsn(), 0));
    for (Sent s : peer.takeAll()) {
      sent.addAll(s.all(DataChunk.class));
    }
    DataChunk last = sent.get(sent.size() - 1);
    assertThat(last.ending()).isFalse();

    peer.advance(400 * MS);
    peer.userSend(message(2, 10, PrPolicy.NONE, 0, Long.MAX_VALUE));
    peer.advance(peer.nextDeadline() - peer.now());

    List<Sent> after = peer.takeAll();
    ForwardTsnChunk f = after.stream().filter(s -> s.has(ForwardTsnChunk.class)).findFirst()
        .orElseThrow().first(ForwardTsnChunk.class);
    assertThat(f.newCumulativeTsn()).as("every chunk sent was acknowledged: the end's TSN moves it")
        .isEqualTo(last.tsn() + 1);
    assertThat(f.streams()).containsExactly(new ForwardTsnChunk.StreamEntry(2, 0));
    assertThat(peer.events(SendFailed.class)).singleElement().satisfies(e -> {
      assertThat(e.sent()).isTrue();
      assertThat(e.data().length()).isEqualTo(40_000);
    });
  }

  @Test
  void rfc3758_3_5_aLostForwardTsnGoesAgainWhenSacksShowLaterDataArrivedButNotOnEverySack() {
    ScriptedPeer peer = withPrSctp();
    peer.association.options().setNodelay(true);
    peer.userSend(message(0, 100, PrPolicy.RTX, 0, Long.MAX_VALUE));
    DataChunk lost = peer.nextPacketToPeer().only(DataChunk.class);
    peer.advance(1000 * MS);
    assertThat(peer.nextPacketToPeer().first(ForwardTsnChunk.class).newCumulativeTsn())
        .isEqualTo(lost.tsn());

    peer.userSend(message(0, 10, PrPolicy.NONE, 0, Long.MAX_VALUE));
    DataChunk later = peer.nextPacketToPeer().only(DataChunk.class);
    peer.advance(50 * MS);
    peer.send(sack(lost.tsn() - 1, ScriptedPeer.DEFAULT_PEER_RWND, ScriptedPeer.gap(2, 2)));

    Sent again = peer.nextPacketToPeer();
    assertThat(again.first(ForwardTsnChunk.class).newCumulativeTsn())
        .as("the peer got TSN %d but not the FORWARD-TSN", later.tsn()).isEqualTo(lost.tsn());
    peer.send(sack(lost.tsn() - 1, ScriptedPeer.DEFAULT_PEER_RWND, ScriptedPeer.gap(2, 2)));
    assertThat(peer.takeAll()).as("not again within a round trip").noneMatch(s -> s.has(ForwardTsnChunk.class));
  }

  @Test
  void rfc7496_3_1_zeroRetransmissionsMeansSentOnceAndNeverAgain() {
    ScriptedPeer peer = withPrSctp();
    assertThat(peer.userSend(message(0, 100, PrPolicy.RTX, 0, Long.MAX_VALUE))).isEqualTo(SendOutcome.ACCEPTED);
    DataChunk once = peer.nextPacketToPeer().only(DataChunk.class);

    peer.advance(1000 * MS);

    Sent next = peer.nextPacketToPeer();
    assertThat(next.has(DataChunk.class)).isFalse();
    assertThat(next.first(ForwardTsnChunk.class).newCumulativeTsn()).isEqualTo(once.tsn());
    assertThat(peer.events(SendFailed.class)).singleElement().matches(SendFailed::sent);
  }

  @Test
  void rfc7496_3_1_aMessageIsRetransmittedItsAllowedNumberOfTimesThenAbandoned() {
    ScriptedPeer peer = withPrSctp();
    peer.userSend(message(0, 100, PrPolicy.RTX, 2, Long.MAX_VALUE));
    peer.nextPacketToPeer();
    int retransmissions = 0;
    ForwardTsnChunk forward = null;
    for (int round = 0; round < 5 && forward == null; round++) {
      peer.advance(peer.nextDeadline() - peer.now());
      for (Sent s : peer.takeAll()) {
        retransmissions += s.all(DataChunk.class).size();
        if (s.has(ForwardTsnChunk.class)) {
          forward = s.first(ForwardTsnChunk.class);
        }
      }
    }
    assertThat(retransmissions).isEqualTo(2);
    assertThat(forward).isNotNull();
  }

  @Test
  void rfc7496_3_2_aFullSendBufferAbandonsUnsentMessagesOfLowerPriority() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(org.jsctp.config.Sysctl.SNDBUF, 10_000));
    peer.establishActive(new ForwardTsnSupportedParameter());
    // The first message fills the congestion window; the next two wait unsent (9500 buffered).
    peer.userSend(message(0, 6_000, PrPolicy.PRIO, 1, Long.MAX_VALUE));
    peer.userSend(message(1, 2_000, PrPolicy.PRIO, 5, Long.MAX_VALUE));
    peer.userSend(message(2, 1_500, PrPolicy.PRIO, 9, Long.MAX_VALUE));

    SendOutcome outcome = peer.userSend(message(0, 3_000, PrPolicy.PRIO, 2, Long.MAX_VALUE));

    assertThat(outcome).isEqualTo(SendOutcome.ACCEPTED);
    assertThat(peer.events(SendFailed.class)).extracting(f -> f.data().length(), SendFailed::sent)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1_500, false),
            org.assertj.core.groups.Tuple.tuple(2_000, false));
    assertThat(peer.association.options().prStatus(-1).abandonedUnsent()).isEqualTo(2);
    assertThat(peer.association.options().prStatus(2).abandonedUnsent()).isEqualTo(1);
  }

  @Test
  void rfc7496_3_2_aMessageOfLowerPriorityFindsNoRoomAndWaits() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(org.jsctp.config.Sysctl.SNDBUF, 10_000));
    peer.establishActive(new ForwardTsnSupportedParameter());
    peer.userSend(message(0, 6_000, PrPolicy.PRIO, 1, Long.MAX_VALUE));
    peer.userSend(message(1, 3_000, PrPolicy.PRIO, 1, Long.MAX_VALUE));

    assertThat(peer.userSend(message(2, 4_000, PrPolicy.PRIO, 8, Long.MAX_VALUE))).isEqualTo(SendOutcome.WOULD_BLOCK);
    assertThat(peer.events(SendFailed.class)).isEmpty();
  }

  @Test
  void trap24_noIdenticalForwardTsnOnEverySackButAgainAfterT3() {
    ScriptedPeer peer = withPrSctp();
    peer.userSend(message(0, 100, PrPolicy.RTX, 0, Long.MAX_VALUE));
    DataChunk lost = peer.nextPacketToPeer().only(DataChunk.class);
    peer.advance(1000 * MS);
    assertThat(peer.nextPacketToPeer().has(ForwardTsnChunk.class)).isTrue();

    // The FORWARD-TSN is lost; SACKs that say nothing new come (for example for the peer's own data).
    peer.send(sack(lost.tsn() - 1));
    peer.send(sack(lost.tsn() - 1));
    assertThat(peer.takeAll()).noneMatch(s -> s.has(ForwardTsnChunk.class));

    peer.advance(2 * SECONDS);
    assertThat(peer.takeAll()).anyMatch(s -> s.has(ForwardTsnChunk.class));
  }

  @Test
  void everyAbandonedMessageComesBackOnceEvenWhenTheAssociationEnds() {
    ScriptedPeer peer = withPrSctp();
    peer.userSend(message(0, 100, PrPolicy.RTX, 0, Long.MAX_VALUE));
    peer.nextPacketToPeer();
    peer.advance(1000 * MS);
    peer.takeAll();

    peer.userAbort(Bytes.EMPTY);

    assertThat(peer.events(SendFailed.class)).hasSize(1);
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_ABORTEDS)).isEqualTo(1);
  }
}
