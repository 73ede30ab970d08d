package org.jsctp.testkit.sim;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension for simulated tests: injects a {@link Simulator} parameter seeded from {@code
 * -Dsim.seed}, or from the test's name so that every run is the same ({@code -Dsim.seed=random}
 * for a fresh one), and prints the seed, and when the test fails writes the run's capture
 * to {@code target/sim-pcap/<TestClass>/<test>.pcap} plus a {@code .trace.txt} beside it, and
 * prints their path and the seed. {@link WritePcap} asks for the capture on success too. A
 * failing {@link SeedSoak} (or a {@link SimulationFailure} of another simulator) gets its own
 * capture, named after its seed. {@code -Dsim.pcap.dir} moves the directory.
 *
 * <p>The simulator is shared by the test method and its {@code @BeforeEach} methods.
 */
public final class SimulatorExtension implements ParameterResolver, AfterTestExecutionCallback {

  /** The extension as JUnit creates it for {@code @ExtendWith(SimulatorExtension.class)}. */
  public SimulatorExtension() {}


  /** System property naming the directory for captures. */
  public static final String PCAP_DIR_PROPERTY = "sim.pcap.dir";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SimulatorExtension.class);
  private static final String KEY = "simulator";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Simulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).computeIfAbsent(KEY, k -> create(context), Simulator.class);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    Simulator injected = context.getStore(NAMESPACE).get(KEY, Simulator.class);
    Optional<Throwable> failure = context.getExecutionException();
    failure.ifPresent(f -> writeOtherSimulator(context, f, injected));
    WritePcap request = requested(context);
    if (injected != null && (failure.isPresent() || request != null)) {
      CapturePoint point = request != null ? request.value() : CapturePoint.SENDER;
      report(context, injected, write(context, testName(context), injected, point), failure.isPresent());
    }
  }

  private static Simulator create(ExtensionContext context) {
    long seed = SimSeed.resolve(context.getRequiredTestClass().getName() + "." + testName(context));
    System.out.println("[sim] " + context.getRequiredTestClass().getSimpleName() + "."
        + testName(context) + " " + SimSeed.describe(seed));
    return Simulator.withSeed(seed);
  }

  private static void writeOtherSimulator(ExtensionContext context, Throwable failure, Simulator injected) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      Simulator failed = t instanceof SoakFailure soak ? soak.simulator()
          : t instanceof SimulationFailure sim ? sim.simulator() : null;
      if (failed != null && failed != injected) {
        String name = testName(context) + "-seed-" + failed.seed();
        report(context, failed, write(context, name, failed, CapturePoint.SENDER), true);
        return;
      }
    }
  }

  private static Path write(ExtensionContext context, String name, Simulator simulator, CapturePoint point) {
    Path directory = Path.of(System.getProperty(PCAP_DIR_PROPERTY, "target/sim-pcap"))
        .resolve(sanitize(className(context)));
    Path pcap = directory.resolve(name + ".pcap");
    simulator.writePcap(pcap, point);
    simulator.trace().writeText(directory.resolve(name + ".trace.txt"));
    return pcap;
  }

  private static void report(ExtensionContext context, Simulator simulator, Path pcap, boolean failed) {
    System.out.println("[sim] " + (failed ? "FAILED " : "") + className(context) + "."
        + testName(context) + " " + SimSeed.describe(simulator.seed()) + " pcap: "
        + pcap.toAbsolutePath() + " (decode with: tshark -r " + pcap.toAbsolutePath()
        + udpPortHint(simulator) + ")");
  }

  private static String udpPortHint(Simulator simulator) {
    StringBuilder hint = new StringBuilder();
    simulator.hosts().stream().map(SimHost::udpPort).distinct().sorted()
        .forEach(port -> hint.append(" -d udp.port==").append(port).append(",sctp"));
    return hint.toString();
  }

  private static WritePcap requested(ExtensionContext context) {
    WritePcap onMethod = annotation(context.getTestMethod().orElse(null));
    return onMethod != null ? onMethod : annotation(context.getTestClass().orElse(null));
  }

  private static WritePcap annotation(AnnotatedElement element) {
    return element == null ? null : element.getAnnotation(WritePcap.class);
  }

  private static String className(ExtensionContext context) {
    String name = context.getRequiredTestClass().getName();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String testName(ExtensionContext context) {
    String method = context.getTestMethod().map(Method::getName).orElse("class");
    boolean invocation = context.getParent().flatMap(ExtensionContext::getTestMethod).isPresent();
    return invocation ? method + "-" + sanitize(context.getDisplayName()) : method;
  }

  private static String sanitize(String text) {
    return text.replaceAll("[^A-Za-z0-9._$-]+", "_");
  }
}
