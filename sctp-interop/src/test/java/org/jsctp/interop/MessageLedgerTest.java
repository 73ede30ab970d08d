package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chaos soak's accounting (no root needed): each legal outcome is counted once, and each way a
 * stack could lose, duplicate or damage a message is a violation.
 */
class MessageLedgerTest {

  private final ChaosPayload payload = new ChaosPayload(42);
  private final List<String> lines = new ArrayList<>();
  private MessageLedger ledger;

  @BeforeEach
  void setUp() {
    ledger = new MessageLedger(payload, 8, lines::add);
    ledger.begin(1);
  }

  private long send(int stream, boolean unordered) {
    long id = ledger.nextId();
    ledger.sending(id, stream, unordered);
    return id;
  }

  private void echo(long id, int stream, boolean unordered) {
    byte[] b = payload.bytes(id);
    ledger.echo((int) id, stream, unordered, b, b.length);
  }

  @Test
  void countsEchoedReturnedAndUnansweredMessagesOnceEach() {
    long a = send(0, false);
    long b = send(1, false);
    long c = send(2, true);
    echo(a, 0, false);
    byte[] whole = payload.bytes(b);
    ledger.returned((int) b, 1, true, Arrays.copyOfRange(whole, whole.length / 2, whole.length));
    MessageLedger.Tally t = ledger.end(true);

    assertThat(t.sent).isEqualTo(3);
    assertThat(t.echoed).isEqualTo(1);
    assertThat(t.returned).isEqualTo(1);
    assertThat(t.unanswered).isEqualTo(1);
    assertThat(ledger.violations()).isEmpty();
    assertThat(ledger.inFlight()).isZero();
    assertThat(c).isEqualTo(2);
  }

  @Test
  void aSecondEchoIsAViolation() {
    long a = send(0, false);
    echo(a, 0, false);
    echo(a, 0, false);
    assertThat(ledger.violations()).containsOnlyKeys("duplicate echo");
  }

  @Test
  void anEchoThatDiffersIsAViolation() {
    long a = send(0, false);
    byte[] b = payload.bytes(a);
    b[b.length - 1] ^= 1;
    ledger.echo((int) a, 0, false, b, b.length);
    assertThat(ledger.violations()).containsOnlyKeys("echo differs from the message");
  }

  @Test
  void orderedEchoesOutOfOrderOnAStreamAreAViolation() {
    long a = send(3, false);
    long b = send(3, false);
    echo(b, 3, false);
    echo(a, 3, false);
    assertThat(ledger.violations()).containsOnlyKeys("ordered echo out of order");
  }

  @Test
  void unorderedEchoesMayComeInAnyOrder() {
    long a = send(3, true);
    long b = send(3, true);
    echo(b, 3, true);
    echo(a, 3, true);
    assertThat(ledger.violations()).isEmpty();
  }

  @Test
  void anEchoOfAMessageReturnedAsNeverSentIsAViolation() {
    long a = send(0, false);
    ledger.returned((int) a, 0, false, payload.bytes(a));
    echo(a, 0, false);
    assertThat(ledger.violations()).containsOnlyKeys("echo of a message returned as never sent");
  }

  @Test
  void returnedDataThatIsNotPartOfItsMessageIsAViolation() {
    long a = send(0, false);
    byte[] wrong = payload.bytes(a).clone();
    wrong[0] ^= 1;
    ledger.returned((int) a, 0, true, wrong);
    assertThat(ledger.violations()).containsOnlyKeys("returned data is not part of its message");
  }

  @Test
  void messagesOfAnAssociationThatEndedWithoutANotificationAreLost() {
    send(0, false);
    ledger.end(false);
    assertThat(ledger.violations())
        .containsOnlyKeys("message lost with an association that ended without a notification");
  }

  @Test
  void anEchoAfterItsAssociationEndedIsAViolation() {
    long a = send(0, false);
    ledger.end(true);
    ledger.begin(2);
    echo(a, 0, false);
    assertThat(ledger.violations()).containsOnlyKeys("echo after its association ended");
  }

  @Test
  void aMessageTheSendCallRefusedIsNotCountedAndMustNotComeBack() {
    long a = send(0, false);
    ledger.notTaken(a);
    assertThat(ledger.totals()).contains("sent=0 ", "notTaken=1 ");
    echo(a, 0, false);
    assertThat(ledger.violations()).containsOnlyKeys("echo of a message the send call refused");
  }

  @Test
  void theWindowBoundsWhatIsInFlight() throws InterruptedException {
    for (int i = 0; i < 8; i++) {
      send(0, false);
    }
    assertThat(ledger.awaitRoom(1_000_000L)).isFalse();
    echo(0, 0, false);
    assertThat(ledger.awaitRoom(1_000_000L)).isTrue();
  }

  @Test
  void payloadsAreFixedByTheSeedAndTheNumber() {
    ChaosPayload again = new ChaosPayload(42);
    for (long id = 0; id < 200; id++) {
      assertThat(again.bytes(id)).isEqualTo(payload.bytes(id));
      assertThat(payload.spec(id).size()).isBetween(1, ChaosPayload.MAX_SIZE);
    }
    assertThat(new ChaosPayload(43).bytes(7)).isNotEqualTo(payload.bytes(7));
  }
}
