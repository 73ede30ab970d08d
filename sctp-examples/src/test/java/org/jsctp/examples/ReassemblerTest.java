package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import org.jsctp.netty.AssociationChangeNotification.AssocChangeEvent;
import org.junit.jupiter.api.Test;

class ReassemblerTest {

  static ByteBuffer bytes(int from, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (from + i);
    }
    return ByteBuffer.wrap(b);
  }

  @Test
  void aMessageInOnePieceComesBackAsItIsAndHoldsNothing() {
    Reassembler<String> r = new Reassembler<>(100, 1000);
    ByteBuffer piece = bytes(0, 100);

    Reassembler.Outcome o = r.add("a", piece, true);

    assertThat(o).isInstanceOfSatisfying(Reassembler.Whole.class, w -> assertThat(w.message()).isSameAs(piece));
    assertThat(r.heldBytes()).isZero();
  }

  @Test
  void piecesOfDifferentAssociationsAreJoinedSeparately() {
    Reassembler<String> r = new Reassembler<>(100, 1000);

    assertThat(r.add("a", bytes(0, 30), false)).isInstanceOf(Reassembler.Held.class);
    assertThat(r.add("b", bytes(100, 10), false)).isInstanceOf(Reassembler.Held.class);
    assertThat(r.heldBytes()).isEqualTo(40);
    Reassembler.Outcome a = r.add("a", bytes(30, 20), true);

    assertThat(a).isInstanceOfSatisfying(
        Reassembler.Whole.class, w -> assertThat(w.message()).isEqualTo(bytes(0, 50)));
    assertThat(r.heldBytes()).isEqualTo(10);
    assertThat(r.unfinished()).isEqualTo(1);
  }

  @Test
  void aMessageOverTheLimitIsRefusedAndItsPiecesDropped() {
    Reassembler<String> r = new Reassembler<>(100, 1000);
    r.add("a", bytes(0, 60), false);

    Reassembler.Outcome o = r.add("a", bytes(60, 41), false);

    assertThat(o).isInstanceOfSatisfying(
        Reassembler.Refused.class,
        f -> assertThat(f.reason()).contains("message larger than 100 bytes"));
    assertThat(r.heldBytes()).isZero();
    assertThat(r.unfinished()).isZero();
  }

  @Test
  void aWholeMessageOverTheLimitIsRefusedToo() {
    Reassembler<String> r = new Reassembler<>(100, 1000);

    assertThat(r.add("a", bytes(0, 101), true)).isInstanceOf(Reassembler.Refused.class);
  }

  @Test
  void aPieceBeyondTheSharedBudgetIsRefusedAndOnlyItsAssociationLosesItsPieces() {
    Reassembler<String> r = new Reassembler<>(100, 150);
    r.add("a", bytes(0, 90), false);
    r.add("b", bytes(0, 50), false);

    Reassembler.Outcome o = r.add("b", bytes(50, 20), false);

    assertThat(o).isInstanceOfSatisfying(
        Reassembler.Refused.class,
        f -> assertThat(f.reason()).contains("unfinished messages hold 140 bytes"));
    assertThat(r.heldBytes()).isEqualTo(90);
    assertThat(r.unfinished()).isEqualTo(1);
  }

  @Test
  void forgettingAnAssociationFreesItsPieces() {
    Reassembler<String> r = new Reassembler<>(100, 1000);
    r.add("a", bytes(0, 60), false);
    r.add("b", bytes(0, 10), false);

    r.forget("a");
    r.forget("never seen");

    assertThat(r.heldBytes()).isEqualTo(10);
    assertThat(r.unfinished()).isEqualTo(1);
    assertThat(r.add("a", bytes(0, 5), true)).isInstanceOf(Reassembler.Whole.class);
  }

  @Test
  void interleavedPiecesOfTwoStreamsOfOneAssociationAreJoinedSeparately() {
    Reassembler<MessageKey> r = new Reassembler<>(100, 1000);
    MessageKey stream0 = new MessageKey(null, 0, false);
    MessageKey stream1 = new MessageKey(null, 1, false);
    MessageKey stream1Unordered = new MessageKey(null, 1, true);

    r.add(stream0, bytes(0, 30), false);
    r.add(stream1, bytes(100, 10), false);
    r.add(stream1Unordered, bytes(50, 5), false);
    Reassembler.Outcome one = r.add(stream1, bytes(110, 10), true);
    Reassembler.Outcome zero = r.add(stream0, bytes(30, 30), true);

    assertThat(one).isInstanceOfSatisfying(
        Reassembler.Whole.class, w -> assertThat(w.message()).isEqualTo(bytes(100, 20)));
    assertThat(zero).isInstanceOfSatisfying(
        Reassembler.Whole.class, w -> assertThat(w.message()).isEqualTo(bytes(0, 60)));
    assertThat(r.unfinished()).isEqualTo(1);
    assertThat(r.peakUnfinished()).isEqualTo(3);
  }

  @Test
  void forgettingByPredicateFreesEveryMessageItSelects() {
    Reassembler<String> r = new Reassembler<>(100, 1000);
    r.add("a/0", bytes(0, 60), false);
    r.add("a/1", bytes(0, 20), false);
    r.add("b/0", bytes(0, 10), false);

    r.forgetIf(k -> k.startsWith("a/"));

    assertThat(r.heldBytes()).isEqualTo(10);
    assertThat(r.unfinished()).isEqualTo(1);
  }

  @Test
  void everyEventAfterWhichNoPieceCanComeFreesTheAssociation() {
    EnumSet<AssocChangeEvent> freeing = EnumSet.noneOf(AssocChangeEvent.class);
    for (AssocChangeEvent e : AssocChangeEvent.values()) {
      if (EchoLoop.endsMessages(e)) {
        freeing.add(e);
      }
    }

    assertThat(freeing)
        .containsExactlyInAnyOrder(
            AssocChangeEvent.COMM_LOST,
            AssocChangeEvent.SHUTDOWN,
            AssocChangeEvent.CANT_START,
            AssocChangeEvent.RESTART);
  }
}
