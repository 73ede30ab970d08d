package org.jsctp.association.fuzz;

import static org.jsctp.association.fuzz.Checks.check;
import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS;
import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS_2;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SctpEvent;
import org.jsctp.api.SendFailed;
import org.jsctp.api.SendOutcome;
import org.jsctp.association.AssociationInternals;
import org.jsctp.association.AssociationOptions;
import org.jsctp.association.AssociationState;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.Ipv4AddressParameter;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.StateCookieParameter;

/**
 * Plays the peer of one association against an {@link org.jsctp.endpoint.Endpoint} under test
 * (the IUT), through a {@link ScriptedPeer} in virtual time: it sets the association up as {@link
 * Setup} says, performs {@link FuzzAction}s (building their packets with {@link PacketFactory}),
 * and after each one reads everything the IUT sent and emitted into its models of the data in
 * either direction ({@link InboundModel}, {@link OutboundModel}), whose checks throw {@link
 * AssertionError}. {@link #settle()} ends a run as a well-behaved peer would, and checks that
 * nothing was lost.
 */
final class FuzzDriver {

  /** SO_RCVBUF of the IUT's associations: what it may hold for the peer. */
  static final long RCVBUF = 64 * 1024;

  /** SO_SNDBUF of the IUT's associations. */
  static final long SNDBUF = 32 * 1024;

  /** An address the association does not know. */
  static final InetAddress STRANGER = SimAddresses.v4("10.0.0.9");

  static final long MS = 1_000_000L;

  /**
   * With {@code -Dfuzz.trace=true} (or {@code FUZZ_TRACE} set in the environment) every action,
   * packet and event of a run is printed: how a finding is read.
   */
  static final boolean TRACE =
      Boolean.getBoolean("fuzz.trace") || System.getenv("FUZZ_TRACE") != null;

  private final ScriptedPeer peer;
  private final Setup setup;
  private final PacketFactory packets;
  private final Set<Integer> peerTags = new HashSet<>();
  private final Set<Integer> tagsUsed = new HashSet<>();
  private final List<InitAckChunk> initAcks = new ArrayList<>();
  private final List<Bytes> heartbeatInfos = new ArrayList<>();
  private SctpAssociation association;
  private int localTag;
  private int peerTag;
  private InboundModel inbound;
  private OutboundModel outbound;
  /** The models of the association's incarnations by the tag the IUT puts on their packets. */
  private final Map<Integer, Models> byPeerTag = new HashMap<>();
  private final List<OutboundModel> closedThisInput = new ArrayList<>();
  private int lastReceiverCumulativeTsn;
  private boolean closed;
  private boolean ambiguous;
  private boolean peerShutDown;
  private boolean cookieDataSent;
  private DataChunk cookieData;
  private int eventsSeen;
  private int nextNewTag = 0x3333_0001;
  private int messageId;

  private record Models(InboundModel inbound, OutboundModel outbound) {}

  FuzzDriver(Setup setup) {
    this.setup = setup;
    this.peer = new ScriptedPeer(StackConfig.defaults(), setup.seed(), ScriptedPeer.IUT_ADDRESS);
    this.packets = new PacketFactory(this);
    AssociationOptions o = peer.options();
    o.setRcvbuf(RCVBUF);
    o.setSndbuf(SNDBUF);
    o.setHeartbeatEnabled(setup.heartbeats());
    o.setNodelay(setup.nodelay());
    o.setPartialDeliveryPoint(setup.partialDeliveryPoint());
    peer.holdReceivedData(true);
    peer.nextTsn = setup.peerInitialTsn();
    peerTags.add(peer.peerTag);
  }

  // ---- what the packet factory and the invariants read -------------------------------------

  ScriptedPeer peer() {
    return peer;
  }

  SctpAssociation association() {
    return association;
  }

  InboundModel inbound() {
    return inbound;
  }

  OutboundModel outbound() {
    return outbound;
  }

