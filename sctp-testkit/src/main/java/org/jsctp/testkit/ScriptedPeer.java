package org.jsctp.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.SctpEvent;
import org.jsctp.association.SctpAssociation;
import org.jsctp.association.AssociationOptions;
import org.jsctp.config.StackConfig;
import org.jsctp.endpoint.Endpoint;
import org.jsctp.endpoint.Transmit;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SendOutcome;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.CommonHeader;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.Crc32c;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.SctpPacket;
import org.jsctp.wire.StateCookieParameter;
import org.jsctp.wire.WireFormatException;

/**
 * A scripted SCTP peer for conformance tests: it plays the remote endpoint of one {@link Endpoint}
 * under test (the IUT), owns virtual time, and talks to the endpoint directly, without a simulator.
 * A test sends hand-built packets (wire records, or raw bytes with a correct or a deliberately
 * wrong CRC32c), moves time forward, and asserts exactly which packets came back and which events
 * the endpoint emitted.
 *
 * <h2>Time</h2>
 *
 * Time starts at {@link #START} and moves only through {@link #advance}, {@link #advanceTo} and
 * {@link #awaitPacket}; they call {@code handleTimeout} exactly at every deadline that {@code
 * nextDeadline()} announces on the way, so timer behaviour is observed at the nanosecond it is due.
 * Nothing sleeps.
 *
 * <h2>What the IUT sends</h2>
 *
 * After every input the peer drains the endpoint: packets go to an outbox in order (decoded with
 * the CRC32c checked, so a wrong checksum from the IUT fails the test), events to a log. Tests take
 * packets with {@link #nextPacket()} or {@link #awaitPacket}, and assert silence with {@link
 * #expectNoPacket()} or {@link #expectSilenceFor}.
 *
 * <h2>The tester's side of an association</h2>
 *
 * The peer keeps the little state a tester needs: its own tag ({@link #peerTag}, which the IUT must
 * put on its packets), the IUT's tag ({@link #iutTag}, which the peer puts on its packets), the
 * next TSN it sends and the IUT's initial TSN. The helpers {@link #establishActive()} (the IUT
 * connects) and {@link #establishPassive()} (the IUT listens) run the four-way handshake with
 * plain, checkable steps; each step is also available alone.
 *
 * <p>Defaults that keep scripts readable: heartbeats are off for new associations (a test that
 * looks at heartbeats turns them on with {@link #options()}), and so is path MTU discovery, whose
 * probes are heartbeats too (so the path MTU is {@code path_mtu}; a test of PLPMTUD sets a probe
 * interval with {@code options().setPlpmtudProbeInterval}), received messages are reported as
 * read at once (see {@link #holdReceivedData}), and the IUT has one IPv4 address.
 */
public final class ScriptedPeer {

  /** The IUT's address. */
  public static final InetAddress IUT_ADDRESS = SimAddresses.v4("10.0.0.1");

  /** The tester's address. */
  public static final InetAddress PEER_ADDRESS = SimAddresses.v4("10.0.0.2");

  /** A second tester address, for the few multihoming purposes. */
  public static final InetAddress PEER_ADDRESS_2 = SimAddresses.v4("10.0.0.3");

  public static final int IUT_PORT = 5000;
  public static final int PEER_PORT = 5001;

  /** The tester's UDP encapsulation port: the IUT must send there (RFC 6951 section 5.3). */
  public static final int PEER_UDP_PORT = 40000;

  /** Virtual time at the start of every script, in nanoseconds. */
  public static final long START = 1_000_000_000L;

  public static final long MS = 1_000_000L;
  public static final long SECONDS = 1_000_000_000L;

  /** The tester's Initiate Tag unless a test picks another. */
  public static final int DEFAULT_PEER_TAG = 0x1234_5678;

  /** The tester's Initial TSN unless a test picks another. */
  public static final int DEFAULT_PEER_TSN = 1000;

  /** The tester's a_rwnd unless a test picks another. */
  public static final long DEFAULT_PEER_RWND = 65_535;

