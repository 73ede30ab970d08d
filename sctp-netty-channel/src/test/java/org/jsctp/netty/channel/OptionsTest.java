package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.nio.sctp.PeerAddressChangeNotification;
import com.sun.nio.sctp.PeerAddressChangeNotification.AddressChangeEvent;
import com.sun.nio.sctp.SctpStandardSocketOptions.InitMaxStreams;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.sctp.SctpChannel;
import io.netty.channel.sctp.SctpChannelOption;
import io.netty.channel.sctp.SctpMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.PathState;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.association.AssociationState;
import org.jsctp.netty.IllegalUnbindException;
import org.jsctp.netty.InvalidStreamException;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Netty's SCTP options and jsctp's, through the channel configs. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OptionsTest {

  final Pair pair = new Pair();
  final Recorder client = new Recorder();

  @AfterEach
  void stop() {
    pair.close();
  }

  private void connect(
      Map<ChannelOption<?>, Object> childOptions, Map<ChannelOption<?>, Object> options)
      throws Exception {
    pair.listen(true, childOptions, () -> new ChannelHandler[0]);
    pair.connect(options, () -> new ChannelHandler[] {client});
  }

  @Test
  void sctpNodelayStartsOnAsWithNettysNioChannels() throws Exception {
    connect(Map.of(), Map.of());

    assertThat(pair.client.config().isSctpNoDelay()).isTrue();
    assertThat(pair.child().config().isSctpNoDelay()).isTrue();
  }

  @Test
  void buffersAndStreamsSetOnTheBootstrapsReachTheAssociation() throws Exception {
    connect(
        Map.of(ChannelOption.SO_RCVBUF, 100_000),
        Map.of(
            ChannelOption.SO_SNDBUF,
            50_000,
            SctpChannelOption.SCTP_INIT_MAXSTREAMS,
            InitMaxStreams.create(5, 7)));

    assertThat(pair.client.config().getSendBufferSize()).isEqualTo(50_000);
    assertThat(pair.client.config().getOption(ChannelOption.SO_SNDBUF)).isEqualTo(50_000);
    assertThat(pair.child().config().getReceiveBufferSize()).isEqualTo(100_000);
    assertThat(pair.client.config().getInitMaxStreams().maxOutStreams()).isEqualTo(7);
    assertThat(pair.client.association().maxOutboundStreams()).isEqualTo(7);
    assertThat(pair.child().association().maxInboundStreams()).isEqualTo(7);
    assertThat(pair.client.config().getOptions())
        .containsKeys(
            ChannelOption.SO_SNDBUF,
            ChannelOption.SO_RCVBUF,
            SctpChannelOption.SCTP_NODELAY,
            SctpChannelOption.SCTP_INIT_MAXSTREAMS);
  }

  @Test
  void everyJsctpOptionIsReachableThroughJsctpChannelOption() throws Exception {
    connect(Map.of(), Map.of());

    assertThat(
            pair.client
                .config()
                .getOption(JsctpChannelOption.of(SctpStandardSocketOptions.SCTP_STATUS))
                .state())
        .isEqualTo(AssociationState.ESTABLISHED);
    assertThat(JsctpChannelOption.of(SctpStandardSocketOptions.SCTP_MAX_BURST))
        .isSameAs(JsctpChannelOption.of(SctpStandardSocketOptions.SCTP_MAX_BURST));
    assertThat(
            pair.client
                .config()
                .setOption(JsctpChannelOption.of(SctpStandardSocketOptions.SCTP_MAX_BURST), 2))
        .isTrue();
    assertThat(
            pair.client
                .config()
                .getOption(JsctpChannelOption.of(SctpStandardSocketOptions.SCTP_MAX_BURST)))
        .isEqualTo(2);
    assertThatThrownBy(
            () ->
                pair.client
                    .config()
                    .setOption(JsctpChannelOption.of(SctpStandardSocketOptions.SCTP_MAX_BURST), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_MAX_BURST");
  }

  @Test
  void theNettyOptionsJsctpLacksAreRefusedAsNettyDoes() throws Exception {
    connect(Map.of(), Map.of());

    assertThat(pair.client.config().setOption(ChannelOption.TCP_NODELAY, true))
        .as("an option of another transport")
        .isFalse();
    assertThatThrownBy(
            () ->
                pair.client
                    .config()
                    .setOption(
                        SctpChannelOption.SCTP_SET_PEER_PRIMARY_ADDR, pair.client.remoteAddress()))
        .as("without ADD-IP negotiated (addip_enable is 0 by default)")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ADD-IP");
  }

  @Test
  void thePrimaryPathMovesToAConfirmedAddress() throws Exception {
    connect(Map.of(), Map.of());
    SocketAddress second =
        new InetSocketAddress(TestStacks.LO2, pair.server.localAddress().getPort());
    client.await(
        PeerAddressChangeNotification.class,
        n -> n.event() == AddressChangeEvent.ADDR_CONFIRMED && n.address().equals(second));

    pair.client.config().setOption(SctpChannelOption.SCTP_PRIMARY_ADDR, second);

    assertThat(pair.client.config().getOption(SctpChannelOption.SCTP_PRIMARY_ADDR))
        .isEqualTo(second);
    JsctpSctpChannel ch = (JsctpSctpChannel) pair.client;
    PeerAddressInfo info =
        ch.getPeerOption(SctpStandardSocketOptions.SCTP_GET_PEER_ADDR_INFO, second);
    assertThat(info.primary()).isTrue();
    assertThat(info.state()).isEqualTo(PathState.ACTIVE);
  }

  @Test
  void aMessageTooLargeForOneChunkFailsItsWriteWhenFragmentsAreDisabled() throws Exception {
    connect(Map.of(), Map.of(SctpChannelOption.SCTP_DISABLE_FRAGMENTS, true));

    ChannelFuture big = pair.client.writeAndFlush(message(0, 10_000)).await();
    ChannelFuture small = pair.client.writeAndFlush(message(0, 100)).await();

    assertThat(big.cause()).isInstanceOf(IOException.class).hasMessageContaining("DATA chunk");
    assertThat(small.isSuccess()).isTrue();
    assertThat(pair.client.isActive()).isTrue();
  }

  @Test
  void aMessageOnAStreamOutsideTheAssociationFailsOnlyItsOwnWrite() throws Exception {
    connect(Map.of(), Map.of());
    int streams = pair.client.association().maxOutboundStreams();

    ChannelFuture outside = pair.client.write(message(streams, 100));
    ChannelFuture inside = pair.client.writeAndFlush(message(streams - 1, 100));

    assertThat(outside.await().cause()).isInstanceOf(InvalidStreamException.class);
    assertThat(inside.await().isSuccess()).isTrue();
  }

  @Test
  void anAddressCannotBeRemovedOnceConnected() throws Exception {
    connect(Map.of(), Map.of());
    SctpChannel child = pair.child();

    ChannelFuture f = child.unbindAddress(TestStacks.LO2).await();

    assertThat(f.cause()).isInstanceOf(IllegalUnbindException.class);
  }

  private static SctpMessage message(int stream, int size) {
    return new SctpMessage(0, stream, Unpooled.wrappedBuffer(new byte[size]));
  }
}
