package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.netty.BackpressureTest.message;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.stats.AssociationEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code rcvbuf_total} is one budget for the whole stack: associations of different endpoints, on
 * different event loops, take their received data from it. The receiving application does not read
 * until the test says so.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StackReceiveMemoryTest {

  static final int SIZE = BackpressureTest.SIZE;
  static final int BUDGET_MESSAGES = 20;
  static final int RCVBUF_TOTAL = SIZE * BUDGET_MESSAGES;

  SctpStack receiving;
  SctpStack sending;
  SctpServerChannel server1;
  SctpServerChannel server2;
  SctpChannel client1;
  SctpChannel client2;
  SctpChannel accepted1;
  SctpChannel accepted2;

  @BeforeEach
  void connect() throws Exception {
    // Two loops: the two endpoints (one per server channel) land on different threads.
    receiving =
        Loopback.stack(
            b ->
                b.eventLoopThreads(2)
                    .sysctl(withFast(Map.of("net.sctp.rcvbuf_total", "" + RCVBUF_TOTAL))));
    // A chunk dropped for want of memory is retransmitted on T3 expiry, each one counting as an
    // error: the sender must not give the association up while the receiver holds its budget.
    sending =
        Loopback.stack(
            b ->
                b.sysctl(
                    withFast(
                        Map.of(
                            "net.sctp.association_max_retrans", "1000",
                            "net.sctp.path_max_retrans", "1000"))));
    server1 = Loopback.server(receiving);
    server2 = Loopback.server(receiving);
    client1 = Loopback.client(sending, server1);
    client2 = Loopback.client(sending, server2);
    client1.connect(Loopback.address(server1));
    accepted1 = server1.accept(Duration.ofSeconds(5));
    client2.connect(Loopback.address(server2));
    accepted2 = server2.accept(Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    sending.close();
    receiving.close();
  }

  static Map<String, String> withFast(Map<String, String> extra) {
    Map<String, String> m = Loopback.fastSysctl();
    m.putAll(extra);
    return m;
  }

  AssociationEntry entry(SctpServerChannel server) throws Exception {
    int port = Loopback.address(server).getPort();
    return receiving.associations().stream()
        .filter(e -> e.localPort() == port)
        .findFirst()
        .orElseThrow();
  }

  long drops() {
    return receiving.snmp().get("SctpRcvbufTotalDrops");
  }

  @Test
  void anotherEndpointsDataWaitsWhileOneAssociationHoldsTheStacksBudgetAndFlowsOnceItIsRead()
      throws Exception {
    assertThat(Loopback.address(server1).getPort())
        .isNotEqualTo(Loopback.address(server2).getPort());
    for (int i = 0; i < BUDGET_MESSAGES; i++) {
      client1.send(ByteBuffer.wrap(message(i)), MessageInfo.createOutgoing(null, 0));
    }
    BackpressureTest.await(
        "the first association to hold the budget", () -> held(server1) == RCVBUF_TOTAL);
    assertThat(drops()).isZero();

    client2.send(ByteBuffer.wrap(message(100)), MessageInfo.createOutgoing(null, 0));
    BackpressureTest.await("the second association's data to be refused", () -> drops() > 0);

    assertThat(entry(server2).rxQueue()).as("held for the second association").isZero();
    assertThat(receiving.receiveMemory().used()).isEqualTo(RCVBUF_TOTAL);

    ByteBuffer buf = ByteBuffer.allocate(SIZE);
    for (int i = 0; i < BUDGET_MESSAGES; i++) {
      buf.clear();
      accepted1.receive(buf, null, null, Duration.ofSeconds(10));
      assertThat(buf.array()).as("message %d", i).isEqualTo(message(i));
    }
    buf.clear();
    MessageInfo info = accepted2.receive(buf, null, null, Duration.ofSeconds(20));

    assertThat(info.isComplete()).isTrue();
    assertThat(info.bytes()).isEqualTo(SIZE);
    assertThat(buf.array()).as("the message that waited").isEqualTo(message(100));
    BackpressureTest.await(
        "every reserved byte to come back", () -> receiving.receiveMemory().used() == 0);
  }

  long held(SctpServerChannel server) {
    try {
      return entry(server).rxQueue();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