  /** The state cookie the tester hands out in its INIT ACKs. */
  public static final Bytes TESTER_COOKIE = Bytes.wrap("tester-cookie-0001".getBytes());

  private static final int MAX_TIMEOUTS_PER_ADVANCE = 100_000;

  private final Endpoint endpoint;
  private final ArrayDeque<Sent> outbox = new ArrayDeque<>();
  private final List<Sent> sentLog = new ArrayList<>();
  private final List<SctpEvent> events = new ArrayList<>();
  private long now = START;
  private boolean holdReceived;

  /** The tester's Initiate Tag: the Verification Tag the IUT must use. */
  public int peerTag = DEFAULT_PEER_TAG;

  /** The IUT's Initiate Tag: the Verification Tag the tester uses. */
  public int iutTag;

  /** The next TSN the tester sends. */
  public int nextTsn = DEFAULT_PEER_TSN;

  /** The IUT's Initial TSN. */
  public int iutInitialTsn;

  /** The association under test, once there is one. */
  public SctpAssociation association;

  /** A peer against an endpoint with the stack defaults and seed 1. */
  public ScriptedPeer() {
    this(StackConfig.defaults());
  }

  public ScriptedPeer(StackConfig config) {
    this(config, 1, IUT_ADDRESS);
  }

  public ScriptedPeer(StackConfig config, long seed, InetAddress... iutAddresses) {
    this.endpoint =
        new Endpoint(config, IUT_PORT, List.of(iutAddresses), new SplittableRandom(seed));
    endpoint.defaultOptions().setHeartbeatEnabled(false);
    endpoint.defaultOptions().setPlpmtudProbeInterval(0);
  }

  /** A peer against an endpoint whose configuration is the defaults changed by {@code changes}. */
  public static ScriptedPeer with(Consumer<StackConfig.Builder> changes) {
    StackConfig.Builder b = StackConfig.builder();
    changes.accept(b);
    return new ScriptedPeer(b.build());
  }

  // ---- the endpoint and time -------------------------------------------------------------

  public Endpoint endpoint() {
    return endpoint;
  }

  /** The options new associations of the endpoint start from; change them before the handshake. */
  public AssociationOptions options() {
    return endpoint.defaultOptions();
  }

  public long now() {
    return now;
  }

  /** Moves time forward by {@code nanos}, firing every deadline on the way exactly when due. */
  public ScriptedPeer advance(long nanos) {
    return advanceTo(now + nanos);
  }

  /** Moves time to {@code target}, firing every deadline on the way exactly when due. */
  public ScriptedPeer advanceTo(long target) {
    int fired = 0;
    while (true) {
      long deadline = endpoint.nextDeadline();
      if (deadline == Endpoint.NEVER || deadline > target) {
        break;
      }
      if (++fired > MAX_TIMEOUTS_PER_ADVANCE) {
        fail("livelock: the deadline stays at " + deadline + " after handleTimeout");
      }
      now = Math.max(now, deadline);
      endpoint.handleTimeout(now);
      drain();
    }
    now = Math.max(now, target);
    return this;
  }

  /** The endpoint's next deadline, or {@link org.jsctp.endpoint.Endpoint#NEVER}. */
  public long nextDeadline() {
    return endpoint.nextDeadline();
  }

  // ---- sending to the IUT ----------------------------------------------------------------

  /** Sends {@code chunks} in one packet with the IUT's tag, from the tester's address and ports. */
  public void send(Chunk... chunks) {
    sendWithTag(iutTag, chunks);
  }

  /**
   * Sends {@code chunks} in one packet with the IUT's tag from another address of the tester's
   * (a second path, or an address the IUT does not know yet), from the tester's UDP port.
   */
  public void sendFrom(InetAddress from, Chunk... chunks) {
    deliver(from, PEER_UDP_PORT, encode(PEER_PORT, IUT_PORT, iutTag, chunks));
  }

