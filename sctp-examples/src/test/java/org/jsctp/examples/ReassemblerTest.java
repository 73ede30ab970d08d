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
