package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.netty.Loopback.LO1;
import static org.jsctp.netty.Loopback.LO2;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.association.AssociationState;
import org.jsctp.netty.PeerAddressChangeNotification.AddressChangeEvent;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.jsctp.api.PathState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A multihomed association over real sockets (127.0.0.1 and 127.0.0.2 on each side) whose primary
 * network is cut by a fault-injection handler in the UDP pipelines. Nothing here depends on how
 * fast failover is: only on what happens.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FailoverTest {

  final FaultInjector faults = new FaultInjector();
  SctpStack serverStack;
  SctpStack clientStack;
  SctpChannel client;
  SctpChannel accepted;
  Thread echo;
  final List<Notification> clientNotes = new CopyOnWriteArrayList<>();
  InetSocketAddress server1;
  InetSocketAddress server2;

  static SctpStack stack(FaultInjector faults) {
    return Loopback.stack(
        b -> {
          java.util.Map<String, String> m = Loopback.fastSysctl();
          m.put("net.sctp.hb_interval", "300");
          m.put("net.sctp.path_max_retrans", "3");
          m.put("net.sctp.pf_retrans", "0");
          m.put("net.sctp.association_max_retrans", "6");
          b.sysctl(m).udpChannelCustomizer(faults);
        });
  }

  @BeforeEach
  void connect() throws Exception {
    serverStack = stack(faults);
    clientStack = stack(faults);
    SctpServerChannel server = SctpServerChannel.open(serverStack);
    server.bind(new InetSocketAddress(LO1, 0));
    server.bindAddress(LO2);
    int port = Loopback.address(server).getPort();
    server1 = new InetSocketAddress(LO1, port);
    server2 = new InetSocketAddress(LO2, port);

    client = SctpChannel.open(clientStack);
    client.bind(new InetSocketAddress(LO1, 0));
    client.bindAddress(LO2);
    client.setOption(
        SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(
            null, server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT)));
    client.setOption(SctpStandardSocketOptions.SCTP_EXPOSE_POTENTIALLY_FAILED_STATE, true);
    client.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true);
    client.connect(List.of(server1, server2), Duration.ofSeconds(10));
    accepted = server.accept(Duration.ofSeconds(10));
    echo = new Thread(this::echo, "failover-echo");
    echo.setDaemon(true);
    echo.start();

    InetSocketAddress client2 =
        new InetSocketAddress(
            LO2, ((InetSocketAddress) client.getAllLocalAddresses().iterator().next()).getPort());
    waitFor(
        "every path confirmed",
        () ->
            state(accepted, client2) == PathState.ACTIVE
                && state(client, server2) == PathState.ACTIVE);
  }

  @AfterEach
  void stop() throws Exception {
    clientStack.close();
    serverStack.close();
    echo.join(5000);
  }

  private void echo() {
    ByteBuffer buf = ByteBuffer.allocate(2000);
    try {
      while (true) {
        buf.clear();
        MessageInfo info = accepted.receive(buf, null, null);
        if (info == null || info.bytes() < 0) {
          return;
        }
        buf.flip();
        accepted.send(buf, MessageInfo.createOutgoing(null, info.streamNumber()));
      }
    } catch (ClosedChannelException e) {
      // the test is over
    } catch (Exception e) {
      e.printStackTrace();
    }
  }

  static PathState state(SctpChannel ch, InetSocketAddress peer) {
    try {
      return ch.getOption(SctpStandardSocketOptions.SCTP_GET_PEER_ADDR_INFO, peer).state();
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }

  static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  /** Sends message {@code i} and waits for its echo, collecting notifications on the way. */
  void roundTrip(int i) throws Exception {
    byte[] data = ("message " + i).getBytes();
    client.send(ByteBuffer.wrap(data), MessageInfo.createOutgoing(null, 0));
    ByteBuffer buf = ByteBuffer.allocate(2000);
    MessageInfo info;
    try {
      info =
          client.receive(
              buf,
              clientNotes,
              (n, notes) -> {
                notes.add(n);
                return HandlerResult.CONTINUE;
              },
              Duration.ofSeconds(20));
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no echo of message " + i + "; notifications: " + clientNotes, e);
    }
    assertThat(new String(buf.array(), 0, info.bytes())).isEqualTo("message " + i);
  }

  boolean notified(AddressChangeEvent event, InetSocketAddress address) {
    return clientNotes.stream()
        .anyMatch(
            n ->
                n instanceof PeerAddressChangeNotification p
                    && p.event() == event
                    && p.address().equals(address));
  }

  @Test
  void theAssociationSurvivesACutPrimaryAndDataKeepsFlowingOnTheOtherPath() throws Exception {
    for (int i = 0; i < 20; i++) {
      roundTrip(i);
    }
    PeerAddressInfo before =
        client.getOption(SctpStandardSocketOptions.SCTP_GET_PEER_ADDR_INFO, server1);
    assertThat(before.carriesData()).isTrue();

    faults.cut(LO1);
    for (int i = 20; i < 120; i++) {
      roundTrip(i);
    }

    assertThat(faults.dropped.get()).isPositive();
    assertThat(client.getOption(SctpStandardSocketOptions.SCTP_STATUS).state())
        .isEqualTo(AssociationState.ESTABLISHED);
    PeerAddressInfo primary =
        client.getOption(SctpStandardSocketOptions.SCTP_GET_PEER_ADDR_INFO, server1);
    PeerAddressInfo alternate =
        client.getOption(SctpStandardSocketOptions.SCTP_GET_PEER_ADDR_INFO, server2);
    assertThat(primary.state()).isIn(PathState.POTENTIALLY_FAILED, PathState.INACTIVE);
    assertThat(primary.primary()).isTrue();
    assertThat(alternate.state()).isEqualTo(PathState.ACTIVE);
    assertThat(alternate.carriesData()).isTrue();
    assertThat(notified(AddressChangeEvent.ADDR_POTENTIALLY_FAILED, server1))
        .as("notifications %s", clientNotes)
        .isTrue();
    assertThat(clientStack.snmp().get("SctpPfEntries")).isPositive();

    faults.heal();
    waitFor("the primary to be reachable again", () -> state(client, server1) == PathState.ACTIVE);
    for (int i = 120; i < 140; i++) {
      roundTrip(i);
    }
    assertThat(notified(AddressChangeEvent.ADDR_AVAILABLE, server1))
        .as("notifications %s", clientNotes)
        .isTrue();
    assertThat(
            client
                .getOption(SctpStandardSocketOptions.SCTP_GET_PEER_ADDR_INFO, server1)
                .carriesData())
        .isTrue();
  }

  /** The events of the client's association in a recording, in the order they happened. */
  private static List<RecordedEvent> events(Path file, int clientPort) throws Exception {
    return RecordingFile.readAllEvents(file).stream()
        .filter(e -> e.getEventType().getName().startsWith("org.jsctp."))
        .filter(e -> e.getInt("localPort") == clientPort)
        .sorted(Comparator.comparing(RecordedEvent::getStartTime))
        .toList();
  }

  private static String describe(RecordedEvent e) {
    String type = e.getEventType().getName().substring("org.jsctp.".length());
    return switch (type) {
      case "PathStateChange" ->
          type + " " + e.getString("address") + " " + e.getString("from") + " -> " + e.getString("to");
      case "DataPathChange" -> type + " " + e.getString("from") + " -> " + e.getString("to");
      case "T3RtxExpiry" -> type + " " + e.getString("address");
      case "AssociationStateChange" -> type + " " + e.getString("from") + " -> " + e.getString("to");
      case "AssociationAbort" -> type + (e.getBoolean("received") ? " received" : " sent");
      default -> type;
    };
  }

  @Test
  void aFlightRecordingHoldsTheCutTheFailoverTheReturnAndTheAbortInOrder() throws Exception {
    roundTrip(0);
    int clientPort = ((InetSocketAddress) client.getAllLocalAddresses().iterator().next()).getPort();
    Path file = Files.createTempFile("jsctp-failover", ".jfr");
    List<String> events;
    try (Recording recording = new Recording()) {
      recording.start();
      faults.cut(LO1);
      for (int i = 1; i < 40; i++) {
        roundTrip(i);
      }
      faults.heal();
      waitFor("the primary to be reachable again", () -> state(client, server1) == PathState.ACTIVE);
      roundTrip(40);
      clientStack.close();
      waitFor("the server to see the abort", () -> serverStack.associations().isEmpty());
      recording.stop();
      recording.dump(file);
      events = events(file, clientPort).stream().map(FailoverTest::describe).toList();
    } finally {
      Files.deleteIfExists(file);
    }

    String primary = Pattern.quote(LO1.getHostAddress());
    String alternate = Pattern.quote(LO2.getHostAddress());
    // The cut is found by a T3-rtx expiry or by a heartbeat, whichever comes first (a data path
    // moved by a heartbeat may see no expiry at all); a loaded machine may stretch the cut until
    // the primary is INACTIVE before it returns.
    List<String> milestones =
        List.of(
            "PathStateChange " + primary + " ACTIVE -> POTENTIALLY_FAILED",
            "DataPathChange " + primary + " -> " + alternate,
            "PathStateChange " + primary + " (POTENTIALLY_FAILED|INACTIVE) -> ACTIVE",
            "AssociationAbort sent",
            "AssociationStateChange ESTABLISHED -> CLOSED");
    int at = -1;
    for (String milestone : milestones) {
      int next = indexOfMatch(events.subList(at + 1, events.size()), milestone);
      assertThat(next).as("%s after position %d in %s", milestone, at, events).isNotNegative();
      at += next + 1;
    }
  }

  private static int indexOfMatch(List<String> events, String regex) {
    Pattern p = Pattern.compile(regex);
    for (int i = 0; i < events.size(); i++) {
      if (p.matcher(events.get(i)).matches()) {
        return i;
      }
    }
    return -1;
  }
}
