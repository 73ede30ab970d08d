package org.jsctp.ha.jgroups;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsctp.ha.HaMode;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.PeerAddressFilter;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpServerChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.ha.StateReplicator;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two JGroups members in this JVM over loopback TCP: roles, records, acknowledgements, takeover. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class JGroupsReplicatorTest {

  private static final InetAddress LO = InetAddress.getLoopbackAddress();

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private static int freeTcpPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, LO)) {
      return s.getLocalPort();
    }
  }

  /** Two members that list each other; the first connects first and is the active. */
  private List<JGroupsReplicator> pair() throws Exception {
    int p1 = freeTcpPort();
    int p2 = freeTcpPort();
    List<InetSocketAddress> members =
        List.of(new InetSocketAddress(LO, p1), new InetSocketAddress(LO, p2));
    List<JGroupsReplicator> pair = new ArrayList<>();
    for (int port : new int[] {p1, p2}) {
      JGroupsReplicator r =
          JGroupsReplicator.builder()
              .cluster("jsctp-ha-test-" + p1)
              .name("member-" + port)
              .bind(LO, port)
              .members(members)
              .joinTimeout(Duration.ofMillis(500))
              .connect();
      open.add(r);
      pair.add(r);
    }
    return pair;
  }

  /** Every callback, as text, in order. */
  private static final class Recorder implements StateReplicator.Listener {
    final BlockingQueue<String> calls = new LinkedBlockingQueue<>();

    String next() throws InterruptedException {
      String s = calls.poll(20, TimeUnit.SECONDS);
      assertThat(s).as("a callback within 20 s").isNotNull();
      return s;
    }

    @Override
    public void standbyJoined() {
      calls.add("standbyJoined");
    }

    @Override
    public void standbyLeft() {
      calls.add("standbyLeft");
    }

    @Override
    public void stored(int associationId, long upTo) {
      calls.add("stored " + associationId + " " + upTo);
    }

    @Override
    public void snapshotRequested(int associationId) {
      calls.add("snapshotRequested " + associationId);
    }

    @Override
    public void record(byte[] blob) {
      calls.add("record " + new String(blob));
    }

    @Override
    public void endpoint(byte[] blob) {
      calls.add("endpoint " + new String(blob));
    }

    @Override
    public void activeGone() {
      calls.add("activeGone");
    }
  }

  @Test
  void theFirstMemberIsTheActiveAndTheViewWithoutItMakesTheStandbyTakeOver() throws Exception {
    List<JGroupsReplicator> pair = pair();
    JGroupsReplicator active = pair.get(0);
    JGroupsReplicator standby = pair.get(1);
    assertThat(active.role()).isEqualTo(StateReplicator.Role.ACTIVE);
    assertThat(standby.role()).isEqualTo(StateReplicator.Role.STANDBY);
    Recorder atActive = new Recorder();
    Recorder atStandby = new Recorder();
    standby.start(atStandby);
    active.start(atActive);
    assertThat(atActive.next()).isEqualTo("standbyJoined");

    active.sendEndpoint("secrets".getBytes());
    active.sendRecord(7, 1, "one".getBytes());
    active.sendRecord(7, 2, "two".getBytes());
    assertThat(atStandby.next()).isEqualTo("endpoint secrets");
    assertThat(atStandby.next()).isEqualTo("record one");
    assertThat(atStandby.next()).isEqualTo("record two");
    standby.acknowledge(7, 2);
    standby.requestSnapshot(0);
    assertThat(atActive.next()).isEqualTo("stored 7 2");
    assertThat(atActive.next()).isEqualTo("snapshotRequested 0");

    active.close();
    assertThat(atStandby.next()).isEqualTo("activeGone");
    assertThat(standby.role()).isEqualTo(StateReplicator.Role.ACTIVE);
  }

  @Test
  void theActiveLearnsThatItsStandbyLeft() throws Exception {
    List<JGroupsReplicator> pair = pair();
    Recorder atActive = new Recorder();
    pair.get(0).start(atActive);
    assertThat(atActive.next()).isEqualTo("standbyJoined");

    pair.get(1).close();
    assertThat(atActive.next()).isEqualTo("standbyLeft");
    assertThat(pair.get(0).role()).isEqualTo(StateReplicator.Role.ACTIVE);
  }

  @Test
  void aStandbyOnJGroupsTakesAnAssociationOverAndEchoesGoOn() throws Exception {
    List<JGroupsReplicator> pair = pair();
    InetAddress vip = InetAddress.getByName("127.0.0.78");
    int udpPort;
    try (java.net.DatagramSocket s = new java.net.DatagramSocket(new InetSocketAddress(vip, 0))) {
      udpPort = s.getLocalPort();
    }
    SctpStack active = stack();
    SctpStack standby = stack();
    SctpStack peer = stack();
    SctpServerChannel activeServer = server(active, pair.get(0), vip, udpPort);
    SctpServerChannel standbyServer = server(standby, pair.get(1), vip, udpPort);
    SctpChannel client = SctpChannel.open(peer);
    client.setOption(
        SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(null, udpPort));
    client.connect(new InetSocketAddress(vip, 3868));
    SctpChannel first = activeServer.accept(Duration.ofSeconds(5));
    Map<Integer, Integer> echoes = new HashMap<>();

    for (int i = 0; i < 20; i++) {
      echoOnce(client, first, i, echoes);
    }
    // Every record of the first 20 echoes went to the standby and came back acknowledged.
    assertThat(activeServer.haStatistics().recordsAcknowledged()).isPositive();
    active.halt();
    SctpChannel second = standbyServer.accept(Duration.ofSeconds(30));
    for (int i = 20; i < 40; i++) {
      echoOnce(client, second, i, echoes);
    }

    assertThat(echoes.keySet()).hasSize(40);
    assertThat(standbyServer.haStatistics().associationsTakenOver()).isEqualTo(1);
    assertThat(peer.snmp().get("SctpAborteds")).isZero();
    assertThat(client.association()).isNotNull();
  }

  private SctpStack stack() {
    SctpStack s =
        SctpStack.builder()
            .sysctl(
                Map.of(
                    "net.sctp.plpmtud_probe_interval", "0",
                    "net.sctp.rto_initial", "300",
                    "net.sctp.rto_min", "100",
                    "net.sctp.rto_max", "1000",
                    "net.sctp.sack_timeout", "20"))
            .allowedPeerAddresses(PeerAddressFilter.subnets("127.0.0.0/8"))
            .build();
    open.add(s);
    return s;
  }

  private static SctpServerChannel server(
      SctpStack stack, JGroupsReplicator replicator, InetAddress vip, int udpPort)
      throws Exception {
    SctpServerChannel server = SctpServerChannel.open(stack);
    server.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, udpPort);
    server.setOption(SctpStandardSocketOptions.SCTP_HA_MODE, HaMode.SYNC);
    server.replicateWith(replicator, Duration.ofSeconds(10));
    server.bind(new InetSocketAddress(vip, 3868));
    return server;
  }

  /**
   * The peer sends {@code n}; the server reads whatever comes first (a message handed again after
   * the takeover, then {@code n}), echoes and confirms each; the peer reads until it has {@code n}.
   */
  private static void echoOnce(SctpChannel client, SctpChannel server, int n,
      Map<Integer, Integer> echoes) throws Exception {
    client.send(ByteBuffer.allocate(4).putInt(0, n), MessageInfo.createOutgoing(null, 0));
    ByteBuffer buf = ByteBuffer.allocate(64);
    int got;
    do {
      buf.clear();
      MessageInfo info = server.receive(buf, null, null, Duration.ofSeconds(20));
      buf.flip();
      got = buf.getInt(0);
      server.send(buf, MessageInfo.createOutgoing(null, 0));
      server.confirmDelivered(info);
    } while (got != n);
    int echoed;
    do {
      buf.clear();
      client.receive(buf, null, null, Duration.ofSeconds(20));
      echoed = buf.getInt(0);
      echoes.merge(echoed, 1, Integer::sum);
    } while (echoed != n);
  }
}
