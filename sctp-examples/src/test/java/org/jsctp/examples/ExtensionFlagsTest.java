package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.PrPolicy;
import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.netty.option.PrInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The echo tools' extension flags: what they set, and the usage errors (exit code 2). */
class ExtensionFlagsTest {

  static ExtensionSettings clientSettings(String... flags) {
    EchoClientCommand client = parse(new EchoClientCommand(), "--remote", flags);
    return client.extensionFlags.settings();
  }

  static ExtensionSettings serverSettings(String... flags) {
    EchoServerCommand server = parse(new EchoServerCommand(), "--local", flags);
    return server.extensionFlags.settings();
  }

  /** Parses {@code flags} into {@code command}, after its one required option with 127.0.0.1. */
  static <T> T parse(T command, String required, String... flags) {
    List<String> args = new ArrayList<>(List.of(required, "127.0.0.1"));
    args.addAll(List.of(flags));
    new CommandLine(command).parseArgs(args.toArray(new String[0]));
    return command;
  }

  /** Runs the tool in-process; answers its exit code and what it printed on stderr. */
  record Run(int exitCode, String err) {}

  static Run run(String... args) {
    StringWriter err = new StringWriter();
    int code = new CommandLine(new Main()).setErr(new PrintWriter(err, true)).execute(args);
    return new Run(code, err.toString());
  }

  @Test
  void withoutFlagsNothingIsAskedFor() {
    assertThat(clientSettings()).isEqualTo(ExtensionSettings.DEFAULTS);
    assertThat(clientSettings().any()).isFalse();
    assertThat(serverSettings()).isEqualTo(ExtensionSettings.DEFAULTS);
  }

  @Test
  void idataAndASchedulerOnTheClient() {
    ExtensionSettings s = clientSettings("--idata", "--scheduler", "rr");

    assertThat(s).isEqualTo(new ExtensionSettings(false, null, true, StreamSchedulerKind.ROUND_ROBIN));
    assertThat(s.prPolicy()).isFalse();
  }

  @Test
  void eachPolicyFlagSetsTheDefaultPrInfo() {
    assertThat(clientSettings("--pr-ttl", "250").prInfo()).isEqualTo(new PrInfo(PrPolicy.TTL, 250));
    assertThat(clientSettings("--pr-rtx", "0").prInfo()).isEqualTo(new PrInfo(PrPolicy.RTX, 0));
    assertThat(serverSettings("--pr-prio", "3").prInfo()).isEqualTo(new PrInfo(PrPolicy.PRIO, 3));
    assertThat(serverSettings("--no-pr"))
        .isEqualTo(new ExtensionSettings(true, null, false, null));
  }

  @ParameterizedTest
  @CsvSource({
    "fcfs, FIRST_COME_FIRST_SERVED",
    "rr, ROUND_ROBIN",
    "rr-packet, ROUND_ROBIN_PER_PACKET",
    "prio, PRIORITY",
    "fb, FAIR_BANDWIDTH",
    "wfq, WEIGHTED_FAIR_QUEUEING"
  })
  void everySchedulerHasAShortName(String name, StreamSchedulerKind kind) {
    assertThat(serverSettings("--scheduler", name).scheduler()).isEqualTo(kind);
    assertThat(SchedulerNames.nameOf(kind)).isEqualTo(name);
  }

  @Test
  void anUnknownSchedulerIsAUsageErrorThatListsTheNames() {
    Run run = run("echo-client", "--remote", "127.0.0.1", "--scheduler", "fifo");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--scheduler").contains("expected one of fcfs, rr, rr-packet, prio, fb, wfq");
  }

  @ParameterizedTest
  @ValueSource(strings = {"echo-client", "echo-server"})
  void badPolicyValuesAreUsageErrors(String tool) {
    String where = tool.equals("echo-client") ? "--remote" : "--local";

    Run zeroTtl = run(tool, where, "127.0.0.1", "--pr-ttl", "0");
    Run negativeRtx = run(tool, where, "127.0.0.1", "--pr-rtx", "-1");
    Run hugePrio = run(tool, where, "127.0.0.1", "--pr-prio", "4294967296");
    Run two = run(tool, where, "127.0.0.1", "--pr-ttl", "100", "--pr-rtx", "2");
    Run offAndOn = run(tool, where, "127.0.0.1", "--no-pr", "--pr-prio", "1");

    assertThat(zeroTtl.exitCode()).isEqualTo(2);
    assertThat(zeroTtl.err()).contains("--pr-ttl must be 1..2147483647, got 0");
    assertThat(negativeRtx.exitCode()).isEqualTo(2);
    assertThat(negativeRtx.err()).contains("--pr-rtx must be 0..2147483647, got -1");
    assertThat(hugePrio.exitCode()).isEqualTo(2);
    assertThat(hugePrio.err()).contains("--pr-prio must be 0..2147483647");
    assertThat(two.exitCode()).isEqualTo(2);
    assertThat(two.err()).contains("--pr-ttl, --pr-rtx and --pr-prio exclude each other");
    assertThat(offAndOn.exitCode()).isEqualTo(2);
    assertThat(offAndOn.err()).contains("--no-pr excludes");
  }

  @Test
  void theHelpShowsTheFlags() {
    StringWriter out = new StringWriter();
    new CommandLine(new Main()).setOut(new PrintWriter(out, true)).execute("echo-client", "--help");

    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("--pr-ttl=MS", "--pr-rtx=N", "--pr-prio=N", "--no-pr", "--idata")
        .contains("--scheduler=NAME")
        .contains("fcfs, rr, rr-packet, prio, fb, wfq");
  }
}
