package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.netty.Loopback.LO1;

import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.PathState;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.association.AssociationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client's stack runs on a mock ticker, over real loopback sockets: its timers fire when the
 * test advances the ticker, and only then, however long the test takes in real time. Nothing here
 * sleeps.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MockTickerTest {

  final MockTicker ticker = Ticker.newMockTicker();
  final FaultInjector faults = new FaultInjector();
  SctpStack serverStack;
  SctpStack clientStack;
  SctpChannel client;
  InetSocketAddress server;

  @BeforeEach
  void connect() throws Exception {
    serverStack = Loopback.stack();
    clientStack = Loopback.stack(b -> b.ticker(ticker).udpChannelCustomizer(faults));
    SctpServerChannel listener = Loopback.server(serverStack);
    server = Loopback.address(listener);
    client = Loopback.client(clientStack, listener);
    // The handshake needs no timer on loopback: it completes with the ticker standing still.
    client.connect(List.of(server), Duration.ofSeconds(10));
    listener.accept(Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    clientStack.close();
    serverStack.close();
  }

  /**
   * Returns once the client's event loop has run every task due on its ticker by now: a task
   * scheduled now runs after every scheduled task whose time has come, and after the tasks
   * submitted before it.
   */
  void settle() throws Exception {
    EndpointRuntime rt = ((SctpChannelImpl) client).handle().runtime;
    rt.loop.schedule(() -> {}, 0, TimeUnit.NANOSECONDS).get(10, TimeUnit.SECONDS);
  }

  PeerAddressInfo path() throws Exception {
    return client.getOption(SctpStandardSocketOptions.SCTP_GET_PEER_ADDR_INFO, server);
  }

  long counter(String name) {
    return clientStack.snmp().get(name);
  }

  @Test
  void dataToASilencedPeerIsRetransmittedWhenTheTickerPassesTheRtoAndNotBefore() throws Exception {
    long rtoMillis = path().rtoMillis();
    faults.cut(LO1);
    client.send(ByteBuffer.wrap("unanswered".getBytes()), MessageInfo.createOutgoing(null, 0));
    settle();
    long sent = faults.dropped.get();
    assertThat(sent).as("the DATA went out and was dropped").isPositive();

    ticker.advance(rtoMillis - 1, TimeUnit.MILLISECONDS);
    settle();
    assertThat(counter("SctpT3RtxExpireds")).isZero();
    assertThat(faults.dropped.get()).isEqualTo(sent);
    assertThat(path().state()).isEqualTo(PathState.ACTIVE);

    ticker.advance(2, TimeUnit.MILLISECONDS);
    settle();
    assertThat(counter("SctpT3RtxExpireds")).isEqualTo(1);
    assertThat(counter("SctpT3Retransmits")).isEqualTo(1);
    assertThat(faults.dropped.get()).as("the retransmission was sent").isGreaterThan(sent);
    PeerAddressInfo after = path();
    assertThat(after.errorCount()).isEqualTo(1);
    assertThat(after.state()).isEqualTo(PathState.POTENTIALLY_FAILED);
    assertThat(client.getOption(SctpStandardSocketOptions.SCTP_STATUS).state())
        .isEqualTo(AssociationState.ESTABLISHED);
  }
}
