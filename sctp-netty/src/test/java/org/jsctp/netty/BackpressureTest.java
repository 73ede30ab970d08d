package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jsctp.netty.stats.AssociationEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BackpressureTest {

  static final int SNDBUF = 64 * 1024;
  static final int RCVBUF = 64 * 1024;
  static final int SIZE = 1000;
  static final int COUNT = 2000;

  SctpStack stack;
  SctpChannel client;
  SctpChannel accepted;

  @BeforeEach
  void connect() throws Exception {
    stack = Loopback.stack();
    SctpServerChannel server = Loopback.server(stack);
    server.setOption(SctpStandardSocketOptions.SO_RCVBUF, RCVBUF);
    client = Loopback.client(stack, server);
    client.setOption(SctpStandardSocketOptions.SO_SNDBUF, SNDBUF);
    client.connect(Loopback.address(server));
    accepted = server.accept(Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  static byte[] message(int i) {
    byte[] b = new byte[SIZE];
    for (int j = 0; j < SIZE; j++) {
      b[j] = (byte) (i * 31 + j);
    }
    return b;
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  AssociationEntry entry(SctpChannel ch) throws Exception {
    int id = ch.association().associationID();
    int port = ((java.net.InetSocketAddress) ch.getAllLocalAddresses().iterator().next()).getPort();
    return stack.associations().stream()
        .filter(e -> e.associationId() == id && e.localPort() == port)
        .findFirst()
        .orElseThrow();
  }

  /** Reads every message and checks each byte and the order. */
  void readAll(int count) throws Exception {
    ByteBuffer buf = ByteBuffer.allocate(SIZE);
    for (int i = 0; i < count; i++) {
      buf.clear();
      MessageInfo info = accepted.receive(buf, null, null, Duration.ofSeconds(10));
      assertThat(info.isComplete()).isTrue();
      assertThat(buf.array()).as("message %d", i).isEqualTo(message(i));
    }
  }

  @Test
  void aBlockedWriterWaitsWhileTheReaderIsSlowAndMemoryStaysWithinTheBuffers() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try {
                for (int i = 0; i < COUNT; i++) {
                  client.send(ByteBuffer.wrap(message(i)), MessageInfo.createOutgoing(null, 0));
                  sent.incrementAndGet();
                }
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });

    await(
        "the receive window to fill",
        () -> {
          try {
            return entry(accepted).rxQueue() >= RCVBUF - 3 * 1500
                && entry(client).txQueue() >= SNDBUF - SIZE
                && !client.isWritable();
          } catch (Exception e) {
            throw new RuntimeException(e);
          }
        });
    AssociationEntry receiver = entry(accepted);
    AssociationEntry sender = entry(client);

    assertThat(writer).isNotDone();
    assertThat(sent.get()).isLessThan(COUNT);
    assertThat(receiver.rxQueue()).isLessThanOrEqualTo(RCVBUF + 1500);
    assertThat(sender.txQueue()).isLessThanOrEqualTo(SNDBUF);

    readAll(COUNT);
    writer.get(10, TimeUnit.SECONDS);
    assertThat(sent.get()).isEqualTo(COUNT);
  }

  @Test
  void asynchronousSendsWaitForOneMoreBufferThenFailWithoutQueueing() throws Exception {
    List<CompletableFuture<Integer>> futures = new ArrayList<>();
    CompletableFuture<Void> low = new CompletableFuture<>();
    client.setBufferedAmountLowListener(() -> low.complete(null));
    for (int i = 0; i < COUNT; i++) {
      futures.add(
          client.sendAsync(ByteBuffer.wrap(message(i)), MessageInfo.createOutgoing(null, 0)));
    }
    // A round trip through the event loop: every send submitted above has been handled.
    client.bufferedAmount();
    int refused = 0;
    int firstRefused = -1;
    for (int i = 0; i < COUNT; i++) {
      CompletableFuture<Integer> f = futures.get(i);
      if (f.isCompletedExceptionally()) {
        refused++;
        firstRefused = firstRefused < 0 ? i : firstRefused;
        assertThatCause(f).isInstanceOf(SendBufferFullException.class);
      }
    }
    assertThat(refused).isPositive();
    // Accepted: what the peer's window took (acknowledged, unread), a send buffer, and one more
    // send buffer waiting; everything after that is refused rather than queued.
    assertThat(firstRefused).isLessThanOrEqualTo((RCVBUF + 2 * SNDBUF) / SIZE + 2);
    assertThat(client.bufferedAmount())
        .as("queued in the core or waiting to enter it")
        .isLessThanOrEqualTo(2L * SNDBUF);

    // Read everything that was accepted, in order; the waiting sends get in as room appears.
    int read = 0;
    ByteBuffer buf = ByteBuffer.allocate(SIZE);
    for (int i = 0; i < COUNT; i++) {
      CompletableFuture<Integer> f = futures.get(i);
      while (!f.isDone()) {
        buf.clear();
        MessageInfo info = accepted.receive(buf, null, null, Duration.ofSeconds(10));
        assertThat(info.bytes()).isEqualTo(SIZE);
        read++;
      }
    }
    long sent = futures.stream().filter(f -> !f.isCompletedExceptionally()).count();
    while (read < sent) {
      buf.clear();
      accepted.receive(buf, null, null, Duration.ofSeconds(10));
      read++;
    }
    assertThat(sent + refused).isEqualTo(COUNT);
    low.get(10, TimeUnit.SECONDS);
    await("writable again", client::isWritable);
  }

  static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertThatCause(
      CompletableFuture<?> f) {
    try {
      f.get();
      throw new AssertionError("not failed");
    } catch (ExecutionException e) {
      return assertThat(e.getCause());
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
