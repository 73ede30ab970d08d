package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.sack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.PartialDeliveryAborted;
import org.jsctp.api.PrPolicy;
import org.jsctp.api.SendFailed;
import org.jsctp.association.AssociationState;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.ForwardTsnChunk;
import org.jsctp.wire.ForwardTsnSupportedParameter;
import org.jsctp.wire.IDataChunk;
import org.jsctp.wire.IForwardTsnChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.ProtocolViolationCause;
import org.jsctp.wire.SupportedExtensionsParameter;
import org.junit.jupiter.api.Test;

/**
 * User message interleaving (RFC 8260): negotiation of I-DATA (section 2.2), the I-DATA chunk's
 * message identifiers and fragment sequence numbers on both sides (section 2.1), reassembly of
 * fragments of different streams that came interleaved, and I-FORWARD-TSN with PR-SCTP (section
 * 2.3).
 */
class InterleavingTest {

  private static final int PPID = 46;

  /** An association with I-DATA on and offered by the tester too (and PR-SCTP when asked). */
  private static ScriptedPeer withIData(boolean prSctp) {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.INTL_ENABLE, 1));
    if (prSctp) {
      peer.establishActive(new SupportedExtensionsParameter(
          List.of(ChunkType.FORWARD_TSN, ChunkType.I_DATA, ChunkType.I_FORWARD_TSN)),
          new ForwardTsnSupportedParameter());
    } else {
      peer.establishActive(new SupportedExtensionsParameter(List.of(ChunkType.I_DATA)));
    }
    return peer;
  }

  /** An I-DATA fragment from the tester; {@code fsn} is ignored on a first fragment. */
  private static IDataChunk fragment(int tsn, int stream, int mid, int fsn, boolean b, boolean e,
      String payload) {
    return new IDataChunk(false, false, b, e, tsn, stream, mid, b ? PPID : fsn,
        Bytes.wrap(payload.getBytes(StandardCharsets.US_ASCII)));
  }

  private static IDataChunk unordered(int tsn, int stream, int mid, int fsn, boolean b, boolean e,
      String payload) {
    return new IDataChunk(false, true, b, e, tsn, stream, mid, b ? PPID : fsn,
        Bytes.wrap(payload.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String text(MessageReceived m) {
    return new String(m.data().toByteArray(), StandardCharsets.US_ASCII);
  }

  private static boolean listsIData(InitChunk init) {
    return init.parameters().stream().anyMatch(p -> p instanceof SupportedExtensionsParameter s
        && s.chunkTypes().contains(ChunkType.I_DATA));
  }

  // ---- negotiation (section 2.2) -----------------------------------------------------------

  @Test
  void rfc8260_2_2_iDataIsNotOfferedByDefaultAsInLinux() {
    assertThat(listsIData(new ScriptedPeer().connect())).isFalse();
  }

  @Test
  void rfc8260_2_2_iDataAndIForwardTsnAreOfferedWhenEnabled() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.INTL_ENABLE, 1));
    InitChunk init = peer.connect();

    assertThat(init.parameters()).anySatisfy(p -> assertThat(p).isInstanceOfSatisfying(
        SupportedExtensionsParameter.class, s -> assertThat(s.chunkTypes())
            .contains(ChunkType.I_DATA, ChunkType.I_FORWARD_TSN, ChunkType.FORWARD_TSN)));
  }

  @Test
  void rfc8260_2_2_aPeerThatDoesNotOfferIDataGetsData() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.INTL_ENABLE, 1));
    peer.establishActive();
    peer.userSend(0, "plain".getBytes());

    assertThat(peer.nextPacketToPeer().only(DataChunk.class).userData().length()).isEqualTo(5);
  }

  @Test
  void rfc8260_2_1_aDataChunkOnAnAssociationThatUsesIDataAbortsWithProtocolViolation() {
    ScriptedPeer peer = withIData(false);
    peer.send(peer.data(0, 0, "old style"));

    Sent reply = peer.nextPacketToPeer();
    assertThat(reply.only(AbortChunk.class).causes()).hasOnlyElementsOfType(ProtocolViolationCause.class);
    assertThat(peer.association.state()).isEqualTo(AssociationState.CLOSED);
    assertThat(peer.received()).isEmpty();
  }

  @Test
  void rfc8260_2_1_aMessageReusingTheMidOfOneBeingPartiallyDeliveredIsDiscarded() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.INTL_ENABLE, 1));
    peer.options().setPartialDeliveryPoint(8);
    peer.establishActive(new SupportedExtensionsParameter(List.of(ChunkType.I_DATA)));
    int t = peer.nextTsn;
    peer.send(fragment(t, 0, 0, 0, true, false, "first half, "));
    assertThat(peer.received()).extracting(InterleavingTest::text).containsExactly("first half, ");
    // Another complete message with MID 0 on stream 0, then the rest of the first and MID 1.
    peer.send(fragment(t + 2, 0, 0, 0, true, true, "reuses MID 0"));
    peer.send(fragment(t + 1, 0, 0, 1, false, true, "second half"));
    peer.send(fragment(t + 3, 0, 1, 0, true, true, "MID 1"));

    assertThat(peer.received()).extracting(InterleavingTest::text)
        .containsExactly("first half, ", "second half", "MID 1");
  }

  @Test
  void rfc8260_2_1_anIDataChunkOnAnAssociationThatDidNotNegotiateItAbortsWithProtocolViolation() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.send(fragment(peer.nextTsn++, 0, 0, 0, true, true, "new style"));

    assertThat(peer.nextPacketToPeer().has(AbortChunk.class)).isTrue();
    assertThat(peer.associationChanges()).contains(AssociationChange.Kind.COMM_LOST);
  }

  // ---- sending (section 2.1) ---------------------------------------------------------------

  @Test
  void rfc8260_2_1_theFirstFragmentCarriesThePpidAndTheOthersTheirFragmentSequenceNumber() {
    ScriptedPeer peer = withIData(false);
    peer.userSend(new OutgoingMessage(3, PPID, false, false, Bytes.wrap(new byte[4_000]), 0,
        Long.MAX_VALUE));

    List<IDataChunk> chunks = new ArrayList<>();
    for (Sent s : peer.takeAll()) {
      chunks.addAll(s.all(IDataChunk.class));
    }
    peer.send(sack(chunks.get(chunks.size() - 1).tsn()));
    for (Sent s : peer.takeAll()) {
      chunks.addAll(s.all(IDataChunk.class));
    }

    assertThat(chunks).hasSizeGreaterThan(2);
    assertThat(chunks).allSatisfy(c -> {
      assertThat(c.streamId()).isEqualTo(3);
      assertThat(c.messageId()).isZero();
    });
    assertThat(chunks.get(0).beginning()).isTrue();
    assertThat(chunks.get(0).ppid()).hasValue(PPID);
    for (int i = 1; i < chunks.size(); i++) {
      assertThat(chunks.get(i).beginning()).isFalse();
      assertThat(chunks.get(i).fragmentSequenceNumber()).isEqualTo(i);
    }
    assertThat(chunks.get(chunks.size() - 1).ending()).isTrue();
    assertThat(chunks.stream().mapToInt(c -> c.userData().length()).sum()).isEqualTo(4_000);
    assertThat(chunks.get(0).encodedLength()).as("an I-DATA chunk fills the packet as DATA would")
        .isLessThanOrEqualTo(1500 - 20 - 8 - 12);
  }

  @Test
  void rfc8260_2_1_messageIdentifiersArePerStreamWithOrderedAndUnorderedCountedApart() {
    ScriptedPeer peer = withIData(false);
    peer.association.options().setNodelay(true);
    peer.userSend(new OutgoingMessage(1, 0, false, false, Bytes.wrap(new byte[10]), 0, Long.MAX_VALUE));
    peer.userSend(new OutgoingMessage(1, 0, true, false, Bytes.wrap(new byte[10]), 0, Long.MAX_VALUE));
    peer.userSend(new OutgoingMessage(1, 0, false, false, Bytes.wrap(new byte[10]), 0, Long.MAX_VALUE));
    peer.userSend(new OutgoingMessage(2, 0, false, false, Bytes.wrap(new byte[10]), 0, Long.MAX_VALUE));
    peer.userSend(new OutgoingMessage(1, 0, true, false, Bytes.wrap(new byte[10]), 0, Long.MAX_VALUE));

    List<IDataChunk> chunks = new ArrayList<>();
    for (Sent s : peer.takeAll()) {
      chunks.addAll(s.all(IDataChunk.class));
    }
    assertThat(chunks).extracting(c -> c.streamId() + (c.unordered() ? "U" : "") + ":" + c.messageId())
        .containsExactly("1:0", "1U:0", "1:1", "2:0", "1U:1");
  }

  // ---- receiving (section 2.1) -------------------------------------------------------------

  @Test
  void rfc8260_2_1_fragmentsOfTwoStreamsThatCameInterleavedAreReassembledApart() {
    ScriptedPeer peer = withIData(false);
    int t = peer.nextTsn;
    peer.send(fragment(t, 0, 0, 0, true, false, "big-"));
    peer.send(fragment(t + 1, 1, 0, 0, true, false, "small-"));
    peer.send(fragment(t + 2, 0, 0, 1, false, false, "message-"));
    peer.send(fragment(t + 3, 1, 0, 1, false, true, "one"));
    peer.send(fragment(t + 4, 0, 0, 2, false, true, "here"));

    assertThat(peer.received()).extracting(InterleavingTest::text)
        .containsExactly("small-one", "big-message-here");
    assertThat(peer.received()).allSatisfy(m -> {
      assertThat(m.complete()).isTrue();
      assertThat(m.payloadProtocolId()).isEqualTo(PPID);
    });
  }

  @Test
  void rfc8260_2_1_fragmentsAreOrderedByTheirSequenceNumberNotTheirTsn() {
    ScriptedPeer peer = withIData(false);
    int t = peer.nextTsn;
    peer.send(fragment(t + 2, 0, 0, 2, false, true, "c"));
    peer.send(fragment(t + 1, 0, 0, 1, false, false, "b"));
    assertThat(peer.received()).isEmpty();
    peer.send(fragment(t, 0, 0, 0, true, false, "a"));

    assertThat(peer.receivedStrings()).containsExactly("abc");
  }

  @Test
  void rfc8260_2_1_orderedMessagesWaitForTheirMid() {
    ScriptedPeer peer = withIData(false);
    int t = peer.nextTsn;
    peer.send(fragment(t + 1, 4, 1, 0, true, true, "second"));
    peer.send(unordered(t + 2, 4, 0, 0, true, true, "unordered"));
    assertThat(peer.receivedStrings()).containsExactly("unordered");

    peer.send(fragment(t, 4, 0, 0, true, true, "first"));

    assertThat(peer.receivedStrings()).containsExactly("unordered", "first", "second");
  }

  @Test
  void rfc8260_2_1_whileAMessageIsDeliveredInPiecesOtherStreamsGoOn() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.INTL_ENABLE, 1).set(Sysctl.RCVBUF, 4_000));
    peer.establishActive(new SupportedExtensionsParameter(List.of(ChunkType.I_DATA)));
    int t = peer.nextTsn;
    String kilo = "k".repeat(1_000);
    peer.send(fragment(t, 0, 0, 0, true, false, kilo));
    peer.send(fragment(t + 1, 0, 0, 1, false, false, kilo));
    peer.send(fragment(t + 2, 0, 0, 2, false, false, kilo));
    assertThat(peer.received()).as("the large message is delivered in pieces")
        .isNotEmpty().noneMatch(MessageReceived::complete);
    peer.userRead(3_000);

    peer.send(fragment(t + 3, 1, 0, 0, true, true, "meanwhile"));
    peer.send(fragment(t + 4, 0, 0, 3, false, true, "end"));

    List<MessageReceived> received = peer.received();
    assertThat(received).filteredOn(m -> m.streamId() == 1).extracting(InterleavingTest::text)
        .containsExactly("meanwhile");
    int meanwhile = received.indexOf(received.stream().filter(m -> m.streamId() == 1).findFirst().orElseThrow());
    assertThat(received.get(received.size() - 1).complete()).isTrue();
    assertThat(meanwhile).as("stream 1 did not wait for stream 0's message to end")
        .isLessThan(received.size() - 1);
    assertThat(received).filteredOn(m -> m.streamId() == 0)
        .extracting(m -> m.data().length()).containsExactly(sizes(received, 3_003));
  }

  /** The sizes of the stream-0 pieces, checked to add up to {@code total}. */
  private static Integer[] sizes(List<MessageReceived> received, int total) {
    Integer[] sizes = received.stream().filter(m -> m.streamId() == 0)
        .map(m -> m.data().length()).toArray(Integer[]::new);
    int sum = 0;
    for (int s : sizes) {
      sum += s;
    }
    assertThat(sum).isEqualTo(total);
    return sizes;
  }

  // ---- I-FORWARD-TSN (section 2.3) ---------------------------------------------------------

  @Test
  void rfc8260_2_3_1_aForwardTsnOnAnAssociationThatUsesIDataAbortsWithProtocolViolation() {
    ScriptedPeer peer = withIData(true);
    peer.send(new ForwardTsnChunk(peer.nextTsn + 1, List.of()));

    assertThat(peer.nextPacketToPeer().has(AbortChunk.class)).isTrue();
  }

  @Test
  void rfc8260_2_3_1_anIForwardTsnOnAnAssociationWithoutIDataAbortsWithProtocolViolation() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive(new ForwardTsnSupportedParameter());
    peer.send(new IForwardTsnChunk(peer.nextTsn + 1, List.of()));

    assertThat(peer.nextPacketToPeer().has(AbortChunk.class)).isTrue();
  }

  @Test
  void rfc8260_2_3_2_anIForwardTsnDropsTheNamedMessageButNotLowerTsnsOfAMessageStillUnderWay() {
    ScriptedPeer peer = withIData(true);
    int t = peer.nextTsn;
    peer.send(fragment(t, 0, 0, 0, true, false, "kept-"));
    peer.send(fragment(t + 1, 1, 0, 0, true, false, "abandoned"));
    peer.takeAll();

    peer.send(new IForwardTsnChunk(t + 2, List.of(new IForwardTsnChunk.Entry(1, false, 0))));
    assertThat(peer.expectSack().cumulativeTsnAck()).isEqualTo(t + 2);
    assertThat(peer.association.receivedBytesHeld()).as("stream 0's first fragment stays").isEqualTo(5);

    peer.send(fragment(t + 3, 0, 0, 1, false, true, "whole"));
    peer.send(fragment(t + 4, 1, 1, 0, true, true, "next"));

    assertThat(peer.receivedStrings()).containsExactly("kept-whole", "next");
    assertThat(peer.association.receivedBytesHeld()).as("delivered and read").isZero();
  }

  @Test
  void rfc8260_2_3_2_midsBeyond16BitsOrderAStreamAfterAnIForwardTsn() {
    ScriptedPeer peer = withIData(true);
    int t = peer.nextTsn;
    peer.send(fragment(t + 1, 2, 70_001, 0, true, true, "after"));

    peer.send(new IForwardTsnChunk(t, List.of(new IForwardTsnChunk.Entry(2, false, 70_000))));

    assertThat(peer.receivedStrings()).containsExactly("after");
    assertThat(peer.received().get(0).streamSequenceNumber()).isEqualTo(70_001);
  }

  @Test
  void rfc8260_2_3_2_anUnorderedEntryDropsThatStreamsUnorderedFragmentsOnly() {
    ScriptedPeer peer = withIData(true);
    int t = peer.nextTsn;
    peer.send(unordered(t, 5, 3, 0, true, false, "dropped"));
    peer.send(fragment(t + 1, 5, 0, 0, true, false, "ordered-"));

    peer.send(new IForwardTsnChunk(t + 2, List.of(new IForwardTsnChunk.Entry(5, true, 3))));
    peer.send(fragment(t + 3, 5, 0, 1, false, true, "kept"));

    assertThat(peer.receivedStrings()).containsExactly("ordered-kept");
    assertThat(peer.association.receivedBytesHeld()).as("the unordered fragment was dropped").isZero();
  }

  @Test
  void rfc8260_2_3_2_aPartialDeliveryOfAnAbandonedMessageEndsWithAnEventAndOtherStreamsGoOn() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.INTL_ENABLE, 1).set(Sysctl.RCVBUF, 4_000));
    peer.establishActive(new SupportedExtensionsParameter(
        List.of(ChunkType.FORWARD_TSN, ChunkType.I_DATA, ChunkType.I_FORWARD_TSN)));
    int t = peer.nextTsn;
    String kilo = "k".repeat(1_000);
    for (int i = 0; i < 3; i++) {
      peer.send(fragment(t + i, 0, 0, i, i == 0, false, kilo));
    }
    assertThat(peer.received()).isNotEmpty().noneMatch(MessageReceived::complete);

    peer.send(new IForwardTsnChunk(t + 3, List.of(new IForwardTsnChunk.Entry(0, false, 0))));
    peer.send(fragment(t + 4, 0, 1, 0, true, true, "next"));

    assertThat(peer.events(PartialDeliveryAborted.class)).singleElement()
        .satisfies(e -> assertThat(e.streamId()).isZero());
    MessageReceived last = peer.received().get(peer.received().size() - 1);
    assertThat(text(last)).isEqualTo("next");
    assertThat(last.complete()).isTrue();
  }

  @Test
  void rfc8260_2_3_1_anAbandonedMessageIsSkippedByAnIForwardTsnNamingItsStreamAndMid() {
    ScriptedPeer peer = withIData(true);
    peer.association.options().setNodelay(true);
    peer.userSend(new OutgoingMessage(6, 0, true, false, Bytes.wrap(new byte[10]), 0, Long.MAX_VALUE));
    peer.userSend(new OutgoingMessage(6, 0, false, false, Bytes.wrap(new byte[100]), 9,
        Long.MAX_VALUE, PrPolicy.RTX, 0));
    List<IDataChunk> sent = new ArrayList<>();
    for (Sent s : peer.takeAll()) {
      sent.addAll(s.all(IDataChunk.class));
    }
    assertThat(sent).hasSize(2);
    int abandonedTsn = sent.get(1).tsn();
    peer.send(sack(sent.get(0).tsn()));
    peer.takeAll();

    peer.advance(peer.nextDeadline() - peer.now());

    IForwardTsnChunk forward = peer.nextPacketToPeer().first(IForwardTsnChunk.class);
    assertThat(forward.newCumulativeTsn()).isEqualTo(abandonedTsn);
    assertThat(forward.entries()).containsExactly(new IForwardTsnChunk.Entry(6, false, 0));
    assertThat(peer.events(SendFailed.class)).singleElement()
        .satisfies(f -> assertThat(f.context()).isEqualTo(9));
  }
}
