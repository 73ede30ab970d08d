package org.jsctp.examples;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.config.StackConfig;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.Transport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every tool but the demo shares: stack settings, PF exposure, verbosity, transport.
 */
final class StackOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--sysctl",
      paramLabel = "net.sctp.KEY=VALUE",
      description =
          "A stack setting in the Linux sysctl vocabulary (repeatable), e.g. net.sctp.rto_min=200.")
  List<String> sysctl = new ArrayList<>();

  @Option(
      names = "--expose-pf",
      description = "Report potentially-failed paths (SCTP_EXPOSE_POTENTIALLY_FAILED_STATE).")
  boolean exposePf;

  @Option(names = "--verbose", description = "Log the stack's debug messages.")
  boolean verbose;

  @Option(
      names = "--transport",
      paramLabel = "AUTO|EPOLL|NIO",
      description =
          "The UDP transport: EPOLL (Linux; sendmmsg, and UDP GSO and GRO with --udp-offload), NIO"
              + " (everywhere), or AUTO (default: epoll where it works, NIO otherwise).")
  Transport transport = Transport.AUTO;

  @Option(
      names = "--udp-offload",
      description =
          "On epoll, send runs of same-sized packets as one UDP GSO send and read with UDP GRO"
              + " (a capture on this host then shows each run as one oversized datagram).")
  boolean udpOffload;

  /** Switches debug logging on when asked; call before any logger is created. */
  void configureLogging() {
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    if (verbose) {
      System.setProperty("org.slf4j.simpleLogger.log.org.jsctp", "debug");
    }
  }

  /**
   * The stack configuration from the --sysctl settings.
   *
   * @throws ParameterException (exit code 2) naming the bad setting
   */
  StackConfig config() {
    StackConfig.Builder b = StackConfig.builder();
    for (String s : sysctl) {
      try {
        b.sysctl(s);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--sysctl " + s + ": " + e.getMessage());
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--sysctl: " + e.getMessage());
    }
  }

  /** A stack with the --sysctl settings, its threads named "echo". */
  SctpStack stack() {
    return stack("echo");
  }

  /** A stack with the --sysctl settings, its threads named {@code threadName}. */
  SctpStack stack(String threadName) {
    try {
      return SctpStack.builder()
          .config(config())
          .transport(transport)
          .udpOffload(udpOffload)
          .threadName(threadName)
          .build();
    } catch (IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), "--transport " + transport + ": " + e.getMessage());
    }
  }
}
