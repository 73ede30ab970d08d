package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.jsctp.netty.stats.AssociationEntry;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.SctpPacket;
import org.jsctp.wire.WireFormatException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SCTP_FRAGMENT_INTERLEAVE on a one-to-many channel (RFC 6458 section 8.1.20) against a peer whose
 * message never ends: the stack hands the first part over (partial delivery) and the rest never
 * comes. At level 0 nothing of the other associations is returned until that message ends, here
 * by its association's end; at level 1 the others' messages come between its parts.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FragmentInterleaveTest {

  /** Above the partial delivery point (half of SO_RCVBUF), below the receive window. */
  static final long ALLOWANCE = 200_000;

  SctpStack serverStack;
  SctpStack attackerStack;
  SctpStack otherStack;
  final FaultInjector attackerLink = new FaultInjector();
  final AtomicLong passed = new AtomicLong();

  @BeforeEach
  void start() {
    serverStack = Loopback.stack();
    attackerStack = Loopback.stack(b -> b.udpChannelCustomizer(attackerLink));
    otherStack = Loopback.stack();
    // The attacker's DATA leaves while it stays within the allowance; after that none ever does.
    AtomicBoolean cut = new AtomicBoolean();
    attackerLink.divert(
        p -> {
          long data = dataBytes(p);
          if (data == 0) {
            return false;
          }
          if (cut.get() || passed.get() + data > ALLOWANCE) {
            cut.set(true);
            return true;
          }
          passed.addAndGet(data);
          return false;
        });
  }

  @AfterEach
  void stop() {
    otherStack.close();
    attackerStack.close();
    serverStack.close();
  }

  static long dataBytes(DatagramPacket p) {
    long sum = 0;
    try {
      for (Chunk c : SctpPacket.decodeUnchecked(ByteBufUtil.getBytes(p.content())).chunks()) {
        if (c instanceof DataChunk d) {
          sum += d.userData().length();
        }
      }
    } catch (WireFormatException e) {
      return 0;
    }
    return sum;
  }

  static SctpChannel connect(SctpStack stack, SctpMultiChannel server) throws Exception {
    SctpChannel ch = SctpChannel.open(stack);
    ch.setOption(
        SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(
            null, server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, null)));
    ch.connect(server.getAllLocalAddresses().iterator().next());
    return ch;
  }

  long unread(Association a) {
    for (AssociationEntry e : serverStack.associations()) {
      if (e.associationId() == a.associationID()) {
        return e.rxQueue();
      }
    }
    return 0;
  }

  static final NotificationHandler<Void> SKIP = (n, a) -> HandlerResult.CONTINUE;

  @ParameterizedTest(name = "level {0}")
  @ValueSource(ints = {0, 1})
  void anUnfinishedMessageHoldsTheOthersBackOnlyAtLevelZero(int level) throws Exception {
    SctpMultiChannel server = SctpMultiChannel.open(serverStack);
    server.setOption(SctpStandardSocketOptions.SCTP_FRAGMENT_INTERLEAVE, level, null);
    server.bind(new InetSocketAddress(Loopback.LO1, 0));
    SctpChannel attacker = connect(attackerStack, server);
    attacker.send(ByteBuffer.allocate(1 << 20), MessageInfo.createOutgoing(null, 0));
    while (attackerLink.diverted.isEmpty()) {
      Thread.sleep(5);
    }
    // Read every part that got through: more than the partial delivery point, less than the
    // receive window, so the stack hands it all over without waiting for a read.
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    Association unfinished = null;
    long read = 0;
    while (read < passed.get()) {
      buf.clear();
      MessageInfo piece = server.receive(buf, null, SKIP, Duration.ofSeconds(10));
      if (piece != null) {
        assertThat(piece.isComplete()).isFalse();
        unfinished = piece.association();
        read += piece.bytes();
      }
    }
    SctpChannel other = connect(otherStack, server);
    other.send(
        ByteBuffer.wrap("other".getBytes(StandardCharsets.US_ASCII)),
        MessageInfo.createOutgoing(null, 0));
    Association theirs = null;
    while (theirs == null || unread(theirs) == 0) {
      Thread.sleep(5);
      Association u = unfinished;
      theirs = server.associations().stream().filter(a -> a != u).findFirst().orElse(null);
    }

    buf.clear();
    CompletableFuture<MessageInfo> next = server.receiveAsync(buf, null, SKIP);
    boolean heldBack = !next.isDone();
    attacker.setOption(SctpStandardSocketOptions.SO_LINGER, 0);
    attacker.close();
    MessageInfo info = next.get(10, TimeUnit.SECONDS);

    assertThat(heldBack).as("the other's message held back").isEqualTo(level == 0);
    assertThat(info.association()).isSameAs(theirs);
    assertThat(new String(buf.array(), 0, info.bytes(), StandardCharsets.US_ASCII))
        .isEqualTo("other");
    server.close();
  }
}
