package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.sctp.SctpMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsctp.netty.MessageInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How jsctp's pieces become Netty's parts, with receive buffers of 64 bytes: the pieces of a
 * message are gathered until the buffer is full or the message ends, and a piece of another
 * message, a notification or the end never joins the part before it.
 */
@SuppressWarnings("deprecation")
class MessagePartsTest {

  final MessageParts parts = new MessageParts(new JdkAssociations());
  final RecvByteBufAllocator.Handle handle = new FixedRecvByteBufAllocator(64).newHandle();
  final List<SctpMessage> out = new ArrayList<>();

  @AfterEach
  void free() {
    parts.discard();
    out.forEach(SctpMessage::release);
  }

  /** One receive: {@code bytes} bytes of value {@code fill} of a message on {@code stream}. */
  Object receive(int stream, boolean complete, int bytes, int fill) {
    ByteBuffer target = parts.target(handle, ByteBufAllocator.DEFAULT);
    assertThat(target.remaining()).isGreaterThanOrEqualTo(bytes);
    byte[] data = new byte[bytes];
    Arrays.fill(data, (byte) fill);
    target.put(data);
    return keep(
        parts.read(MessageInfo.createOutgoing(null, stream).complete(complete), bytes, handle));
  }

  Object keep(Object o) {
    if (o instanceof SctpMessage m) {
      out.add(m);
    }
    return o;
  }

  static void assertPart(Object o, int stream, boolean complete, int bytes, int fill) {
    assertThat(o).isInstanceOf(SctpMessage.class);
    SctpMessage m = (SctpMessage) o;
    assertThat(m.streamIdentifier()).isEqualTo(stream);
    assertThat(m.isComplete()).isEqualTo(complete);
    assertThat(m.messageInfo().bytes()).isEqualTo(bytes);
    byte[] expected = new byte[bytes];
    Arrays.fill(expected, (byte) fill);
    assertThat(ByteBufUtil.getBytes(m.content())).isEqualTo(expected);
  }

  @Test
  void aMessageThatFitsIsOneCompletePart() {
    assertPart(receive(0, true, 10, 1), 0, true, 10, 1);
  }

  @Test
  void piecesOfOneMessageFillTheBufferBeforeAPartGoesOut() {
    assertThat(receive(0, false, 20, 1)).isSameAs(ReadLoop.MORE);
    assertThat(receive(0, false, 20, 1)).isSameAs(ReadLoop.MORE);
    assertPart(receive(0, false, 24, 1), 0, false, 64, 1);
    assertPart(receive(0, true, 10, 1), 0, true, 10, 1);
  }

  @Test
  void aPieceOfAnotherStreamEndsThePartBeforeIt() {
    assertThat(receive(1, false, 20, 1)).isSameAs(ReadLoop.MORE);

    assertPart(receive(2, true, 10, 2), 1, false, 20, 1);
    assertThat(parts.hasReady()).isTrue();
    assertPart(keep(parts.nextReady()), 2, true, 10, 2);
    assertThat(parts.hasReady()).isFalse();
  }

  @Test
  void anUnfinishedPieceOfAnotherStreamStartsTheNextPart() {
    assertThat(receive(1, false, 20, 1)).isSameAs(ReadLoop.MORE);

    assertPart(receive(2, false, 10, 2), 1, false, 20, 1);
    assertThat(parts.hasReady()).isFalse();
    assertPart(receive(2, true, 5, 2), 2, true, 15, 2);
  }

  @Test
  void aNotificationComesAfterThePartGatheredBeforeIt() {
    assertThat(receive(0, false, 20, 1)).isSameAs(ReadLoop.MORE);
    Object event = new Object();

    assertPart(keep(parts.interrupt(event, handle)), 0, false, 20, 1);
    assertThat(parts.nextReady()).isSameAs(event);
  }

  @Test
  void withNothingGatheredTheEndIsReturnedAtOnce() {
    parts.target(handle, ByteBufAllocator.DEFAULT);

    assertThat(parts.interrupt(ReadLoop.END, handle)).isSameAs(ReadLoop.END);
    assertThat(parts.hasReady()).isFalse();
  }
}
