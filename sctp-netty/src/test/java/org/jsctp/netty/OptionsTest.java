package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.netty.SctpStandardSocketOptions.*;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.NotYetConnectedException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.AssociationStatus;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.api.PeerAddressParams;
import org.jsctp.api.PeerAddressParams.HeartbeatMode;
import org.jsctp.api.PeerAddressThresholds;
import org.jsctp.association.AssociationState;
import org.jsctp.netty.option.AssocInfo;
import org.jsctp.netty.option.DefaultSendParam;
import org.jsctp.netty.option.DelayedSack;
import org.jsctp.netty.option.EventSubscription;
import org.jsctp.netty.option.InitMsg;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.jsctp.netty.option.RtoInfo;
import org.jsctp.api.PathState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OptionsTest {

  SctpStack stack;
  SctpServerChannel server;
  InetSocketAddress serverAddress;
  SctpChannel client;
  SctpChannel accepted;

  @BeforeEach
  void connect() throws Exception {
    stack = Loopback.stack();
    server = Loopback.server(stack);
    serverAddress = Loopback.address(server);
    client = Loopback.client(stack, server);
    client.connect(serverAddress);
    accepted = server.accept(Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  /** A value to set for every settable option, read back unchanged. */
  static Map<SctpSocketOption<?>, Object> settable() {
    Map<SctpSocketOption<?>, Object> m = new LinkedHashMap<>();
    m.put(SCTP_DISABLE_FRAGMENTS, true);
    m.put(SCTP_EXPLICIT_COMPLETE, true);
    m.put(SCTP_FRAGMENT_INTERLEAVE, 2);
    m.put(SCTP_INIT_MAXSTREAMS, InitMaxStreams.create(33, 22));
    m.put(SCTP_NODELAY, true);
    m.put(SO_LINGER, 7);
    m.put(SO_RCVBUF, 100_000);
    m.put(SO_SNDBUF, 50_000);
    m.put(SCTP_RTOINFO, new RtoInfo(400, 5_000, 150));
    m.put(SCTP_INITMSG, new InitMsg(12, 13, 4, 2_000));
    m.put(
        SCTP_PEER_ADDR_PARAMS,
        new PeerAddressParams(null, 5_000, 4, 1_400, HeartbeatMode.DISABLED));
    m.put(SCTP_PEER_ADDR_THLDS, new PeerAddressThresholds(null, 6, 1, 65_535));
    m.put(SCTP_DEFAULT_SEND_PARAM, new DefaultSendParam(3, 42, true, 1_000, 9));
    m.put(SCTP_EVENTS, EventSubscription.all());
    m.put(SCTP_MAXSEG, 1_000);
    m.put(SCTP_DELAYED_SACK, new DelayedSack(100, 1));
    m.put(SCTP_MAX_BURST, 8);
    m.put(SCTP_PARTIAL_DELIVERY_POINT, 10_000);
    m.put(SCTP_EXPOSE_POTENTIALLY_FAILED_STATE, true);
    m.put(SCTP_REMOTE_UDP_ENCAPS_PORT, new RemoteUdpEncapsPort(null, 4_242));
    m.put(SctpStandardSocketOptions.SCTP_PLPMTUD_PROBE_INTERVAL,
        new org.jsctp.netty.option.PlpmtudProbeInterval(null, 10_000));
    m.put(SCTP_DEFAULT_PRINFO, new org.jsctp.netty.option.PrInfo(org.jsctp.api.PrPolicy.RTX, 2));
    m.put(SCTP_STREAM_SCHEDULER, org.jsctp.api.StreamSchedulerKind.WEIGHTED_FAIR_QUEUEING);
    m.put(SctpStandardSocketOptions.SCTP_ENABLE_STREAM_RESET, 7);
    m.put(SctpStandardSocketOptions.SCTP_HMAC_IDENT, org.jsctp.netty.option.HmacIdents.of(1, 3));
    m.put(SctpStandardSocketOptions.SCTP_AUTH_ACTIVE_KEY, 0);
    return m;
  }

  @SuppressWarnings("unchecked")
  static <T> void set(SctpChannel ch, SctpSocketOption<T> name, Object value) throws Exception {
    ch.setOption(name, (T) value);
  }

  @Test
  void everySettableOptionReadsBackOnAConnectedChannel() throws Exception {
    for (Map.Entry<SctpSocketOption<?>, Object> e : settable().entrySet()) {
      set(client, e.getKey(), e.getValue());
      assertThat(client.getOption(e.getKey())).as(e.getKey().name()).isEqualTo(e.getValue());
    }
    set(client, SCTP_ASSOCINFO, AssocInfo.of(7, 0));
    AssocInfo info = client.getOption(SCTP_ASSOCINFO);
    assertThat(info.asocMaxRxt()).isEqualTo(7);
    assertThat(info.numberPeerDestinations()).isEqualTo(1);
    assertThat(info.peerRwnd()).isPositive();
    assertThat(info.localRwnd()).isPositive();
    assertThat(info.cookieLife()).isEqualTo(60_000);
  }

  @Test
  void everySettableOptionReadsBackOnAnUnboundChannel() throws Exception {
    SctpChannel fresh = SctpChannel.open(stack);
    for (Map.Entry<SctpSocketOption<?>, Object> e : settable().entrySet()) {
      set(fresh, e.getKey(), e.getValue());
      assertThat(fresh.getOption(e.getKey())).as(e.getKey().name()).isEqualTo(e.getValue());
    }
    set(fresh, SCTP_ASSOCINFO, AssocInfo.of(9, 30_000));
    assertThat(fresh.getOption(SCTP_ASSOCINFO).asocMaxRxt()).isEqualTo(9);
    assertThat(fresh.getOption(SCTP_ASSOCINFO).cookieLife()).isEqualTo(30_000);
    fresh.setOption(SCTP_LOCAL_UDP_ENCAPS_PORT, 0);
    assertThat(fresh.getOption(SCTP_LOCAL_UDP_ENCAPS_PORT)).isZero();
    assertThatThrownBy(() -> fresh.getOption(SCTP_STATUS))
        .isInstanceOf(NotYetConnectedException.class);
    assertThatThrownBy(() -> fresh.getOption(SCTP_PRIMARY_ADDR))
        .isInstanceOf(NotYetConnectedException.class);
    fresh.close();
  }

  @Test
  void theTableCoversEveryOption() {
    java.util.Set<SctpSocketOption<?>> covered = new java.util.HashSet<>(settable().keySet());
    covered.addAll(
        java.util.List.of(
            SCTP_ASSOCINFO,
            SCTP_PRIMARY_ADDR,
            SCTP_SET_PEER_PRIMARY_ADDR,
            SCTP_AUTOCLOSE,
            SCTP_STATUS,
            SCTP_GET_PEER_ADDR_INFO,
            SCTP_LOCAL_UDP_ENCAPS_PORT,
            SCTP_PR_SUPPORTED,
            SCTP_PR_ASSOC_STATUS,
            SCTP_PR_STREAM_STATUS,
            SCTP_INTERLEAVING_SUPPORTED,
            SCTP_STREAM_SCHEDULER_VALUE,
            SctpStandardSocketOptions.SCTP_RECONFIG_SUPPORTED,
            SctpStandardSocketOptions.SCTP_ASCONF_SUPPORTED,
            SctpStandardSocketOptions.SCTP_RESET_STREAMS,
            SctpStandardSocketOptions.SCTP_RESET_ASSOC,
            SctpStandardSocketOptions.SCTP_ADD_STREAMS,
            // StandbyTakeoverTest reads it back and runs with it.
            SctpStandardSocketOptions.SCTP_HA_MODE,
            SctpStandardSocketOptions.SCTP_AUTH_SUPPORTED,
            SctpStandardSocketOptions.SCTP_AUTH_CHUNK,
            SctpStandardSocketOptions.SCTP_AUTH_KEY,
            SctpStandardSocketOptions.SCTP_AUTH_DEACTIVATE_KEY,
            SctpStandardSocketOptions.SCTP_AUTH_DELETE_KEY,
            SctpStandardSocketOptions.SCTP_PEER_AUTH_CHUNKS,
            SctpStandardSocketOptions.SCTP_LOCAL_AUTH_CHUNKS));
    assertThat(covered).containsExactlyInAnyOrderElementsOf(Options.ALL);
  }

  @Test
  void readOnlyAndPerAddressOptionsDescribeTheLiveAssociation() throws Exception {
    AssociationStatus status = client.getOption(SCTP_STATUS);
    assertThat(status.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(status.associationId()).isEqualTo(client.association().associationID());
    assertThat(status.outboundStreams()).isEqualTo(client.association().maxOutboundStreams());
    assertThat(status.primary()).isEqualTo(serverAddress.getAddress());
    assertThatThrownBy(() -> client.setOption(SCTP_STATUS, status))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("read-only");

    PeerAddressInfo primary = client.getOption(SCTP_GET_PEER_ADDR_INFO);
    assertThat(primary.address()).isEqualTo(serverAddress.getAddress());
    assertThat(primary.state()).isEqualTo(PathState.ACTIVE);
    assertThat(primary.primary()).isTrue();
    assertThat(primary.udpPort()).isEqualTo(server.getOption(SCTP_LOCAL_UDP_ENCAPS_PORT));
    assertThat(client.getOption(SCTP_GET_PEER_ADDR_INFO, serverAddress)).isEqualTo(primary);

    assertThat(client.getOption(SCTP_PRIMARY_ADDR)).isEqualTo(serverAddress);
    client.setOption(SCTP_PRIMARY_ADDR, serverAddress);
    assertThat(client.getOption(SCTP_PRIMARY_ADDR)).isEqualTo(serverAddress);

    client.setOption(
        SCTP_PEER_ADDR_PARAMS,
        new PeerAddressParams(serverAddress.getAddress(), 7_000, 3, 0, HeartbeatMode.ENABLED));
    PeerAddressParams params = client.getOption(SCTP_PEER_ADDR_PARAMS, serverAddress);
    assertThat(params.heartbeatIntervalMillis()).isEqualTo(7_000);
    assertThat(params.pathMaxRetrans()).isEqualTo(3);
    assertThat(params.heartbeat()).isEqualTo(HeartbeatMode.ENABLED);
    long heartbeats = client.getOption(SCTP_GET_PEER_ADDR_INFO).heartbeatsSent();
    client.setOption(
        SCTP_PEER_ADDR_PARAMS,
        new PeerAddressParams(serverAddress.getAddress(), 0, 0, 0, HeartbeatMode.DEMAND));
    assertThat(client.getOption(SCTP_GET_PEER_ADDR_INFO).heartbeatsSent())
        .isEqualTo(heartbeats + 1);

    client.setOption(
        SCTP_PEER_ADDR_THLDS, new PeerAddressThresholds(serverAddress.getAddress(), 4, 2, 3));
    PeerAddressThresholds t = client.getOption(SCTP_PEER_ADDR_THLDS, serverAddress);
    assertThat(t).isEqualTo(new PeerAddressThresholds(serverAddress.getAddress(), 4, 2, 3));

    assertThat(client.getOption(SCTP_REMOTE_UDP_ENCAPS_PORT, serverAddress).port())
        .isEqualTo(server.getOption(SCTP_LOCAL_UDP_ENCAPS_PORT));
    assertThat(client.getOption(SCTP_LOCAL_UDP_ENCAPS_PORT)).isPositive();

    // Path MTU discovery on for this path only (the loopback stacks of the tests have it off).
    var plpmtud = SctpStandardSocketOptions.SCTP_PLPMTUD_PROBE_INTERVAL;
    client.setOption(plpmtud, new org.jsctp.netty.option.PlpmtudProbeInterval(serverAddress, 6_000));
    assertThat(client.getOption(plpmtud, serverAddress).interval()).isEqualTo(6_000);
    assertThat(client.getOption(plpmtud).interval()).as("the default for other paths").isZero();
    assertThat(client.getOption(SCTP_GET_PEER_ADDR_INFO, serverAddress).plpmtudState())
        .isNotEqualTo(org.jsctp.api.PlpmtudState.DISABLED);
    assertThatThrownBy(() -> new org.jsctp.netty.option.PlpmtudProbeInterval(null, 1_000))
        .hasMessageContaining("SCTP_PLPMTUD_PROBE_INTERVAL spi_interval = 1000 ms is out of range");
  }

  @Test
  void badValuesAreRefusedWithTheOptionNameAndRange() {
    assertThatThrownBy(() -> client.setOption(SO_RCVBUF, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SO_RCVBUF = 100 is out of range 1500..");
    assertThatThrownBy(() -> client.setOption(SO_SNDBUF, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SO_SNDBUF")
        .hasMessageContaining("4096..");
    assertThatThrownBy(() -> client.setOption(SO_LINGER, -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SO_LINGER = -2 is out of range -1..65535");
    assertThatThrownBy(() -> client.setOption(SCTP_FRAGMENT_INTERLEAVE, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_FRAGMENT_INTERLEAVE = 3 is out of range 0..2");
    assertThatThrownBy(() -> client.setOption(SCTP_MAXSEG, 70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_MAXSEG");
    assertThatThrownBy(() -> client.setOption(SCTP_MAX_BURST, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_MAX_BURST = 0 is out of range 1..65535");
    assertThatThrownBy(() -> client.setOption(SCTP_PARTIAL_DELIVERY_POINT, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_PARTIAL_DELIVERY_POINT");
    assertThatThrownBy(() -> new RtoInfo(-1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_RTOINFO srto_initial = -1 is out of range 0..3600000");
    assertThatThrownBy(() -> client.setOption(SCTP_RTOINFO, new RtoInfo(100, 50, 200)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_RTOINFO");
    assertThatThrownBy(() -> new InitMsg(70_000, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_INITMSG sinit_num_ostreams");
    assertThatThrownBy(() -> AssocInfo.of(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_ASSOCINFO sasoc_asocmaxrxt");
    assertThatThrownBy(() -> client.setOption(SCTP_ASSOCINFO, AssocInfo.of(0, 1_000)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sasoc_cookie_life");
    assertThatThrownBy(() -> new DelayedSack(600, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_DELAYED_SACK sack_delay = 600 is out of range 1..500");
    assertThatThrownBy(() -> new DefaultSendParam(70_000, 0, false, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_DEFAULT_SEND_PARAM sinfo_stream");
    assertThatThrownBy(() -> new RemoteUdpEncapsPort(null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_REMOTE_UDP_ENCAPS_PORT");
    assertThatThrownBy(() -> InitMaxStreams.create(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_INIT_MAXSTREAMS");
    assertThatThrownBy(
            () ->
                client.setOption(
                    SCTP_PEER_ADDR_PARAMS,
                    new PeerAddressParams(null, -5, 0, 0, HeartbeatMode.UNCHANGED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_PEER_ADDR_PARAMS spp_hbinterval");
    assertThatThrownBy(
            () ->
                client.setOption(
                    SCTP_PEER_ADDR_PARAMS,
                    new PeerAddressParams(null, 0, 0, 100, HeartbeatMode.UNCHANGED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_PEER_ADDR_PARAMS spp_pathmtu");
    assertThatThrownBy(
            () -> client.setOption(SCTP_PEER_ADDR_THLDS, new PeerAddressThresholds(null, 5, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_PEER_ADDR_THLDS spt_pathcpthld");
    assertThatThrownBy(
            () -> client.setOption(SCTP_PRIMARY_ADDR, new InetSocketAddress(Loopback.LO2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_PRIMARY_ADDR");
    assertThatThrownBy(() -> client.setOption(SCTP_NODELAY, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_NODELAY");
    assertThatThrownBy(() -> client.setOption(SCTP_SET_PEER_PRIMARY_ADDR, serverAddress))
        .as("without ADD-IP negotiated (addip_enable is 0 by default)")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ADD-IP");
    assertThatThrownBy(() -> client.setOption(SCTP_AUTOCLOSE, 5))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("SCTP_AUTOCLOSE");
    assertThatThrownBy(() -> client.setOption(SCTP_LOCAL_UDP_ENCAPS_PORT, 5000))
        .isInstanceOf(AlreadyBoundException.class);
  }

  @Test
  void acceptedChannelsInheritTheServersOptions() throws Exception {
    server.setOption(SO_RCVBUF, 123_456);
    server.setOption(SCTP_NODELAY, true);
    server.setOption(SCTP_EVENTS, EventSubscription.none());
    assertThat(server.getOption(SO_RCVBUF)).isEqualTo(123_456);
    assertThat(server.supportedOptions()).doesNotContain(SCTP_STATUS, SCTP_AUTOCLOSE);
    SctpChannel second = Loopback.client(stack, server);
    second.connect(serverAddress);
    SctpChannel acceptedSecond = server.accept(Duration.ofSeconds(5));

    assertThat(acceptedSecond.getOption(SO_RCVBUF)).isEqualTo(123_456);
    assertThat(acceptedSecond.getOption(SCTP_NODELAY)).isTrue();
    assertThat(acceptedSecond.getOption(SCTP_EVENTS)).isEqualTo(EventSubscription.none());
    assertThat(acceptedSecond.getOption(SCTP_ASSOCINFO).localRwnd()).isEqualTo(123_456);
  }

  @Test
  void aOneToManyChannelSetsOptionsForFutureAssociationsOrForOne() throws Exception {
    SctpMultiChannel multi = SctpMultiChannel.open(stack);
    multi.bind(new InetSocketAddress(Loopback.LO1, 0));
    multi.setOption(SCTP_AUTOCLOSE, 30, null);
    multi.setOption(SO_SNDBUF, 77_777, null);
    assertThat(multi.getOption(SCTP_AUTOCLOSE, null)).isEqualTo(30);
    assertThat(multi.supportedOptions()).containsExactlyInAnyOrderElementsOf(Options.ALL);

    SctpChannel peer = SctpChannel.open(stack);
    peer.setOption(
        SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(null, multi.getOption(SCTP_LOCAL_UDP_ENCAPS_PORT, null)));
    peer.connect(multi.getAllLocalAddresses().iterator().next());
    peer.send(ByteBuffer.wrap(new byte[] {1}), MessageInfo.createOutgoing(null, 0));
    Association a =
        multi.receive(ByteBuffer.allocate(10), null, null, Duration.ofSeconds(5)).association();

    assertThat(multi.getOption(SO_SNDBUF, a)).isEqualTo(77_777);
    assertThat(multi.getOption(SCTP_AUTOCLOSE, a)).isEqualTo(30);
    multi.setOption(SCTP_NODELAY, true, a);
    assertThat(multi.getOption(SCTP_NODELAY, a)).isTrue();
    assertThat(multi.getOption(SCTP_NODELAY, null)).isFalse();
    assertThat(multi.getOption(SCTP_STATUS, a).state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(
            multi
                .getOption(
                    SCTP_GET_PEER_ADDR_INFO, a, peer.getAllLocalAddresses().iterator().next())
                .state())
        .isEqualTo(PathState.ACTIVE);
    multi.close();
  }
}
