package org.jsctp.tx;

import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SendOutcome;
import org.jsctp.api.StreamSchedulerKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.SctpEvent;
import org.jsctp.api.SendFailed;
import org.jsctp.api.SenderDry;
import org.jsctp.path.Path;
import org.jsctp.path.PathManager;
import org.jsctp.api.PathState;
import org.jsctp.path.PathThresholds;
import org.jsctp.path.RtoEstimator;
import org.jsctp.TestAddresses;
import org.jsctp.stats.MibCounter;
import org.jsctp.stats.MibCounters;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.PacketBuilder;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.SackChunk.GapAckBlock;
import org.jsctp.wire.SctpPacket;
import org.jsctp.wire.UserDataChunk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sending half with numeric time: TSN assignment, SACK processing (cumulative and gap acks,
 * HTNA, fast retransmit on the third miss, reneging), T3-rtx marking, the peer window and
 * zero-window probing, Nagle, and SEND_FAILED on the way out.
 */
class DataSenderTest {

  static final long MS = 1_000_000L;
  static final int TSN0 = 1000;

  final List<SctpEvent> events = new ArrayList<>();
  final MibCounters counters = new MibCounters();
  PathManager paths;
  Path path;
  Path alternate;
  DataSender sender;
  long now = 1_000_000 * MS;

  @BeforeEach
  void setUp() {
    org.jsctp.path.PathEnvironment pathEnv = new org.jsctp.path.PathEnvironment() {
      @Override public void pathStateChanged(Path p, PathState from, PathState to, long t) {}
      @Override public void dataPathChanged(Path from, Path to, long t) {}
      @Override public void primarySwitchedOver(Path from, Path to, long t) {}
      @Override public void primaryRequested(Path path, long t) {}
      @Override public void sendHeartbeat(Path p, Bytes info, long t) {}
      @Override public void probeDeferred(Path p) {}
      @Override public void sendProbe(Path p, Bytes info, int size, long t) {}
      @Override public void pathMtuChanged(Path p, int from, int to, long t) {}
      @Override public void blackHoleDetected(Path p, long t) {}
      @Override public MibCounters counters() {
        return counters;
      }
      @Override public long nextRandomLong() {
        return 1;
      }
    };
    paths = new PathManager(pathEnv);
    path = paths.add(newPath(0, "10.0.1.2"));
    alternate = paths.add(newPath(1, "10.0.2.2"));
    sender = newSender(1 << 20);
  }

  /** The socket options the sender follows, changed by the tests as an application would. */
  static final class Settings implements SenderSettings {
    long sndbuf = 1 << 20;
    boolean nodelay = true;
    int maxSegment;
    boolean disableFragments;
    int maxBurst = 4;

    @Override public long sndbuf() {
      return sndbuf;
    }
    @Override public boolean nodelay() {
      return nodelay;
    }
    @Override public int maxSegment() {
      return maxSegment;
    }
    @Override public boolean disableFragments() {
      return disableFragments;
    }
    @Override public int maxBurst() {
      return maxBurst;
    }
  }

  final Settings settings = new Settings();

  DataSender newSender(long peerRwnd) {
    return newSender(peerRwnd, false);
  }

  DataSender newSender(long peerRwnd, boolean partialReliability) {
    return newSender(peerRwnd, partialReliability, false);
  }

  DataSender newSender(long peerRwnd, boolean partialReliability, boolean interleaving) {
    return new DataSender(TSN0, 4, peerRwnd, partialReliability, interleaving, settings, new SenderEnvironment() {
      @Override public int associationId() {
        return 1;
      }
      @Override public PathManager paths() {
        return paths;
      }
      @Override public MibCounters counters() {
        return counters;
      }
      @Override public void emit(SctpEvent event) {
        events.add(event);
      }
      @Override public void acknowledgedOnPath(Path p, long t) {
        paths.recordSuccess(p, t);
      }
      @Override public void acknowledgedNewData(long t) {}
    });
  }

  static Path newPath(int id, String address) {
    return new Path(id, TestAddresses.v4(address), 9899, TestAddresses.v4("10.0.0.1"), PathState.ACTIVE,
        new PathThresholds(5, 0, true), new RtoEstimator(1000 * MS, 1000 * MS, 60_000 * MS, 3, 2),
        1500, 1 << 20, 30_000 * MS);
  }

  void queue(int count, int size) {
    for (int i = 0; i < count; i++) {
      assertThat(sender.send(new OutgoingMessage(0, 0, false, false, Bytes.wrap(new byte[size]), i, Long.MAX_VALUE)))
          .isEqualTo(SendOutcome.ACCEPTED);
    }
  }

