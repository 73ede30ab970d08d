package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;
import static org.jsctp.testkit.ScriptedPeer.sack;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.association.AssociationState;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.timer.Timer;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.ShutdownCompleteChunk;
import org.junit.jupiter.api.Test;

/**
 * ETSI TS 102 369 group BDC, bundling of DATA chunks with control chunks (RFC 9260 sections 5.1,
 * 6.10 and 8.5.1): INIT, INIT ACK and SHUTDOWN COMPLETE travel alone, a packet that bundles them is
 * discarded; DATA may follow COOKIE ECHO, COOKIE ACK and SACK; DATA after SHUTDOWN ACK is ignored.
 */
class BundlingTest {

  @Test
  void rfc9260_6_10_dataReadyWhenALoneInitAckGoesOutFollowsInTheNextPacket() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    // A duplicate INIT (same tag) and an application send, handled before the driver drains:
    // the INIT ACK goes first and alone, and the DATA must not be counted as sent with it.
    peer.endpoint().handleDatagram(peer.now(), ScriptedPeer.IUT_ADDRESS, ScriptedPeer.PEER_ADDRESS,
        ScriptedPeer.PEER_UDP_PORT,
        ScriptedPeer.encode(ScriptedPeer.PEER_PORT, ScriptedPeer.IUT_PORT, 0, peer.init()));
    peer.userSend(0, "behind the INIT ACK".getBytes());

