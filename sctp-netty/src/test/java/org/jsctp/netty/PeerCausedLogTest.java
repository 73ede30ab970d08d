package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A line a peer can cause is logged at most once a minute per endpoint, with the count of those
 * left out. The refusing stack runs on a mock ticker, so a "minute" passes only when the test says
 * so; the lines are read from slf4j-simple's output (System.err).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PeerCausedLogTest {

  static final String REFUSING = "refusing association";

  final MockTicker ticker = Ticker.newMockTicker();
  final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  PrintStream originalErr;
  SctpStack serverStack;
  SctpStack clientStack;
  SctpServerChannel server;

  @BeforeEach
  void start() throws Exception {
    originalErr = System.err;
    System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
    serverStack = Loopback.stack(b -> b.ticker(ticker));
    clientStack = Loopback.stack();
    server = SctpServerChannel.open(serverStack);
    // A backlog of one that is never accepted from: every association after the first is refused.
    server.bind(new InetSocketAddress(Loopback.LO1, 0), 1);
    connect();
    BackpressureTest.await(
        "the first association to wait for accept", () -> serverStack.associations().size() == 1);
  }

  @AfterEach
  void stop() {
    clientStack.close();
    serverStack.close();
    System.setErr(originalErr);
  }

  /** Connects a new client to the server; the association is either taken or refused. */
  void connect() throws Exception {
    SctpChannel client = Loopback.client(clientStack, server);
    CompletableFuture<Void> f = client.connectAsync(List.of(Loopback.address(server)));
    f.handle((v, err) -> null).get(10, TimeUnit.SECONDS);
  }

  long aborted() {
    return serverStack.snmp().get("SctpAborteds");
  }

  String[] refusingLines() {
    String out;
    synchronized (captured) {
      out = captured.toString(StandardCharsets.UTF_8);
    }
    return Arrays.stream(out.split("\n")).filter(l -> l.contains(REFUSING)).toArray(String[]::new);
  }

  @Test
  void refusedAssociationsAreLoggedOnceAMinuteWithTheCountOfTheOthers() throws Exception {
    for (int i = 1; i <= 3; i++) {
      connect();
      int refused = i;
      BackpressureTest.await("refusal " + i, () -> aborted() == refused);
    }

    assertThat(refusingLines()).hasSize(1);

    ticker.advance(61, TimeUnit.SECONDS);
    connect();
    BackpressureTest.await("refusal 4", () -> aborted() == 4);

    String[] lines = refusingLines();
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).contains("(2 more since the last line)");
  }

  /** Writes to the real System.err and keeps a copy. */
  static final class Tee extends OutputStream {
    private final OutputStream out;
    private final ByteArrayOutputStream copy;

    Tee(OutputStream out, ByteArrayOutputStream copy) {
      this.out = out;
      this.copy = copy;
    }

    @Override
    public void write(int b) {
      synchronized (copy) {
        copy.write(b);
      }
      writeThrough(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (copy) {
        copy.write(b, off, len);
      }
      writeThrough(b, off, len);
    }

    private void writeThrough(byte[] b, int off, int len) {
      try {
        out.write(b, off, len);
      } catch (java.io.IOException e) {
        // the copy is what the test reads
      }
    }

    @Override
    public void flush() throws java.io.IOException {
      out.flush();
    }
  }
}