  /**
   * Whether the models describe the association's current TCB, and saw all its packets: not when
   * another association (one the peer set up from another address) uses the same peer tag, whose
   * packets cannot be told apart.
   */
  boolean modelsCurrent() {
    return !closed && !ambiguous && tagsUnchanged();
  }

  private boolean tagsUnchanged() {
    return association.localTag() == localTag && association.peerTag() == peerTag;
  }

  /** The tag the IUT expects on the association's packets. */
  int iutTag() {
    return association.localTag();
  }

  /** The tag the IUT puts on its packets to the peer. */
  int peerTag() {
    return association.peerTag();
  }

  List<Bytes> heartbeatInfos() {
    return heartbeatInfos;
  }

  /** Where the peer's {@code source} is. */
  InetAddress address(FuzzAction.Source source) {
    return switch (source) {
      case PRIMARY -> PEER_ADDRESS;
      case SECOND -> setup.multihomed() ? PEER_ADDRESS_2 : PEER_ADDRESS;
      case STRANGER -> STRANGER;
    };
  }

  /** Reads the receiver cumulative TSN (for the invariants) and remembers it. */
  int swapReceiverCumulativeTsn(int now) {
    int before = lastReceiverCumulativeTsn;
    lastReceiverCumulativeTsn = now;
    return before;
  }

  // ---- setting up ------------------------------------------------------------------------

  /** Runs the handshake the setup asks for; the association must come up. */
  void establish() {
    List<Parameter> addresses = new ArrayList<>();
    if (setup.multihomed()) {
      addresses.add(new Ipv4AddressParameter((Inet4Address) PEER_ADDRESS));
      addresses.add(new Ipv4AddressParameter((Inet4Address) PEER_ADDRESS_2));
    }
    int streams = setup.peerStreams();
    if (setup.active()) {
      peer.connect();
      List<Parameter> params = new ArrayList<>(addresses);
      params.add(new StateCookieParameter(ScriptedPeer.TESTER_COOKIE));
      peer.sendInitAck(peer.initAck(streams, streams, setup.peerRwnd(), params));
      peer.expectCookieEcho();
      peer.send(new CookieAckChunk());
    } else {
      peer.endpoint().listen(true);
      InitAckChunk ack = peer.sendInitExpectInitAck(new InitChunk(peer.peerTag, setup.peerRwnd(),
          streams, streams, peer.nextTsn, addresses));
      initAcks.add(ack);
      peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
      peer.nextPacketToPeer().first(CookieAckChunk.class);
    }
    check(peer.associationChanges().equals(List.of(AssociationChange.Kind.COMM_UP)),
        "the handshake did not bring the association up: %s", peer.events());
    int id = peer.events(AssociationChange.class).get(0).associationId();
    association = peer.endpoint().association(id);
    peer.association = association;
    peer.endpoint().listen(true);
    tagsUsed.add(0);
    tagsUsed.add(association.localTag());
    eventsSeen = peer.events().size();
    newIncarnation(true);
    afterInput();
  }

  /** The association's TCB is new (set up, restarted, or another association came up). */
  private void newIncarnation(boolean knownAccounting) {
    AssociationInternals in = AssociationInternals.of(association);
    localTag = association.localTag();
    peerTag = association.peerTag();
    inbound = new InboundModel(in.peerInitialTsn(), association.inboundStreams());
    if (cookieDataSent) {
      // A DATA chunk of the earlier TSN space came bundled with the COOKIE ECHO that made this
      // TCB; whatever the IUT made of it, the plan no longer describes what it holds.
      inbound.leavePlan();
      inbound.markSent(cookieData);
    }
    outbound = new OutboundModel(in.localInitialTsn(), association.outboundStreams(),
        knownAccounting);
    byPeerTag.put(peerTag, new Models(inbound, outbound));
    lastReceiverCumulativeTsn = in.receiverCumulativeTsn();
    closed = false;
    ambiguous = false;
    peerShutDown = false;
  }

  // ---- actions ---------------------------------------------------------------------------

