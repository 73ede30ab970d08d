package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.testkit.ScriptedPeer.DEFAULT_PEER_TSN;
import static org.jsctp.testkit.ScriptedPeer.MS;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;
import static org.jsctp.testkit.ScriptedPeer.sack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.AssociationReset;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SctpEvent;
import org.jsctp.api.SendOutcome;
import org.jsctp.api.StreamChange;
import org.jsctp.api.StreamReset;
import org.jsctp.association.AssociationOptions;
import org.jsctp.association.AssociationState;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.AddIncomingStreamsRequestParameter;
import org.jsctp.wire.AddOutgoingStreamsRequestParameter;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.IDataChunk;
import org.jsctp.wire.IncomingSsnResetRequestParameter;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.OutgoingSsnResetRequestParameter;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.ReConfigChunk;
import org.jsctp.wire.ReconfigurationResponseParameter;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.SsnTsnResetRequestParameter;
import org.jsctp.wire.SupportedExtensionsParameter;
import org.junit.jupiter.api.Test;

/**
 * Stream reconfiguration (RFC 6525): negotiation, our requests (section 5.1: outgoing and
 * incoming SSN resets, SSN/TSN reset, adding streams, the RE-CONFIG timer) and the peer's
 * (section 5.2: request sequence numbers, the result codes, deferred reset processing), with
 * DATA and with I-DATA. The tester is the peer; its first request number is its Initial TSN.
 */
class StreamReconfigurationTest {

  private static final long PERFORMED = ReconfigurationResponseParameter.SUCCESS_PERFORMED;
  private static final long DENIED = ReconfigurationResponseParameter.DENIED;
  private static final long IN_PROGRESS = ReconfigurationResponseParameter.IN_PROGRESS;
  private static final int ALL_REQUESTS = AssociationOptions.ENABLE_RESET_STREAM_REQ
      | AssociationOptions.ENABLE_RESET_ASSOC_REQ | AssociationOptions.ENABLE_CHANGE_ASSOC_REQ;

