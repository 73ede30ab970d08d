package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** Runs {@code ha-demo} in this JVM and reads its timeline and summary. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HaDemoTest {

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new Main()).setOut(new PrintWriter(out));
    int code = cmd.execute(args);
    String text = out.toString();
    assertThat(code).as(text).isZero();
    return text;
  }

  private static Matcher summary(String text) {
    Matcher m =
        Pattern.compile(
                "SUMMARY sent=(\\d+) echoed=(\\d+) lost=(\\d+) duplicates=(\\d+) flagged=(\\d+)"
                    + " gap_ms=(-?\\d+) comm_lost=(\\d+) takeovers=(\\d+)")
            .matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m;
  }

  @Test
  void theStandbyTakesOverAndThePeerLosesNothingAndGetsNoEchoTwice() {
    String text = run("ha-demo", "--duration", "4", "--kill-at", "2");

    Matcher m = summary(text);
    assertThat(Long.parseLong(m.group(1))).as("requests sent").isPositive();
    assertThat(m.group(2)).as("echoed").isEqualTo(m.group(1));
    assertThat(m.group(3)).as("lost").isEqualTo("0");
    assertThat(m.group(4)).as("duplicates").isEqualTo("0");
    assertThat(m.group(7)).as("COMM_LOST at the peer").isEqualTo("0");
    assertThat(m.group(8)).as("takeovers").isEqualTo("1");
    assertThat(text).contains("KILL", "TAKEOVER", "standby accepted association");
  }

  @Test
  void theJGroupsReplicatorTakesOverToo() {
    Matcher m = summary(run("ha-demo", "--replicator", "jgroups", "--duration", "4",
        "--kill-at", "2"));

    assertThat(m.group(3)).as("lost").isEqualTo("0");
    assertThat(m.group(4)).as("duplicates").isEqualTo("0");
    assertThat(m.group(8)).as("takeovers").isEqualTo("1");
  }

  @Test
  void aReplicatorThatDoesNotExistIsRefused() {
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new Main())
            .setErr(new PrintWriter(err))
            .execute("ha-demo", "--replicator", "carrier-pigeon");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--replicator must be memory or jgroups");
  }
}
