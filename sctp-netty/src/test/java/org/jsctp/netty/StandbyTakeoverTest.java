package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsctp.ha.HaMode;
import org.jsctp.netty.ha.HaStatistics;
import org.jsctp.netty.ha.InMemoryReplicator;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runtime's side of standby takeover (docs/ha.md) with the in-memory replicator: an active and
 * a standby stack in this JVM serve one virtual address on loopback (the active's sockets close
 * when it is halted, so the standby can bind the same address and UDP port), a peer stack echoes
 * through them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StandbyTakeoverTest {

  private static final InetAddress VIP = Loopback.ip("127.0.0.77");
  private static final int SCTP_PORT = 3868;

  private final List<SctpStack> stacks = new ArrayList<>();
  private InMemoryReplicator.Link link;

  @AfterEach
  void stop() {
    for (SctpStack s : stacks) {
      s.close();
    }
    if (link != null) {
      link.close();
    }
  }

  private SctpStack stack() {
    SctpStack s = Loopback.stack();
    stacks.add(s);
    return s;
  }

  private static int freeUdpPort() throws Exception {
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(VIP, 0))) {
      return s.getLocalPort();
    }
  }

  private static SctpServerChannel haServer(
      SctpStack stack, InMemoryReplicator replicator, int udpPort) throws Exception {
    SctpServerChannel server = SctpServerChannel.open(stack);
    server.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, udpPort);
    server.setOption(SctpStandardSocketOptions.SCTP_HA_MODE, HaMode.SYNC);
    server.replicateWith(replicator, Duration.ofSeconds(10));
    server.bind(new InetSocketAddress(VIP, SCTP_PORT));
    return server;
  }

  private static SctpChannel connect(SctpStack stack, int udpPort) throws Exception {
    SctpChannel ch = SctpChannel.open(stack);
    ch.setOption(
        SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(null, udpPort));
    ch.connect(new InetSocketAddress(VIP, SCTP_PORT));
    return ch;
  }

  /**
   * Echoes every message back on its stream and confirms it, after the send or ({@code
   * withReply}) with it; counts the flagged ones.
   */
  private static Thread echo(SctpChannel ch, AtomicInteger flagged, boolean withReply) {
    Thread t =
        new Thread(
            () -> {
              ByteBuffer buf = ByteBuffer.allocate(65536);
              try {
                while (true) {
                  buf.clear();
                  MessageInfo info = ch.receive(buf, null, null);
                  if (info == null || info.bytes() < 0) {
                    return;
                  }
                  if (info.possiblyDuplicate()) {
                    flagged.incrementAndGet();
                  }
                  buf.flip();
                  MessageInfo reply = MessageInfo.createOutgoing(null, info.streamNumber());
                  if (withReply) {
                    ch.send(buf, reply.confirming(info));
                  } else {
                    ch.send(buf, reply);
                    ch.confirmDelivered(info);
                  }
                }
              } catch (Exception e) {
                // the channel closed (the active halted, or the test ended)
              }
            },
            "echo");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The association changes the peer saw, recorded by a receive's notification handler. */
  private static final class Changes extends AbstractNotificationHandler<Void> {
    final List<AssociationChangeNotification.AssocChangeEvent> events =
        new CopyOnWriteArrayList<>();

    @Override
    public HandlerResult handleNotification(AssociationChangeNotification n, Void attachment) {
      events.add(n.event());
      return HandlerResult.CONTINUE;
    }
  }

  private static int receiveNumber(SctpChannel ch, Changes changes) throws Exception {
    ByteBuffer buf = ByteBuffer.allocate(64);
    MessageInfo info = ch.receive(buf, null, changes, Duration.ofSeconds(20));
    assertThat(info.bytes()).isEqualTo(4);
    return buf.flip().getInt();
  }

  private static void sendNumber(SctpChannel ch, int n) throws Exception {
    ch.send(ByteBuffer.allocate(4).putInt(0, n), MessageInfo.createOutgoing(null, n % 4));
  }

  @Test
  void aStandbyTakesOverAndThePeerGetsEveryEchoWithoutCommLost() throws Exception {
    Map<Integer, Integer> echoes = takeOverWhileEchoing(false);
    long duplicates = echoes.values().stream().filter(c -> c > 1).count();
    assertThat(duplicates).isLessThanOrEqualTo(flaggedAtStandby.get());
  }

  @Test
  void repliesThatConfirmTheirRequestReachThePeerExactlyOnceAcrossATakeover() throws Exception {
    Map<Integer, Integer> echoes = takeOverWhileEchoing(true);
    assertThat(echoes.values()).containsOnly(1);
  }

  private final AtomicInteger flaggedAtStandby = new AtomicInteger();

  /**
   * 400 numbered messages, 8 in flight, echoed by the active, which is halted after 200; the
   * standby takes over and echoes the rest. Returns how often the peer got each echo.
   */
  private Map<Integer, Integer> takeOverWhileEchoing(boolean withReply) throws Exception {
    int udpPort = freeUdpPort();
    link = InMemoryReplicator.link(Duration.ofMillis(1), Duration.ofMillis(100));
    SctpStack active = stack();
    SctpStack standby = stack();
    SctpStack peer = stack();
    SctpServerChannel activeServer = haServer(active, link.active(), udpPort);
    SctpServerChannel standbyServer = haServer(standby, link.standby(), udpPort);
    AtomicInteger flaggedAtActive = new AtomicInteger();

    SctpChannel client = connect(peer, udpPort);
    echo(activeServer.accept(Duration.ofSeconds(5)), flaggedAtActive, withReply);
    Changes changes = new Changes();
    Map<Integer, Integer> echoes = new ConcurrentHashMap<>();
    int total = 400;
    int window = 8;
    int sent = 0;
    int distinct = 0;
    boolean halted = false;
    for (; sent < window; sent++) {
      sendNumber(client, sent);
    }
    while (distinct < total) {
      if (!halted && distinct == total / 2) {
        halted = true;
        active.halt();
        echo(standbyServer.accept(Duration.ofSeconds(20)), flaggedAtStandby, withReply);
      }
      int n = receiveNumber(client, changes);
      if (echoes.merge(n, 1, Integer::sum) == 1) {
        distinct++;
        if (sent < total) {
          sendNumber(client, sent++);
        }
      }
    }

    for (int i = 0; i < total; i++) {
      assertThat(echoes).as("echo of message %d", i).containsKey(i);
    }
    assertThat(changes.events).doesNotContain(
        AssociationChangeNotification.AssocChangeEvent.COMM_LOST,
        AssociationChangeNotification.AssocChangeEvent.RESTART);
    assertThat(flaggedAtActive).hasValue(0);
    HaStatistics after = standbyServer.haStatistics();
    assertThat(after.takeovers()).isEqualTo(1);
    assertThat(after.associationsTakenOver()).isEqualTo(1);
    assertThat(after.recordsApplied()).isPositive();
    assertThat(peer.snmp().get("SctpAborteds")).isZero();
    return echoes;
  }

  @Test
  void theActiveCountsRecordsBytesAndLatencyOnceAStandbyAcknowledges() throws Exception {
    int udpPort = freeUdpPort();
    link = InMemoryReplicator.link(Duration.ofMillis(2), Duration.ofMillis(100));
    SctpStack active = stack();
    SctpStack standby = stack();
    SctpStack peer = stack();
    SctpServerChannel activeServer = haServer(active, link.active(), udpPort);
    SctpServerChannel standbyServer = haServer(standby, link.standby(), udpPort);
    SctpChannel client = connect(peer, udpPort);
    echo(activeServer.accept(Duration.ofSeconds(5)), new AtomicInteger(), false);
    Changes changes = new Changes();
    for (int i = 0; i < 20; i++) {
      sendNumber(client, i);
      assertThat(receiveNumber(client, changes)).isEqualTo(i);
    }

    HaStatistics s = activeServer.haStatistics();
    assertThat(s.recordsSent()).isGreaterThanOrEqualTo(20);
    assertThat(s.snapshotsSent()).isPositive();
    assertThat(s.bytesReplicated()).isGreaterThan(20L * 4);
    assertThat(s.recordsAcknowledged()).isPositive();
    assertThat(s.latencySamples()).isEqualTo(s.recordsAcknowledged());
    // Each record crossed the link twice: there and back.
    assertThat(s.latencyMaxNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(4).toNanos());
    assertThat(standbyServer.haStatistics().recordsApplied()).isPositive();
    assertThat(standbyServer.haStatistics().takeovers()).isZero();
  }

  @Test
  void withoutAStandbyTheActiveAcknowledgesItsOwnRecordsAndKeepsEchoing() throws Exception {
    int udpPort = freeUdpPort();
    link = InMemoryReplicator.link(Duration.ofMillis(1), Duration.ofMillis(10));
    SctpStack active = stack();
    SctpStack peer = stack();
    // The standby member never starts: no runtime listens on it.
    SctpServerChannel activeServer = haServer(active, link.active(), udpPort);
    SctpChannel client = connect(peer, udpPort);
    echo(activeServer.accept(Duration.ofSeconds(5)), new AtomicInteger(), false);
    Changes changes = new Changes();
    for (int i = 0; i < 10; i++) {
      sendNumber(client, i);
      assertThat(receiveNumber(client, changes)).isEqualTo(i);
    }

    HaStatistics s = activeServer.haStatistics();
    assertThat(s.recordsSent()).isZero();
    assertThat(s.recordsWithoutStandby()).isPositive();
  }

  @Test
  void aStandbyBindsNothingBeforeItTakesOver() throws Exception {
    int udpPort = freeUdpPort();
    link = InMemoryReplicator.link(Duration.ofMillis(1), Duration.ofMillis(10));
    SctpServerChannel standbyServer = haServer(stack(), link.standby(), udpPort);

    // The standby's address and UDP port are free for the active to bind.
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(VIP, udpPort))) {
      assertThat(s.getLocalPort()).isEqualTo(udpPort);
    }
    assertThat(standbyServer.getAllLocalAddresses())
        .containsExactly(new InetSocketAddress(VIP, SCTP_PORT));
  }

  @Test
  void theHaModeOptionReadsBackWhatWasSet() throws Exception {
    SctpServerChannel server = SctpServerChannel.open(stack());
    assertThat(server.getOption(SctpStandardSocketOptions.SCTP_HA_MODE)).isEqualTo(HaMode.OFF);
    server.setOption(SctpStandardSocketOptions.SCTP_HA_MODE, HaMode.SYNC);
    assertThat(server.getOption(SctpStandardSocketOptions.SCTP_HA_MODE)).isEqualTo(HaMode.SYNC);
  }
}