  void perform(FuzzAction action) {
    trace("%d  %s", peer.now(), action);
    cookieDataSent = false;
    if (action instanceof FuzzAction.PeerPacket p) {
      packets.send(p);
    } else if (action instanceof FuzzAction.PeerInit i) {
      peerInit(i);
    } else if (action instanceof FuzzAction.PeerCookieEcho e) {
      cookieEcho(e);
    } else if (action instanceof FuzzAction.AppSend s) {
      appSend(s);
    } else if (action instanceof FuzzAction.AppConsume c) {
      consume(inbound.unread() * c.eighths() / 8);
    } else if (action instanceof FuzzAction.AppShutdown) {
      peer.userShutdown();
    } else if (action instanceof FuzzAction.AppAbort) {
      peer.userAbort(Bytes.wrap("fuzz".getBytes()));
    } else if (action instanceof FuzzAction.Advance a) {
      peer.advance(a.nanos());
    }
    afterInput();
  }

  /** Sends a packet from the peer; remembers the tag it carried. */
  void deliver(InetAddress from, int vtag, List<Chunk> chunks) {
    trace("%d  -> from %s tag %08x %s", peer.now(), from.getHostAddress(), vtag, chunks);
    tagsUsed.add(vtag);
    for (Chunk c : chunks) {
      peerShutDown |= c instanceof ShutdownChunk && vtag == iutTag();
    }
    peer.deliver(from, ScriptedPeer.PEER_UDP_PORT, ScriptedPeer.encode(ScriptedPeer.PEER_PORT,
        ScriptedPeer.IUT_PORT, vtag, chunks.toArray(new Chunk[0])));
  }

  private void peerInit(FuzzAction.PeerInit i) {
    int tag = i.newTag() ? nextNewTag++ : peerTag();
    int tsn = i.newTag() ? setup.peerInitialTsn() + 0x1000_0000 * (tag & 0xF) : inbound.initialTsn();
    peerTags.add(tag);
    List<Parameter> params = new ArrayList<>();
    if (setup.multihomed()) {
      params.add(new Ipv4AddressParameter((Inet4Address) PEER_ADDRESS));
      params.add(new Ipv4AddressParameter((Inet4Address) PEER_ADDRESS_2));
    }
    int streams = setup.peerStreams();
    deliver(address(i.source()), 0,
        List.of(new InitChunk(tag, setup.peerRwnd(), streams, streams, tsn, params)));
  }

