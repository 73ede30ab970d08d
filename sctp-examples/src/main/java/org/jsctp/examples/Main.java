package org.jsctp.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the examples jar: one subcommand per tool.
 *
 * <p>Bad arguments print a clear message and exit with code 2 (picocli's usage-error code).
 */
@Command(
    name = "sctp-examples",
    mixinStandardHelpOptions = true,
    version = "jsctp examples 0.1.0",
    description =
        "jsctp example tools: echo server and client, throughput tools, head-of-line benchmark,"
            + " failover demo, standby takeover (ha-echo-server, ha-demo).",
    subcommands = {
      CommandLine.HelpCommand.class,
      EchoServerCommand.class,
      EchoClientCommand.class,
      TputServerCommand.class,
      TputClientCommand.class,
      ScaleClientCommand.class,
      HolCommand.class,
      DemoCommand.class,
      HaEchoServerCommand.class,
      HaDemoCommand.class,
      HaBenchCommand.class,
      AotTrainingCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the tool and returns its exit code: 0 success, 1 failure, 2 bad arguments. */
  static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