  /** Sends {@code chunks} in one packet with the given Verification Tag. */
  public void sendWithTag(int vtag, Chunk... chunks) {
    sendPacket(PEER_PORT, IUT_PORT, vtag, chunks);
  }

  /**
   * Sends a packet with any ports and tag; chunks go in the order given, whatever the bundling
   * rules say, with a correct CRC32c.
   */
  public void sendPacket(int sourcePort, int destinationPort, int vtag, Chunk... chunks) {
    SctpPacket packet =
        new SctpPacket(
            new CommonHeader(sourcePort, destinationPort, vtag, 0), Arrays.asList(chunks));
    deliver(PEER_ADDRESS, PEER_UDP_PORT, packet.encode());
  }

  /** Sends raw bytes from the tester's address as they are: the checksum is not touched. */
  public void sendRaw(byte[] packet) {
    deliver(PEER_ADDRESS, PEER_UDP_PORT, packet);
  }

  /** Sends raw bytes after writing a correct CRC32c into them. */
  public void sendRawWithCrc(byte[] packet) {
    Crc32c.write(packet, 0, packet.length);
    deliver(PEER_ADDRESS, PEER_UDP_PORT, packet);
  }

  /** Hands a datagram to the endpoint as if it came from {@code from}:{@code udpPort}. */
  public void deliver(InetAddress from, int udpPort, byte[] datagram) {
    endpoint.handleDatagram(now, IUT_ADDRESS, from, udpPort, datagram);
    drain();
  }

  /** The encoded bytes of a packet (with its CRC32c), for tests that damage them. */
  public static byte[] encode(int sourcePort, int destinationPort, int vtag, Chunk... chunks) {
    return new SctpPacket(
            new CommonHeader(sourcePort, destinationPort, vtag, 0), Arrays.asList(chunks))
        .encode();
  }

  // ---- what the IUT sent -----------------------------------------------------------------

  /** One packet the IUT sent, decoded. */
  public record Sent(long at, Transmit transmit, SctpPacket packet) {

    public int vtag() {
      return packet.header().verificationTag();
    }

    public List<Chunk> chunks() {
      return packet.chunks();
    }

    /** The single chunk of this packet, which must be a {@code type}. */
    public <T extends Chunk> T only(Class<T> type) {
      assertThat(packet.chunks()).as("chunks of the packet sent at %d", at).hasSize(1);
      assertThat(packet.chunks().get(0)).as("the only chunk").isInstanceOf(type);
      return type.cast(packet.chunks().get(0));
    }

    /** The first chunk of this type, which must be present. */
    public <T extends Chunk> T first(Class<T> type) {
      for (Chunk c : packet.chunks()) {
        if (type.isInstance(c)) {
          return type.cast(c);
        }
      }
      return fail("no %s in %s", type.getSimpleName(), packet.chunks());
    }

    /** All chunks of this type, in packet order. */
    public <T extends Chunk> List<T> all(Class<T> type) {
      List<T> list = new ArrayList<>();
      for (Chunk c : packet.chunks()) {
        if (type.isInstance(c)) {
          list.add(type.cast(c));
        }
      }
      return list;
    }

    public boolean has(Class<? extends Chunk> type) {
      for (Chunk c : packet.chunks()) {
        if (type.isInstance(c)) {
          return true;
        }
      }
      return false;
    }

    /** Asserts the packet goes to the tester: its address, UDP port and SCTP ports. */
    public Sent toPeer() {
      return to(PEER_ADDRESS, PEER_UDP_PORT, PEER_PORT);
    }

    /** Asserts the destination address, UDP port and SCTP destination port, and our source port. */
    public Sent to(InetAddress address, int udpPort, int sctpPort) {
      assertThat(transmit.remoteAddress()).as("destination address").isEqualTo(address);
      assertThat(transmit.remoteUdpPort()).as("destination UDP port").isEqualTo(udpPort);
      assertThat(packet.header().destinationPort()).as("destination SCTP port").isEqualTo(sctpPort);
      assertThat(packet.header().sourcePort()).as("source SCTP port").isEqualTo(IUT_PORT);
      assertThat(transmit.localAddress()).as("source address").isEqualTo(IUT_ADDRESS);
      return this;
    }

