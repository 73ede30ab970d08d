package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jsctp.association.AssociationState;
import org.jsctp.netty.AssociationChangeNotification;
import org.jsctp.netty.HandlerResult;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.PeerAddressFilter;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.jsctp.netty.stats.AssociationEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The echo server in-process on loopback against hostile peers: one that never finishes its
 * message, one that aborts in the middle of one, one that never reads its echoes. Every other
 * association must still get its echoes, and nothing of a peer must stay behind once it is gone.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EchoServerTest {

  static final InetAddress LO = InetAddress.getLoopbackAddress();
  /** How long a test waits for something that must happen; a failure, never a measurement. */
  static final Duration PATIENCE = Duration.ofSeconds(20);

  final List<SctpStack> stacks = new ArrayList<>();
  final ByteArrayOutputStream serverLines = new ByteArrayOutputStream();
  SctpStack serverStack;
  EchoServer server;

  @AfterEach
  void stop() {
    for (SctpStack s : stacks) {
      s.close();
    }
  }

  SctpStack stack(Map<String, String> sysctl, Consumer<SctpStack.Builder> tweak) {
    Map<String, String> all = new HashMap<>(sysctl);
    all.put("net.sctp.udp_port", "0");
    SctpStack.Builder b =
        SctpStack.builder()
            .sysctl(all)
            .allowedPeerAddresses(PeerAddressFilter.subnets("127.0.0.0/8"))
            .threadName("echo-test");
    tweak.accept(b);
    SctpStack s = b.build();
    stacks.add(s);
    return s;
  }

  void startServer(Map<String, String> sysctl) throws Exception {
    startServer(sysctl, EchoServer.DEFAULT_MAX_MESSAGE, EchoServer.DEFAULT_REASSEMBLY_MEMORY);
  }

  void startServer(Map<String, String> sysctl, int maxMessage, long reassemblyMemory)
      throws Exception {
    serverStack = stack(sysctl, b -> {});
    Events events = new Events(new PrintStream(serverLines, true, StandardCharsets.UTF_8), 0);
    server =
        EchoServer.start(
            serverStack,
            new EchoServer.Settings(List.of(LO), 7, 0, false, maxMessage, reassemblyMemory),
            events);
  }

  String serverOutput() {
    return serverLines.toString(StandardCharsets.UTF_8);
  }

  SctpChannel connect(SctpStack stack) throws Exception {
    SctpChannel ch = SctpChannel.open(stack);
    ch.setOption(
        SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(null, server.udpPort()));
    ch.connect(List.of(new InetSocketAddress(LO, 7)), PATIENCE);
    return ch;
  }

  SctpChannel client() throws Exception {
    return connect(stack(Map.of(), b -> {}));
  }

  /** Sends one short message and returns its echo, or fails when none comes. */
  static String echo(SctpChannel ch, String text) throws Exception {
    ch.send(
        ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), MessageInfo.createOutgoing(null, 0));
    ByteBuffer buf = ByteBuffer.allocate(1000);
    MessageInfo info;
    do {
      buf.clear();
      info = ch.receive(buf, null, null, PATIENCE);
    } while (info == null);
    return new String(buf.array(), 0, info.bytes(), StandardCharsets.UTF_8);
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
      }
      Thread.sleep(10);
    }
  }

  /** The server's view of the association with the peer on {@code clientPort}, or null. */
  AssociationEntry serverSideOf(SctpChannel client) throws Exception {
    int port = ((InetSocketAddress) client.getAllLocalAddresses().iterator().next()).getPort();
    for (AssociationEntry e : serverStack.associations()) {
      if (e.remotePort() == port) {
        return e;
      }
    }
    return null;
  }

  /** A peer whose message never ends, and what of it left. */
  record Attacker(SctpChannel channel, DataDropper dropper) {}

  /** Starts a message of {@code size} bytes of which at most the first {@code sent} ever leave. */
  Attacker neverEndingMessage(int size, long sent) throws Exception {
    DataDropper dropper = new DataDropper(sent);
    SctpChannel ch = connect(stack(Map.of(), b -> b.udpChannelCustomizer(dropper)));
    ch.send(ByteBuffer.allocate(size), MessageInfo.createOutgoing(null, 0));
    return new Attacker(ch, dropper);
  }

  /** The association events after COMM_UP a client sees until its association has ended. */
  static List<String> eventsUntilEnd(SctpChannel ch) throws Exception {
    List<String> seen = new ArrayList<>();
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    while (true) {
      buf.clear();
      MessageInfo info =
          ch.receive(
              buf,
              seen,
              (n, list) -> {
                if (n instanceof AssociationChangeNotification c
                    && c.event() != AssociationChangeNotification.AssocChangeEvent.COMM_UP) {
                  list.add(c.event().name());
                }
                return HandlerResult.CONTINUE;
              },
              PATIENCE);
      if (info != null && info.bytes() < 0) {
        return seen;
      }
    }
  }

  @Test
  void anUnfinishedMessageOfOnePeerDoesNotHoldBackTheEchoesOfAnother() throws Exception {
    startServer(Map.of());
    Attacker attacker = neverEndingMessage(1 << 20, 300_000);
    await("the server reading the unfinished message", () -> server.reassembler().heldBytes() > 0);

    SctpChannel other = client();

    assertThat(echo(other, "still echoed")).isEqualTo("still echoed");
    assertThat(server.reassembler().heldBytes())
        .as("the attacker's message is still unfinished")
        .isPositive();
    assertThat(serverSideOf(attacker.channel()).state()).isEqualTo(AssociationState.ESTABLISHED);
  }

  @Test
  void aPeerThatAbortsInTheMiddleOfAMessageLeavesNothingHeld() throws Exception {
    startServer(Map.of());
    Attacker attacker = neverEndingMessage(1 << 20, 300_000);
    await("the server reading the unfinished message", () -> server.reassembler().heldBytes() > 0);

    attacker.channel().setOption(SctpStandardSocketOptions.SO_LINGER, 0);
    attacker.channel().close();

    await("the pieces freed", () -> server.reassembler().heldBytes() == 0);
    assertThat(server.reassembler().unfinished()).isZero();
  }

  @Test
  void aPeerThatNeverReadsItsEchoesDoesNotHoldBackTheEchoesOfAnother() throws Exception {
    // Small buffers, so that the server's send buffer towards the attacker fills at once.
    startServer(Map.of("net.sctp.sndbuf", "16384", "net.sctp.rcvbuf", "16384"));
    SctpStack attackerStack = stack(Map.of("net.sctp.rcvbuf", "4096"), b -> {});
    SctpChannel attacker = connect(attackerStack);
    Thread flood =
        new Thread(
            () -> {
              try {
                while (true) {
                  attacker.send(ByteBuffer.allocate(4096), MessageInfo.createOutgoing(null, 0));
                }
              } catch (Exception e) {
                // the stack closed at the end of the test
              }
            },
            "never-reading-peer");
    flood.setDaemon(true);
    flood.start();
    await(
        "the server's buffers towards the attacker full",
        () -> {
          try {
            AssociationEntry e = serverSideOf(attacker);
            return e != null && e.txQueue() >= 8192 && e.rxQueue() >= 8192;
          } catch (Exception ex) {
            throw new IllegalStateException(ex);
          }
        });

    SctpChannel other = client();

    assertThat(echo(other, "still echoed")).isEqualTo("still echoed");
    assertThat(serverSideOf(attacker).state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(serverOutput()).contains("on a channel of its own");
  }

  @Test
  void aMessageOverTheLimitAbortsItsPeerAndFreesItsPieces() throws Exception {
    startServer(Map.of(), 100_000, 1 << 20);
    SctpChannel attacker = client();
    SctpChannel other = client();

    attacker.send(ByteBuffer.allocate(300_000), MessageInfo.createOutgoing(null, 0));

    assertThat(eventsUntilEnd(attacker)).containsExactly("COMM_LOST");
    assertThat(serverOutput()).contains("aborted: message larger than 100000 bytes");
    assertThat(server.reassembler().heldBytes()).isZero();
    assertThat(server.reassembler().unfinished()).isZero();
    assertThat(echo(other, "still echoed")).isEqualTo("still echoed");
  }

  @Test
  void unfinishedMessagesBeyondTheReassemblyMemoryAbortThePeerThatDoesNotFit() throws Exception {
    startServer(Map.of(), 1 << 20, 400_000);
    Attacker first = neverEndingMessage(1 << 20, 300_000);
    await("the first attacker's allowance used", () -> first.dropper().dropped() > 0);
    await(
        "everything the first attacker sent held",
        () -> server.reassembler().heldBytes() == first.dropper().passed());
    Attacker second = neverEndingMessage(1 << 20, 300_000);

    assertThat(eventsUntilEnd(second.channel())).containsExactly("COMM_LOST");
    assertThat(serverOutput()).contains("aborted: unfinished messages hold");
    assertThat(server.reassembler().unfinished()).isEqualTo(1);
    assertThat(server.reassembler().heldBytes()).isEqualTo(first.dropper().passed());
    assertThat(serverSideOf(first.channel()).state()).isEqualTo(AssociationState.ESTABLISHED);
  }
}
