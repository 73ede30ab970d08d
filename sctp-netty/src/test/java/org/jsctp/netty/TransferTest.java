package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransferTest {

  SctpStack stack;
  SctpChannel client;
  SctpChannel accepted;

  @BeforeEach
  void connect() throws Exception {
    stack = Loopback.stack();
    SctpServerChannel server = Loopback.server(stack);
    server.setOption(
        SctpStandardSocketOptions.SCTP_INIT_MAXSTREAMS,
        SctpStandardSocketOptions.InitMaxStreams.create(300, 300));
    client = Loopback.client(stack, server);
    client.connect(Loopback.address(server), 300, 300);
    accepted = server.accept(Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  static byte[] pattern(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** Reads one whole message, in as many parts as it comes. */
  static byte[] receiveWhole(SctpChannel ch, ByteBuffer buf) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    while (true) {
      buf.clear();
      MessageInfo info = ch.receive(buf, null, null, Duration.ofSeconds(10));
      assertThat(info.bytes()).isNotNegative();
      out.write(buf.array(), 0, info.bytes());
      if (info.isComplete()) {
        return out.toByteArray();
      }
    }
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {1, 100, 1_452, 1_453, 10_000, 65_536, 300_000, 1 << 20})
  void echoesMessagesFromOneByteToOneMebibyte(int size) throws Exception {
    byte[] data = pattern(size, size);
    ByteBuffer buf = ByteBuffer.allocate(70_000);

    CompletableFuture<Integer> sent =
        client.sendAsync(ByteBuffer.wrap(data), MessageInfo.createOutgoing(null, 0));
    byte[] got = receiveWhole(accepted, buf);
    accepted.send(ByteBuffer.wrap(got), MessageInfo.createOutgoing(null, 0));
    byte[] echoed = receiveWhole(client, buf);

    assertThat(sent.get(5, TimeUnit.SECONDS)).isEqualTo(size);
    assertThat(got).isEqualTo(data);
    assertThat(echoed).isEqualTo(data);
  }

  @Test
  void keepsOrderWithinEachOfManyStreams() throws Exception {
    int streams = 300;
    int perStream = 10;
    for (int i = 0; i < perStream; i++) {
      for (int s = 0; s < streams; s++) {
        client.send(ByteBuffer.wrap((s + ":" + i).getBytes()), MessageInfo.createOutgoing(null, s));
      }
    }
    Map<Integer, List<Integer>> seen = new HashMap<>();
    ByteBuffer buf = ByteBuffer.allocate(100);
    for (int n = 0; n < streams * perStream; n++) {
      buf.clear();
      MessageInfo info = accepted.receive(buf, null, null, Duration.ofSeconds(10));
      String[] parts = new String(buf.array(), 0, info.bytes()).split(":");
      assertThat(Integer.parseInt(parts[0])).isEqualTo(info.streamNumber());
      seen.computeIfAbsent(info.streamNumber(), k -> new ArrayList<>())
          .add(Integer.parseInt(parts[1]));
    }
    assertThat(seen).hasSize(streams);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < perStream; i++) {
      expected.add(i);
    }
    assertThat(seen.values()).allSatisfy(list -> assertThat(list).isEqualTo(expected));
  }

  @Test
  void deliversUnorderedMessagesMarkedAsUnordered() throws Exception {
    int count = 200;
    for (int i = 0; i < count; i++) {
      client.send(
          ByteBuffer.wrap(Integer.toString(i).getBytes()),
          MessageInfo.createOutgoing(null, 3).unordered(true));
    }
    List<Integer> got = new ArrayList<>();
    ByteBuffer buf = ByteBuffer.allocate(100);
    for (int i = 0; i < count; i++) {
      buf.clear();
      MessageInfo info = accepted.receive(buf, null, null, Duration.ofSeconds(10));
      assertThat(info.isUnordered()).isTrue();
      assertThat(info.streamNumber()).isEqualTo(3);
      got.add(Integer.parseInt(new String(buf.array(), 0, info.bytes())));
    }
    assertThat(got)
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(0, count).boxed().toList());
  }

  @Test
  void returnsAMessageLargerThanTheBufferInIncompleteParts() throws Exception {
    byte[] data = pattern(1000, 7);
    client.send(ByteBuffer.wrap(data), MessageInfo.createOutgoing(null, 0));
    ByteBuffer small = ByteBuffer.allocate(300);
    List<Boolean> completes = new ArrayList<>();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    do {
      small.clear();
      MessageInfo info = accepted.receive(small, null, null, Duration.ofSeconds(5));
      completes.add(info.isComplete());
      out.write(small.array(), 0, info.bytes());
    } while (!completes.get(completes.size() - 1));

    assertThat(completes).containsExactly(false, false, false, true);
    assertThat(out.toByteArray()).isEqualTo(data);
  }

  @Test
  void sendsWithTheDefaultSendParametersWhenTheMessageInfoIsNull() throws Exception {
    client.setOption(
        SctpStandardSocketOptions.SCTP_DEFAULT_SEND_PARAM,
        new org.jsctp.netty.option.DefaultSendParam(4, 99, true, 0, 0));
    client.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), null);
    ByteBuffer buf = ByteBuffer.allocate(10);
    MessageInfo info = accepted.receive(buf, null, null, Duration.ofSeconds(5));

    assertThat(info.streamNumber()).isEqualTo(4);
    assertThat(info.payloadProtocolID()).isEqualTo(99);
    assertThat(info.isUnordered()).isTrue();
    assertThat(Arrays.copyOf(buf.array(), 3)).containsExactly(1, 2, 3);
  }

  @Test
  void explicitCompleteJoinsPartsIntoOneMessage() throws Exception {
    client.setOption(SctpStandardSocketOptions.SCTP_EXPLICIT_COMPLETE, true);
    client.send(
        ByteBuffer.wrap("one ".getBytes()), MessageInfo.createOutgoing(null, 2).complete(false));
    client.send(
        ByteBuffer.wrap("two ".getBytes()), MessageInfo.createOutgoing(null, 2).complete(false));
    client.send(
        ByteBuffer.wrap("three".getBytes()), MessageInfo.createOutgoing(null, 2).complete(true));
    ByteBuffer buf = ByteBuffer.allocate(100);
    MessageInfo info = accepted.receive(buf, null, null, Duration.ofSeconds(5));

    assertThat(info.isComplete()).isTrue();
    assertThat(new String(buf.array(), 0, info.bytes())).isEqualTo("one two three");
  }

  @Test
  void refusesAStreamOutsideTheNegotiatedOnes() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> client.send(ByteBuffer.wrap(new byte[1]), MessageInfo.createOutgoing(null, 300)))
        .isInstanceOf(InvalidStreamException.class)
        .hasMessageContaining("300");
  }
}