    /** Asserts the Verification Tag. */
    public Sent withTag(int expected) {
      assertThat(vtag()).as("verification tag").isEqualTo(expected);
      return this;
    }

    @Override
    public String toString() {
      return "Sent@" + at + packet.chunks();
    }
  }

  /** The next packet the IUT sent; fails if there is none. Time does not move. */
  public Sent nextPacket() {
    Sent s = outbox.pollFirst();
    if (s == null) {
      fail("expected a packet from the IUT at %d, none was sent", now);
    }
    return s;
  }

  /** The next packet, which must go to the tester with the tester's tag. */
  public Sent nextPacketToPeer() {
    return nextPacket().toPeer().withTag(peerTag);
  }

  /**
   * Returns the next packet, moving time through the IUT's deadlines until one is sent; fails when
   * nothing is sent within {@code maxNanos}.
   */
  public Sent awaitPacket(long maxNanos) {
    long limit = now + maxNanos;
    int fired = 0;
    while (outbox.isEmpty()) {
      long deadline = endpoint.nextDeadline();
      if (deadline == Endpoint.NEVER || deadline > limit) {
        fail(
            "expected a packet from the IUT within %d ms of %d, none was sent (next deadline %s)",
            maxNanos / MS, limit - maxNanos, deadline == Endpoint.NEVER ? "never" : deadline);
      }
      if (++fired > MAX_TIMEOUTS_PER_ADVANCE) {
        fail("livelock: the deadline stays at " + deadline + " after handleTimeout");
      }
      now = Math.max(now, deadline);
      endpoint.handleTimeout(now);
      drain();
    }
    return outbox.pollFirst();
  }

  /**
   * Collects what the IUT sends and tells after a call made on the association directly (an
   * option change, a stream reset), as the tester's own calls do.
   */
  public void flush() {
    drain();
  }

  /** Asserts nothing is waiting in the outbox. */
  public void expectNoPacket() {
    assertThat(outbox).as("packets sent by the IUT at %d", now).isEmpty();
  }

  /** Moves time forward by {@code nanos} and asserts the IUT sent nothing meanwhile. */
  public void expectSilenceFor(long nanos) {
    expectNoPacket();
    advance(nanos);
    assertThat(outbox).as("packets sent by the IUT up to %d", now).isEmpty();
  }

  /** Every packet the IUT sent so far, taken or not. */
  public List<Sent> sentLog() {
    return sentLog;
  }

  /** Takes every packet waiting in the outbox, in order; the list may be empty. */
  public List<Sent> takeAll() {
    List<Sent> list = new ArrayList<>(outbox);
    outbox.clear();
    return list;
  }

  /** Drops any packets not yet taken. */
  public void discardOutbox() {
    outbox.clear();
  }

  // ---- events ----------------------------------------------------------------------------

  /** Every event so far, in order. */
  public List<SctpEvent> events() {
    return events;
  }

  public <T extends SctpEvent> List<T> events(Class<T> type) {
    List<T> list = new ArrayList<>();
    for (SctpEvent e : events) {
      if (type.isInstance(e)) {
        list.add(type.cast(e));
      }
    }
    return list;
  }

  /** The association-change kinds emitted so far, in order. */
  public List<AssociationChange.Kind> associationChanges() {
    List<AssociationChange.Kind> kinds = new ArrayList<>();
    for (AssociationChange c : events(AssociationChange.class)) {
      kinds.add(c.kind());
    }
    return kinds;
  }

  /** The messages delivered so far, in order. */
  public List<MessageReceived> received() {
    return events(MessageReceived.class);
  }

  /** Payloads of the delivered messages as strings, in order. */
  public List<String> receivedStrings() {
    List<String> list = new ArrayList<>();
    for (MessageReceived m : received()) {
      list.add(new String(m.data().toByteArray()));
    }
    return list;
  }

