package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.TESTER_COOKIE;

import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.RemoteError;
import org.jsctp.association.AssociationState;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.CookiePreservativeParameter;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.InvalidStreamIdentifierCause;
import org.jsctp.wire.MissingMandatoryParameterCause;
import org.jsctp.wire.ParameterType;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.StaleCookieCause;
import org.jsctp.wire.StateCookieParameter;
import org.jsctp.wire.UnknownParameter;
import org.jsctp.wire.UnrecognizedParametersCause;
import org.junit.jupiter.api.Test;

/**
 * ETSI TS 102 369 group E, errors: the ERROR chunk and the causes it carries (RFC 9260 sections
 * 3.3.10, 5.2.6 and 6.5). An ERROR is never fatal; the application hears of it as a {@link
 * RemoteError}.
 */
class ErrorTest {

  @Test
  void e_o_6_1_startsAgainWithACookiePreservativeAfterAStaleCookieErrorInCookieEchoed() {
    ScriptedPeer peer = new ScriptedPeer();
    InitChunk first = peer.connect();
    peer.sendInitAck(peer.initAck());
    peer.expectCookieEcho();
    peer.send(new ErrorChunk(List.of(new StaleCookieCause(65_536))));
    // Section 5.2.6: a new INIT asking for a longer cookie life.
    Sent again = peer.nextPacket().toPeer().withTag(0);
    InitChunk init = again.only(InitChunk.class);
    assertThat(init.initiateTag()).isEqualTo(first.initiateTag());
    long extension =
        init.parameter(CookiePreservativeParameter.class).orElseThrow().suggestedIncrementMillis();
    assertThat(extension).isGreaterThanOrEqualTo(66);
    assertThat(peer.association.state()).isEqualTo(AssociationState.COOKIE_WAIT);
    assertThat(peer.associationChanges()).isEmpty();
    // The handshake can then complete.
    peer.sendInitAck(peer.initAck());
    peer.expectCookieEcho();
    peer.send(new CookieAckChunk());
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void e_o_6_2_ignoresAStaleCookieErrorOutsideCookieEchoed() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.send(new ErrorChunk(List.of(new StaleCookieCause(256))));
    peer.expectNoPacket();
    peer.send(HeartbeatChunk.of(Bytes.wrap(new byte[] {1})));
    peer.nextPacketToPeer().only(HeartbeatAckChunk.class);
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void e_i_6_3_reportsDataOnAStreamThatDoesNotExistAndStillAcknowledgesIt() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    int tsn = peer.sendData(0xFFFF, 0, "nowhere");
    // Section 6.5: ERROR cause 1 naming the stream; the TSN is acknowledged, the data dropped.
    Sent reply = peer.nextPacketToPeer();
    ErrorChunk error = reply.first(ErrorChunk.class);
    assertThat(error.cause(InvalidStreamIdentifierCause.class).orElseThrow().streamId())
        .isEqualTo(0xFFFF);
    assertThat(reply.first(SackChunk.class).cumulativeTsnAck()).isEqualTo(tsn);
    assertThat(peer.received()).isEmpty();
    // The association goes on.
    peer.sendData(0, 0, "somewhere");
    assertThat(peer.receivedStrings()).containsExactly("somewhere");
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void e_i_6_4_abortsTheHandshakeOnAnInitAckWithoutStateCookie() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.connect();
    peer.sendInitAck(peer.initAck(10, 10, 65535, List.of()));
    // Section 3.3.3: the State Cookie is mandatory; cause 2 names it.
    AbortChunk abort = peer.nextPacketToPeer().only(AbortChunk.class);
    assertThat(abort.cause(MissingMandatoryParameterCause.class).orElseThrow().parameterTypes())
        .containsExactly(ParameterType.STATE_COOKIE);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.CANT_STR_ASSOC);
    assertThat(peer.endpoint().associations()).isEmpty();
  }

  @Test
  void e_i_6_5_reportsAnUnknownInitAckParameterInAnErrorBundledWithTheCookieEcho() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.connect();
    UnknownParameter unknown = new UnknownParameter(0xC0AB, Bytes.EMPTY);
    peer.sendInitAck(
        peer.initAck(10, 10, 65535, List.of(new StateCookieParameter(TESTER_COOKIE), unknown)));
    // Section 3.2.1: cause 8 in an ERROR after the COOKIE ECHO, in the same packet.
    Sent echo = peer.expectCookieEcho();
    assertThat(echo.chunks()).hasSize(2);
    ErrorChunk error = echo.first(ErrorChunk.class);
    assertThat(error.cause(UnrecognizedParametersCause.class).orElseThrow().parameters())
        .isEqualTo(unknown.toTlv());
    peer.send(new CookieAckChunk());
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void e_i_6_6_acceptsACookieEchoBundledWithAnErrorReportingUnrecognizedParameters() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitAckChunk ack = peer.sendInitExpectInitAck(peer.init());
    UnrecognizedParametersCause cause =
        new UnrecognizedParametersCause(Bytes.wrap(new byte[] {(byte) 0xC0, 0, 0, 4}));
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()), new ErrorChunk(List.of(cause)));
    peer.nextPacketToPeer().only(CookieAckChunk.class);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    assertThat(peer.events(RemoteError.class))
        .singleElement()
        .satisfies(e -> assertThat(e.causes()).containsExactly(cause));
    peer.association = peer.endpoint().associations().iterator().next();
    peer.send(HeartbeatChunk.of(Bytes.wrap(new byte[] {2})));
    peer.nextPacketToPeer().only(HeartbeatAckChunk.class);
  }
}