  /** An association with RE-CONFIG on and offered by the tester too. */
  private static ScriptedPeer withReconfig() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.RECONF_ENABLE, 1));
    peer.establishActive(new SupportedExtensionsParameter(List.of(ChunkType.RE_CONFIG)));
    peer.association.options().setNodelay(true);
    return peer;
  }

  /** The same with I-DATA on both sides. */
  private static ScriptedPeer withReconfigAndIData() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.RECONF_ENABLE, 1).set(Sysctl.INTL_ENABLE, 1));
    peer.establishActive(new SupportedExtensionsParameter(List.of(ChunkType.I_DATA, ChunkType.RE_CONFIG)));
    peer.association.options().setNodelay(true);
    return peer;
  }

  private static ReconfigurationResponseParameter response(int sequence, long result) {
    return new ReconfigurationResponseParameter(sequence, result);
  }

  private static ReConfigChunk reconfig(Parameter... parameters) {
    return new ReConfigChunk(List.of(parameters));
  }

  /** The one response of the RE-CONFIG chunk in the next packet to the tester. */
  private static ReconfigurationResponseParameter expectResponse(ScriptedPeer peer) {
    ReConfigChunk chunk = peer.nextPacketToPeer().first(ReConfigChunk.class);
    return chunk.parameter(ReconfigurationResponseParameter.class).orElseThrow();
  }

  /** The request of {@code type} in the only chunk, a RE-CONFIG, of the next packet to the tester. */
  private static <T extends Parameter> T expectRequest(ScriptedPeer peer, Class<T> type) {
    return peer.nextPacketToPeer().only(ReConfigChunk.class).parameter(type).orElseThrow();
  }

  private static List<DataChunk> dataSent(ScriptedPeer peer) {
    List<DataChunk> data = new ArrayList<>();
    for (Sent s : peer.takeAll()) {
      data.addAll(s.all(DataChunk.class));
    }
    return data;
  }

  private static OutgoingMessage message(int stream, boolean unordered, int size) {
    return new OutgoingMessage(stream, 0, unordered, false, Bytes.wrap(new byte[size]), 0, Long.MAX_VALUE);
  }

  /** Sends a message on {@code stream}, takes its DATA chunk and acknowledges it. */
  private static DataChunk sendAcked(ScriptedPeer peer, int stream, String text) {
    peer.userSend(stream, text.getBytes(StandardCharsets.US_ASCII));
    DataChunk d = dataSent(peer).get(0);
    peer.send(sack(d.tsn()));
    peer.discardOutbox();
    return d;
  }

  private static boolean listsReConfig(InitChunk init) {
    return init.parameters().stream().anyMatch(p -> p instanceof SupportedExtensionsParameter s
        && s.chunkTypes().contains(ChunkType.RE_CONFIG));
  }

  // ---- negotiation ---------------------------------------------------------------------------

  @Test
  void rfc6525_3_reConfigIsNotOfferedByDefaultAsInLinux() {
    assertThat(listsReConfig(new ScriptedPeer().connect())).isFalse();
  }

  @Test
  void rfc6525_3_reConfigIsOfferedInTheInitWhenEnabled() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.RECONF_ENABLE, 1));
    assertThat(listsReConfig(peer.connect())).isTrue();
  }

  @Test
  void rfc6525_3_reConfigIsOfferedWhenTheAssociationOptionSaysSo() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.options().setReconfigSupported(true);
    assertThat(listsReConfig(peer.connect())).isTrue();
  }

  @Test
  void rfc9260_3_2_aReConfigOnAnAssociationThatDidNotNegotiateItIsAnUnrecognizedChunk() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.RECONF_ENABLE, 1));
    peer.establishActive();
    peer.association.options().enableStreamReset(ALL_REQUESTS);
    DataChunk data = peer.data(0, 0, "after");
    peer.send(reconfig(new OutgoingSsnResetRequestParameter(DEFAULT_PEER_TSN, 0, DEFAULT_PEER_TSN - 1,
        List.of())), data);

    Sent reply = peer.nextPacketToPeer();
    assertThat(reply.has(ReConfigChunk.class)).as("no answer").isFalse();
    assertThat(reply.has(ErrorChunk.class)).as("type 130 (bits 10): skip it, report nothing").isFalse();
    assertThat(peer.receivedStrings()).as("and go on with the packet").containsExactly("after");
    assertThat(peer.events(StreamReset.class)).isEmpty();
  }

  @Test
  void rfc6525_6_3_2_aResetWithoutReConfigNegotiatedIsRefused() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.RECONF_ENABLE, 1));
    peer.establishActive();

    assertThatThrownBy(() -> peer.association.options().resetStreams(false, true, 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("RE-CONFIG");
  }

  // ---- our outgoing SSN reset (sections 5.1.1 and 5.1.2) --------------------------------------

  @Test
  void rfc6525_5_1_2_anOutgoingResetCarriesTheLastAssignedTsnAndOurInitialTsnAsItsNumber() {
    ScriptedPeer peer = withReconfig();
    sendAcked(peer, 1, "one");
    DataChunk last = sendAcked(peer, 1, "two");

    peer.association.options().resetStreams(false, true, 1);
    peer.flush();

    OutgoingSsnResetRequestParameter request = expectRequest(peer, OutgoingSsnResetRequestParameter.class);
    assertThat(request.requestSequence()).as("section 4.1: it starts at the Initial TSN")
        .isEqualTo(peer.iutInitialTsn);
    assertThat(request.responseSequence()).as("the tester's latest request number: none yet")
        .isEqualTo(DEFAULT_PEER_TSN - 1);
    assertThat(request.senderLastTsn()).isEqualTo(last.tsn());
    assertThat(request.streams()).containsExactly(1);
  }

  @Test
  void rfc6525_5_1_2_messagesSentDuringTheResetWaitThenStartAtSsn0() {
    ScriptedPeer peer = withReconfig();
    sendAcked(peer, 1, "a");
    sendAcked(peer, 1, "b");
    peer.association.options().resetStreams(false, true, 1);
    peer.flush();
    OutgoingSsnResetRequestParameter request = expectRequest(peer, OutgoingSsnResetRequestParameter.class);

    peer.userSend(1, "waits".getBytes());
    peer.userSend(2, "goes".getBytes());
    List<DataChunk> meanwhile = dataSent(peer);
    assertThat(meanwhile).extracting(DataChunk::streamId).as("stream 1 is paused, 2 is not")
        .containsExactly(2);
    peer.send(sack(meanwhile.get(0).tsn()));

    peer.send(reconfig(response(request.requestSequence(), PERFORMED)));

    List<DataChunk> after = dataSent(peer);
    assertThat(after).hasSize(1);
    assertThat(after.get(0).streamId()).isEqualTo(1);
    assertThat(after.get(0).streamSequenceNumber()).isZero();
    assertThat(peer.events(StreamReset.class)).containsExactly(
        new StreamReset(peer.association.id(), false, true, false, false, List.of(1)));
  }

  @Test
  void rfc6525_5_1_2_aMessagePartlySentGoesToItsEndBeforeTheRequest() {
    ScriptedPeer peer = withReconfig();
    peer.userSend(message(1, false, 12_000));
    List<DataChunk> first = dataSent(peer);
    assertThat(first).as("the congestion window holds the rest back").isNotEmpty();
    assertThat(first.get(first.size() - 1).ending()).isFalse();

    peer.association.options().resetStreams(false, true, 1);
    peer.flush();
    assertThat(peer.takeAll()).as("no request while the message is under way").isEmpty();

    int lastTsn = first.get(first.size() - 1).tsn();
    OutgoingSsnResetRequestParameter request = null;
    for (int round = 0; round < 10 && request == null; round++) {
      peer.send(sack(lastTsn));
      for (Sent s : peer.takeAll()) {
        for (DataChunk d : s.all(DataChunk.class)) {
          assertThat(request).as("no DATA after the request").isNull();
          lastTsn = d.tsn();
        }
        if (s.has(ReConfigChunk.class)) {
          request = s.first(ReConfigChunk.class).parameter(OutgoingSsnResetRequestParameter.class)
              .orElseThrow();
        }
      }
    }
    assertThat(request).isNotNull();
    assertThat(request.senderLastTsn()).as("the message's last fragment").isEqualTo(lastTsn);
  }

  @Test
  void rfc6525_4_1_anEmptyStreamListResetsEveryOutgoingStream() {
    ScriptedPeer peer = withReconfig();
    sendAcked(peer, 3, "x");
    sendAcked(peer, 4, "y");
    peer.association.options().resetStreams(false, true);
    peer.flush();
    OutgoingSsnResetRequestParameter request = expectRequest(peer, OutgoingSsnResetRequestParameter.class);
    assertThat(request.streams()).isEmpty();
    peer.userSend(3, "p".getBytes());
    peer.userSend(4, "q".getBytes());
    assertThat(dataSent(peer)).as("every stream is paused").isEmpty();

    peer.send(reconfig(response(request.requestSequence(), PERFORMED)));

    assertThat(dataSent(peer)).extracting(d -> d.streamId() + ":" + d.streamSequenceNumber())
        .containsExactly("3:0", "4:0");
  }

  @Test
  void rfc6525_5_1_1_anUnansweredRequestGoesAgainAfterTheRtoWithTheSameNumberAndBacksOff() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().resetStreams(false, true, 1);
    peer.flush();
    Sent first = peer.nextPacketToPeer();
    OutgoingSsnResetRequestParameter request = first.only(ReConfigChunk.class)
        .parameter(OutgoingSsnResetRequestParameter.class).orElseThrow();

    Sent second = peer.awaitPacket(10 * SECONDS);
    Sent third = peer.awaitPacket(10 * SECONDS);

    assertThat(second.only(ReConfigChunk.class).parameters()).containsExactly(request);
    assertThat(third.only(ReConfigChunk.class).parameters()).containsExactly(request);
    assertThat(second.at() - first.at()).isEqualTo(1000 * MS);
    assertThat(third.at() - second.at()).as("the RTO is backed off").isEqualTo(2000 * MS);
    assertThat(peer.association.errorCount()).as("counted as T3-rtx expiries are").isEqualTo(2);

    peer.send(reconfig(response(request.requestSequence(), PERFORMED)));
    assertThat(peer.association.errorCount()).isZero();
    peer.expectSilenceFor(30 * SECONDS);
  }

  @Test
  void rfc6525_5_1_1_aRequestNeverAnsweredFailsTheAssociationAsOtherRetransmissionsDo() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().setAssociationMaxRetrans(2);
    peer.association.options().resetStreams(false, true, 1);
    peer.flush();

    peer.advance(60 * SECONDS);

    assertThat(peer.associationChanges()).contains(AssociationChange.Kind.COMM_LOST);
    assertThat(peer.association.state()).isEqualTo(AssociationState.CLOSED);
  }

  @Test
  void rfc6525_5_2_7_inProgressMakesTheRequestGoAgainWithTheSameNumberCountingNoError() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().resetStreams(false, true, 1);
    peer.flush();
    OutgoingSsnResetRequestParameter request = expectRequest(peer, OutgoingSsnResetRequestParameter.class);

    peer.send(reconfig(response(request.requestSequence(), IN_PROGRESS)));
    Sent again = peer.awaitPacket(10 * SECONDS);

    assertThat(again.only(ReConfigChunk.class).parameters()).containsExactly(request);
    assertThat(peer.association.errorCount()).isZero();
    assertThat(peer.events(StreamReset.class)).isEmpty();
  }

  @Test
  void rfc6525_5_2_7_aDeniedResetIsReportedAndTheStreamGoesOnWithItsSsns() {
    ScriptedPeer peer = withReconfig();
    sendAcked(peer, 1, "a");
    peer.association.options().resetStreams(false, true, 1);
    peer.flush();
    OutgoingSsnResetRequestParameter request = expectRequest(peer, OutgoingSsnResetRequestParameter.class);
    peer.userSend(1, "b".getBytes());

    peer.send(reconfig(response(request.requestSequence(), DENIED)));

    assertThat(dataSent(peer)).extracting(DataChunk::streamSequenceNumber).containsExactly(1);
    assertThat(peer.events(StreamReset.class)).singleElement().satisfies(e -> {
      assertThat(e.outgoing()).isTrue();
      assertThat(e.denied()).isTrue();
      assertThat(e.flags()).isEqualTo(StreamReset.OUTGOING_SSN | StreamReset.DENIED);
    });
  }

  @Test
  void rfc6525_5_2_7_anErrorResultIsReportedAsFailed() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().resetStreams(false, true, 1);
    peer.flush();
    OutgoingSsnResetRequestParameter request = expectRequest(peer, OutgoingSsnResetRequestParameter.class);

    peer.send(reconfig(response(request.requestSequence(), ReconfigurationResponseParameter.ERROR_WRONG_SSN)));

    assertThat(peer.events(StreamReset.class)).singleElement()
        .satisfies(e -> assertThat(e.flags()).isEqualTo(StreamReset.OUTGOING_SSN | StreamReset.FAILED));
    assertThat(peer.association.options().reconfigurationInProgress()).isFalse();
  }

  @Test
  void rfc6525_5_1_1_aSecondRequestWhileOneIsInProgressIsRefused() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().resetStreams(false, true, 1);
    peer.flush();

    assertThatThrownBy(() -> peer.association.options().addStreams(1, 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("in progress");
    assertThatThrownBy(() -> peer.association.options().resetStreams(false, true, 10))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rfc6525_6_3_2_aStreamThatIsNotOneOfTheAssociationsIsRefused() {
    ScriptedPeer peer = withReconfig();
    assertThatThrownBy(() -> peer.association.options().resetStreams(false, true, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream 10");
    assertThatThrownBy(() -> peer.association.options().resetStreams(false, false, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(peer.association.options().reconfigurationInProgress()).isFalse();
  }

  @Test
  void rfc6525_5_1_2_withIDataTheMidsOfBothKindsStartAgainAt0() {
    ScriptedPeer peer = withReconfigAndIData();
    peer.userSend(message(1, false, 10));
    peer.userSend(message(1, true, 10));
    peer.userSend(message(1, false, 10));
    List<IDataChunk> before = new ArrayList<>();
    for (Sent s : peer.takeAll()) {
      before.addAll(s.all(IDataChunk.class));
    }
    peer.send(sack(before.get(before.size() - 1).tsn()));
    peer.discardOutbox();
    peer.association.options().resetStreams(false, true, 1);
    peer.flush();
    OutgoingSsnResetRequestParameter request = expectRequest(peer, OutgoingSsnResetRequestParameter.class);
    assertThat(request.senderLastTsn()).isEqualTo(before.get(before.size() - 1).tsn());

    peer.send(reconfig(response(request.requestSequence(), PERFORMED)));
    peer.userSend(message(1, false, 10));
    peer.userSend(message(1, true, 10));

    List<IDataChunk> after = new ArrayList<>();
    for (Sent s : peer.takeAll()) {
      after.addAll(s.all(IDataChunk.class));
    }
    assertThat(after).extracting(c -> (c.unordered() ? "U" : "") + c.messageId())
        .containsExactly("0", "U0");
  }

  // ---- the peer's outgoing SSN reset (sections 5.2.1 and 5.2.2) ------------------------------

  @Test
  void rfc6525_6_3_1_aPeerResetIsDeniedUnlessSctpEnableStreamResetAllowsIt() {
    ScriptedPeer peer = withReconfig();
    int last = peer.sendData(1, 0, "zero");
    peer.discardOutbox();

    peer.send(reconfig(new OutgoingSsnResetRequestParameter(DEFAULT_PEER_TSN, 0, last, List.of(1))));

    assertThat(expectResponse(peer)).isEqualTo(response(DEFAULT_PEER_TSN, DENIED));
    assertThat(peer.events(StreamReset.class)).isEmpty();
    peer.sendData(1, 1, "one");
    assertThat(peer.receivedStrings()).as("SSNs go on").containsExactly("zero", "one");
  }

  @Test
  void rfc6525_5_2_2_theResetIncomingStreamsStartAgainAtSsn0() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().enableStreamReset(AssociationOptions.ENABLE_RESET_STREAM_REQ);
    peer.sendData(1, 0, "a");
    int last = peer.sendData(1, 1, "b");
    peer.discardOutbox();

    peer.send(reconfig(new OutgoingSsnResetRequestParameter(DEFAULT_PEER_TSN, 0, last, List.of(1))));

    assertThat(expectResponse(peer)).isEqualTo(response(DEFAULT_PEER_TSN, PERFORMED));
    assertThat(peer.events(StreamReset.class)).containsExactly(
        new StreamReset(peer.association.id(), true, false, false, false, List.of(1)));
    peer.sendData(1, 0, "c");
    assertThat(peer.receivedStrings()).containsExactly("a", "b", "c");
  }

  @Test
  void rfc6525_5_2_2_deferredResetWaitsForTheLastAssignedTsn() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().enableStreamReset(AssociationOptions.ENABLE_RESET_STREAM_REQ);
    DataChunk lost = peer.data(1, 0, "a");
    DataChunk second = peer.data(1, 1, "b");
    peer.send(second);
    peer.discardOutbox();
    OutgoingSsnResetRequestParameter request =
        new OutgoingSsnResetRequestParameter(DEFAULT_PEER_TSN, 0, second.tsn(), List.of(1));

    peer.send(reconfig(request));
    assertThat(expectResponse(peer)).as("E2: deferred reset processing")
        .isEqualTo(response(DEFAULT_PEER_TSN, IN_PROGRESS));

    peer.send(peer.data(1, 0, "after reset"));
    peer.send(peer.data(2, 0, "other stream"));
    assertThat(peer.receivedStrings()).as("data after the last TSN waits; other streams do not")
        .containsExactly("other stream");
    assertThat(peer.events(StreamReset.class)).isEmpty();

    peer.send(lost);
    List<SctpEvent> events = peer.events();
    List<String> order = new ArrayList<>();
    for (SctpEvent e : events) {
      if (e instanceof StreamReset) {
        order.add("reset");
      } else if (e instanceof org.jsctp.api.MessageReceived m) {
        order.add(new String(m.data().toByteArray(), StandardCharsets.US_ASCII));
      }
    }
    assertThat(order).containsExactly("other stream", "a", "b", "reset", "after reset");
    peer.discardOutbox();

    peer.send(reconfig(request));
    assertThat(expectResponse(peer)).as("the request again, now done")
        .isEqualTo(response(DEFAULT_PEER_TSN, PERFORMED));
    assertThat(peer.events(StreamReset.class)).hasSize(1);
  }

  @Test
  void rfc6525_5_2_1_aRequestAgainGetsThePreviousResultAndIsNotDoneTwice() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().enableStreamReset(AssociationOptions.ENABLE_RESET_STREAM_REQ);
    int last = peer.sendData(1, 0, "a");
    peer.discardOutbox();
    OutgoingSsnResetRequestParameter request =
        new OutgoingSsnResetRequestParameter(DEFAULT_PEER_TSN, 0, last, List.of(1));
    peer.send(reconfig(request));
    assertThat(expectResponse(peer).result()).isEqualTo(PERFORMED);
    peer.sendData(1, 0, "b");
    peer.discardOutbox();

    peer.send(reconfig(request));

    assertThat(expectResponse(peer)).isEqualTo(response(DEFAULT_PEER_TSN, PERFORMED));
    assertThat(peer.events(StreamReset.class)).hasSize(1);
    peer.sendData(1, 1, "c");
    assertThat(peer.receivedStrings()).as("stream 1 was not reset a second time")
        .containsExactly("a", "b", "c");
  }

  @Test
  void rfc6525_5_2_1_anUnexpectedRequestNumberGetsErrorBadSequenceNumber() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().enableStreamReset(AssociationOptions.ENABLE_RESET_STREAM_REQ);

    peer.send(reconfig(new OutgoingSsnResetRequestParameter(DEFAULT_PEER_TSN + 5, 0,
        DEFAULT_PEER_TSN - 1, List.of())));

    assertThat(expectResponse(peer)).isEqualTo(response(DEFAULT_PEER_TSN + 5,
        ReconfigurationResponseParameter.ERROR_BAD_SEQUENCE_NUMBER));
    assertThat(peer.events(StreamReset.class)).isEmpty();
    peer.send(reconfig(new OutgoingSsnResetRequestParameter(DEFAULT_PEER_TSN, 0,
        DEFAULT_PEER_TSN - 1, List.of())));
    assertThat(expectResponse(peer).result()).as("the expected number still is").isEqualTo(PERFORMED);
  }

  @Test
  void rfc6525_5_2_2_aResetOfAStreamThatDoesNotExistGetsErrorWrongSsn() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().enableStreamReset(AssociationOptions.ENABLE_RESET_STREAM_REQ);

    peer.send(reconfig(new OutgoingSsnResetRequestParameter(DEFAULT_PEER_TSN, 0,
        DEFAULT_PEER_TSN - 1, List.of(1, 10))));

    assertThat(expectResponse(peer)).isEqualTo(response(DEFAULT_PEER_TSN,
        ReconfigurationResponseParameter.ERROR_WRONG_SSN));
  }

  @Test
  void rfc6525_5_2_2_withIDataTheHeldFragmentsOfAResetStreamAreReassembledAfterTheReset() {
    ScriptedPeer peer = withReconfigAndIData();
    peer.association.options().enableStreamReset(AssociationOptions.ENABLE_RESET_STREAM_REQ);
    int t = peer.nextTsn;
    IDataChunk lost = idata(t, 1, 0, 0, true, true, "old");
    peer.nextTsn = t + 1;
    peer.send(reconfig(new OutgoingSsnResetRequestParameter(DEFAULT_PEER_TSN, 0, t, List.of(1))));
    assertThat(expectResponse(peer).result()).isEqualTo(IN_PROGRESS);

    peer.send(idata(t + 1, 1, 0, 0, true, false, "new-"));
    peer.send(idata(t + 2, 1, 0, 1, false, true, "message"));
    assertThat(peer.receivedStrings()).isEmpty();
    peer.send(lost);

    assertThat(peer.receivedStrings()).as("MID 0 before the reset, MID 0 again after it")
        .containsExactly("old", "new-message");
  }

  private static IDataChunk idata(int tsn, int stream, int mid, int fsn, boolean b, boolean e,
      String payload) {
    return new IDataChunk(false, false, b, e, tsn, stream, mid, b ? 0 : fsn,
        Bytes.wrap(payload.getBytes(StandardCharsets.US_ASCII)));
  }

  // ---- incoming SSN resets (sections 5.1.3 and 5.2.3) -----------------------------------------

  @Test
  void rfc6525_5_1_3_ourIncomingResetIsAnsweredByThePeersOutgoingResetNamingIt() {
    ScriptedPeer peer = withReconfig();
    int last = peer.sendData(2, 0, "before");
    peer.discardOutbox();
    peer.association.options().resetStreams(true, false, 2);
    peer.flush();
    IncomingSsnResetRequestParameter request = expectRequest(peer, IncomingSsnResetRequestParameter.class);
    assertThat(request.requestSequence()).isEqualTo(peer.iutInitialTsn);
    assertThat(request.streams()).containsExactly(2);

    peer.send(reconfig(new OutgoingSsnResetRequestParameter(DEFAULT_PEER_TSN,
        request.requestSequence(), last, List.of(2))));

    assertThat(expectResponse(peer)).as("taken though SCTP_ENABLE_STREAM_RESET is 0: we asked")
        .isEqualTo(response(DEFAULT_PEER_TSN, PERFORMED));
    assertThat(peer.events(StreamReset.class)).containsExactly(
        new StreamReset(peer.association.id(), true, false, false, false, List.of(2)));
    assertThat(peer.association.options().reconfigurationInProgress()).isFalse();
    peer.expectSilenceFor(10 * SECONDS);
  }

  @Test
  void rfc6525_5_1_3_anIncomingResetTheDeniesIsReported() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().resetStreams(true, false, 2);
    peer.flush();
    IncomingSsnResetRequestParameter request = expectRequest(peer, IncomingSsnResetRequestParameter.class);

    peer.send(reconfig(response(request.requestSequence(), DENIED)));

    assertThat(peer.events(StreamReset.class)).singleElement()
        .satisfies(e -> assertThat(e.flags()).isEqualTo(StreamReset.INCOMING_SSN | StreamReset.DENIED));
  }

  @Test
  void rfc6525_3_1_outgoingAndIncomingResetsGoTogetherWithConsecutiveNumbers() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().resetStreams(true, true, 1);
    peer.flush();
    ReConfigChunk chunk = peer.nextPacketToPeer().only(ReConfigChunk.class);

    assertThat(chunk.parameters()).hasSize(2);
    assertThat(chunk.parameter(OutgoingSsnResetRequestParameter.class).orElseThrow().requestSequence())
        .isEqualTo(peer.iutInitialTsn);
    assertThat(chunk.parameter(IncomingSsnResetRequestParameter.class).orElseThrow().requestSequence())
        .isEqualTo(peer.iutInitialTsn + 1);
  }

  @Test
  void rfc6525_5_2_3_aPeersIncomingResetIsAnsweredWithOurOutgoingResetNamingIt() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().enableStreamReset(AssociationOptions.ENABLE_RESET_STREAM_REQ);
    DataChunk sent = sendAcked(peer, 4, "x");

    peer.send(reconfig(new IncomingSsnResetRequestParameter(DEFAULT_PEER_TSN, List.of(4))));

    List<Parameter> params = new ArrayList<>();
    for (ReConfigChunk c : peer.nextPacketToPeer().all(ReConfigChunk.class)) {
      params.addAll(c.parameters());
    }
    assertThat(params).contains(response(DEFAULT_PEER_TSN, PERFORMED));
    OutgoingSsnResetRequestParameter ours = params.stream()
        .filter(p -> p instanceof OutgoingSsnResetRequestParameter)
        .map(p -> (OutgoingSsnResetRequestParameter) p).findFirst().orElseThrow();
    assertThat(ours.responseSequence()).isEqualTo(DEFAULT_PEER_TSN);
    assertThat(ours.requestSequence()).isEqualTo(peer.iutInitialTsn);
    assertThat(ours.senderLastTsn()).isEqualTo(sent.tsn());
    assertThat(ours.streams()).containsExactly(4);

    peer.send(reconfig(response(ours.requestSequence(), PERFORMED)));
    peer.userSend(4, "y".getBytes());
    assertThat(dataSent(peer)).extracting(DataChunk::streamSequenceNumber).containsExactly(0);
    assertThat(peer.events(StreamReset.class)).singleElement()
        .satisfies(e -> assertThat(e.flags()).isEqualTo(StreamReset.OUTGOING_SSN));
  }

  @Test
  void rfc6525_5_2_3_aPeersIncomingResetIsDeniedUnlessEnabled() {
    ScriptedPeer peer = withReconfig();

    peer.send(reconfig(new IncomingSsnResetRequestParameter(DEFAULT_PEER_TSN, List.of(4))));

    ReConfigChunk chunk = peer.nextPacketToPeer().only(ReConfigChunk.class);
    assertThat(chunk.parameters()).containsExactly(response(DEFAULT_PEER_TSN, DENIED));
  }

  @Test
  void rfc6525_5_2_3_aPeersIncomingResetWhileOurRequestIsOutstandingGetsRequestInProgress() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().enableStreamReset(AssociationOptions.ENABLE_RESET_STREAM_REQ);
    peer.association.options().addStreams(0, 1);
    peer.flush();
    peer.discardOutbox();

    peer.send(reconfig(new IncomingSsnResetRequestParameter(DEFAULT_PEER_TSN, List.of(4))));

    assertThat(expectResponse(peer)).isEqualTo(response(DEFAULT_PEER_TSN,
        ReconfigurationResponseParameter.ERROR_REQUEST_IN_PROGRESS));
  }

  // ---- SSN/TSN reset (sections 5.1.4 and 5.2.4) -----------------------------------------------

  @Test
  void rfc6525_5_1_4_anAssociationResetWaitsForOurDataToBeAcknowledgedThenRestartsBothTsns() {
    ScriptedPeer peer = withReconfig();
    peer.userSend(1, "in flight".getBytes());
    DataChunk inFlight = peer.nextPacketToPeer().only(DataChunk.class);
    peer.association.options().resetAssociation();
    peer.flush();
    peer.userSend(1, "waits".getBytes());
    assertThat(peer.takeAll()).as("nothing goes while data is unacknowledged").isEmpty();

    peer.send(sack(inFlight.tsn()));
    SsnTsnResetRequestParameter request = expectRequest(peer, SsnTsnResetRequestParameter.class);
    peer.expectNoPacket();

    int peerNext = 0x7000_0000;
    int ourNext = 0x1234;
    peer.send(reconfig(new ReconfigurationResponseParameter(request.requestSequence(), PERFORMED,
        OptionalInt.of(peerNext), OptionalInt.of(ourNext))));

    DataChunk after = peer.nextPacketToPeer().first(DataChunk.class);
    assertThat(after.tsn()).as("the Receiver's Next TSN").isEqualTo(ourNext);
    assertThat(after.streamSequenceNumber()).isZero();
    assertThat(peer.events(AssociationReset.class)).containsExactly(
        new AssociationReset(peer.association.id(), false, false, ourNext, peerNext));
    peer.send(sack(ourNext));
    peer.nextTsn = peerNext;
    peer.sendData(1, 0, "new space");
    assertThat(peer.receivedStrings()).containsExactly("new space");
    assertThat(peer.expectSack().cumulativeTsnAck()).isEqualTo(peerNext);
  }

  @Test
  void rfc6525_5_2_4_aPeersAssociationResetRestartsTheTsnsAsTheRfcSays() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().enableStreamReset(AssociationOptions.ENABLE_RESET_ASSOC_REQ);
    int last = peer.sendData(1, 0, "a");
    DataChunk ours = sendAcked(peer, 2, "b");

    peer.send(reconfig(new SsnTsnResetRequestParameter(DEFAULT_PEER_TSN)));

    ReconfigurationResponseParameter response = expectResponse(peer);
    int receiverNext = last + 1 + (1 << 31);
    assertThat(response).as("G1: our smallest unacknowledged TSN + 2^31; G2: our highest + 1")
        .isEqualTo(new ReconfigurationResponseParameter(DEFAULT_PEER_TSN, PERFORMED,
            OptionalInt.of(ours.tsn() + 1), OptionalInt.of(receiverNext)));
    assertThat(peer.events(AssociationReset.class)).containsExactly(
        new AssociationReset(peer.association.id(), false, false, ours.tsn() + 1, receiverNext));
    peer.nextTsn = receiverNext;
    peer.sendData(1, 0, "c");
    assertThat(peer.receivedStrings()).containsExactly("a", "c");
    peer.discardOutbox();
    peer.userSend(2, "d".getBytes());
    DataChunk next = peer.nextPacketToPeer().first(DataChunk.class);
    assertThat(next.tsn()).isEqualTo(ours.tsn() + 1);
    assertThat(next.streamSequenceNumber()).as("G5").isZero();
  }

  @Test
  void rfc6525_5_2_4_anAssociationResetWhileOurDataIsUnacknowledgedIsInProgressUntilItIs() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().enableStreamReset(AssociationOptions.ENABLE_RESET_ASSOC_REQ);
    peer.userSend(1, "unacknowledged".getBytes());
    DataChunk d = peer.nextPacketToPeer().only(DataChunk.class);

    peer.send(reconfig(new SsnTsnResetRequestParameter(DEFAULT_PEER_TSN)));
    assertThat(expectResponse(peer)).isEqualTo(response(DEFAULT_PEER_TSN, IN_PROGRESS));
    assertThat(peer.events(AssociationReset.class)).isEmpty();

    peer.send(sack(d.tsn()));
    peer.send(reconfig(new SsnTsnResetRequestParameter(DEFAULT_PEER_TSN)));
    ReconfigurationResponseParameter done = expectResponse(peer);
    assertThat(done.result()).isEqualTo(PERFORMED);
    assertThat(done.senderNextTsn()).hasValue(d.tsn() + 1);
    assertThat(peer.events(AssociationReset.class)).hasSize(1);
  }

  @Test
  void rfc6525_6_3_1_aPeersAssociationResetIsDeniedUnlessEnabled() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().enableStreamReset(AssociationOptions.ENABLE_RESET_STREAM_REQ);

    peer.send(reconfig(new SsnTsnResetRequestParameter(DEFAULT_PEER_TSN)));

    assertThat(expectResponse(peer)).isEqualTo(response(DEFAULT_PEER_TSN, DENIED));
  }

  // ---- adding streams (sections 5.1.5, 5.1.6, 5.2.5 and 5.2.6) -------------------------------

  @Test
  void rfc6525_5_1_5_addedOutgoingStreamsCanBeUsedOnceThePeerAgrees() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().addStreams(0, 5);
    peer.flush();
    AddOutgoingStreamsRequestParameter request = expectRequest(peer, AddOutgoingStreamsRequestParameter.class);
    assertThat(request.newStreams()).isEqualTo(5);
    assertThat(peer.userSend(12, "early".getBytes())).isEqualTo(SendOutcome.INVALID_STREAM);

    peer.send(reconfig(response(request.requestSequence(), PERFORMED)));

    assertThat(peer.association.outboundStreams()).isEqualTo(15);
    assertThat(peer.events(StreamChange.class)).containsExactly(
        new StreamChange(peer.association.id(), false, false, 10, 15));
    assertThat(peer.userSend(14, "new stream".getBytes())).isEqualTo(SendOutcome.ACCEPTED);
    DataChunk d = peer.nextPacketToPeer().only(DataChunk.class);
    assertThat(d.streamId()).isEqualTo(14);
    assertThat(d.streamSequenceNumber()).isZero();
  }

  @Test
  void rfc6525_5_1_5_deniedOutgoingStreamsAreReportedAndNotAdded() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().addStreams(0, 5);
    peer.flush();
    AddOutgoingStreamsRequestParameter request = expectRequest(peer, AddOutgoingStreamsRequestParameter.class);

    peer.send(reconfig(response(request.requestSequence(), DENIED)));

    assertThat(peer.association.outboundStreams()).isEqualTo(10);
    assertThat(peer.events(StreamChange.class)).containsExactly(
        new StreamChange(peer.association.id(), true, false, 10, 10));
  }

  @Test
  void rfc6525_5_2_5_thePeersNewOutgoingStreamsBecomeOurIncomingOnes() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().enableStreamReset(AssociationOptions.ENABLE_CHANGE_ASSOC_REQ);

    peer.send(reconfig(new AddOutgoingStreamsRequestParameter(DEFAULT_PEER_TSN, 3)));

    assertThat(expectResponse(peer)).isEqualTo(response(DEFAULT_PEER_TSN, PERFORMED));
    assertThat(peer.association.inboundStreams()).isEqualTo(13);
    assertThat(peer.events(StreamChange.class)).containsExactly(
        new StreamChange(peer.association.id(), false, false, 13, 10));
    peer.sendData(12, 0, "on a new stream");
    assertThat(peer.receivedStrings()).containsExactly("on a new stream");
  }

  @Test
  void rfc6525_5_2_5_moreThan65535StreamsAreDenied() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().enableStreamReset(AssociationOptions.ENABLE_CHANGE_ASSOC_REQ);

    peer.send(reconfig(new AddOutgoingStreamsRequestParameter(DEFAULT_PEER_TSN, 65_530)));

    assertThat(expectResponse(peer)).isEqualTo(response(DEFAULT_PEER_TSN, DENIED));
    assertThat(peer.association.inboundStreams()).isEqualTo(10);
  }

  @Test
  void rfc6525_5_2_6_thePeerAskingForStreamsGetsOurAddOutgoingStreamsRequest() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().enableStreamReset(AssociationOptions.ENABLE_CHANGE_ASSOC_REQ);

    peer.send(reconfig(new AddIncomingStreamsRequestParameter(DEFAULT_PEER_TSN, 2)));

    List<Parameter> params = new ArrayList<>();
    for (ReConfigChunk c : peer.nextPacketToPeer().all(ReConfigChunk.class)) {
      params.addAll(c.parameters());
    }
    assertThat(params).containsExactly(response(DEFAULT_PEER_TSN, PERFORMED),
        new AddOutgoingStreamsRequestParameter(peer.iutInitialTsn, 2));
    peer.send(reconfig(response(peer.iutInitialTsn, PERFORMED)));
    assertThat(peer.association.outboundStreams()).isEqualTo(12);
    assertThat(peer.events(StreamChange.class)).containsExactly(
        new StreamChange(peer.association.id(), false, false, 10, 12));
  }

  @Test
  void rfc6525_5_1_6_ourAddIncomingRequestIsGrantedByThePeersAddOutgoingRequest() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().addStreams(4, 0);
    peer.flush();
    AddIncomingStreamsRequestParameter request = expectRequest(peer, AddIncomingStreamsRequestParameter.class);
    assertThat(request.newStreams()).isEqualTo(4);

    peer.send(reconfig(new AddOutgoingStreamsRequestParameter(DEFAULT_PEER_TSN, 4)));

    assertThat(expectResponse(peer)).isEqualTo(response(DEFAULT_PEER_TSN, PERFORMED));
    assertThat(peer.association.inboundStreams()).isEqualTo(14);
    assertThat(peer.association.options().reconfigurationInProgress()).isFalse();
    peer.expectSilenceFor(10 * SECONDS);
  }

  @Test
  void rfc6525_5_1_6_aPerformedAnswerThenThePeersAddOutgoingRequestGrantsOurAddIncomingRequest() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().addStreams(4, 0);
    peer.flush();
    AddIncomingStreamsRequestParameter request = expectRequest(peer, AddIncomingStreamsRequestParameter.class);

    peer.send(reconfig(response(request.requestSequence(), PERFORMED)),
        reconfig(new AddOutgoingStreamsRequestParameter(DEFAULT_PEER_TSN, 4)));

    assertThat(expectResponse(peer)).as("taken though SCTP_ENABLE_STREAM_RESET is 0: we asked")
        .isEqualTo(response(DEFAULT_PEER_TSN, PERFORMED));
    assertThat(peer.association.inboundStreams()).isEqualTo(14);
    peer.send(reconfig(new AddOutgoingStreamsRequestParameter(DEFAULT_PEER_TSN + 1, 4)));
    assertThat(expectResponse(peer).result()).as("once only").isEqualTo(DENIED);
  }

  @Test
  void rfc6525_5_1_3_aPerformedAnswerThenThePeersOutgoingResetNamingOursIsTaken() {
    ScriptedPeer peer = withReconfig();
    int last = peer.sendData(2, 0, "before");
    peer.discardOutbox();
    peer.association.options().resetStreams(true, false, 2);
    peer.flush();
    IncomingSsnResetRequestParameter request = expectRequest(peer, IncomingSsnResetRequestParameter.class);
    peer.send(reconfig(response(request.requestSequence(), PERFORMED)));
    assertThat(peer.association.options().reconfigurationInProgress()).isFalse();

    peer.send(reconfig(new OutgoingSsnResetRequestParameter(DEFAULT_PEER_TSN,
        request.requestSequence(), last, List.of(2))));

    assertThat(expectResponse(peer)).isEqualTo(response(DEFAULT_PEER_TSN, PERFORMED));
    assertThat(peer.events(StreamReset.class)).containsExactly(
        new StreamReset(peer.association.id(), true, false, false, false, List.of(2)));
  }

  @Test
  void rfc6525_6_3_4_addingStreamsBeyond65535IsRefused() {
    ScriptedPeer peer = withReconfig();
    assertThatThrownBy(() -> peer.association.options().addStreams(0, 65_530))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65535");
    assertThatThrownBy(() -> peer.association.options().addStreams(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rfc6525_5_2_1_aSackDoesNotCountAsTheAnswer() {
    ScriptedPeer peer = withReconfig();
    peer.association.options().addStreams(0, 1);
    peer.flush();
    peer.discardOutbox();
    peer.send(new SackChunk(peer.iutInitialTsn - 1, 65_535, List.of(), List.of()));
    assertThat(peer.association.options().reconfigurationInProgress()).isTrue();
  }
}