    List<Sent> sent = peer.takeAll();
    assertThat(sent).hasSize(2);
    sent.get(0).only(InitAckChunk.class);
    assertThat(sent.get(1).only(DataChunk.class).userData())
        .isEqualTo(Bytes.wrap("behind the INIT ACK".getBytes()));
    assertThat(peer.association.options().peerAddressInfos().get(0).flightSize())
        .isEqualTo(sent.get(1).only(DataChunk.class).paddedLength());
  }

  @Test
  void bdc_i_7_1_discardsAnInitBundledWithData() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    peer.sendWithTag(
        0,
        peer.init(),
        new DataChunk(
            false,
            false,
            true,
            true,
            1000,
            0,
            0,
            0,
            org.jsctp.wire.Bytes.wrap("with the INIT".getBytes())));
    peer.expectSilenceFor(10 * SECONDS);
    assertThat(peer.endpoint().associations()).isEmpty();
  }

  @Test
  void bdc_i_7_2_discardsAnInitAckBundledWithData() {
    ScriptedPeer peer = new ScriptedPeer();
    InitChunk init = peer.connect();
    peer.send(peer.initAck(), peer.data(0, 0, "with the INIT ACK"));
    // No COOKIE ECHO: the handshake carries on as if the packet never came.
    peer.expectNoPacket();
    assertThat(peer.association.state()).isEqualTo(AssociationState.COOKIE_WAIT);
    assertThat(peer.awaitPacket(5 * SECONDS).only(InitChunk.class)).isEqualTo(init);
  }

  @Test
  void bdc_i_7_3_discardsAShutdownCompleteBundledWithData() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.send(new ShutdownChunk(peer.iutInitialTsn - 1));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    peer.send(new ShutdownCompleteChunk(false), peer.data(0, 0, "with the SHUTDOWN COMPLETE"));
    peer.expectNoPacket();
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_ACK_SENT);
    peer.awaitPacket(5 * SECONDS).only(ShutdownAckChunk.class);
    assertThat(peer.received()).isEmpty();
  }

  @Test
  void bdc_v_7_4_acceptsDataBundledWithTheCookieEcho() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitAckChunk ack = peer.sendInitExpectInitAck(peer.init());
    int tsn = peer.nextTsn;
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()), peer.data(0, 0, "early data"));
    // Section 5.1: COOKIE ACK first, and the first DATA acknowledged at once.
    Sent reply = peer.nextPacketToPeer();
    assertThat(reply.chunks().get(0)).isInstanceOf(CookieAckChunk.class);
    assertThat(reply.first(SackChunk.class).cumulativeTsnAck()).isEqualTo(tsn);
    assertThat(peer.receivedStrings()).containsExactly("early data");
  }

  @Test
  void bdc_v_7_5_acceptsDataBundledWithTheCookieAck() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.connect();
    peer.sendInitAck(peer.initAck());
    peer.expectCookieEcho();
    int tsn = peer.nextTsn;
    peer.send(new CookieAckChunk(), peer.data(0, 0, "with the COOKIE ACK"));
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    assertThat(peer.expectSack().cumulativeTsnAck()).isEqualTo(tsn);
    assertThat(peer.receivedStrings()).containsExactly("with the COOKIE ACK");
  }

  @Test
  void bdc_v_7_6_acceptsASackBundledWithAShutdown() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.userSend(0, "outstanding".getBytes());
    DataChunk data = peer.nextPacketToPeer().only(DataChunk.class);
    peer.send(new ShutdownChunk(data.tsn() - 1), sack(data.tsn()));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    peer.send(new ShutdownCompleteChunk(false));
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.SHUTDOWN_COMP);
  }

  @Test
  void bdc_v_7_7_acceptsDataBundledAfterASack() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.userSend(0, "acknowledged".getBytes());
    DataChunk data = peer.nextPacketToPeer().only(DataChunk.class);
    int tsn = peer.nextTsn;
    peer.send(sack(data.tsn()), peer.data(0, 0, "and answered"));
    assertThat(peer.expectSack().cumulativeTsnAck()).isEqualTo(tsn);
    assertThat(peer.receivedStrings()).containsExactly("and answered");
    // The SACK in front acknowledged the IUT's DATA: T3-rtx stopped, nothing is left to time.
    assertThat(peer.association.bufferedAmount()).isZero();
    assertThat(peer.nextDeadline()).isEqualTo(Timer.NEVER);
  }

  @Test
  void bdc_v_7_8_completesTheShutdownAndIgnoresDataBundledWithAShutdownAck() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userShutdown();
    peer.nextPacketToPeer().only(ShutdownChunk.class);
    peer.send(new ShutdownAckChunk(), peer.data(0, 0, "with the SHUTDOWN ACK"));
    peer.nextPacketToPeer().only(ShutdownCompleteChunk.class);
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.SHUTDOWN_COMP);
    assertThat(peer.received()).isEmpty();
    assertThat(List.copyOf(peer.endpoint().associations())).isEmpty();
  }
  /**
   * RFC 9260 section 6.2: a SACK held by the delayed-ack timer leaves with the next DATA the IUT
   * sends, as Linux and usrsctp bundle it; an echo pipeline against a peer whose Nagle-like delay
   * holds its next message until its last one is acknowledged then never falls a message behind.
   */
  @Test
  void aPendingSackLeavesWithTheNextDataOfARequestResponsePipeline() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.sendData(0, 0, "first answer");
    peer.takeAll();
    for (int i = 1; i <= 5; i++) {
      peer.userSend(0, ("request " + i).getBytes());
      Sent request = peer.nextPacketToPeer();
      int answer = peer.sendData(0, i, "answer " + i);
      assertThat(peer.nextDeadline()).as("the SACK for answer %d is delayed", i)
          .isLessThan(peer.now() + SECONDS);
      peer.expectNoPacket();
      peer.send(sack(request.first(DataChunk.class).tsn()));

      peer.userSend(0, ("request after " + i).getBytes());
      Sent next = peer.nextPacketToPeer();
      assertThat(next.chunks()).as("the held SACK goes first, with the DATA").hasSize(2);
      assertThat(next.chunks().get(0)).isInstanceOfSatisfying(SackChunk.class,
          s -> assertThat(s.cumulativeTsnAck()).isEqualTo(answer));
      assertThat(next.chunks().get(1)).isInstanceOf(DataChunk.class);
      peer.send(sack(next.first(DataChunk.class).tsn()));
      peer.takeAll();
    }
  }
  /**
   * RFC 9260 sections 6.1 and 6.2: a request-response pipeline against a peer whose Nagle-like
   * delay holds its next answer until the last one is acknowledged (usrsctp's echo_server, Linux
   * without SCTP_NODELAY) catches up after it fell a message behind. The peer's first answer comes
   * late, after the second request, so that the second answer waits for the first one's SACK; an
   * IUT that only ever acknowledged answers with its next request would keep the peer one answer
   * behind for good, each answer a request interval late. The IUT acknowledges an answer at once
   * when everything it sent is acknowledged and nothing of its own waits, and from the second
   * request on every answer leaves as soon as its request arrives.
   */
  @Test
  void anEchoPipelineAgainstANaglePeerCatchesUpAfterFallingBehind() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    NagleEchoPeer echo = new NagleEchoPeer(peer);
    // Not the first DATA of the association, which is acknowledged at once anyway.
    peer.sendData(0, echo.ssn++, "greeting");
    peer.takeAll();
    List<Integer> behind = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      peer.advance(5 * SECONDS / 1000);
      peer.userSend(0, ("request " + i).getBytes());
      echo.exchange(i != 1);
      behind.add(echo.requests - echo.answersSent);
    }
    assertThat(behind.get(0)).as("the first answer is late").isEqualTo(1);
    assertThat(behind.subList(1, behind.size())).as("answers owed at the end of each round")
        .containsOnly(0);
    assertThat(peer.receivedStrings()).hasSize(13).endsWith("answer", "answer");
  }

  /**
   * The tester as an echo server with Nagle's algorithm: one answer per request, sent with a SACK
   * for every request received, and never while an earlier answer is unacknowledged.
   */
  private static final class NagleEchoPeer {
    final ScriptedPeer peer;
    int requests;
    int answersSent;
    int lastRequestTsn;
    Integer unacknowledgedAnswer;
    int ssn;

    NagleEchoPeer(ScriptedPeer peer) {
      this.peer = peer;
    }

    /**
     * Takes what the IUT sent and answers it until neither side has anything more to send; when
     * not {@code answering} yet, only acknowledges the request.
     */
    void exchange(boolean answering) {
      while (true) {
        List<Sent> sent = peer.takeAll();
        for (Sent p : sent) {
          for (SackChunk s : p.all(SackChunk.class)) {
            if (unacknowledgedAnswer != null && s.cumulativeTsnAck() - unacknowledgedAnswer >= 0) {
              unacknowledgedAnswer = null;
            }
          }
          for (DataChunk d : p.all(DataChunk.class)) {
            requests++;
            lastRequestTsn = d.tsn();
          }
        }
        if (!answering && requests > answersSent) {
          // The application has not answered yet: the request is acknowledged on its own.
          peer.send(sack(lastRequestTsn));
          return;
        }
        if (unacknowledgedAnswer == null && answersSent < requests) {
          DataChunk answer = peer.data(0, ssn++, "answer");
          peer.send(sack(lastRequestTsn), answer);
          unacknowledgedAnswer = answer.tsn();
          answersSent++;
          continue;
        }
        if (sent.isEmpty()) {
          return;
        }
      }
    }
  }
}
