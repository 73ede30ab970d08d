package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.testkit.ScriptedPeer.MS;
import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS;
import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS_2;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.PathState;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.api.PlpmtudState;
import org.jsctp.path.HeartbeatInfo;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.Ipv4AddressParameter;
import org.jsctp.wire.PadChunk;
import org.jsctp.wire.StateCookieParameter;
import org.junit.jupiter.api.Test;

/**
 * Path MTU discovery over UDP (RFC 8899 sections 4, 5 and 6.2) against a scripted peer, one rule
 * per test: the probe's format, data at BASE_PLPMTU until more is confirmed, a lost probe costing
 * nothing but its size, MAX_PROBES, the raise timer, black-hole detection, the ERROR state and
 * probes only to confirmed paths. Sizes are IP packet sizes: the SCTP packet plus 28 bytes of
 * IPv4 and UDP header. The probe interval is Linux's minimum, 5 s.
 */
class PathMtuDiscoveryTest {

  static final long INTERVAL = 5 * SECONDS;
  static final int IP_UDP = 28;

  private static ScriptedPeer peer() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.options().setPlpmtudProbeInterval(5_000);
    return peer;
  }

  /** The handshake, the IUT connecting; returns the BASE_PLPMTU probe that goes out with COMM_UP. */
  private static Sent establish(ScriptedPeer peer) {
    peer.connect();
    peer.sendInitAck(peer.initAck());
    peer.expectCookieEcho();
    peer.send(new CookieAckChunk());
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    Sent probe = peer.nextPacketToPeer();
    peer.expectNoPacket();
    return probe;
  }

  private static boolean isProbe(Sent s) {
    return s.has(HeartbeatChunk.class) && s.has(PadChunk.class);
  }

  private static HeartbeatInfo info(Sent probe) {
    return HeartbeatInfo.decode(probe.first(HeartbeatChunk.class).info().orElseThrow());
  }

  private static int ipSize(Sent s) {
    return s.transmit().packet().length + IP_UDP;
  }

  private static void ack(ScriptedPeer peer, Sent probe) {
    peer.send(new HeartbeatAckChunk(probe.first(HeartbeatChunk.class).parameters()));
  }

  private static PeerAddressInfo path(ScriptedPeer peer) {
    return peer.association.options().peerAddressInfo(PEER_ADDRESS);
  }

  /** At most one packet waiting, taken; null when none. */
  private static Sent takeOne(ScriptedPeer peer) {
    List<Sent> all = peer.takeAll();
    assertThat(all).as("packets at %d", peer.now()).hasSizeLessThanOrEqualTo(1);
    return all.isEmpty() ? null : all.get(0);
  }

  /**
   * Plays a path of {@code linkMtu} for the probes from {@code first} on: those that fit are
   * acknowledged at once, larger ones vanish. Returns every probe, in order, once none is left.
   */
  private static List<Sent> converge(ScriptedPeer peer, Sent first, int linkMtu) {
    List<Sent> probes = new ArrayList<>();
    Sent probe = first;
    while (probe != null) {
      assertThat(isProbe(probe)).as("a probe: %s", probe).isTrue();
      probes.add(probe);
      if (ipSize(probe) <= linkMtu) {
        ack(peer, probe);
      } else {
        peer.advance(INTERVAL);
      }
      probe = takeOne(peer);
    }
    return probes;
  }

  @Test
  void rfc8899_6_2_aProbeIsAHeartbeatPaddedWithPadToExactlyTheProbedSize() {
    ScriptedPeer peer = peer();
    Sent base = establish(peer);
    assertThat(base.chunks()).hasSize(2);
    assertThat(base.chunks().get(0)).isInstanceOf(HeartbeatChunk.class);
    assertThat(base.chunks().get(1)).isInstanceOf(PadChunk.class);
    assertThat(ipSize(base)).isEqualTo(1200);
    assertThat(info(base).probeSize()).isEqualTo(1200);
    assertThat(base.transmit().allowFragmentation()).as("a probe is never fragmented").isFalse();
    assertThat(base.transmit().probe()).isTrue();

    ack(peer, base);
    Sent next = peer.nextPacketToPeer();
    assertThat(next.chunks()).hasSize(2);
    assertThat(ipSize(next)).isEqualTo(1352);
    assertThat(info(next).probeSize()).isEqualTo(1352);
    // The HEARTBEAT ACK of a probe confirms its size and nothing else.
    assertThat(path(peer).plpmtudProbesAcked()).isEqualTo(1);
    assertThat(path(peer).heartbeatAcks()).isZero();
    assertThat(peer.association.counters().get(MibCounter.SCTP_HEARTBEATS_SENT)).isZero();
    assertThat(peer.association.counters().get(MibCounter.SCTP_PLPMTUD_PROBES_SENT)).isEqualTo(2);
  }

  @Test
  void rfc8899_5_1_2_dataGoesAtBasePlpmtuUntilALargerSizeIsConfirmed() {
    ScriptedPeer peer = peer();
    Sent base = establish(peer);
    assertThat(path(peer).mtu()).isEqualTo(1200);
    assertThat(path(peer).plpmtudState()).isEqualTo(PlpmtudState.BASE);
    peer.userSend(0, new byte[3000]);
    List<DataChunk> before = new ArrayList<>();
    for (Sent s : peer.takeAll()) {
      assertThat(ipSize(s)).isLessThanOrEqualTo(1200);
      before.addAll(s.all(DataChunk.class));
    }
    assertThat(before).extracting(d -> d.userData().length()).containsExactly(1144, 1144, 712);
    peer.send(ScriptedPeer.sack(before.get(2).tsn()));

    List<Sent> probes = converge(peer, base, 1500);
    assertThat(probes).extracting(PathMtuDiscoveryTest::ipSize)
        .containsExactly(1200, 1352, 1428, 1464, 1484, 1492, 1496, 1500);
    assertThat(path(peer).plpmtudState()).isEqualTo(PlpmtudState.SEARCH_COMPLETE);
    assertThat(path(peer).mtu()).isEqualTo(1500);
    peer.userSend(0, new byte[3000]);
    List<DataChunk> after = new ArrayList<>();
    for (Sent s : peer.takeAll()) {
      after.addAll(s.all(DataChunk.class));
    }
    assertThat(after).extracting(d -> d.userData().length()).containsExactly(1444, 1444, 112);
  }

  @Test
  void rfc8899_4_1_aLostProbeIsNeitherCongestionNorAPathError() {
    ScriptedPeer peer = peer();
    ack(peer, establish(peer));
    Sent lost = peer.nextPacketToPeer();
    PeerAddressInfo before = path(peer);

    Sent again = peer.awaitPacket(INTERVAL);
    assertThat(again.at() - lost.at()).isEqualTo(INTERVAL);
    assertThat(ipSize(again)).as("the same size once more").isEqualTo(ipSize(lost));
    PeerAddressInfo after = path(peer);
    assertThat(after.cwnd()).isEqualTo(before.cwnd());
    assertThat(after.rtoMillis()).isEqualTo(before.rtoMillis());
    assertThat(after.errorCount()).isZero();
    assertThat(after.state()).isEqualTo(PathState.ACTIVE);
    assertThat(peer.association.errorCount()).isZero();
    assertThat(after.plpmtudProbesLost()).isEqualTo(1);
    assertThat(peer.association.counters().get(MibCounter.SCTP_PLPMTUD_PROBES_LOST)).isEqualTo(1);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void rfc8899_5_2_maxProbesLostProbesOfOneSizeMakeTheSearchProbeBelowIt() {
    ScriptedPeer peer = peer();
    ack(peer, establish(peer));
    List<Sent> sent = new ArrayList<>();
    sent.add(peer.nextPacketToPeer());
    for (int i = 0; i < 3; i++) {
      sent.add(peer.awaitPacket(INTERVAL));
    }
    assertThat(sent).extracting(PathMtuDiscoveryTest::ipSize).containsExactly(1352, 1352, 1352, 1276);
    for (int i = 1; i < sent.size(); i++) {
      assertThat(sent.get(i).at() - sent.get(i - 1).at()).isEqualTo(INTERVAL);
    }
    assertThat(path(peer).mtu()).isEqualTo(1200);
    assertThat(path(peer).plpmtudState()).isEqualTo(PlpmtudState.SEARCHING);
  }

  @Test
  void rfc8899_5_1_1_theRaiseTimerProbesOneStepMore600SecondsAfterTheSearch() {
    ScriptedPeer peer = peer();
    List<Sent> probes = converge(peer, establish(peer), 1400);
    assertThat(probes).extracting(PathMtuDiscoveryTest::ipSize).containsExactly(
        1200, 1352, 1428, 1428, 1428, 1388, 1408, 1408, 1408, 1396, 1400, 1404, 1404, 1404);
    assertThat(path(peer).plpmtudState()).isEqualTo(PlpmtudState.SEARCH_COMPLETE);
    assertThat(path(peer).mtu()).isEqualTo(1400);

    peer.expectSilenceFor(600 * SECONDS - 1);
    Sent raise = peer.awaitPacket(1);
    assertThat(ipSize(raise)).isEqualTo(1404);
    assertThat(path(peer).plpmtudState()).isEqualTo(PlpmtudState.SEARCHING);
  }

  /** The peer at the end of a path of {@code mtu}: what fits (or may be fragmented) arrives. */
  private static final class PathEnd {
    final ScriptedPeer peer;
    int mtu;
    final TreeSet<Integer> tsns = new TreeSet<>();
    final List<Sent> delivered = new ArrayList<>();
    final List<Sent> dropped = new ArrayList<>();

    PathEnd(ScriptedPeer peer, int mtu) {
      this.peer = peer;
      this.mtu = mtu;
    }

    /** Moves time on in 10 ms steps for {@code nanos}, handling every packet sent. */
    void run(long nanos) {
      long end = peer.now() + nanos;
      while (peer.now() < end) {
        peer.advance(Math.min(10 * MS, end - peer.now()));
        for (Sent s : peer.takeAll()) {
          if (ipSize(s) > mtu && !s.transmit().allowFragmentation()) {
            dropped.add(s);
            continue;
          }
          delivered.add(s);
          if (s.has(HeartbeatChunk.class)) {
            ack(peer, s);
          }
          if (s.has(DataChunk.class)) {
            s.all(DataChunk.class).forEach(d -> tsns.add(d.tsn()));
            int cum = peer.iutInitialTsn - 1;
            while (tsns.contains(cum + 1)) {
              cum++;
            }
            peer.send(ScriptedPeer.sack(cum));
          }
        }
      }
    }
  }

  @Test
  void rfc8899_4_3_lostFullSizedDataMakesThePlpmtuBeConfirmedAndABlackHoleFallsBackToBase() {
    ScriptedPeer peer = peer();
    converge(peer, establish(peer), 1500);
    assertThat(path(peer).mtu()).isEqualTo(1500);

    // The path MTU drops to 1280 and no ICMP says so.
    PathEnd end = new PathEnd(peer, 1280);
    peer.userSend(0, new byte[1400]);
    end.run(20 * SECONDS);

    assertThat(peer.association.counters().get(MibCounter.SCTP_PLPMTUD_BLACK_HOLES)).isEqualTo(1);
    assertThat(path(peer).plpmtudBlackHoles()).isEqualTo(1);
    // T3-rtx (1 s) sent a confirmation probe of 1500; its three losses took three intervals.
    List<Sent> confirmations = end.dropped.stream().filter(s -> isProbe(s) && ipSize(s) == 1500).toList();
    assertThat(confirmations).hasSize(3);
    assertThat(confirmations.get(0).at() - end.dropped.get(0).at()).isEqualTo(1 * SECONDS);
    // Back at BASE the chunk, which has its TSN, is not cut again: it goes at once, to cross as
    // IP fragments.
    List<Sent> data = end.delivered.stream().filter(s -> s.has(DataChunk.class)).toList();
    assertThat(data).hasSize(1);
    assertThat(data.get(0).transmit().allowFragmentation()).isTrue();
    assertThat(data.get(0).only(DataChunk.class).userData().length()).isEqualTo(1400);
    assertThat(data.get(0).at() - confirmations.get(2).at()).isLessThanOrEqualTo(INTERVAL);
    assertThat(end.dropped).noneMatch(s -> s.transmit().allowFragmentation());
    assertThat(peer.association.counters().get(MibCounter.SCTP_OUT_FRAGMENTABLE_PACKS)).isEqualTo(1);

    // The new search finds 1280; new messages are cut to it.
    end.run(120 * SECONDS);
    assertThat(path(peer).mtu()).isEqualTo(1280);
    assertThat(path(peer).plpmtudState()).isEqualTo(PlpmtudState.SEARCH_COMPLETE);
    peer.userSend(0, new byte[1400]);
    end.run(SECONDS);
    List<DataChunk> cut = end.delivered.stream().filter(s -> s.at() > data.get(0).at())
        .flatMap(s -> s.all(DataChunk.class).stream()).toList();
    assertThat(cut).extracting(d -> d.userData().length()).containsExactly(1224, 176);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void rfc8899_5_2_whenEvenBaseIsLostDiscoveryIsInErrorAndItsPacketsMayBeFragmented() {
    ScriptedPeer peer = peer();
    Sent base = establish(peer);
    Sent second = peer.awaitPacket(INTERVAL);
    Sent third = peer.awaitPacket(INTERVAL);
    assertThat(List.of(base, second, third)).extracting(PathMtuDiscoveryTest::ipSize)
        .containsExactly(1200, 1200, 1200);
    peer.advance(INTERVAL);
    assertThat(path(peer).plpmtudState()).isEqualTo(PlpmtudState.ERROR);
    assertThat(path(peer).mtu()).isEqualTo(1200);

    peer.userSend(0, "while in error".getBytes());
    Sent data = peer.nextPacketToPeer();
    assertThat(data.has(DataChunk.class)).isTrue();
    assertThat(data.transmit().allowFragmentation()).isTrue();
    assertThat(data.transmit().probe()).isFalse();
    peer.send(ScriptedPeer.sack(data.first(DataChunk.class).tsn()));

    Sent retry = peer.awaitPacket(INTERVAL);
    assertThat(retry.at() - third.at()).isEqualTo(2 * INTERVAL);
    assertThat(ipSize(retry)).isEqualTo(1200);
    assertThat(retry.transmit().allowFragmentation()).isFalse();
    assertThat(retry.transmit().probe()).isTrue();
    ack(peer, retry);
    assertThat(path(peer).plpmtudState()).isEqualTo(PlpmtudState.SEARCHING);
    peer.takeAll();
    peer.userSend(0, "searching".getBytes());
    assertThat(peer.nextPacketToPeer().transmit().allowFragmentation()).isFalse();
  }

  @Test
  void rfc8899_5_2_probesGoOnlyToConfirmedPaths() {
    ScriptedPeer peer = peer();
    peer.connect();
    peer.sendInitAck(peer.initAck(10, 10, ScriptedPeer.DEFAULT_PEER_RWND, List.of(
        new StateCookieParameter(ScriptedPeer.TESTER_COOKIE),
        new Ipv4AddressParameter((Inet4Address) PEER_ADDRESS_2))));
    peer.expectCookieEcho();
    peer.send(new CookieAckChunk());
    List<Sent> toSecond = new ArrayList<>();
    long end = peer.now() + 30 * SECONDS;
    while (peer.now() < end) {
      for (Sent s : peer.takeAll()) {
        if (s.transmit().remoteAddress().equals(PEER_ADDRESS_2)) {
          toSecond.add(s);
        } else if (isProbe(s)) {
          ack(peer, s);
        }
      }
      peer.advance(100 * MS);
    }
    assertThat(toSecond).as("heartbeats confirming the second address").isNotEmpty()
        .allMatch(s -> s.has(HeartbeatChunk.class) && !s.has(PadChunk.class));
    assertThat(peer.association.options().peerAddressInfo(PEER_ADDRESS_2).state())
        .isEqualTo(PathState.UNCONFIRMED);

    // The next confirming heartbeat is answered.
    Sent confirmation;
    do {
      confirmation = peer.awaitPacket(120 * SECONDS);
    } while (!confirmation.transmit().remoteAddress().equals(PEER_ADDRESS_2));
    assertThat(isProbe(confirmation)).isFalse();
    ack(peer, confirmation);
    assertThat(peer.association.options().peerAddressInfo(PEER_ADDRESS_2).state())
        .isEqualTo(PathState.ACTIVE);
    Sent first = peer.takeAll().stream()
        .filter(s -> s.transmit().remoteAddress().equals(PEER_ADDRESS_2)).findFirst().orElseThrow();
    assertThat(isProbe(first)).isTrue();
    assertThat(ipSize(first)).isEqualTo(1200);
  }

  @Test
  void aLocalInterfaceSmallerThanPathMtuCapsTheSearchAndThePathMtu() {
    // The driver reports the interface of the IUT's address (a tunnel of 1280 on the host): the
    // search never probes beyond it, which a host could only send as fragments.
    ScriptedPeer peer = peer();
    peer.endpoint().setInterfaceMtu(ScriptedPeer.IUT_ADDRESS, 1280);
    List<Sent> probes = converge(peer, establish(peer), 1500);
    assertThat(probes).extracting(PathMtuDiscoveryTest::ipSize)
        .containsExactly(1200, 1240, 1260, 1272, 1276, 1280);
    assertThat(path(peer).mtu()).isEqualTo(1280);
    assertThat(path(peer).plpmtudProbesLost()).isZero();

    ScriptedPeer off = new ScriptedPeer();
    off.endpoint().setInterfaceMtu(ScriptedPeer.IUT_ADDRESS, 1280);
    off.establishActive();
    assertThat(off.association.options().peerAddressInfo(PEER_ADDRESS).mtu()).isEqualTo(1280);
  }

  @Test
  void rfc8899_4_1_anEchoOfAProbeWithAnotherSizeConfirmsNothing() {
    ScriptedPeer peer = peer();
    Sent base = establish(peer);
    HeartbeatInfo real = info(base);
    HeartbeatInfo forged = new HeartbeatInfo(real.nonce(), real.sentAt(), real.address(), 1500);
    peer.send(HeartbeatAckChunk.of(forged.encode()));
    assertThat(path(peer).mtu()).isEqualTo(1200);
    assertThat(path(peer).plpmtudProbesAcked()).isZero();
    peer.expectNoPacket();
  }

  @Test
  void rfc8899_4_4_aCookieLargerThanBasePlpmtuGoesAloneInAFragmentablePacket() {
    ScriptedPeer peer = peer();
    peer.connect();
    Bytes cookie = Bytes.wrap(new byte[1400]);
    peer.sendInitAck(peer.initAck(10, 10, ScriptedPeer.DEFAULT_PEER_RWND,
        List.of(new StateCookieParameter(cookie))));
    Sent echo = peer.nextPacketToPeer();
    assertThat(echo.only(CookieEchoChunk.class).cookie()).isEqualTo(cookie);
    assertThat(ipSize(echo)).isEqualTo(28 + 12 + 4 + 1400).isGreaterThan(1200);
    assertThat(echo.transmit().allowFragmentation()).isTrue();
    peer.send(new CookieAckChunk());
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void probeIntervalZeroTurnsDiscoveryOffOnALiveAssociationAndBadIntervalsAreRefused() {
    ScriptedPeer peer = peer();
    establish(peer);
    peer.association.options().setPlpmtudProbeInterval(peer.now(), null, 0);
    assertThat(path(peer).plpmtudState()).isEqualTo(PlpmtudState.DISABLED);
    assertThat(path(peer).mtu()).isEqualTo(1500);
    assertThat(peer.association.options().plpmtudProbeInterval(PEER_ADDRESS)).isZero();
    peer.expectSilenceFor(60 * SECONDS);

    assertThatThrownBy(() -> peer.association.options().setPlpmtudProbeInterval(peer.now(), null, 1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_PLPMTUD_PROBE_INTERVAL")
        .hasMessageContaining("0 (off) or 5000..86400000");

    peer.association.options().setPlpmtudProbeInterval(peer.now(), PEER_ADDRESS, 10_000);
    peer.flush();
    assertThat(path(peer).plpmtudState()).isEqualTo(PlpmtudState.BASE);
    assertThat(ipSize(peer.nextPacketToPeer())).isEqualTo(1200);
    assertThat(peer.association.options().plpmtudProbeInterval(PEER_ADDRESS)).isEqualTo(10_000);
  }
}
