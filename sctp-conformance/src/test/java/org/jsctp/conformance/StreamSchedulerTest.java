package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.testkit.ScriptedPeer.sack;

import java.util.List;
import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.wire.DataChunk;
import org.junit.jupiter.api.Test;

/**
 * SCTP_STREAM_SCHEDULER and SCTP_STREAM_SCHEDULER_VALUE (RFC 8260 sections 4.3.2 and 4.3.3) on an
 * association: the scheduler of the options an association is set up with, and one changed on a
 * live association, order the messages that wait. Messages wait here behind the Nagle-like delay:
 * the first goes at once, three more are held while it is in flight, and the SACK for it lets the
 * three go in one packet, in the scheduler's order.
 */
class StreamSchedulerTest {

  /** The streams of the DATA chunks the IUT bundles once the first message is acknowledged. */
  private static List<Integer> streamsAfterTheFirstIsAcknowledged(ScriptedPeer peer) {
    peer.userSend(0, new byte[100]);
    DataChunk first = peer.nextPacketToPeer().only(DataChunk.class);
    peer.userSend(0, new byte[100]);
    peer.userSend(0, new byte[100]);
    peer.userSend(2, new byte[100]);
    peer.expectNoPacket();

    peer.send(sack(first.tsn()));

    return peer.nextPacketToPeer().all(DataChunk.class).stream().map(DataChunk::streamId).toList();
  }

  @Test
  void rfc8260_4_3_2_firstComeFirstServedIsTheDefault() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();

    assertThat(peer.association.options().current().streamScheduler())
        .isEqualTo(StreamSchedulerKind.FIRST_COME_FIRST_SERVED);
    assertThat(streamsAfterTheFirstIsAcknowledged(peer)).containsExactly(0, 0, 2);
  }

  @Test
  void rfc8260_4_3_2_theSchedulerOfTheOptionsOrdersTheMessagesOfTheNewAssociation() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.options().setStreamScheduler(StreamSchedulerKind.ROUND_ROBIN);
    peer.establishActive();

    // Round robin: the turn after stream 0, which sent last, is stream 2's.
    assertThat(streamsAfterTheFirstIsAcknowledged(peer)).containsExactly(2, 0, 0);
  }

  @Test
  void rfc8260_4_3_3_aSchedulerChangedOnALiveAssociationKeepsTheStreamValuesSetBefore() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.association.options().setStreamSchedulerValue(0, 1);

    peer.association.options().setStreamScheduler(StreamSchedulerKind.PRIORITY);

    assertThat(peer.association.options().current().streamScheduler())
        .isEqualTo(StreamSchedulerKind.PRIORITY);
    assertThat(peer.association.options().streamSchedulerValue(0)).isEqualTo(1);
    assertThat(streamsAfterTheFirstIsAcknowledged(peer)).containsExactly(2, 0, 0);
  }

  @Test
  void rfc8260_4_3_3_aStreamValueNeedsAnOutboundStreamOfAnAssociationThatIsSetUp() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.connect();
    assertThatThrownBy(() -> peer.association.options().setStreamSchedulerValue(0, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SCTP_STREAM_SCHEDULER_VALUE");
    peer.association.options().setStreamScheduler(StreamSchedulerKind.WEIGHTED_FAIR_QUEUEING);
    peer.sendInitAck(peer.initAck());
    peer.expectCookieEcho();

    assertThat(peer.association.options().streamSchedulerValue(9)).as("the default weight").isEqualTo(1);
    assertThatThrownBy(() -> peer.association.options().setStreamSchedulerValue(10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stream 10 is out of range 0..9");
    assertThatThrownBy(() -> peer.association.options().setStreamSchedulerValue(3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1..65535");
  }
}