  /** Builds packets for {@code p} like the association does and returns the DATA chunks sent. */
  List<DataChunk> transmit(Path p) {
    List<DataChunk> sent = new ArrayList<>();
    transmitPackets(p).forEach(packet -> packet.forEach(c -> sent.add((DataChunk) c)));
    return sent;
  }

  /** Builds packets like the association does and returns the DATA or I-DATA chunks of each. */
  List<List<UserDataChunk>> transmitPackets(Path p) {
    List<List<UserDataChunk>> packets = new ArrayList<>();
    sender.startRound();
    while (true) {
      PacketBuilder packet = new PacketBuilder(p.maxPacketSize());
      if (sender.fill(packet, p, paths.dataPath(now), now) == 0) {
        return packets;
      }
      try {
        SctpPacket decoded = SctpPacket.decode(packet.build(5000, 5000, 1));
        packets.add(decoded.chunks().stream().map(c -> (UserDataChunk) c).toList());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  static SackChunk sack(int cum, GapAckBlock... gaps) {
    return new SackChunk(cum, 1 << 20, List.of(gaps), List.of());
  }

  @Test
  void assignsConsecutiveTsnsAndSsnsAndStartsT3() {
    queue(3, 100);
    List<DataChunk> sent = transmit(path);
    assertThat(sent).extracting(DataChunk::tsn).containsExactly(TSN0, TSN0 + 1, TSN0 + 2);
    assertThat(sent).extracting(DataChunk::streamSequenceNumber).containsExactly(0, 1, 2);
    assertThat(path.t3().isRunning()).isTrue();
    assertThat(path.flightSize()).isEqualTo(3 * 116);
  }

  @Test
  void fragmentsALargeMessageToThePmdcsWithBeginningAndEndingFlags() {
    queue(1, 3000);
    List<DataChunk> sent = transmit(path);
    assertThat(sent).hasSize(3);
    assertThat(sent.get(0).beginning()).isTrue();
    assertThat(sent.get(0).ending()).isFalse();
    assertThat(sent.get(2).ending()).isTrue();
    assertThat(sent.get(0).userData().length()).isEqualTo(path.pmdcs());
    assertThat(sent).extracting(DataChunk::streamSequenceNumber).containsOnly(0);
    assertThat(counters.get(MibCounter.SCTP_FRAG_USR_MSGS)).isEqualTo(1);
  }

  @Test
  void aCumulativeAckFreesChunksStopsT3AndTakesAnRttSample() {
    queue(2, 100);
    transmit(path);
    now += 30 * MS;
    assertThat(sender.onSack(sack(TSN0 + 1), now)).isEqualTo(DataSender.SackResult.APPLIED);
    assertThat(sender.unacknowledgedChunks()).isZero();
    assertThat(path.t3().isRunning()).isFalse();
    assertThat(path.rto().srtt()).isEqualTo(30 * MS);
    assertThat(events).anyMatch(e -> e instanceof SenderDry);
  }

  @Test
  void aSackBelowTheCumulativeAckPointIsStale() {
    queue(2, 100);
    transmit(path);
    sender.onSack(sack(TSN0 + 1), now);
    assertThat(sender.onSack(sack(TSN0), now)).isEqualTo(DataSender.SackResult.STALE);
  }

  @Test
  void aSackForATsnNeverSentIsInvalid() {
    queue(1, 100);
    transmit(path);
    assertThat(sender.onSack(sack(TSN0 + 5), now)).isEqualTo(DataSender.SackResult.INVALID);
  }

  @Test
  void theThirdMissIndicationTriggersOneFastRetransmissionOnTheOriginalPath() {
    queue(6, 100);
    transmit(path);
    long cwndBefore = path.congestion().cwnd();
    // TSN0 lost: three SACKs each newly acknowledging a higher TSN (HTNA).
    sender.onSack(sack(TSN0 - 1, new GapAckBlock(2, 2)), now);
    sender.onSack(sack(TSN0 - 1, new GapAckBlock(2, 3)), now);
    assertThat(transmit(path)).isEmpty();
    sender.onSack(sack(TSN0 - 1, new GapAckBlock(2, 4)), now);
    assertThat(sender.inFastRecovery()).isTrue();
    // RFC 9260 section 7.2.3: ssthresh = max(cwnd / 2, 4 * PMDCS), cwnd = ssthresh.
    assertThat(path.congestion().ssthresh()).isEqualTo(Math.max(cwndBefore / 2, 4L * path.pmdcs()));
    assertThat(path.congestion().cwnd()).isEqualTo(path.congestion().ssthresh());
    List<DataChunk> resent = transmit(path);
    assertThat(resent).extracting(DataChunk::tsn).containsExactly(TSN0);
    assertThat(transmit(alternate)).isEmpty();
    // Never a second fast retransmission of the same TSN.
    sender.onSack(sack(TSN0 - 1, new GapAckBlock(2, 5)), now);
    sender.onSack(sack(TSN0 - 1, new GapAckBlock(2, 5)), now);
    sender.onSack(sack(TSN0 - 1, new GapAckBlock(2, 5)), now);
    assertThat(transmit(path)).isEmpty();
    assertThat(counters.get(MibCounter.SCTP_FAST_RETRANSMITS)).isEqualTo(1);
  }

  @Test
  void missIndicationsCountOnlyBelowTheHighestNewlyAckedTsn() {
    queue(6, 100);
    transmit(path);
    sender.onSack(sack(TSN0 - 1, new GapAckBlock(3, 3)), now);
    // The same report again acknowledges nothing new: no miss indications.
    sender.onSack(sack(TSN0 - 1, new GapAckBlock(3, 3)), now);
    sender.onSack(sack(TSN0 - 1, new GapAckBlock(3, 3)), now);
    assertThat(sender.inFastRecovery()).isFalse();
  }

  @Test
  void aRenegedGapAckIsMissingAgainAndT3Runs() {
    queue(4, 100);
    transmit(path);
    sender.onSack(sack(TSN0 - 1, new GapAckBlock(2, 3)), now);
    path.t3().stop();
    sender.onSack(sack(TSN0 - 1), now);
    assertThat(path.t3().isRunning()).isTrue();
    assertThat(sender.unacknowledgedChunks()).isEqualTo(4);
  }

  @Test
  void aT3ExpiryCutsCwndBacksOffAndSendsTheChunksToTheAlternatePath() {
    queue(3, 100);
    transmit(path);
    long rto = path.rto().rto();
    now += rto;
    assertThat(sender.onT3Expired(path, now)).isTrue();
    assertThat(path.congestion().cwnd()).isEqualTo(path.pmdcs());
    assertThat(path.rto().rto()).isEqualTo(2 * rto);
    assertThat(path.flightSize()).isZero();
    assertThat(transmit(path)).isEmpty();
    assertThat(transmit(alternate)).extracting(DataChunk::tsn).containsExactly(TSN0, TSN0 + 1, TSN0 + 2);
    assertThat(alternate.flightSize()).as("flight size moved with the chunks").isEqualTo(3 * 116);
    assertThat(counters.get(MibCounter.SCTP_T3_RETRANSMITS)).isEqualTo(3);
  }

  @Test
  void aRemovedPathsChunksGoToTheTargetWithoutACongestionResponse() {
    queue(3, 100);
    transmit(path);
    long cwnd = path.congestion().cwnd();
    long rto = path.rto().rto();

    sender.pathRemoved(path, alternate);
    paths.remove(path, alternate);

    assertThat(path.flightSize()).isZero();
    assertThat(path.congestion().cwnd()).as("no T3 cut").isEqualTo(cwnd);
    assertThat(path.rto().rto()).as("no backoff").isEqualTo(rto);
    assertThat(transmit(alternate)).extracting(DataChunk::tsn)
        .containsExactly(TSN0, TSN0 + 1, TSN0 + 2);
    assertThat(alternate.flightSize()).isEqualTo(3 * 116);
    assertThat(sender.onSack(sack(TSN0 + 2), now)).isEqualTo(DataSender.SackResult.APPLIED);
    assertThat(sender.unacknowledgedChunks()).isZero();
    assertThat(alternate.flightSize()).isZero();
  }

  @Test
  void aStaleT3ExpiryWithNothingOutstandingChangesNothing() {
    assertThat(sender.onT3Expired(path, now)).isFalse();
    assertThat(path.rto().rto()).isEqualTo(1000 * MS);
  }

  @Test
  void noNewDataBeyondThePeersWindowButOneProbeWhenNothingIsInFlight() {
    sender = newSender(0);
    queue(3, 100);
    assertThat(transmit(path)).hasSize(1);
    assertThat(transmit(path)).isEmpty();
    sender.onSack(new SackChunk(TSN0 - 1, 0, List.of(), List.of()), now);
    assertThat(sender.peerWindowClosed()).isTrue();
    assertThat(transmit(path)).isEmpty();
    sender.onSack(new SackChunk(TSN0, 10_000, List.of(), List.of()), now);
    assertThat(transmit(path)).hasSize(2);
  }

  @Test
  void aProbeCountsAsAWindowProbeOnlyWhileTheLatestSackAnsweredItAndLeftNoRoomForIt() {
    queue(1, 100);
    assertThat(transmit(path)).hasSize(1);
    // A window of 44 bytes cannot take the outstanding 116-byte chunk.
    sender.onSack(new SackChunk(TSN0 - 1, 44, List.of(), List.of()), now);
    assertThat(sender.peerWindowClosed()).isTrue();
    // Retransmitted after T3 with no SACK since: a silent peer, a real failure.
    now += 1000 * MS;
    assertThat(sender.onT3Expired(path, now)).isTrue();
    assertThat(transmit(alternate)).hasSize(1);
    assertThat(sender.peerWindowClosed()).isFalse();
    // Answered again with a window still too small: a window probe again.
    now += 10 * MS;
    sender.onSack(new SackChunk(TSN0 - 1, 44, List.of(), List.of()), now);
    assertThat(sender.peerWindowClosed()).isTrue();
    // A window with room for the chunk: the probe was lost, not refused.
    sender.onSack(new SackChunk(TSN0 - 1, 10_000, List.of(), List.of()), now);
    assertThat(sender.peerWindowClosed()).isFalse();
  }

  @Test
  void nagleHoldsASmallMessageWhileDataIsInFlight() {
    settings.nodelay = false;
    queue(1, 100);
    assertThat(transmit(path)).hasSize(1);
    queue(1, 100);
    assertThat(transmit(path)).isEmpty();
    sender.onSack(sack(TSN0), now);
    assertThat(transmit(path)).hasSize(1);
  }

  @Test
  void theSendBufferLimitRefusesWithWouldBlockAndReportsWhenRoomReturns() {
    settings.sndbuf = 10_000;
    queue(1, 6000);
    assertThat(sender.send(new OutgoingMessage(0, 0, false, false, Bytes.wrap(new byte[6000]), 0, Long.MAX_VALUE)))
        .isEqualTo(SendOutcome.WOULD_BLOCK);
    while (sender.unacknowledgedChunks() > 0 || sender.queuedBytes() > 0) {
      List<DataChunk> sent = transmit(path);
      sender.onSack(sack(sent.get(sent.size() - 1).tsn()), now);
    }
    assertThat(events).anyMatch(e -> e instanceof org.jsctp.api.SendBufferAvailable);
  }

  @Test
  void aMessageTooBigForOneChunkIsRefusedWhenFragmentationIsDisabled() {
    settings.disableFragments = true;
    assertThat(sender.send(new OutgoingMessage(0, 0, false, false, Bytes.wrap(new byte[5000]), 0, Long.MAX_VALUE)))
        .isEqualTo(SendOutcome.MESSAGE_TOO_BIG);
    assertThat(sender.send(new OutgoingMessage(9, 0, false, false, Bytes.wrap(new byte[5]), 0, Long.MAX_VALUE)))
        .isEqualTo(SendOutcome.INVALID_STREAM);
  }

  @Test
  void failingTheAssociationReportsEverySentAndUnsentMessageWithItsData() {
    queue(3, 100);
    transmit(path);
    queue(2, 50);
    sender.failAll("test");
    List<SendFailed> failed = events.stream().filter(e -> e instanceof SendFailed).map(e -> (SendFailed) e).toList();
    assertThat(failed).hasSize(5);
    assertThat(failed).filteredOn(SendFailed::sent).hasSize(3);
    assertThat(failed).filteredOn(f -> !f.sent()).extracting(f -> f.data().length()).containsExactly(50, 50);
    assertThat(sender.bufferedAmount()).isZero();
  }

  @Test
  void anUnsentMessageWhoseLifetimeExpiredIsReportedInsteadOfSent() {
    sender.send(new OutgoingMessage(0, 0, false, false, Bytes.wrap(new byte[10]), 7, now - 1));
    assertThat(transmit(path)).isEmpty();
    assertThat(events).anyMatch(e -> e instanceof SendFailed f && !f.sent() && f.context() == 7);
  }

  @Test
  void theLastChunkBeforeTheSenderStallsOnAFullSendBufferAsksForAnImmediateSack() {
    settings.sndbuf = 4096;
    queue(1, 3000);
    assertThat(sender.send(new OutgoingMessage(0, 0, false, false, Bytes.wrap(new byte[3000]), 0, Long.MAX_VALUE)))
        .isEqualTo(SendOutcome.WOULD_BLOCK);
    List<DataChunk> sent = transmit(path);
    assertThat(sent).hasSize(3);
    assertThat(sent.get(0).immediate()).isFalse();
    assertThat(sent.get(2).immediate()).as("I bit on the last chunk (RFC 7053)").isTrue();
  }

  @Test
  void theLastChunkThePeersWindowTakesAsksForAnImmediateSack() {
    sender = newSender(3000);
    queue(3, 1400);
    List<DataChunk> sent = transmit(path);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).immediate()).isTrue();
    assertThat(sent.get(0).immediate()).isFalse();
  }

  @Test
  void noImmediateSackIsAskedForWhileTheSenderCanGoOn() {
    queue(3, 100);
    assertThat(transmit(path)).noneMatch(DataChunk::immediate);
  }

  // ---- stream schedulers (RFC 8260 section 3) ----------------------------------------------

  /** A 1 MiB message on stream 0, then 100 bytes on stream 1, on an I-DATA association. */
  List<List<UserDataChunk>> sendSmallBehindLarge(StreamSchedulerKind kind) {
    settings.sndbuf = 4 << 20;
    sender = newSender(4 << 20, false, true);
    sender.streams().setScheduler(kind);
    assertThat(sender.send(new OutgoingMessage(0, 0, false, false, Bytes.wrap(new byte[1 << 20]), 1, Long.MAX_VALUE)))
        .isEqualTo(SendOutcome.ACCEPTED);
    assertThat(sender.send(new OutgoingMessage(1, 0, false, false, Bytes.wrap(new byte[100]), 2, Long.MAX_VALUE)))
        .isEqualTo(SendOutcome.ACCEPTED);
    return transmitPackets(path);
  }

  @Test
  void withIDataRoundRobinSendsASmallMessageBehindALargeOneInTheFirstPackets_rfc8260_3_2() {
    List<List<UserDataChunk>> packets = sendSmallBehindLarge(StreamSchedulerKind.ROUND_ROBIN);

    assertThat(packets).hasSizeGreaterThan(1);
    assertThat(packets.get(0)).extracting(UserDataChunk::streamId).containsOnly(0);
    UserDataChunk small = packets.get(1).get(0);
    assertThat(small.streamId()).isEqualTo(1);
    assertThat(small.beginning() && small.ending()).isTrue();
    assertThat(small.userData().length()).isEqualTo(100);
    assertThat(sender.queuedBytes()).as("nearly all of the large message still waits")
        .isGreaterThan((1 << 20) - 10_000);
  }

  @Test
  void withIDataFirstComeFirstServedHoldsTheSmallMessageBehindTheLargeOne_rfc8260_3_1() {
    List<List<UserDataChunk>> packets = sendSmallBehindLarge(StreamSchedulerKind.FIRST_COME_FIRST_SERVED);

    assertThat(packets).isNotEmpty();
    assertThat(packets).allSatisfy(p -> assertThat(p).extracting(UserDataChunk::streamId).containsOnly(0));
    assertThat(sender.queuedMessages()).isEqualTo(2);
  }

  @Test
  void theStreamSchedulerAndItsValuesAreCheckedAndKeptPerStream_rfc8260_4_3() {
    assertThat(sender.streams().scheduler()).isEqualTo(StreamSchedulerKind.FIRST_COME_FIRST_SERVED);
    assertThatThrownBy(() -> sender.streams().setScheduler(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCTP_STREAM_SCHEDULER");
    assertThatThrownBy(() -> sender.streams().setSchedulerValue(4, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream 4 is out of range 0..3");
    assertThatThrownBy(() -> sender.streams().setSchedulerValue(-1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sender.streams().setSchedulerValue(0, 65_536))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range 0..65535");
    assertThatThrownBy(() -> sender.streams().schedulerValue(4))
        .isInstanceOf(IllegalArgumentException.class);

    sender.streams().setScheduler(StreamSchedulerKind.PRIORITY);
    sender.streams().setSchedulerValue(3, 65_535);
    assertThat(sender.streams().schedulerValue(3)).isEqualTo(65_535);
    assertThat(sender.streams().schedulerValue(2)).isZero();

    sender.streams().setScheduler(StreamSchedulerKind.WEIGHTED_FAIR_QUEUEING);
    assertThat(sender.streams().scheduler()).isEqualTo(StreamSchedulerKind.WEIGHTED_FAIR_QUEUEING);
    assertThat(sender.streams().schedulerValue(2)).isEqualTo(1);
    assertThat(sender.streams().schedulerValue(3)).isEqualTo(65_535);
    assertThatThrownBy(() -> sender.streams().setSchedulerValue(2, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..65535");
  }
}
