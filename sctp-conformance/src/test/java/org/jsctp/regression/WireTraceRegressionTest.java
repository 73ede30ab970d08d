package org.jsctp.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.sim.DatagramRecord;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimHost;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.MultihomedPair;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.Workload;
import org.jsctp.api.SendOutcome;
import org.junit.jupiter.api.Test;

/**
 * Refactorings must not change what goes on the wire. Fixed scenarios with fixed seeds
 * (handshake, bulk transfer with loss, failover with pf_retrans 0, graceful shutdown, peer
 * restart, all without path MTU discovery; and a path MTU that drops mid-transfer, with it) are
 * run in the simulator, and every datagram's fate, virtual time to the nanosecond,
 * addresses, size, chunk types and a SHA-256 digest of its bytes are compared with the trace
 * recorded in {@code src/test/resources/org/jsctp/regression/}.
 *
 * <p>A change of behaviour that is meant (a protocol fix, a new parameter in INIT) re-records the
 * traces with {@code mvn -pl sctp-conformance -am test -Dtest=WireTraceRegressionTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtraces.record=true}
 * and says why in its commit. On a mismatch the current trace is written next to the test's
 * output ({@code target/trace-regression/}) with the first differing line in the failure.
 */
class WireTraceRegressionTest {

  private static final String RECORD_PROPERTY = "traces.record";
  private static final Path RESOURCES = Path.of("src/test/resources/org/jsctp/regression");
  private static final Path OUTPUT = Path.of("target/trace-regression");

  private static final InetAddress A = SimAddresses.v4("10.0.0.1");
  private static final InetAddress B = SimAddresses.v4("10.0.0.2");
  private static final long MS = SimTime.millis(1);
  private static final long S = SimTime.seconds(1);

  @Test
  void handshakeAndIdleHeartbeats() {
    Simulator sim = Simulator.withSeed(101);
    sim.defaultProfile(LinkProfile.DEFAULT.withLatency(5 * MS));
    Pair p = pair(sim, withoutPlpmtud().build());
    sim.runFor(70 * S);
    assertThat(p.server.hasEvent(AssociationChange.Kind.COMM_UP)).isTrue();

    assertMatchesRecorded("handshake", sim);
  }

  @Test
  void bulkTransferWithLossReorderingAndDuplication() {
    Simulator sim = Simulator.withSeed(202);
    sim.defaultProfile(LinkProfile.DEFAULT
        .withLatency(10 * MS).withJitter(2 * MS).withBandwidth(20_000_000L)
        .withQueueLimit(200_000).withLoss(0.03).withDuplication(0.01));
    Pair p = pair(sim, withoutPlpmtud().set(Sysctl.RTO_MIN, 200).set(Sysctl.RTO_INITIAL, 500).build());
    Workload work = new Workload(sim.random("workload"), 300, 40_000, 4, 0.2);
    long limit = sim.now() + 120 * S;
    while (!work.complete(p.server.received(p.serverAssociationId)) && sim.now() < limit) {
      work.pump(p.client, p.a, sim.now());
      sim.runFor(5 * MS);
    }
    sim.runFor(S);
    work.verify(p.server.received(p.serverAssociationId));

    assertMatchesRecorded("bulk-with-loss", sim);
  }

