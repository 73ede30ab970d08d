package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

class SimulatorExtensionTest {

  private static final String FIXTURE_PROPERTY = "sim.extension.fixture";
  private static final InetAddress A = SimAddresses.v4("10.0.0.1");
  private static final InetAddress B = SimAddresses.v4("10.0.0.2");

  @TempDir Path dir;

  @Test
  void aFailingTestGetsItsCaptureAndTraceWrittenAndThePathAndSeedPrinted() throws IOException {
    Run run = launch(FailingFixture.class);

    assertThat(run.summary.getTotalFailureCount()).isEqualTo(1);
    Path pcap = dir.resolve("SimulatorExtensionTest$FailingFixture/failsAfterSomeTraffic.pcap");
    assertThat(PcapFile.parse(Files.readAllBytes(pcap)).packets).hasSize(2);
    assertThat(pcap.resolveSibling("failsAfterSomeTraffic.trace.txt")).content().contains("HEARTBEAT_ACK");
    assertThat(run.output)
        .contains("SimulatorExtensionTest$FailingFixture.failsAfterSomeTraffic sim.seed=777")
        .contains("FAILED")
        .contains(pcap.toAbsolutePath().toString())
        .contains("-Dsim.seed=777")
        .contains("-d udp.port==9899,sctp");
  }

  @Test
  void aPassingTestWritesNoCaptureUnlessItAsksForOne() {
    Run run = launch(PassingFixture.class);

    assertThat(run.summary.getTestsSucceededCount()).isEqualTo(2);
    Path classDir = dir.resolve("SimulatorExtensionTest$PassingFixture");
    assertThat(classDir.resolve("passesQuietly.pcap")).doesNotExist();
    assertThat(classDir.resolve("passesWithCapture.pcap")).exists();
  }

  @Test
  void aFailingSoakGetsTheCaptureOfItsFailingSeed() {
    Run run = launch(SoakFixture.class, false);

    assertThat(run.summary.getTotalFailureCount()).isEqualTo(1);
    long failingSeed = SeedSoak.seeds(99, 3).get(1);
    assertThat(dir.resolve("SimulatorExtensionTest$SoakFixture/soakFailsAtTheSecondSeed-seed-" + failingSeed + ".pcap"))
        .exists();
    assertThat(run.output).contains("soak over 3 seeds from base 99");
  }

  @Test
  void theTestAndItsBeforeEachShareOneSimulator() {
    Run run = launch(SharedFixture.class);

    assertThat(run.summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(run.summary.getTotalFailureCount()).isZero();
  }

  private Run launch(Class<?> fixture) {
    return launch(fixture, true);
  }

  private Run launch(Class<?> fixture, boolean fixSeed) {
    Map<String, String> properties = new HashMap<>();
    properties.put(FIXTURE_PROPERTY, "true");
    properties.put(SimulatorExtension.PCAP_DIR_PROPERTY, dir.toString());
    properties.put(SimSeed.PROPERTY, fixSeed ? "777" : null);
    properties.put(SeedSoak.BASE_PROPERTY, "99");
    Map<String, String> saved = new HashMap<>();
    properties.keySet().forEach(k -> saved.put(k, System.getProperty(k)));
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      properties.forEach(SimulatorExtensionTest::setProperty);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      LauncherFactory.create().execute(
          LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(), listener);
      return new Run(listener.getSummary(), captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      saved.forEach(SimulatorExtensionTest::setProperty);
    }
  }

  private static void setProperty(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  private record Run(TestExecutionSummary summary, String output) {}

  private static void exchangeHeartbeat(Simulator sim) {
    EchoStack a = new EchoStack(A);
    sim.attach("a", a);
    sim.attach("b", new EchoStack(B));
    a.send(A, B, ToyPackets.packet(1, ChunkType.HEARTBEAT));
    sim.runUntilIdle(SimTime.seconds(1));
  }

  private static void assumeLaunchedByTheTest() {
    assumeTrue(Boolean.getBoolean(FIXTURE_PROPERTY), "fixture, run only by SimulatorExtensionTest");
  }

  @ExtendWith(SimulatorExtension.class)
  static final class FailingFixture {
    @Test
    void failsAfterSomeTraffic(Simulator sim) {
      assumeLaunchedByTheTest();
      exchangeHeartbeat(sim);
      fail("on purpose");
    }
  }

  @ExtendWith(SimulatorExtension.class)
  static final class PassingFixture {
    @Test
    void passesQuietly(Simulator sim) {
      assumeLaunchedByTheTest();
      exchangeHeartbeat(sim);
    }

    @Test
    @WritePcap
    void passesWithCapture(Simulator sim) {
      assumeLaunchedByTheTest();
      exchangeHeartbeat(sim);
    }
  }

  @ExtendWith(SimulatorExtension.class)
  static final class SoakFixture {
    @Test
    void soakFailsAtTheSecondSeed() {
      assumeLaunchedByTheTest();
      long failing = SeedSoak.seeds(99, 3).get(1);
      SeedSoak.run(3, sim -> {
        exchangeHeartbeat(sim);
        assertThat(sim.seed()).isNotEqualTo(failing);
      });
    }
  }

  @ExtendWith(SimulatorExtension.class)
  static final class SharedFixture {
    private Simulator fromBeforeEach;

    @BeforeEach
    void setUp(Simulator sim) {
      fromBeforeEach = sim;
    }

    @Test
    void seesTheSameSimulator(Simulator sim) {
      assumeLaunchedByTheTest();
      assertThat(sim).isSameAs(fromBeforeEach);
    }
  }
}