  private void cookieEcho(FuzzAction.PeerCookieEcho e) {
    InitAckChunk ack = switch (e.cookie()) {
      case LATEST -> initAcks.isEmpty() ? null : initAcks.get(initAcks.size() - 1);
      case OLDEST -> initAcks.isEmpty() ? null : initAcks.get(0);
      case FORGED -> null;
    };
    List<Chunk> chunks = new ArrayList<>();
    int vtag;
    if (ack == null) {
      chunks.add(new CookieEchoChunk(Bytes.wrap(new byte[48])));
      vtag = iutTag();
    } else {
      chunks.add(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
      vtag = ack.initiateTag();
    }
    if (e.withData()) {
      int index = inbound.lowestUnsent();
      DataChunk d = inbound.planned(index, PacketFactory.SMALL_MESSAGE);
      inbound.markSent(d);
      chunks.add(d);
      cookieDataSent = true;
      cookieData = d;
    }
    deliver(PEER_ADDRESS, vtag, chunks);
  }

  private void appSend(FuzzAction.AppSend s) {
    int id = ++messageId;
    byte[] payload = new byte[s.size()];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) (id * 7 + i);
    }
    for (int i = 0; i < Math.min(4, payload.length); i++) {
      payload[i] = (byte) (id >>> (24 - 8 * i));
    }
    long expires = s.lifetimeNanos() == Long.MAX_VALUE
        ? Long.MAX_VALUE : peer.now() + s.lifetimeNanos();
    Bytes data = Bytes.wrap(payload);
    OutgoingMessage message;
    try {
      message = new OutgoingMessage(s.stream(), 0, s.unordered(), s.sackImmediately(), data, id,
          expires);
    } catch (IllegalArgumentException e) {
      // RFC 9260 section 6.2: no DATA chunk without user data, so no empty message.
      check(s.size() == 0, "message of %d bytes refused: %s", s.size(), e);
      return;
    }
    check(s.size() > 0, "an empty message was taken");
    boolean accepting = association.state().acceptsUserData();
    SendOutcome outcome = peer.userSend(message);
    if (outcome == SendOutcome.ACCEPTED) {
      check(accepting && s.stream() < association.outboundStreams(),
          "send on stream %d of %d accepted in %s", s.stream(), association.outboundStreams(),
          association.state());
      outbound.accepted(new OutboundModel.AppMessage(s.stream(), s.unordered(), data));
    }
  }

  private void consume(long bytes) {
    if (bytes > 0 && !closed) {
      inbound.consumed(bytes);
      peer.userRead(bytes);
    }
  }

  // ---- what the IUT did --------------------------------------------------------------------

  /**
   * Reads the events and packets the last input produced into the models. Events come first, so
   * that a restart or a new association has its models before its packets are read; packets go to
   * the models of the incarnation whose tag they carry; and an association that closed is checked
   * once its last packets have been read.
   */
  void afterInput() {
    List<SctpEvent> events = peer.events();
    while (eventsSeen < events.size()) {
      onEvent(events.get(eventsSeen++));
    }
    check(closed || tagsUnchanged(),
        "the association's tags changed without a RESTART: %08x/%08x, were %08x/%08x",
        association.localTag(), association.peerTag(), localTag, peerTag);
    ambiguous |= !closed && sharedWithAnotherAssociation(peerTag);
    for (Sent s : peer.takeAll()) {
      onPacket(s);
    }
    for (OutboundModel m : closedThisInput) {
      m.checkClosed();
    }
    closedThisInput.clear();
  }

  private void onEvent(SctpEvent e) {
    trace("%d  event %s", peer.now(), e);
    if (e instanceof AssociationChange c) {
      if (c.associationId() != association.id()) {
        if (c.kind() == AssociationChange.Kind.COMM_UP && closed) {
          // The peer set up a new association after the old one closed: play that one now.
          association = peer.endpoint().association(c.associationId());
          peer.association = association;
          byPeerTag.clear();
          newIncarnation(true);
        }
        return;
      }
      switch (c.kind()) {
        case RESTART -> newIncarnation(false);
        case COMM_LOST, SHUTDOWN_COMP, CANT_STR_ASSOC -> {
          if (!closed && !ambiguous) {
            closedThisInput.add(outbound);
          }
          closed = true;
        }
        case COMM_UP -> throw new AssertionError("COMM_UP twice for association " + c.associationId());
      }
    } else if (e instanceof MessageReceived m && m.associationId() == association.id() && !closed) {
      inbound.onMessage(m);
    } else if (e instanceof SendFailed f && f.associationId() == association.id()) {
      outbound.onFailed(f);
    }
  }

  private void onPacket(Sent s) {
    trace("%d  <- to %s tag %08x %s", s.at(), s.transmit().remoteAddress().getHostAddress(),
        s.vtag(), s.chunks());
    InetAddress to = s.transmit().remoteAddress();
    check(to.equals(PEER_ADDRESS) || to.equals(PEER_ADDRESS_2) || to.equals(STRANGER),
        "packet to %s, an address the peer never used: %s", to, s);
    check(s.transmit().remoteUdpPort() == ScriptedPeer.PEER_UDP_PORT
            && s.packet().header().sourcePort() == ScriptedPeer.IUT_PORT
            && s.packet().header().destinationPort() == ScriptedPeer.PEER_PORT,
        "packet with wrong ports: %s", s);
    checkTag(s);
    for (Chunk c : s.chunks()) {
      if (c instanceof InitAckChunk ack && ack.stateCookie().isPresent()) {
        initAcks.add(ack);
      } else if (c instanceof HeartbeatChunk hb && hb.info().isPresent()) {
        if (heartbeatInfos.size() == 8) {
          heartbeatInfos.remove(1);
        }
        heartbeatInfos.add(hb.info().get());
      }
    }
    Models models = byPeerTag.get(s.vtag());
    if (models == null || sharedWithAnotherAssociation(s.vtag())) {
      return;
    }
    for (Chunk c : s.chunks()) {
      if (c instanceof DataChunk d) {
        models.outbound().onData(d);
      } else if (c instanceof SackChunk sack) {
        models.inbound().onSack(sack);
      } else if (c instanceof ShutdownChunk sd) {
        models.inbound().onCumulativeAck(sd.cumulativeTsnAck(), "SHUTDOWN");
      }
    }
  }

  /**
   * Whether another association (one the peer set up from another address) uses the same tag, so
   * that a packet with it cannot be told apart.
   */
  private boolean sharedWithAnotherAssociation(int vtag) {
    for (SctpAssociation other : peer.endpoint().associations()) {
      if (other != association && other.peerTag() == vtag) {
        return true;
      }
    }
    return false;
  }

  /**
   * RFC 9260 section 8.5: an INIT carries tag 0; an ABORT or SHUTDOWN COMPLETE with the T bit a
   * tag the peer used; every other packet a tag the peer announced in its INIT or INIT ACK.
   */
  private void checkTag(Sent s) {
    Chunk first = s.chunks().get(0);
    if (first instanceof InitChunk) {
      check(s.vtag() == 0, "INIT with tag %08x", s.vtag());
    } else if (PacketFactory.reflectsTag(first)) {
      check(tagsUsed.contains(s.vtag()), "T bit with tag %08x the peer never used: %s", s.vtag(), s);
    } else {
      check(peerTags.contains(s.vtag()), "tag %08x the peer never announced: %s", s.vtag(), s);
    }
  }

  static void trace(String format, Object... args) {
    if (TRACE) {
      System.out.println(String.format(format, args));
    }
  }

  // ---- the end of a run ----------------------------------------------------------------------

  /**
   * Ends the run as a well-behaved peer: acknowledges everything the IUT sends, answers its
   * heartbeats, lets the application read everything, and sends the planned chunks the IUT has
   * not acknowledged within its window. Then every message the application sent must have
   * arrived or been reported unsent; and when the peer kept to its plan and never overran the
   * IUT's window (see {@link InboundModel}), every planned message must have been delivered. Only
   * for an association still established whose models are exact.
   */
  void settle() {
    if (closed || peerShutDown || association.state() != AssociationState.ESTABLISHED
        || !modelsCurrent()) {
      return;
    }
    trace("%d  settle", peer.now());
    boolean inboundLive = inbound.strict() && !inbound.overran();
    for (int round = 0; round < 300 && !settled(inboundLive); round++) {
      check(association.state() == AssociationState.ESTABLISHED,
          "the association left ESTABLISHED while the peer behaved: %s", association.state());
      consume(inbound.unread());
      afterInput();
      packets.acknowledgeEverything();
      afterInput();
      if (inbound.strict()) {
        packets.resendUnacknowledged();
      }
      peer.advance(200 * MS);
      afterInput();
    }
    consume(inbound.unread());
    afterInput();
    check(association.bufferedAmount() == 0, "settle: still %d bytes buffered after 300 rounds",
        association.bufferedAmount());
    outbound.checkAllDelivered();
    if (inboundLive) {
      check(inbound.ackedCumIndex() >= inbound.plannedCount() - 1,
          "settle: the IUT acknowledged %d of %d planned chunks after 300 rounds",
          inbound.ackedCumIndex() + 1, inbound.plannedCount());
      check(inbound.undeliveredMessages().isEmpty(), "settle: planned messages not delivered: %s",
          inbound.undeliveredMessages());
    }
  }

  private boolean settled(boolean inboundLive) {
    boolean inboundDone = !inboundLive || inbound.ackedCumIndex() >= inbound.plannedCount() - 1;
    return inboundDone && association.bufferedAmount() == 0;
  }
}
