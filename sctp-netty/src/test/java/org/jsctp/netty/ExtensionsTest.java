package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.netty.Loopback.LO1;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_DEFAULT_PRINFO;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_FRAGMENT_INTERLEAVE;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_INTERLEAVING_SUPPORTED;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PR_ASSOC_STATUS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PR_STREAM_STATUS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PR_SUPPORTED;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_ADD_STREAMS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_ENABLE_STREAM_RESET;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_RECONFIG_SUPPORTED;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_RESET_STREAMS;

import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.PrPolicy;
import org.jsctp.api.PrStatus;
import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.netty.option.AddStreams;
import org.jsctp.netty.option.ResetStreams;
import org.jsctp.netty.option.StreamSchedulerValues;
import org.jsctp.netty.option.PrInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PR-SCTP (RFC 3758, RFC 7496), I-DATA (RFC 8260) and stream reconfiguration (RFC 6525) through
 * the channel API, over loopback: the socket options of RFC 7496 section 4, RFC 8260 section 4
 * and RFC 6525 section 6.3, a message's PR-SCTP policy from MessageInfo, messages of two streams
 * crossing with I-DATA, a stream reset and added streams. Timers run on a mock ticker.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ExtensionsTest {

  final MockTicker ticker = Ticker.newMockTicker();
  final FaultInjector faults = new FaultInjector();
  SctpStack serverStack;
  SctpStack clientStack;
  SctpServerChannel listener;
  SctpChannel client;
  SctpChannel accepted;

  @AfterEach
  void stop() {
    if (clientStack != null) {
      clientStack.close();
    }
    if (serverStack != null) {
      serverStack.close();
    }
  }

  private interface Setup {
    void apply(SctpChannel client, SctpServerChannel server) throws Exception;
  }

  private void connect(Setup setup) throws Exception {
    serverStack = Loopback.stack();
    clientStack = Loopback.stack(b -> b.ticker(ticker).udpChannelCustomizer(faults));
    listener = Loopback.server(serverStack);
    InetSocketAddress server = Loopback.address(listener);
    client = Loopback.client(clientStack, listener);
    setup.apply(client, listener);
    client.connect(List.of(server), Duration.ofSeconds(10));
    accepted = listener.accept(Duration.ofSeconds(10));
  }

  /** Returns once the client's event loop ran everything due on its ticker by now. */
  private void settle() throws Exception {
    EndpointRuntime rt = ((SctpChannelImpl) client).handle().runtime;
    rt.loop.schedule(() -> {}, 0, TimeUnit.NANOSECONDS).get(10, TimeUnit.SECONDS);
  }

  /** The client's next notification, which must be a send failure. */
  private SendFailedNotification nextSendFailure() throws Exception {
    List<Notification> seen = new ArrayList<>();
    MessageInfo m = client.receive(ByteBuffer.allocate(64), seen,
        (n, s) -> {
          s.add(n);
          return n instanceof SendFailedNotification ? HandlerResult.RETURN : HandlerResult.CONTINUE;
        },
        Duration.ofSeconds(5));
    assertThat(m).as("no message is due to the client").isNull();
    return (SendFailedNotification) seen.get(seen.size() - 1);
  }

  private String receiveText(SctpChannel ch) throws Exception {
    ByteBuffer buf = ByteBuffer.allocate(1_000);
    MessageInfo info = ch.receive(buf, null, null, Duration.ofSeconds(5));
    assertThat(info.isComplete()).isTrue();
    return new String(buf.array(), 0, buf.position());
  }

  // ---- PR-SCTP -------------------------------------------------------------------------------

  @Test
  void rfc7496_4_5_prSctpIsNegotiatedByDefaultAndCanBeSwitchedOffBeforeConnecting() throws Exception {
    connect((c, s) -> assertThat(c.getOption(SCTP_PR_SUPPORTED)).isTrue());
    assertThat(client.getOption(SCTP_PR_SUPPORTED)).isTrue();
    assertThat(client.getOption(SCTP_PR_ASSOC_STATUS)).isEqualTo(new PrStatus(0, 0));
    assertThat(client.getOption(SCTP_PR_STREAM_STATUS).streams())
        .hasSize(client.association().maxOutboundStreams());

    SctpChannel plain = Loopback.client(clientStack, listener);
    plain.setOption(SCTP_PR_SUPPORTED, false);
    plain.connect(List.of(Loopback.address(listener)), Duration.ofSeconds(10));
    listener.accept(Duration.ofSeconds(10));
    assertThat(plain.getOption(SCTP_PR_SUPPORTED)).as("negotiated").isFalse();
  }

  @Test
  void rfc3758_aMessageWhoseTimeToLiveEndedIsAbandonedReportedWithItsDataAndSkipped() throws Exception {
    connect((c, s) -> {});
    long rto = client.getOption(SctpStandardSocketOptions.SCTP_GET_PEER_ADDR_INFO).rtoMillis();
    faults.cut(LO1);
    client.send(ByteBuffer.wrap("expires".getBytes()),
        MessageInfo.createOutgoing(null, 2).timeToLive(100));
    settle();
    assertThat(faults.dropped.get()).as("sent, and lost").isPositive();

    ticker.advance(rto + 1, TimeUnit.MILLISECONDS);
    settle();

    SendFailedNotification failed = nextSendFailure();
    assertThat(failed.dataSent()).isTrue();
    assertThat(failed.streamNumber()).isEqualTo(2);
    assertThat(new String(toArray(failed.buffer()))).isEqualTo("expires");
    assertThat(client.getOption(SCTP_PR_ASSOC_STATUS).abandonedSent()).isEqualTo(1);
    assertThat(client.getOption(SCTP_PR_STREAM_STATUS).stream(2).abandonedSent()).isEqualTo(1);

    faults.heal();
    client.send(ByteBuffer.wrap("after".getBytes()), MessageInfo.createOutgoing(null, 2));
    assertThat(receiveText(accepted)).as("the peer skipped the abandoned message").isEqualTo("after");
  }

  @Test
  void rfc7496_3_1_aDefaultPolicyOfNoRetransmissionAbandonsALostMessageAtItsFirstTimeout() throws Exception {
    connect((c, s) -> c.setOption(SCTP_DEFAULT_PRINFO, new PrInfo(PrPolicy.RTX, 0)));
    long rto = client.getOption(SctpStandardSocketOptions.SCTP_GET_PEER_ADDR_INFO).rtoMillis();
    faults.cut(LO1);
    client.send(ByteBuffer.wrap("once".getBytes()), null);
    settle();
    long sent = faults.dropped.get();

    ticker.advance(rto + 1, TimeUnit.MILLISECONDS);
    settle();

    assertThat(nextSendFailure().dataSent()).isTrue();
    assertThat(client.getOption(SctpStandardSocketOptions.SCTP_STATUS).unacknowledgedChunks())
        .as("nothing is left to retransmit but the FORWARD-TSN").isLessThanOrEqualTo(1);
    assertThat(faults.dropped.get()).as("a FORWARD-TSN went instead of the DATA").isGreaterThan(sent);
  }

  @Test
  void rfc8260_4_3_theSchedulerAndItsPerStreamValuesApplyToALiveAssociation() throws Exception {
    connect((c, s) -> c.setOption(SctpStandardSocketOptions.SCTP_STREAM_SCHEDULER,
        StreamSchedulerKind.PRIORITY));
    assertThat(client.getOption(SctpStandardSocketOptions.SCTP_STREAM_SCHEDULER))
        .isEqualTo(StreamSchedulerKind.PRIORITY);

    client.setOption(SctpStandardSocketOptions.SCTP_STREAM_SCHEDULER_VALUE,
        StreamSchedulerValues.of(3, 7));
    StreamSchedulerValues values =
        client.getOption(SctpStandardSocketOptions.SCTP_STREAM_SCHEDULER_VALUE);
    assertThat(values.values()).hasSize(client.association().maxOutboundStreams());
    assertThat(values.value(3)).isEqualTo(7);
    assertThat(values.value(0)).isZero();

    client.setOption(SctpStandardSocketOptions.SCTP_STREAM_SCHEDULER,
        StreamSchedulerKind.WEIGHTED_FAIR_QUEUEING);
    assertThat(client.getOption(SctpStandardSocketOptions.SCTP_STREAM_SCHEDULER_VALUE).value(3))
        .as("the value stays with the stream").isEqualTo(7);
    assertThatThrownBy(() -> client.setOption(SctpStandardSocketOptions.SCTP_STREAM_SCHEDULER_VALUE,
        StreamSchedulerValues.of(3, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SctpChannel.open(clientStack).getOption(
        SctpStandardSocketOptions.SCTP_STREAM_SCHEDULER_VALUE))
        .isInstanceOf(java.nio.channels.NotYetConnectedException.class);
  }

  // ---- I-DATA --------------------------------------------------------------------------------

  @Test
  void rfc8260_4_3_1_interleavingNeedsFragmentInterleaveLevelTwoAsInLinux() throws Exception {
    SctpChannel fresh = SctpChannel.open(Loopback.stack());
    try {
      assertThat(fresh.getOption(SCTP_INTERLEAVING_SUPPORTED)).as("intl_enable is 0").isFalse();
      assertThatThrownBy(() -> fresh.setOption(SCTP_INTERLEAVING_SUPPORTED, true))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("SCTP_FRAGMENT_INTERLEAVE 2");
      fresh.setOption(SCTP_FRAGMENT_INTERLEAVE, 2);
      fresh.setOption(SCTP_INTERLEAVING_SUPPORTED, true);
      assertThat(fresh.getOption(SCTP_INTERLEAVING_SUPPORTED)).isTrue();
    } finally {
      fresh.close();
    }
  }

  @Test
  void rfc8260_messagesOfTwoStreamsCrossIntactWithIData() throws Exception {
    connect((c, s) -> {
      for (var ch : List.<Object>of(c, s)) {
        if (ch instanceof SctpChannel one) {
          one.setOption(SCTP_FRAGMENT_INTERLEAVE, 2);
          one.setOption(SCTP_INTERLEAVING_SUPPORTED, true);
        } else {
          ((SctpServerChannel) ch).setOption(SCTP_FRAGMENT_INTERLEAVE, 2);
          ((SctpServerChannel) ch).setOption(SCTP_INTERLEAVING_SUPPORTED, true);
        }
      }
    });
    assertThat(client.getOption(SCTP_INTERLEAVING_SUPPORTED)).isTrue();
    assertThat(accepted.getOption(SCTP_INTERLEAVING_SUPPORTED)).isTrue();
    byte[] big = new byte[200_000];
    Arrays.fill(big, (byte) 'b');
    byte[] small = "small".getBytes();

    client.send(ByteBuffer.wrap(big), MessageInfo.createOutgoing(null, 0));
    client.send(ByteBuffer.wrap(small), MessageInfo.createOutgoing(null, 1));

    Map<Integer, ByteArrayOutputStream> parts = new HashMap<>();
    List<Integer> completed = new ArrayList<>();
    while (completed.size() < 2) {
      ByteBuffer buf = ByteBuffer.allocate(300_000);
      MessageInfo info = accepted.receive(buf, null, null, Duration.ofSeconds(10));
      parts.computeIfAbsent(info.streamNumber(), k -> new ByteArrayOutputStream())
          .write(buf.array(), 0, buf.position());
      if (info.isComplete()) {
        completed.add(info.streamNumber());
      }
    }
    assertThat(completed).containsExactlyInAnyOrder(0, 1);
    assertThat(parts.get(0).toByteArray()).isEqualTo(big);
    assertThat(parts.get(1).toByteArray()).isEqualTo(small);
  }

  // ---- stream reconfiguration -----------------------------------------------------------------

  /**
   * Reads {@code ch} until a notification of {@code type} (collecting every notification on the
   * way into {@code seen}) or a message; returns the message's text, or null for the notification.
   */
  private static String receiveUntil(SctpChannel ch, Class<? extends Notification> type,
      List<Notification> seen) throws Exception {
    ByteBuffer buf = ByteBuffer.allocate(1_000);
    MessageInfo info = ch.receive(buf, seen, (n, s) -> {
      s.add(n);
      return type.isInstance(n) ? HandlerResult.RETURN : HandlerResult.CONTINUE;
    }, Duration.ofSeconds(5));
    return info == null ? null : new String(buf.array(), 0, buf.position());
  }

  @Test
  void rfc6525_6_3_aStreamIsResetAndStreamsAddedBetweenTwoChannelsWithReconfigOn() throws Exception {
    connect((c, s) -> {
      assertThat(c.getOption(SCTP_RECONFIG_SUPPORTED)).as("off by default, as Linux").isFalse();
      c.setOption(SCTP_RECONFIG_SUPPORTED, true);
      s.setOption(SCTP_RECONFIG_SUPPORTED, true);
      s.setOption(SCTP_ENABLE_STREAM_RESET, 0x07);
    });
    assertThat(client.getOption(SCTP_RECONFIG_SUPPORTED)).as("negotiated").isTrue();
    assertThat(accepted.getOption(SCTP_ENABLE_STREAM_RESET)).isEqualTo(0x07);
    int in = client.association().maxInboundStreams();
    int out = client.association().maxOutboundStreams();
    client.send(ByteBuffer.wrap("before".getBytes()), MessageInfo.createOutgoing(null, 1));
    assertThat(receiveText(accepted)).isEqualTo("before");

    client.setOption(SCTP_RESET_STREAMS, ResetStreams.outgoing(1));
    List<Notification> clientSeen = new ArrayList<>();
    assertThat(receiveUntil(client, StreamResetNotification.class, clientSeen)).isNull();
    assertThat(clientSeen).contains(
        new StreamResetNotification(client.association(), false, true, false, false, List.of(1)));
    client.send(ByteBuffer.wrap("after".getBytes()), MessageInfo.createOutgoing(null, 1));
    List<Notification> serverSeen = new ArrayList<>();
    assertThat(receiveUntil(accepted, StreamResetNotification.class, serverSeen)).isNull();
    assertThat(receiveText(accepted)).isEqualTo("after");
    assertThat(serverSeen).contains(
        new StreamResetNotification(accepted.association(), true, false, false, false, List.of(1)));
    assertThatThrownBy(() -> client.getOption(SCTP_RESET_STREAMS))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("write-only");

    client.setOption(SCTP_ADD_STREAMS, new AddStreams(2, 3));
    clientSeen.clear();
    while (!clientSeen.contains(new StreamChangeNotification(client.association(), false, false,
        in + 2, out + 3))) {
      assertThat(receiveUntil(client, StreamChangeNotification.class, clientSeen)).isNull();
    }
    assertThat(client.association().maxOutboundStreams()).isEqualTo(out + 3);
    assertThat(client.association().maxInboundStreams()).isEqualTo(in + 2);
    client.send(ByteBuffer.wrap("new out".getBytes()), MessageInfo.createOutgoing(null, out + 2));
    ByteBuffer buf = ByteBuffer.allocate(100);
    MessageInfo got = accepted.receive(buf, null, new AbstractNotificationHandler<Object>() {},
        Duration.ofSeconds(5));
    assertThat(got.streamNumber()).isEqualTo(out + 2);
    assertThat(accepted.association().maxOutboundStreams()).isEqualTo(in + 2);
    accepted.send(ByteBuffer.wrap("new in".getBytes()), MessageInfo.createOutgoing(null, in + 1));
    buf.clear();
    got = client.receive(buf, null, new AbstractNotificationHandler<Object>() {},
        Duration.ofSeconds(5));
    assertThat(got.streamNumber()).isEqualTo(in + 1);
    assertThat(new String(buf.array(), 0, buf.position())).isEqualTo("new in");
  }

  private static byte[] toArray(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }
}