  /**
   * Whether delivered messages stay unread (held in the IUT's receive window) or are read at once.
   */
  public void holdReceivedData(boolean hold) {
    this.holdReceived = hold;
  }

  // ---- draining --------------------------------------------------------------------------

  private void drain() {
    collectTransmits();
    SctpEvent e;
    while ((e = endpoint.pollEvent()) != null) {
      events.add(e);
      if (e instanceof MessageReceived m && !holdReceived) {
        SctpAssociation a = endpoint.association(m.associationId());
        if (a != null) {
          a.consumed(now, m.data().length());
        }
      }
    }
    // Reading may have opened the window: a window update is a packet too.
    collectTransmits();
  }

  private void collectTransmits() {
    Transmit t;
    while ((t = endpoint.pollTransmit()) != null) {
      SctpPacket p;
      try {
        p = SctpPacket.decode(t.packet());
      } catch (WireFormatException e) {
        throw new AssertionError("the IUT sent an undecodable packet: " + e.getMessage(), e);
      }
      Sent s = new Sent(now, t, p);
      outbox.addLast(s);
      sentLog.add(s);
    }
  }

  // ---- application calls on the IUT --------------------------------------------------------

  /** The IUT's application sends {@code data} on {@code stream} (ordered, PPID 0). */
  public SendOutcome userSend(int stream, byte[] data) {
    return userSend(
        new OutgoingMessage(stream, 0, false, false, Bytes.wrap(data), 0, Long.MAX_VALUE));
  }

  /** The IUT's application sends {@code message}. */
  public SendOutcome userSend(OutgoingMessage message) {
    SendOutcome outcome = association.send(now, message);
    drain();
    return outcome;
  }

  /** The IUT's application asks for a graceful shutdown. */
  public void userShutdown() {
    association.shutdown(now);
    drain();
  }

  /** The IUT's application aborts with {@code reason}. */
  public void userAbort(Bytes reason) {
    association.abort(now, reason);
    drain();
  }

  /** The IUT's application reads {@code bytes} of held data. */
  public void userRead(long bytes) {
    association.consumed(now, bytes);
    drain();
  }

  // ---- handshake: the IUT connects ------------------------------------------------------

  /** The IUT connects to the tester; returns the INIT it sent (checked for tag 0 and ports). */
  public InitChunk connect() {
    return connect(List.of(PEER_ADDRESS));
  }

  /** The IUT connects to the tester at {@code addresses}; returns the INIT it sent. */
  public InitChunk connect(List<InetAddress> addresses) {
    association = endpoint.connect(now, addresses, PEER_PORT, PEER_UDP_PORT, null);
    drain();
    Sent s = nextPacket().to(addresses.get(0), PEER_UDP_PORT, PEER_PORT).withTag(0);
    InitChunk init = s.only(InitChunk.class);
    iutTag = init.initiateTag();
    iutInitialTsn = init.initialTsn();
    return init;
  }

  /**
   * The tester's usual INIT ACK: its tag, 10 streams each way, its TSN and {@link #TESTER_COOKIE}.
   */
  public InitAckChunk initAck() {
    return initAck(10, 10, DEFAULT_PEER_RWND, List.of(new StateCookieParameter(TESTER_COOKIE)));
  }

  public InitAckChunk initAck(
      int outboundStreams, int inboundStreams, long rwnd, List<Parameter> parameters) {
    return new InitAckChunk(peerTag, rwnd, outboundStreams, inboundStreams, nextTsn, parameters);
  }

  /** Answers the IUT's INIT with {@code ack}; the packet carries the IUT's tag. */
  public void sendInitAck(InitAckChunk ack) {
    sendWithTag(iutTag, ack);
  }

