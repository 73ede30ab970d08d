package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.netty.Loopback.LO1;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jsctp.api.PathState;
import org.jsctp.netty.PeerAddressChangeNotification.AddressChangeEvent;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ADD-IP (RFC 5061) over real sockets on loopback: bindAddress and unbindAddress on a connected
 * channel and on a one-to-many channel tell the peers of every association, SCTP_SET_PEER_PRIMARY_ADDR
 * moves the peer's primary, the peer's application hears ADDR_ADDED, ADDR_MADE_PRIMARY and
 * ADDR_REMOVED, and an unbound address's UDP channel and SCTP port go once no association uses
 * them. Both stacks run with addip_enable and addip_noauth_enable.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AddressReconfigurationTest {

  static final InetAddress LO3 = Loopback.ip("127.0.0.3");
  static final InetAddress LO4 = Loopback.ip("127.0.0.4");

  SctpStack serverStack;
  SctpStack clientStack;

  static SctpStack stack() {
    return Loopback.stack(
        b -> {
          Map<String, String> m = Loopback.fastSysctl();
          m.put("net.sctp.addip_enable", "1");
          m.put("net.sctp.addip_noauth_enable", "1");
          m.put("net.sctp.hb_interval", "200");
          b.sysctl(m);
        });
  }

  @BeforeEach
  void start() {
    serverStack = stack();
    clientStack = stack();
  }

  @AfterEach
  void stop() throws Exception {
    clientStack.close();
    serverStack.close();
  }

  static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  static Set<SocketAddress> remote(SctpChannel ch) {
    try {
      return ch.getRemoteAddresses();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static PathState state(SctpChannel ch, InetSocketAddress peer) {
    try {
      return ch.getOption(SctpStandardSocketOptions.SCTP_GET_PEER_ADDR_INFO, peer).state();
    } catch (Exception e) {
      return null;
    }
  }

  static SocketAddress primary(SctpChannel ch) {
    try {
      return ch.getOption(SctpStandardSocketOptions.SCTP_PRIMARY_ADDR);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code text} and receives it on the other side, collecting its notifications. */
  static void transfer(SctpChannel from, SctpChannel to, String text, List<Notification> notes)
      throws Exception {
    from.send(ByteBuffer.wrap(text.getBytes()), MessageInfo.createOutgoing(null, 0));
    ByteBuffer buf = ByteBuffer.allocate(200);
    MessageInfo info = to.receive(buf, notes, (n, list) -> {
      list.add(n);
      return HandlerResult.CONTINUE;
    }, Duration.ofSeconds(10));
    assertThat(new String(buf.array(), 0, info.bytes())).isEqualTo(text);
  }

  static List<AddressChangeEvent> events(List<Notification> notes, InetSocketAddress address) {
    List<AddressChangeEvent> list = new ArrayList<>();
    for (Notification n : notes) {
      if (n instanceof PeerAddressChangeNotification p && p.address().equals(address)) {
        list.add(p.event());
      }
    }
    return list;
  }

  @Test
  void aConnectedChannelMovesItsAssociationToANewAddressAndReleasesTheOldOne() throws Exception {
    SctpServerChannel server = Loopback.server(serverStack);
    SctpChannel client = Loopback.client(clientStack, server);
    client.bind(new InetSocketAddress(LO1, 0));
    client.connect(Loopback.address(server));
    SctpChannel accepted = server.accept(Duration.ofSeconds(10));
    assertThat(client.getOption(SctpStandardSocketOptions.SCTP_ASCONF_SUPPORTED)).isTrue();
    int port = ((InetSocketAddress) client.getAllLocalAddresses().iterator().next()).getPort();
    InetSocketAddress old = new InetSocketAddress(LO1, port);
    InetSocketAddress moved = new InetSocketAddress(LO3, port);
    List<Notification> serverNotes = new CopyOnWriteArrayList<>();

    client.bindAddress(LO3);
    waitFor("the peer confirmed the new address", () -> state(accepted, moved) == PathState.ACTIVE);
    client.setOption(SctpStandardSocketOptions.SCTP_SET_PEER_PRIMARY_ADDR, moved);
    waitFor("the peer made it its primary", () -> moved.equals(primary(accepted)));
    client.unbindAddress(LO1);
    waitFor("the peer deleted the old address", () -> remote(accepted).equals(Set.of(moved)));
    for (int i = 0; i < 10; i++) {
      transfer(client, accepted, "to the server " + i, serverNotes);
      transfer(accepted, client, "to the client " + i, new ArrayList<>());
    }

    assertThat(client.getAllLocalAddresses()).containsExactly(moved);
    assertThat(events(serverNotes, moved)).contains(AddressChangeEvent.ADDR_ADDED,
        AddressChangeEvent.ADDR_CONFIRMED, AddressChangeEvent.ADDR_MADE_PRIMARY);
    assertThat(events(serverNotes, old)).containsExactly(AddressChangeEvent.ADDR_REMOVED);
    // The old address's channel closed and its SCTP port is free for another channel.
    waitFor("127.0.0.1 free again on the client's SCTP port", () -> {
      try (SctpServerChannel other = SctpServerChannel.open(clientStack)) {
        other.bind(old);
        return true;
      } catch (BindException e) {
        return false;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void aOneToManyChannelTellsEveryAssociationOfItsAddresses() throws Exception {
    try (EchoServer echo = new EchoServer(serverStack)) {
      List<SctpChannel> clients = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        SctpChannel ch = SctpChannel.open(clientStack);
        ch.setOption(SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
            new RemoteUdpEncapsPort(null, echo.udpPort()));
        ch.connect(echo.address());
        clients.add(ch);
      }
      int port = echo.address().getPort();
      InetSocketAddress added = new InetSocketAddress(LO4, port);

      echo.channel.bindAddress(LO4);
      for (SctpChannel ch : clients) {
        waitFor("the client confirmed the new address", () -> state(ch, added) == PathState.ACTIVE);
      }
      echo.channel.unbindAddress(LO1);
      for (SctpChannel ch : clients) {
        waitFor("the client deleted the old address", () -> remote(ch).equals(Set.of(added)));
      }

      for (SctpChannel ch : clients) {
        transfer(ch, ch, "echo", new ArrayList<>());
      }
    }
  }

  @Test
  void sctpAsconfSupportedOffersAddIpPerChannelWhereAsconfMayTravelWithoutAuth() throws Exception {
    try (SctpStack noauth = Loopback.stack(b -> {
      Map<String, String> m = Loopback.fastSysctl();
      m.put("net.sctp.addip_noauth_enable", "1");
      b.sysctl(m);
    })) {
      SctpServerChannel server = SctpServerChannel.open(noauth);
      assertThat(server.getOption(SctpStandardSocketOptions.SCTP_ASCONF_SUPPORTED))
          .as("addip_enable is 0 by default, as in Linux").isFalse();
      server.setOption(SctpStandardSocketOptions.SCTP_ASCONF_SUPPORTED, true);
      server.bind(new InetSocketAddress(LO1, 0));
      SctpChannel client = Loopback.client(noauth, server);
      client.setOption(SctpStandardSocketOptions.SCTP_ASCONF_SUPPORTED, true);
      client.connect(Loopback.address(server));

      assertThat(client.getOption(SctpStandardSocketOptions.SCTP_ASCONF_SUPPORTED))
          .as("negotiated").isTrue();
    }
  }

  @Test
  void setPeerPrimaryNeedsAnAddressOfTheAssociation() throws Exception {
    SctpServerChannel server = Loopback.server(serverStack);
    SctpChannel client = Loopback.client(clientStack, server);
    client.connect(Loopback.address(server));

    assertThatThrownBy(() -> client.setOption(SctpStandardSocketOptions.SCTP_SET_PEER_PRIMARY_ADDR,
        new InetSocketAddress(LO4, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a local address");
    assertThatThrownBy(() -> client.getOption(SctpStandardSocketOptions.SCTP_SET_PEER_PRIMARY_ADDR))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
