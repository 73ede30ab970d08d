package org.jsctp.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.micrometer.LoopbackStacks.LO1;
import static org.jsctp.micrometer.LoopbackStacks.LO2;
import static org.jsctp.micrometer.LoopbackStacks.waitFor;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpServerChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.UdpChannelCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The binder over real associations on loopback, read through a SimpleMeterRegistry. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SctpMetricsTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  SctpStack serverStack;
  SctpStack clientStack;

  @AfterEach
  void close() {
    if (clientStack != null) {
      clientStack.close();
    }
    if (serverStack != null) {
      serverStack.close();
    }
  }

  /** A binder that samples the stack at every read, so that a read shows the stack as it is. */
  static SctpMetrics.Builder eager(SctpStack stack) {
    return SctpMetrics.builder(stack).refreshInterval(Duration.ZERO);
  }

  double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  /** Whether a gauge with these tags exists after a read, which samples the stack. */
  boolean hasGauge(String name, String... tags) {
    gauge("sctp.endpoints");
    return registry.find(name).tags(tags).gauge() != null;
  }

  double counter(String name, String... tags) {
    return registry.get(name).tags(tags).functionCounter().count();
  }

  static void send(SctpChannel ch, int size, boolean unordered) throws Exception {
    ch.send(ByteBuffer.wrap(new byte[size]), MessageInfo.createOutgoing(null, 0).unordered(unordered));
  }

  @Test
  void showsTheAssociationsChunksAndBuffersOfEachLocalPort() throws Exception {
    serverStack = LoopbackStacks.stack();
    SctpServerChannel diameter = LoopbackStacks.server(serverStack, 3868);
    diameter.setOption(SctpStandardSocketOptions.SO_RCVBUF, 16 * 1024);
    SctpChannel client = LoopbackStacks.client(serverStack, diameter);
    client.connect(LoopbackStacks.address(diameter, LO1));
    SctpChannel accepted = diameter.accept(Duration.ofSeconds(5));
    eager(serverStack).build().bindTo(registry);

    assertThat(gauge("sctp.associations", "local.port", "3868", "state", "established")).isEqualTo(1);
    assertThat(gauge("sctp.associations", "local.port", "ephemeral", "state", "established"))
        .isEqualTo(1);
    assertThat(gauge("sctp.associations", "local.port", "3868", "state", "shutdown_sent")).isZero();
    assertThat(gauge("sctp.associations.current", "local.port", "3868")).isEqualTo(1);
    assertThat(counter("sctp.associations.established", "local.port", "3868", "initiator", "peer"))
        .isEqualTo(1);
    assertThat(
            counter("sctp.associations.established", "local.port", "ephemeral", "initiator", "local"))
        .isEqualTo(1);
    assertThat(gauge("sctp.endpoints")).isEqualTo(2);

    for (int i = 0; i < 40; i++) {
      send(client, 1000, i == 0);
    }
    waitFor("the receiver's window to fill",
        () -> gauge("sctp.send.buffer", "local.port", "ephemeral") > 0
            && gauge("sctp.receive.buffer", "local.port", "3868") > 0);
    ByteBuffer buf = ByteBuffer.allocate(2000);
    for (int i = 0; i < 40; i++) {
      buf.clear();
      accepted.receive(buf, null, null, Duration.ofSeconds(10));
    }
    waitFor("every byte acknowledged and read",
        () -> gauge("sctp.send.buffer", "local.port", "ephemeral") == 0
            && gauge("sctp.receive.buffer", "local.port", "3868") == 0);

    assertThat(counter("sctp.chunks", "local.port", "ephemeral", "direction", "out", "type", "ordered"))
        .isEqualTo(39);
    assertThat(counter("sctp.chunks", "local.port", "ephemeral", "direction", "out", "type", "unordered"))
        .isEqualTo(1);
    assertThat(counter("sctp.chunks", "local.port", "3868", "direction", "in", "type", "ordered"))
        .isEqualTo(39);
    assertThat(counter("sctp.chunks", "local.port", "3868", "direction", "in", "type", "unordered"))
        .isEqualTo(1);
    assertThat(counter("sctp.packets", "local.port", "3868", "direction", "in")).isPositive();
    assertThat(counter("sctp.packets", "local.port", "ephemeral", "direction", "out")).isPositive();
    assertThat(registry.getMeters())
        .as("no peer tag unless asked for")
        .noneMatch(m -> m.getId().getTag("peer") != null);
  }

  @Test
  void countersOfAClosedPortStayAndItsAssociationGaugesGo() throws Exception {
    serverStack = LoopbackStacks.stack();
    SctpServerChannel diameter = LoopbackStacks.server(serverStack, 3868);
    clientStack = LoopbackStacks.stack();
    SctpChannel client = LoopbackStacks.client(clientStack, diameter);
    client.connect(LoopbackStacks.address(diameter, LO1));
    SctpChannel accepted = diameter.accept(Duration.ofSeconds(5));
    eager(serverStack).build().bindTo(registry);
    assertThat(gauge("sctp.associations", "local.port", "3868", "state", "established")).isEqualTo(1);

    accepted.close();
    diameter.close();
    waitFor("the endpoint on 3868 to close", () -> gauge("sctp.endpoints") == 0);

    assertThat(counter("sctp.associations.established", "local.port", "3868", "initiator", "peer"))
        .isEqualTo(1);
    assertThat(counter("sctp.associations.shutdown", "local.port", "3868")).isEqualTo(1);
    assertThat(gauge("sctp.associations.current", "local.port", "3868")).isZero();
    assertThat(registry.find("sctp.associations").tag("local.port", "3868").gauges())
        .as("the rows of a port without endpoint are removed")
        .isEmpty();
  }

  /** Drops what the client sends to one address: a dead network, one way. */
  static final class OutgoingCut implements UdpChannelCustomizer {
    volatile InetAddress cut;

    @Override
    public void customize(java.net.InetSocketAddress local, io.netty.channel.ChannelPipeline p) {
      p.addLast(
          new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
              if (msg instanceof DatagramPacket d && d.recipient().getAddress().equals(cut)) {
                d.release();
                promise.trySuccess();
                return;
              }
              ctx.write(msg, promise);
            }
          });
    }
  }

  @Test
  void showsTheT3ExpiriesRetransmissionsPfEntriesAndFailoverOfACutPrimary() throws Exception {
    serverStack = LoopbackStacks.stack();
    SctpServerChannel server = LoopbackStacks.server(serverStack, 2905, LO2);
    OutgoingCut cut = new OutgoingCut();
    clientStack = LoopbackStacks.stack(cut);
    SctpChannel client = LoopbackStacks.client(clientStack, server, LO1, LO2);
    client.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true);
    client.connect(
        List.of(LoopbackStacks.address(server, LO1), LoopbackStacks.address(server, LO2)),
        Duration.ofSeconds(10));
    SctpChannel accepted = server.accept(Duration.ofSeconds(5));
    eager(clientStack).build().bindTo(registry);
    String[] port = {"local.port", "ephemeral"};
    assertThat(counter("sctp.timer.expirations", "local.port", "ephemeral", "timer", "t3_rtx")).isZero();
    assertThat(counter("sctp.path.failovers", port)).isZero();

    cut.cut = LO1;
    ByteBuffer buf = ByteBuffer.allocate(2000);
    for (int i = 0; i < 20; i++) {
      send(client, 100, false);
      buf.clear();
      accepted.receive(buf, null, null, Duration.ofSeconds(20));
    }

    assertThat(counter("sctp.timer.expirations", "local.port", "ephemeral", "timer", "t3_rtx"))
        .isPositive();
    assertThat(counter("sctp.retransmissions", "local.port", "ephemeral", "kind", "t3")).isPositive();
    assertThat(counter("sctp.path.entries", "local.port", "ephemeral", "state", "potentially_failed"))
        .isPositive();
    assertThat(counter("sctp.path.failovers", port)).isPositive();
    assertThat(counter("sctp.associations.aborted", port)).isZero();
  }

  @Test
  void peerTagsAreBoundedToTheFirstPeersSeen() throws Exception {
    serverStack = LoopbackStacks.stack();
    SctpServerChannel server = LoopbackStacks.server(serverStack, 3868);
    clientStack = LoopbackStacks.stack();
    eager(serverStack).peerAddressTag(1).build().bindTo(registry);
    SctpChannel first = LoopbackStacks.client(clientStack, server, LO1);
    first.connect(LoopbackStacks.address(server, LO1));
    server.accept(Duration.ofSeconds(5));
    waitFor("the first peer tagged", () -> hasGauge("sctp.associations",
        "local.port", "3868", "peer", "127.0.0.1", "state", "established"));
    SctpChannel second = LoopbackStacks.client(clientStack, server, LO2);
    second.connect(LoopbackStacks.address(server, LO1));
    server.accept(Duration.ofSeconds(5));
    waitFor("the second peer tagged", () -> hasGauge("sctp.associations",
        "local.port", "3868", "peer", "other", "state", "established"));

    assertThat(gauge("sctp.associations", "local.port", "3868", "peer", "127.0.0.1", "state", "established"))
        .isEqualTo(1);
    assertThat(gauge("sctp.associations", "local.port", "3868", "peer", "other", "state", "established"))
        .isEqualTo(1);
    assertThat(registry.getMeters().stream().map(m -> m.getId().getTag("peer")).distinct())
        .containsExactlyInAnyOrder(null, "127.0.0.1", "other");
    assertThat(registry.getMeters())
        .as("counters carry no peer tag")
        .filteredOn(m -> m.getId().getType() == Meter.Type.COUNTER)
        .allMatch(m -> m.getId().getTag("peer") == null);
  }

  @Test
  void aSampleServesEveryReadWithinTheRefreshInterval() throws Exception {
    serverStack = LoopbackStacks.stack();
    SctpServerChannel server = LoopbackStacks.server(serverStack, 3868);
    io.micrometer.core.instrument.MockClock clock = new io.micrometer.core.instrument.MockClock();
    SctpMetrics.builder(serverStack).clock(clock).refreshInterval(Duration.ofSeconds(10))
        .tags(Tags.of("stack", "test")).build().bindTo(registry);
    assertThat(gauge("sctp.associations", "stack", "test", "local.port", "3868", "state", "established"))
        .isZero();

    clientStack = LoopbackStacks.stack();
    SctpChannel client = LoopbackStacks.client(clientStack, server, LO1);
    client.connect(LoopbackStacks.address(server, LO1));
    server.accept(Duration.ofSeconds(5));
    assertThat(gauge("sctp.associations", "local.port", "3868", "state", "established"))
        .as("still the sample of the bind")
        .isZero();

    clock.add(Duration.ofSeconds(10));
    assertThat(gauge("sctp.associations", "local.port", "3868", "state", "established"))
        .isEqualTo(1);
  }
}
