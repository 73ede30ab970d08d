package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.netty.Loopback.LO1;

import io.netty.util.concurrent.Ticker;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.CommonHeader;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.SctpPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several SCTP ports behind one UDP port (RFC 6951, as usrsctp runs them): a Diameter server on
 * SCTP 3868 and an M3UA server on SCTP 2905 share one UDP socket; datagrams go to the endpoint of
 * their SCTP destination port, and those for a port nobody has bound get the out-of-the-blue
 * answer of RFC 9260 section 8.4.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedUdpPortTest {

  static final int DIAMETER = 3868;
  static final int M3UA = 2905;

  SctpStack servers;
  SctpStack clients;
  SctpServerChannel diameter;
  SctpServerChannel m3ua;
  int udpPort;

  @BeforeEach
  void start() throws Exception {
    // Two loops: the endpoints sharing the UDP port must still end up on one.
    servers = Loopback.stack(b -> b.eventLoopThreads(2));
    clients = Loopback.stack();
    diameter = SctpServerChannel.open(servers);
    diameter.bind(new InetSocketAddress(LO1, DIAMETER));
    udpPort = diameter.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT);
    m3ua = SctpServerChannel.open(servers);
    m3ua.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, udpPort);
    m3ua.bind(new InetSocketAddress(LO1, M3UA));
  }

  @AfterEach
  void stop() {
    clients.close();
    servers.close();
  }

  /** A client in the other stack, connected to {@code sctpPort} behind the shared UDP port. */
  private SctpChannel connect(int sctpPort) throws Exception {
    SctpChannel ch = Loopback.client(clients, m3ua);
    ch.connect(new InetSocketAddress(LO1, sctpPort));
    return ch;
  }

  private static void send(SctpChannel ch, String text) throws Exception {
    ch.send(
        ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), MessageInfo.createOutgoing(null, 0));
  }

  private static String receive(SctpChannel ch) throws Exception {
    ByteBuffer buf = ByteBuffer.allocate(256);
    MessageInfo info = ch.receive(buf, null, null, Duration.ofSeconds(10));
    assertThat(info).as("a message").isNotNull();
    buf.flip();
    return StandardCharsets.UTF_8.decode(buf).toString();
  }

  /** Sends {@code count} requests and reads each echo; what the peer echoed, in order. */
  private static List<String> exchange(SctpChannel client, String name, int count)
      throws Exception {
    List<String> echoes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      send(client, name + " " + i);
      echoes.add(receive(client));
    }
    return echoes;
  }

  /** Echoes {@code count} messages on {@code ch}, prefixed with the server's SCTP port. */
  private static Void echo(SctpChannel ch, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      send(ch, ch.getAllLocalAddresses().iterator().next().toString().replaceAll(".*:", "")
          + " got " + receive(ch));
    }
    return null;
  }

  private static List<String> expected(int port, String name, int count) {
    List<String> l = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      l.add(port + " got " + name + " " + i);
    }
    return l;
  }

  @Test
  void twoServersOnOneUdpPortServeTheirOwnClientsConcurrently() throws Exception {
    assertThat(m3ua.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT))
        .isEqualTo(udpPort);
    assertThat(servers.udpSockets().size()).isEqualTo(1);
    SctpChannel diameterClient = connect(DIAMETER);
    SctpChannel m3uaClient = connect(M3UA);
    SctpChannel diameterPeer = diameter.accept(Duration.ofSeconds(10));
    SctpChannel m3uaPeer = m3ua.accept(Duration.ofSeconds(10));
    assertThat(diameterPeer).isNotNull();
    assertThat(m3uaPeer).isNotNull();

    int n = 200;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> echoes =
          List.of(
              pool.submit(() -> echo(diameterPeer, n)), pool.submit(() -> echo(m3uaPeer, n)));
      Future<List<String>> d = pool.submit(() -> exchange(diameterClient, "diameter", n));
      Future<List<String>> m = pool.submit(() -> exchange(m3uaClient, "m3ua", n));
      assertThat(d.get(40, TimeUnit.SECONDS)).isEqualTo(expected(DIAMETER, "diameter", n));
      assertThat(m.get(40, TimeUnit.SECONDS)).isEqualTo(expected(M3UA, "m3ua", n));
      for (Future<?> f : echoes) {
        f.get(5, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClientBoundToAFixedSctpPortSharesTheUdpPortWithTheServers() throws Exception {
    SctpChannel client = SctpChannel.open(servers);
    client.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, udpPort);
    client.setOption(
        SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(null, udpPort));
    client.bind(new InetSocketAddress(LO1, 5000));
    // From SCTP 5000 to SCTP 2905, both behind the one UDP socket.
    client.connect(new InetSocketAddress(LO1, M3UA));
    SctpChannel peer = m3ua.accept(Duration.ofSeconds(10));
    assertThat(servers.udpSockets().size()).isEqualTo(1);
    send(client, "over one socket");
    assertThat(receive(peer)).isEqualTo("over one socket");
    send(peer, "and back");
    assertThat(receive(client)).isEqualTo("and back");
    assertThat(client.getRemoteAddresses()).containsExactly(new InetSocketAddress(LO1, M3UA));
  }

  @Test
  void answersAnInitForAnUnboundSctpPortAndDisturbsNobody() throws Exception {
    SctpChannel diameterClient = connect(DIAMETER);
    SctpChannel diameterPeer = diameter.accept(Duration.ofSeconds(10));
    long outOfBluesBefore = servers.snmp().get("SctpOutOfBlues");

    int initiateTag = 0x5ca1ab1e;
    byte[] init = initTo(9999, initiateTag);
    SctpPacket answer;
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(LO1, 0))) {
      probe.setSoTimeout(10_000);
      probe.send(new DatagramPacket(init, init.length, new InetSocketAddress(LO1, udpPort)));
      DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
      probe.receive(in);
      answer = SctpPacket.decode(Arrays.copyOf(in.getData(), in.getLength()));
    }
    // RFC 9260 8.4 rule 3, from the port asked for: an ABORT carrying the INIT's tag, T bit clear.
    assertThat(answer.header().sourcePort()).isEqualTo(9999);
    assertThat(answer.header().destinationPort()).isEqualTo(40000);
    assertThat(answer.header().verificationTag()).isEqualTo(initiateTag);
    assertThat(answer.chunks()).singleElement().isInstanceOf(AbortChunk.class);
    assertThat(((AbortChunk) answer.chunks().get(0)).reflectedTag()).isFalse();
    assertThat(servers.snmp().get("SctpOutOfBlues")).isEqualTo(outOfBluesBefore + 1);

    send(diameterClient, "still there?");
    assertThat(receive(diameterPeer)).isEqualTo("still there?");
    assertThat(diameter.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT))
        .isEqualTo(udpPort);
    SctpChannel m3uaClient = connect(M3UA);
    assertThat(m3ua.accept(Duration.ofSeconds(10))).isNotNull();
    m3uaClient.close();
  }

  @Test
  void answersAtMostItsBudgetForUnboundPortsAndCountsTheRestAsDiscarded() throws Exception {
    // Time stands still on a mock ticker: the budget never refills, whatever the machine's speed.
    try (SctpStack frozen = Loopback.stack(b -> b.ticker(Ticker.newMockTicker()))) {
      SctpServerChannel server = SctpServerChannel.open(frozen);
      server.bind(new InetSocketAddress(LO1, DIAMETER));
      int port = server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT);
      int budget = SharedUdpSocket.UNBOUND_PORT_ANSWERS_PER_SECOND;
      int extra = 5;
      try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(LO1, 0))) {
        probe.setSoTimeout(10_000);
        for (int i = 1; i <= budget + extra; i++) {
          byte[] init = initTo(9999, i);
          probe.send(new DatagramPacket(init, init.length, new InetSocketAddress(LO1, port)));
        }
        for (int i = 0; i < budget; i++) {
          DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
          probe.receive(in);
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (frozen.snmp().get("SctpInPktDiscards") < extra && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(frozen.snmp().get("SctpInPktDiscards")).isEqualTo(extra);
      assertThat(frozen.snmp().get("SctpOutOfBlues")).isEqualTo(budget);
    }
  }

  private static byte[] initTo(int sctpPort, int initiateTag) {
    return new SctpPacket(
            new CommonHeader(40000, sctpPort, 0, 0),
            List.of(new InitChunk(initiateTag, 65535, 10, 10, 1, List.of())))
        .encode();
  }

  @Test
  void refusesATakenSctpPortOnTheSharedUdpPortNamingBoth() throws Exception {
    SctpServerChannel again = SctpServerChannel.open(servers);
    again.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, udpPort);
    assertThatThrownBy(() -> again.bind(new InetSocketAddress(LO1, DIAMETER)))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("SCTP port " + DIAMETER + " is already bound on 127.0.0.1")
        .hasMessageContaining("by a one-to-one server channel on UDP port " + udpPort)
        .hasMessageContaining("refused for a one-to-one server channel on UDP port " + udpPort);
    SctpMultiChannel multi = SctpMultiChannel.open(servers);
    multi.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, udpPort, null);
    assertThatThrownBy(() -> multi.bind(new InetSocketAddress(LO1, M3UA)))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("refused for a one-to-many channel on UDP port " + udpPort);

    // The refused channels changed nothing: both servers still answer, and the socket is one.
    assertThat(servers.udpSockets().size()).isEqualTo(1);
    SctpChannel client = connect(M3UA);
    assertThat(m3ua.accept(Duration.ofSeconds(10))).isNotNull();
    client.close();
    // A free SCTP port can still join the UDP port, as a one-to-many channel too.
    multi.bind(new InetSocketAddress(LO1, 2944));
    assertThat(multi.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, null))
        .isEqualTo(udpPort);
    multi.close();
  }

  @Test
  void closingOneServerLeavesTheOtherWorkingAndTheLastClosesTheUdpSocket() throws Exception {
    SctpChannel diameterClient = connect(DIAMETER);
    SctpChannel diameterPeer = diameter.accept(Duration.ofSeconds(10));
    SctpChannel m3uaClient = connect(M3UA);
    SctpChannel m3uaPeer = m3ua.accept(Duration.ofSeconds(10));

    diameterPeer.close();
    diameter.close();
    awaitEndpoints(1);
    send(m3uaClient, "after diameter left");
    assertThat(receive(m3uaPeer)).isEqualTo("after diameter left");
    assertThat(servers.udpSockets().size()).isEqualTo(1);
    assertThat(udpPortFree()).as("UDP port free while M3UA uses it").isFalse();
    // Diameter is gone from the UDP port: a new INIT there is refused.
    SctpChannel late = Loopback.client(clients, m3ua);
    assertThatThrownBy(() -> late.connect(new InetSocketAddress(LO1, DIAMETER)))
        .isInstanceOf(java.io.IOException.class);

    m3uaPeer.close();
    m3ua.close();
    awaitEndpoints(0);
    assertThat(servers.udpSockets().size()).isZero();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!udpPortFree() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(udpPortFree()).as("UDP port free after the last endpoint closed").isTrue();
    diameterClient.close();
  }

  private void awaitEndpoints(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (servers.endpoints().size() != count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(servers.endpoints()).hasSize(count);
  }

  private boolean udpPortFree() {
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LO1, udpPort))) {
      return true;
    } catch (SocketException e) {
      return false;
    }
  }
}
