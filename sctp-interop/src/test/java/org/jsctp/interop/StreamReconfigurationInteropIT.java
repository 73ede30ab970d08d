package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.interop.CaptureReport.ABORT;
import static org.jsctp.interop.CaptureReport.ADD_INCOMING_STREAMS_REQUEST;
import static org.jsctp.interop.CaptureReport.ADD_OUTGOING_STREAMS_REQUEST;
import static org.jsctp.interop.CaptureReport.INCOMING_SSN_RESET_REQUEST;
import static org.jsctp.interop.CaptureReport.OUTGOING_SSN_RESET_REQUEST;
import static org.jsctp.interop.CaptureReport.RESULT_IN_PROGRESS;
import static org.jsctp.interop.CaptureReport.RESULT_PERFORMED;
import static org.jsctp.interop.CaptureReport.SSN_TSN_RESET_REQUEST;
import static org.jsctp.interop.ExtensionHosts.A_UDP;
import static org.jsctp.interop.ExtensionHosts.B_UDP;
import static org.jsctp.interop.ExtensionHosts.STREAMS;
import static org.jsctp.interop.Topology.addrA;
import static org.jsctp.interop.Topology.addrB;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stream reconfiguration (RFC 6525) against usrsctp in the middle of a transfer, started by each
 * side: after 50 of 300 messages were echoed, jsctp ({@link ExtensionEchoClient}, host a) or
 * usrsctp (mhpeer server, host b, {@code sctp_reconfig_enable}, SCTP_RECONFIG_SUPPORTED and
 * SCTP_ENABLE_STREAM_RESET with every request allowed) resets all its outgoing streams, asks the
 * peer to reset its outgoing streams, or adds two streams each way, while the messages keep flowing
 * on 4 streams; or jsctp resets the association's TSNs and SSNs (an SSN/TSN Reset Request) at a
 * pause with nothing in flight (see {@link ExtensionEchoClient}). Each run must show the request
 * and the response parameters in the capture (every result Performed or In progress), the stream
 * reset, association reset or stream change events on both sides, the stream sequence numbers of
 * the reset streams starting again at 0 right after the reset (for an association reset both ways,
 * with the TSNs the Response announced), the added streams carrying messages both ways, and every
 * message echoed intact.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StreamReconfigurationInteropIT {

  static final int COUNT = 300;
  static final int AFTER = 50;

  private static final Pattern RESET_EVENT =
      Pattern.compile("stream-reset (?:assoc \\d+ )?flags=([A-Z ]*)streams=");
  private static final Pattern ASSOC_RESET_EVENT =
      Pattern.compile("assoc-reset (?:assoc \\d+ )?flags=([A-Z ]*)local_tsn=");
  private static final Pattern CHANGE_EVENT =
      Pattern.compile("stream-change (?:assoc \\d+ )?in=(\\d+) out=(\\d+) flags=([A-Z ]*)");

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    dir = Env.testDir(info);
  }

  @ParameterizedTest(name = "{0} started by {1}")
  @CsvSource({
    "reset-out, jsctp",
    "reset-out, usrsctp",
    "reset-in, jsctp",
    "reset-in, usrsctp",
    "add-streams, jsctp",
    "add-streams, usrsctp",
    // Not "reset-assoc, usrsctp": usrsctp 0.9.5 breaks its own association after an SSN/TSN reset
    // it started, in about half the runs (docs/interop.md, usrsctp issue 6).
    "reset-assoc, jsctp"
  })
  void reconfigurationInTheMiddleOfATransferLosesNothing(String action, String initiator) {
    boolean weStart = initiator.equals("jsctp");
    MhPeer.Builder server =
        MhPeer.server().local(addrB(1)).port(Usrsctp.ECHO_PORT).udpPorts(B_UDP, A_UDP).reconfig();
    List<String> clientArgs =
        ExtensionHosts.jsctpClient("--count", Integer.toString(COUNT), "--size", "1000", "--reconfig");
    if (weStart) {
      clientArgs.addAll(List.of("--" + action + "-after", Integer.toString(AFTER)));
    } else {
      server.reconfigAfter(action, AFTER);
      if (action.equals("reset-assoc")) {
        // Only to reproduce usrsctp issue 6 by adding the case above.
        clientArgs.addAll(List.of("--await-assoc-reset-after", Integer.toString(AFTER)));
      }
    }
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), B_UDP, A_UDP);
        Proc usrsctp = server.start(t.b(), dir, "mhpeer-server");
        Proc jsctp = ExtensionEchoClient.start(t.a(), dir, A_UDP, clientArgs)) {
      // The capture is complete and recorded before the exit code is judged, so that a failed
      // run leaves it for a look.
      int exit = jsctp.awaitExit(Duration.ofSeconds(120));
      EchoResult r = EchoResult.from(jsctp);
      long usrsctpEchoed = MhPeer.serverEchoed(usrsctp);
      CaptureReport report = cap.stop();
      Proc starter = weStart ? jsctp : usrsctp;
      Proc other = weStart ? usrsctp : jsctp;
      String from = weStart ? addrA(1) : addrB(1);
      String to = weStart ? addrB(1) : addrA(1);
      Log.record(
          dir,
          action
              + " started by "
              + initiator
              + " after "
              + AFTER
              + " echoes: "
              + r
              + "; usrsctp echoed "
              + usrsctpEchoed
              + "; events of "
              + starter.name()
              + " "
              + events(starter)
              + ", of "
              + other.name()
              + " "
              + events(other)
              + "; RE-CONFIG parameters "
              + parameters(report)
              + "; "
              + report.summary());
      assertThat(exit).as(jsctp.tail()).isZero();
      report.assertClean();

      assertThat(r.complete()).as("every message echoed intact: %s", r).isTrue();
      assertThat(r.sent()).isEqualTo(COUNT);
      assertThat(usrsctpEchoed).as("messages usrsctp echoed").isEqualTo(COUNT);
      assertThat(starter.stdoutLines()).anyMatch(l -> l.contains("RECONFIG "));
      assertThat(report.reconfigResults(f -> true))
          .as("results of the Re-configuration Responses")
          .isNotEmpty()
          .allMatch(res -> res == RESULT_PERFORMED || res == RESULT_IN_PROGRESS);
      switch (action) {
        case "reset-out" -> {
          assertRequestAnswered(report, OUTGOING_SSN_RESET_REQUEST, from, to);
          assertResetEvents(starter, "OUTGOING");
          assertResetEvents(other, "INCOMING");
          assertSsnsStartAgainAtZero(report, from);
        }
        case "reset-in" -> {
          // RFC 6525 section 5.2.3: the peer answers by resetting its outgoing streams.
          assertRequestAnswered(report, INCOMING_SSN_RESET_REQUEST, from, to);
          assertRequestAnswered(report, OUTGOING_SSN_RESET_REQUEST, to, from);
          assertResetEvents(starter, "INCOMING");
          assertResetEvents(other, "OUTGOING");
          assertSsnsStartAgainAtZero(report, to);
        }
        case "reset-assoc" -> {
          assertRequestAnswered(report, SSN_TSN_RESET_REQUEST, from, to);
          assertAssocResetEvents(starter);
          assertAssocResetEvents(other);
          assertTsnsAndSsnsStartAgain(report, from, to);
        }
        default -> {
          // RFC 6525 section 5.2.6: the peer adds its outgoing streams with a request of its own.
          assertRequestAnswered(report, ADD_OUTGOING_STREAMS_REQUEST, from, to);
          assertThat(report.reconfigParameters(ADD_INCOMING_STREAMS_REQUEST, f -> f.from(from)))
              .as("Add Incoming Streams Requests from the initiator")
              .isPositive();
          assertRequestAnswered(report, ADD_OUTGOING_STREAMS_REQUEST, to, from);
          assertStreamsAdded(starter);
          assertStreamsAdded(other);
          for (String host : List.of(addrA(1), addrB(1))) {
            assertThat(report.dataStreams(f -> f.from(host)))
                .as("streams of the DATA from %s, the added ones included", host)
                .contains(STREAMS, STREAMS + 1);
          }
        }
      }
      assertThat(report.chunks(ABORT)).as("ABORT chunks").isZero();
      assertThat(report.chunks(CaptureReport.ERROR)).as("ERROR chunks").isZero();
      EchoClientToUsrsctpIT.assertShutdownStartedBy(report, addrA(1), addrB(1));
    }
  }

  /** {@code requester} sent parameters of {@code type}, and {@code responder} answered. */
  private static void assertRequestAnswered(
      CaptureReport report, int type, String requester, String responder) {
    assertThat(report.reconfigParameters(type, f -> f.from(requester)))
        .as("RE-CONFIG parameters of type %d from %s", type, requester)
        .isPositive();
    assertThat(report.reconfigResults(f -> f.from(responder)))
        .as("Re-configuration Responses from %s", responder)
        .contains(RESULT_PERFORMED);
  }

  /** A stream reset event with {@code direction} and none denied or failed. */
  private static void assertResetEvents(Proc p, String direction) {
    assertThat(eventFlags(p, RESET_EVENT))
        .as("stream reset events of %s", p.name())
        .isNotEmpty()
        .allMatch(f -> f.equals(direction));
  }

  /** An association reset event, neither denied nor failed. */
  private static void assertAssocResetEvents(Proc p) {
    assertThat(eventFlags(p, ASSOC_RESET_EVENT))
        .as("association reset events of %s", p.name())
        .isNotEmpty()
        .allMatch(String::isEmpty, "neither denied nor failed");
  }

  /** The flags (group 1 of {@code event}) of each event line {@code p} printed. */
  private static List<String> eventFlags(Proc p, Pattern event) {
    List<String> flags = new ArrayList<>();
    for (String l : p.stdoutLines()) {
      Matcher m = event.matcher(l);
      if (m.find()) {
        flags.add(m.group(1).trim());
      }
    }
    return flags;
  }

  /** Stream change events, none denied or failed, the last with 6 streams each way. */
  private static void assertStreamsAdded(Proc p) {
    List<Matcher> changes = new ArrayList<>();
    for (String l : p.stdoutLines()) {
      Matcher m = CHANGE_EVENT.matcher(l);
      if (m.find()) {
        changes.add(m);
      }
    }
    assertThat(changes).as("stream change events of %s", p.name()).isNotEmpty();
    assertThat(changes).allMatch(m -> m.group(3).isBlank(), "neither denied nor failed");
    Matcher last = changes.get(changes.size() - 1);
    assertThat(List.of(last.group(1), last.group(2)))
        .as("streams in and out after the change")
        .containsExactly(Integer.toString(STREAMS + 2), Integer.toString(STREAMS + 2));
  }

  /**
   * RFC 6525 section 5.2.2: the messages {@code sender} assigned TSNs after the Sender's Last
   * Assigned TSN of its first Outgoing SSN Reset Request carry SSNs 0, 1, 2, ... again on every
   * stream, while before it they had gone past 0.
   */
  private static void assertSsnsStartAgainAtZero(CaptureReport report, String sender) {
    List<Long> last =
        report.frames().stream()
            .filter(f -> f.from(sender))
            .flatMap(f -> f.reconfig().lastAssignedTsns().stream())
            .toList();
    assertThat(last).as("Outgoing SSN Reset Requests from %s", sender).isNotEmpty();
    long resetAt = last.get(0);
    List<CaptureReport.UserData> before = new ArrayList<>();
    List<CaptureReport.UserData> after = new ArrayList<>();
    for (CaptureReport.UserData d : report.firstTransmissions(f -> f.from(sender))) {
      long delta = (d.tsn() - resetAt) & 0xFFFF_FFFFL;
      boolean later = delta != 0 && delta < 0x8000_0000L;
      (later ? after : before).add(d);
    }
    assertSsnsFromZero(before, after, sender + " after the reset (TSN > " + resetAt + ")");
  }

  /**
   * RFC 6525 section 5.2.4: after the Response (Performed) to the SSN/TSN Reset Request, each side
   * sends from the TSN the Response announced for it (the Sender's Next TSN for the side that
   * answered, the Receiver's Next TSN for the side that asked), one TSN after the other, and with
   * SSNs 0, 1, 2, ... again on every stream. The data that came after the Response in the capture
   * is new: both sides waited for the reset before sending on.
   */
  private static void assertTsnsAndSsnsStartAgain(
      CaptureReport report, String requester, String responder) {
    CaptureReport.Frame response =
        report.frames().stream()
            .filter(f -> f.from(responder) && !f.reconfig().senderNextTsns().isEmpty())
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no Response with the next TSNs from " + responder));
    assertThat(response.reconfig().results()).contains(RESULT_PERFORMED);
    Map<String, Long> next =
        Map.of(
            responder, response.reconfig().senderNextTsns().get(0),
            requester, response.reconfig().receiverNextTsns().get(0));
    next.forEach(
        (sender, first) -> {
          List<CaptureReport.UserData> before =
              report.firstTransmissions(f -> f.from(sender) && f.number() < response.number());
          List<CaptureReport.UserData> after =
              report.firstTransmissions(f -> f.from(sender) && f.number() > response.number());
          List<Long> expected = new ArrayList<>();
          for (long i = 0; i < after.size(); i++) {
            expected.add((first + i) & 0xFFFF_FFFFL);
          }
          assertThat(after.stream().map(CaptureReport.UserData::tsn).toList())
              .as("TSNs from %s after the association reset, from %d on", sender, first)
              .isNotEmpty()
              .containsExactlyInAnyOrderElementsOf(expected);
          assertSsnsFromZero(before, after, sender + " after the association reset");
        });
  }

  /** SSNs past 0 {@code before}, and 0, 1, 2, ... on every stream {@code after}. */
  private static void assertSsnsFromZero(
      List<CaptureReport.UserData> before, List<CaptureReport.UserData> after, String what) {
    assertThat(before.stream().mapToLong(CaptureReport.UserData::sequence).max())
        .as("the highest SSN before, for %s", what)
        .isPresent()
        .matches(max -> max.getAsLong() > 0, "past 0");
    Map<Integer, List<Long>> perStream = new TreeMap<>();
    for (CaptureReport.UserData d : after) {
      perStream.computeIfAbsent(d.stream(), s -> new ArrayList<>()).add(d.sequence());
    }
    assertThat(perStream.keySet()).as("streams with messages, %s", what).hasSize(STREAMS);
    perStream.forEach(
        (stream, ssns) -> {
          List<Long> expected = new ArrayList<>();
          for (long i = 0; i < ssns.size(); i++) {
            expected.add(i);
          }
          assertThat(ssns).as("SSNs on stream %d, %s", stream, what).isEqualTo(expected);
        });
  }

  private static List<String> events(Proc p) {
    return p.stdoutLines().stream()
        .filter(
            l ->
                RESET_EVENT.matcher(l).find()
                    || ASSOC_RESET_EVENT.matcher(l).find()
                    || CHANGE_EVENT.matcher(l).find())
        .map(l -> l.replaceFirst("^\\+\\d+ms ", "").strip())
        .toList();
  }

  private static String parameters(CaptureReport report) {
    List<String> out = new ArrayList<>();
    for (CaptureReport.Frame f : report.frames()) {
      if (!f.reconfig().types().isEmpty()) {
        out.add(f.src() + " " + f.reconfig().types() + " results " + f.reconfig().results());
      }
    }
    return String.join(", ", out);
  }
}