  /** Expects a COOKIE ECHO echoing {@link #TESTER_COOKIE} with the tester's tag. */
  public Sent expectCookieEcho() {
    Sent s = nextPacketToPeer();
    CookieEchoChunk echo = s.first(CookieEchoChunk.class);
    assertThat(s.chunks().get(0)).as("COOKIE ECHO comes first").isSameAs(echo);
    assertThat(echo.cookie()).as("the echoed cookie").isEqualTo(TESTER_COOKIE);
    return s;
  }

  /** The IUT connects and the tester completes the handshake; COMM_UP is checked. */
  public SctpAssociation establishActive() {
    return establishActive(new Parameter[0]);
  }

  /**
   * The IUT connects and the tester completes the handshake, its INIT ACK carrying {@code
   * extraParameters} too (to offer extensions, for example); COMM_UP is checked.
   */
  public SctpAssociation establishActive(Parameter... extraParameters) {
    connect();
    List<Parameter> parameters = new ArrayList<>();
    parameters.add(new StateCookieParameter(TESTER_COOKIE));
    parameters.addAll(List.of(extraParameters));
    sendInitAck(initAck(10, 10, DEFAULT_PEER_RWND, parameters));
    expectCookieEcho();
    send(new CookieAckChunk());
    assertThat(associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    expectNoPacket();
    return association;
  }

  // ---- handshake: the tester connects ---------------------------------------------------

  /** The tester's usual INIT: its tag, 10 streams each way, its TSN, no parameters. */
  public InitChunk init() {
    return new InitChunk(peerTag, DEFAULT_PEER_RWND, 10, 10, nextTsn, List.of());
  }

  /** Sends {@code init} with tag 0; returns the INIT ACK that must come back at once. */
  public InitAckChunk sendInitExpectInitAck(InitChunk init) {
    sendWithTag(0, init);
    Sent s = nextPacket().toPeer().withTag(init.initiateTag());
    InitAckChunk ack = s.only(InitAckChunk.class);
    assertThat(ack.stateCookie()).as("the INIT ACK's State Cookie").isPresent();
    iutTag = ack.initiateTag();
    iutInitialTsn = ack.initialTsn();
    return ack;
  }

  /** The IUT listens and the tester runs the handshake; COMM_UP is checked. */
  public SctpAssociation establishPassive() {
    endpoint.listen(true);
    InitAckChunk ack = sendInitExpectInitAck(init());
    send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    Sent s = nextPacketToPeer();
    assertThat(s.chunks().get(0)).isInstanceOf(CookieAckChunk.class);
    assertThat(associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    AssociationChange up = events(AssociationChange.class).get(0);
    association = endpoint.association(up.associationId());
    assertThat(association).isNotNull();
    expectNoPacket();
    return association;
  }

  // ---- data ------------------------------------------------------------------------------

  /** An ordered, complete DATA chunk with the next TSN (which is consumed). */
  public DataChunk data(int stream, int ssn, String payload) {
    return data(stream, ssn, payload.getBytes());
  }

  public DataChunk data(int stream, int ssn, byte[] payload) {
    return new DataChunk(false, false, true, true, nextTsn++, stream, ssn, 0, Bytes.wrap(payload));
  }

  /** Sends one ordered, complete message in its own packet; returns its TSN. */
  public int sendData(int stream, int ssn, String payload) {
    DataChunk d = data(stream, ssn, payload);
    send(d);
    return d.tsn();
  }

  /** A SACK from the tester. */
  public static SackChunk sack(int cumulativeTsn, long arwnd, SackChunk.GapAckBlock... gaps) {
    return new SackChunk(cumulativeTsn, arwnd, List.of(gaps), List.of());
  }

  /** A SACK acknowledging everything up to {@code cumulativeTsn} with the default window. */
  public static SackChunk sack(int cumulativeTsn) {
    return sack(cumulativeTsn, DEFAULT_PEER_RWND);
  }

  public static SackChunk.GapAckBlock gap(int start, int end) {
    return new SackChunk.GapAckBlock(start, end);
  }

  /** The next packet must go to the tester with a SACK; returns the SACK. */
  public SackChunk expectSack() {
    return nextPacketToPeer().first(SackChunk.class);
  }
}
