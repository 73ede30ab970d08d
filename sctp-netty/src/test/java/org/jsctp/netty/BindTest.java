package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.netty.Loopback.LO1;
import static org.jsctp.netty.Loopback.LO2;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.NotYetBoundException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.function.ThrowingSupplier;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BindTest {

  SctpStack stack;

  @BeforeEach
  void start() {
    stack = Loopback.stack();
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  @Test
  void bindsSeveralAddressesOnOneSctpPortAndOneUdpPort() throws Exception {
    SctpServerChannel server = SctpServerChannel.open(stack);
    assertThatThrownBy(() -> server.bindAddress(LO2)).isInstanceOf(NotYetBoundException.class);
    server.bind(new InetSocketAddress(LO1, 0));
    server.bindAddress(LO2);
    int port = Loopback.address(server).getPort();

    assertThat(server.getAllLocalAddresses())
        .containsExactly(new InetSocketAddress(LO1, port), new InetSocketAddress(LO2, port));
    assertThat(stack.endpoints())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.localAddresses()).containsExactly(LO1, LO2);
              assertThat(e.udpPort())
                  .isEqualTo(
                      server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT));
            });
    assertThatThrownBy(() -> server.bind(new InetSocketAddress(LO1, 0)))
        .isInstanceOf(AlreadyBoundException.class);
    assertThatThrownBy(() -> server.bindAddress(LO2)).isInstanceOf(AlreadyBoundException.class);

    server.unbindAddress(LO2);
    assertThat(server.getAllLocalAddresses()).containsExactly(new InetSocketAddress(LO1, port));
    assertThatThrownBy(() -> server.unbindAddress(LO1))
        .isInstanceOf(IllegalUnbindException.class)
        .hasMessageContaining("last");
  }

  @Test
  void refusesATakenSctpPortOnTheSameAddress() throws Exception {
    SctpServerChannel first = Loopback.server(stack);
    SctpServerChannel second = SctpServerChannel.open(stack);
    assertThatThrownBy(() -> second.bind(Loopback.address(first)))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("already bound");
  }

  @Test
  void refusesToUnbindAnAddressOnceAnAssociationExists() throws Exception {
    SctpServerChannel server = Loopback.server(stack);
    SctpChannel client = Loopback.client(stack, server);
    client.bind(new InetSocketAddress(LO1, 0));
    client.bindAddress(LO2);
    client.connect(Loopback.address(server));
    server.accept(Duration.ofSeconds(5));

    assertThatThrownBy(() -> client.unbindAddress(LO2))
        .isInstanceOf(IllegalUnbindException.class)
        .hasMessageContaining("ADD-IP");
    assertThat(client.getAllLocalAddresses()).hasSize(2);
  }

  /** A channel kind, as far as binding goes. */
  record Kind(
      ThrowingConsumer<SocketAddress> bind,
      ThrowingConsumer<InetAddress> bindAddress,
      ThrowingSupplier<Set<SocketAddress>> localAddresses,
      Executable close) {}

  /**
   * The bind rules every channel kind shares: nothing to add before bind, a failed bind leaves the
   * channel unbound, one bind only, and closing lets the endpoint go.
   */
  void followsTheBindRules(Kind kind) throws Throwable {
    InetSocketAddress taken = Loopback.address(Loopback.server(stack));
    assertThatThrownBy(() -> kind.bindAddress().accept(LO2))
        .isInstanceOf(NotYetBoundException.class);
    assertThat(kind.localAddresses().get()).isEmpty();

    assertThatThrownBy(() -> kind.bind().accept(taken)).isInstanceOf(BindException.class);
    assertThat(kind.localAddresses().get()).isEmpty();
    assertThat(stack.endpoints()).hasSize(1);

    kind.bind().accept(new InetSocketAddress(LO1, 0));
    assertThatThrownBy(() -> kind.bind().accept(new InetSocketAddress(LO1, 0)))
        .isInstanceOf(AlreadyBoundException.class);
    kind.bindAddress().accept(LO2);
    assertThat(kind.localAddresses().get()).hasSize(2);
    assertThat(stack.endpoints()).hasSize(2);

    kind.close().execute();
    assertThat(stack.endpoints()).hasSize(1);
  }

  @Test
  void aOneToOneChannelFollowsTheBindRules() throws Throwable {
    SctpChannel ch = SctpChannel.open(stack);
    followsTheBindRules(new Kind(ch::bind, ch::bindAddress, ch::getAllLocalAddresses, ch::close));
  }

  @Test
  void aServerChannelFollowsTheBindRules() throws Throwable {
    SctpServerChannel ch = SctpServerChannel.open(stack);
    followsTheBindRules(new Kind(ch::bind, ch::bindAddress, ch::getAllLocalAddresses, ch::close));
  }

  @Test
  void aOneToManyChannelFollowsTheBindRules() throws Throwable {
    SctpMultiChannel ch = SctpMultiChannel.open(stack);
    followsTheBindRules(new Kind(ch::bind, ch::bindAddress, ch::getAllLocalAddresses, ch::close));
  }
}
