package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.nio.sctp.AssociationChangeNotification;
import com.sun.nio.sctp.AssociationChangeNotification.AssocChangeEvent;
import com.sun.nio.sctp.PeerAddressChangeNotification;
import com.sun.nio.sctp.PeerAddressChangeNotification.AddressChangeEvent;
import com.sun.nio.sctp.SendFailedNotification;
import com.sun.nio.sctp.ShutdownNotification;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.sctp.SctpChannel;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Notifications reach {@code userEventTriggered} as the {@code com.sun.nio.sctp} types that Netty's
 * {@code SctpNotificationHandler} fires, in order with the messages.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NotificationTest {

  final Pair pair = new Pair();
  final Recorder server = new Recorder();
  final Recorder client = new Recorder();

  @AfterEach
  void stop() {
    pair.close();
  }

  @Test
  void bothSidesSeeTheAssociationComeUpWithTheChannelsAssociation() throws Exception {
    pair.listen(false, Map.of(), () -> new ChannelHandler[] {server});
    pair.connect(Map.of(), () -> new ChannelHandler[] {client});

    AssociationChangeNotification up = client.await(AssociationChangeNotification.class, n -> true);
    assertThat(up.event()).isEqualTo(AssocChangeEvent.COMM_UP);
    assertThat(up.association()).isSameAs(pair.client.association());
    AssociationChangeNotification serverUp =
        server.await(AssociationChangeNotification.class, n -> true);
    assertThat(serverUp.event()).isEqualTo(AssocChangeEvent.COMM_UP);
    assertThat(serverUp.association()).isSameAs(pair.child().association());
  }

  @Test
  void theClientLearnsThatTheServersSecondAddressIsConfirmed() throws Exception {
    pair.listen(true, Map.of(), () -> new ChannelHandler[] {server});
    pair.connect(Map.of(), () -> new ChannelHandler[] {client});

    InetSocketAddress second =
        new InetSocketAddress(TestStacks.LO2, pair.server.localAddress().getPort());
    PeerAddressChangeNotification confirmed =
        client.await(
            PeerAddressChangeNotification.class,
            n -> n.event() == AddressChangeEvent.ADDR_CONFIRMED && n.address().equals(second));
    assertThat(confirmed.association()).isSameAs(pair.client.association());
  }

  @Test
  void thePeersShutdownIsAnEventAndClosesTheChannel() throws Exception {
    pair.listen(false, Map.of(), () -> new ChannelHandler[] {server});
    pair.connect(Map.of(), () -> new ChannelHandler[] {client});
    SctpChannel child = pair.child();
    server.await(AssociationChangeNotification.class, n -> true);
    com.sun.nio.sctp.Association association = child.association();

    pair.client.close().sync();

    ShutdownNotification shutdown = server.await(ShutdownNotification.class, n -> true);
    assertThat(shutdown.association()).isSameAs(association);
    assertThat(child.closeFuture().await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void anAbortIsCommLostAndClosesTheChannel() throws Exception {
    pair.listen(false, Map.of(), () -> new ChannelHandler[] {server});
    pair.connect(
        Map.<ChannelOption<?>, Object>of(ChannelOption.SO_LINGER, 0),
        () -> new ChannelHandler[] {client});
    SctpChannel child = pair.child();
    server.await(AssociationChangeNotification.class, n -> true);
    com.sun.nio.sctp.Association association = child.association();

    pair.client.close().sync();

    AssociationChangeNotification lost =
        server.await(
            AssociationChangeNotification.class, n -> n.event() == AssocChangeEvent.COMM_LOST);
    assertThat(lost.association()).isSameAs(association);
    assertThat(child.closeFuture().await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void dataThePeerNeverGotComesBackInSendFailedNotifications() throws Exception {
    Backlog backlog = new Backlog(16 * 1024, 256);
    pair.listen(
        false,
        Map.<ChannelOption<?>, Object>of(
            ChannelOption.AUTO_READ, false, ChannelOption.SO_LINGER, 0),
        () -> new ChannelHandler[] {server});
    pair.connect(Map.of(), () -> new ChannelHandler[] {backlog, client});
    SctpChannel child = pair.child();
    backlog.awaitStalled(pair.client);
    com.sun.nio.sctp.Association association = pair.client.association();

    child.close().sync();

    SendFailedNotification failed = client.await(SendFailedNotification.class, n -> true);
    ByteBuffer data = failed.buffer();
    assertThat(failed.association()).isSameAs(association);
    assertThat(failed.streamNumber()).isZero();
    assertThat(data.remaining()).isPositive();
    assertThat(backlog.isOneOfOurs(data)).as("the data of one of our messages").isTrue();
    client.await(AssociationChangeNotification.class, n -> n.event() == AssocChangeEvent.COMM_LOST);
    assertThat(pair.client.closeFuture().await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(client.events.indexOf(failed))
        .as("send failures come before COMM_LOST")
        .isLessThan(
            client.events.indexOf(
                client.await(
                    AssociationChangeNotification.class,
                    n -> n.event() == AssocChangeEvent.COMM_LOST)));
  }
}