  @Test
  void failoverWithPfRetransZero() {
    Simulator sim = Simulator.withSeed(303);
    sim.defaultProfile(LinkProfile.DEFAULT.withLatency(5 * MS));
    StackConfig pf0 = withoutPlpmtud().pfRetrans(0).build();
    MultihomedPair pair = new MultihomedPair(sim, pf0, pf0, 2);
    Stream stream = new Stream(pair.client, pair.a, 50 * MS, 200);
    stream.runUntil(sim, sim.now() + 2 * S);
    pair.blackhole(1, true);
    stream.runUntil(sim, sim.now() + 8 * S);
    pair.blackhole(1, false);
    stream.runUntil(sim, sim.now() + 10 * S);
    assertThat(pair.client.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();

    assertMatchesRecorded("failover-pf0", sim);
  }

  @Test
  void gracefulShutdownWithDataOutstanding() {
    Simulator sim = Simulator.withSeed(404);
    sim.defaultProfile(LinkProfile.DEFAULT.withLatency(5 * MS).withLoss(0.05));
    Pair p = pair(sim, withoutPlpmtud().set(Sysctl.RTO_MIN, 200).build());
    for (int i = 0; i < 30; i++) {
      assertThat(p.client.send(sim.now(), p.a, i % 3, new byte[300 + 100 * i], false))
          .isEqualTo(SendOutcome.ACCEPTED);
    }
    p.a.shutdown(sim.now());
    sim.runUntil("shut down", () -> p.client.hasEvent(AssociationChange.Kind.SHUTDOWN_COMP), 60 * S);
    sim.runFor(S);
    assertThat(p.server.received(p.serverAssociationId)).hasSize(30);

    assertMatchesRecorded("shutdown", sim);
  }

  @Test
  void peerRestartWithTheSameAddresses() {
    Simulator sim = Simulator.withSeed(505);
    sim.defaultProfile(LinkProfile.DEFAULT.withLatency(5 * MS));
    StackConfig config = withoutPlpmtud().build();
    Pair p = pair(sim, config);
    Stream before = new Stream(p.client, p.a, 20 * MS, 100);
    before.runUntil(sim, sim.now() + S);

    sim.detach(p.clientHost);
    SimEndpoint reborn = new SimEndpoint(config, sim.random("client-after-restart"), 9899, A);
    sim.attach("client-after-restart", reborn);
    SctpAssociation again = reborn.connect(sim.now(), 9899, B);
    sim.runUntil("up again", () -> reborn.hasEvent(AssociationChange.Kind.COMM_UP), 30 * S);
    new Stream(reborn, again, 20 * MS, 100).runUntil(sim, sim.now() + S);
    sim.runFor(2 * S);
    assertThat(p.server.hasEvent(AssociationChange.Kind.RESTART)).isTrue();

    assertMatchesRecorded("restart", sim);
  }

  @Test
  void pathMtuDiscoveryMeetsATunnelOf1280MidTransfer() {
    // PLPMTUD on (the default): BASE probe and search to 1500 at COMM_UP; messages of 3000
    // bytes once a second; at 3 s the path shrinks to 1280 without ICMP. T3-rtx makes the
    // search confirm 1500, three lost probes make it a black hole: back to BASE, the chunks in
    // flight go again as fragmentable packets, and the search finds 1280.
    Simulator sim = Simulator.withSeed(606);
    sim.defaultProfile(LinkProfile.DEFAULT.withLatency(5 * MS));
    Pair p = pair(sim, StackConfig.builder().build());
    Stream stream = new Stream(p.client, p.a, S, 3000);
    stream.runUntil(sim, sim.now() + 3 * S);
    sim.link(A, B).update(l -> l.withMtu(1280));
    sim.link(B, A).update(l -> l.withMtu(1280));
    stream.runUntil(sim, sim.now() + 90 * S);
    sim.runFor(S);
    assertThat(p.a.options().peerAddressInfo(B).mtu()).isEqualTo(1280);
    assertThat(p.server.received(p.serverAssociationId)).hasSize(93);

    assertMatchesRecorded("plpmtud-1500-to-1280", sim);
  }

  // ---- scenario helpers ------------------------------------------------------------------

  /**
   * The first five scenarios were recorded before path MTU discovery existed and run without it,
   * so that their traces still show that nothing else changed on the wire; PLPMTUD has its own.
   */
  private static StackConfig.Builder withoutPlpmtud() {
    return StackConfig.builder().set(Sysctl.PLPMTUD_PROBE_INTERVAL, 0);
  }

  private record Pair(SimEndpoint client, SimHost clientHost, SimEndpoint server, SctpAssociation a,
      int serverAssociationId) {}

  private static Pair pair(Simulator sim, StackConfig config) {
    SimEndpoint client = new SimEndpoint(config, sim.random("client"), 9899, A);
    SimEndpoint server = new SimEndpoint(config, sim.random("server"), 9899, B);
    server.endpoint().listen(true);
    SimHost clientHost = sim.attach("client", client);
    sim.attach("server", server);
    SctpAssociation a = client.connect(sim.now(), 9899, B);
    sim.runUntil("up", () -> client.hasEvent(AssociationChange.Kind.COMM_UP)
        && server.firstAssociation() != null, 30 * S);
    return new Pair(client, clientHost, server, a, server.firstAssociation().id());
  }

  /** Small messages at a fixed interval; a full send buffer makes the schedule slip. */
  private static final class Stream {
    private final SimEndpoint sender;
    private final SctpAssociation a;
    private final long interval;
    private final int size;
    private long next = Long.MIN_VALUE;
    private int count;

    Stream(SimEndpoint sender, SctpAssociation a, long interval, int size) {
      this.sender = sender;
      this.a = a;
      this.interval = interval;
      this.size = size;
    }

    void runUntil(Simulator sim, long until) {
      if (next == Long.MIN_VALUE) {
        next = sim.now();
      }
      while (sim.now() < until) {
        while (next <= sim.now()) {
          byte[] data = new byte[size];
          data[0] = (byte) count;
          data[1] = (byte) (count >> 8);
          if (sender.send(sim.now(), a, 0, data, false) != SendOutcome.ACCEPTED) {
            break;
          }
          count++;
          next += interval;
        }
        sim.runFor(Math.min(10 * MS, until - sim.now()));
      }
    }
  }

  // ---- trace comparison ------------------------------------------------------------------

  private static List<String> traceLines(Simulator sim) {
    List<String> lines = new ArrayList<>();
    lines.add("# seed " + sim.seed());
    for (DatagramRecord r : sim.trace().records()) {
      lines.add(r.line() + " sha256:" + digest(r.datagram().packet()));
    }
    return lines;
  }

  private static String digest(byte[] packet) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(packet);
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void assertMatchesRecorded(String name, Simulator sim) {
    List<String> actual = traceLines(sim);
    String file = name + ".trace";
    if (Boolean.getBoolean(RECORD_PROPERTY)) {
      write(RESOURCES.resolve(file), actual);
      return;
    }
    List<String> expected = readRecorded(file);
    int first = firstDifference(expected, actual);
    if (first >= 0) {
      Path written = write(OUTPUT.resolve(file), actual);
      fail("trace %s differs from the recorded one at line %d (current trace in %s):%n"
              + "  recorded: %s%n  current:  %s",
          name, first + 1, written.toAbsolutePath(),
          first < expected.size() ? expected.get(first) : "<end>",
          first < actual.size() ? actual.get(first) : "<end>");
    }
    assertThat(actual).hasSizeGreaterThan(10);
  }

  private static int firstDifference(List<String> expected, List<String> actual) {
    int n = Math.min(expected.size(), actual.size());
    for (int i = 0; i < n; i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        return i;
      }
    }
    return expected.size() == actual.size() ? -1 : n;
  }

  private List<String> readRecorded(String file) {
    try (InputStream in = getClass().getResourceAsStream(file)) {
      if (in == null) {
        throw new AssertionError("no recorded trace " + file + "; record it with -D" + RECORD_PROPERTY + "=true");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  private static Path write(Path file, List<String> lines) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot write " + file, e);
    }
  }
}
