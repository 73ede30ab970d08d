package org.jsctp.rx;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.TestAddresses;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.DataChunk;
import org.junit.jupiter.api.Test;

/**
 * The work reassembly does per chunk stays logarithmic whatever a peer sends: starting a partial
 * delivery looks only at message starts that can be delivered, never at every start held.
 */
class ReassemblyWorkTest {

  private static final InetAddress PEER = TestAddresses.v4("10.0.0.2");

  /** A sink whose ordered streams expect SSN {@code next}, counting the deliverability checks. */
  private static final class CountingSink implements Reassembler.Sink {
    int next;
    long checks;
    final List<InboundMessage> pieces = new ArrayList<>();

    @Override public void complete(InboundMessage message) {}

    @Override public void piece(InboundMessage message, boolean last) {
      pieces.add(message);
    }

    @Override public boolean deliverableNow(int streamId, int ssn, boolean unordered) {
      checks++;
      return unordered || ssn == next;
    }
  }

  private static DataChunk fragment(int tsn, int ssn, boolean b, boolean e) {
    return new DataChunk(false, false, b, e, tsn, 0, ssn, 0, Bytes.wrap(new byte[100]));
  }

  @Test
  void startingPartialDeliveryDoesNotWalkMessageStartsThatCannotBeDelivered() {
    Reassembly r = new Reassembly();
    TsnTracker tracker = new TsnTracker(1);
    CountingSink sink = new CountingSink();
    int fragments = 8_000;
    for (int tsn = 1; tsn <= fragments; tsn++) {
      tracker.receive(tsn);
      r.add(tsn, fragment(tsn, 7, true, false), PEER, tracker, sink);
      assertThat(r.startPartialDelivery(sink)).isFalse();
    }

    assertThat(r.bytes()).isEqualTo(fragments * 100L);
    assertThat(sink.checks).as("deliverability checks for %d fragments", fragments)
        .isLessThanOrEqualTo(2L * fragments);
  }

  @Test
  void aMessageStartBecomesDeliverableWhenItsStreamReachesItsSsn() {
    Reassembly r = new Reassembly();
    TsnTracker tracker = new TsnTracker(1);
    CountingSink sink = new CountingSink();
    tracker.receive(1);
    r.add(1, fragment(1, 1, true, false), PEER, tracker, sink);
    assertThat(r.startPartialDelivery(sink)).isFalse();

    sink.next = 1;
    r.streamAdvanced(0, 1);

    assertThat(r.startPartialDelivery(sink)).isTrue();
    assertThat(sink.pieces).hasSize(1);
    assertThat(r.bytes()).isZero();
  }

  @Test
  void anEvictedFragmentIsNoLongerHeldNorAStartCandidate() {
    Reassembly r = new Reassembly();
    TsnTracker tracker = new TsnTracker(1);
    CountingSink sink = new CountingSink();
    tracker.receive(5);
    r.add(5, fragment(5, 0, true, false), PEER, tracker, sink);
    assertThat(r.highestFragment()).isEqualTo(5);

    r.evict(5);

    assertThat(r.bytes()).isZero();
    assertThat(r.highestFragment()).isEqualTo(-1);
    assertThat(r.startPartialDelivery(sink)).isFalse();
  }
}
