package org.jsctp.association;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.SctpEvent;
import org.jsctp.config.Sysctl;
import org.jsctp.endpoint.Transmit;
import org.jsctp.ha.AssociationSnapshot;
import org.jsctp.ha.HaMode;
import org.jsctp.path.Path;
import org.jsctp.path.PathManager;
import org.jsctp.stats.MibCounter;
import org.jsctp.stats.MibCounters;
import org.jsctp.timer.Timer;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SendOutcome;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.RawPacket;
import org.jsctp.wire.SctpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SCTP association and its state machine (RFC 9260 section 4). It is driven by its {@code
 * Endpoint} (packets and timeouts) and by the application (send, shutdown, abort, and option
 * changes through {@link #options()}); every entry point takes the current time and none of them
 * blocks, reads a clock or does I/O. Packets to send are taken with {@link #pollTransmit(long)};
 * events go to the endpoint's event queue.
 *
 * <p>What is valid only in some states lives in the current {@link Phase}: the handshake's data
 * in {@link CookieWait} and {@link CookieEchoed}, the shutdown's in {@link ShuttingDown}, and the
 * {@link Tcb} (tags, Initial TSNs, streams, the data halves) from COOKIE-ECHOED on. This class
 * holds the association's parts and entry points, moves from phase to phase in {@link
 * #transition} and owns the queue of control chunks. {@link ChunkDispatch} hands chunks to the
 * handler of their family ({@link HandshakeHandler}, {@link CollisionHandler}, {@link
 * ShutdownHandler}, the data halves, the {@link PathManager}), {@link TimerDispatch} runs the
 * timers, {@link Establishment} builds the TCB and brings the association up, {@link
 * PathFactory} adds paths, and {@link Termination} ends it (ABORT, association errors past
 * Association.Max.Retrans as in section 8.1, a completed shutdown).
 *
 * <p>Not thread-safe: the endpoint's single thread owns it.
 */
public final class SctpAssociation {

  private static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);
  private static final long MS = 1_000_000L;

  final AssociationContext ctx;
  final int id;
  private final int peerPort;
  final MibCounters counters;
  final PathManager paths;
  final ControlQueue controls = new ControlQueue();
  final AssociationOptions options;
  final DataHalfSettings halfSettings;
  final ComponentEvents components;
  final HandshakeHandler handshake;
  final CollisionHandler collisions;
  final ShutdownHandler shutdown;
  final TransferHandler transfer = new TransferHandler(this);
  final HeartbeatHandler heartbeats = new HeartbeatHandler(this);
  final Establishment establishment = new Establishment(this);
  final PathFactory pathFactory = new PathFactory(this);
  final Termination termination = new Termination(this);
  private final ChunkDispatch chunkDispatch = new ChunkDispatch(this);
  private final TimerDispatch timerDispatch = new TimerDispatch(this);
  final StreamReconfiguration reconfig = new StreamReconfiguration(this);
  final AsconfSender asconf = new AsconfSender(this);
  final AsconfReceiver peerAsconf = new AsconfReceiver(this);
  /** This association's local addresses: the endpoint's at set-up, then changed by ADD-IP. */
  final LocalAddressSet locals;
  final PacketAssembler assembler = new PacketAssembler(this);
  final LiveOptions liveOptions;
  /** The endpoint's scheduling bookkeeping of this association. */
  final ScheduleSlot schedule = new ScheduleSlot();
  Phase phase;
  long lastNow;
  final HaControl ha = new HaControl(this);

  SctpAssociation(AssociationContext ctx, int id, int peerPort, AssociationOptions options) {
    this.ctx = ctx;
    this.id = id;
    this.peerPort = peerPort;
    this.options = options;
    this.halfSettings = new DataHalfSettings(options);
    this.counters = new MibCounters(ctx.counters());
    this.components = new ComponentEvents(this);
    this.paths = new PathManager(components);
    this.paths.setPsRetrans(options.psRetrans());
    this.paths.setPfCwndReset(ctx.config().flag(Sysctl.PF_CWND_RESET));
    this.paths.setHbMaxBurst((int) ctx.config().get(Sysctl.HB_MAX_BURST));
    this.handshake = new HandshakeHandler(this);
    this.collisions = new CollisionHandler(this);
    this.shutdown = new ShutdownHandler(this);
    this.liveOptions = new LiveOptions(this);
    this.locals = new LocalAddressSet(ctx.localAddresses());
    this.phase = new Closed(0, 0, 0);
  }

  // ---- identity and state ----------------------------------------------------------------

  /** The association id, unique in its endpoint and never 0 (RFC 6458 sctp_assoc_t). */
  public int id() {
    return id;
  }

  public AssociationState state() {
    return phase.state();
  }

  Phase phase() {
    return phase;
  }

  /** The TCB, or null before the peer's parameters are known (COOKIE-WAIT) and after CLOSED. */
  Tcb tcb() {
    return phase instanceof Phase.WithTcb p ? p.tcb() : null;
  }

  /** The verification tag this side expects (its Initiate Tag). */
  public int localTag() {
    return phase.localTag();
  }

  /** The verification tag the peer expects, or 0 before the handshake told it. */
  public int peerTag() {
    Tcb tcb = tcb();
    if (tcb != null) {
      return tcb.peerTag;
    }
    return phase instanceof Closed c ? c.peerTag() : 0;
  }

  public int localPort() {
    return ctx.localPort();
  }

  public int peerPort() {
    return peerPort;
  }

  /** Streams this side may send on (0 before the handshake completed). */
  public int outboundStreams() {
    Tcb tcb = tcb();
    return tcb == null ? 0 : tcb.outboundStreams;
  }

  /** Streams the peer may send on. */
  public int inboundStreams() {
    Tcb tcb = tcb();
    return tcb == null ? 0 : tcb.inboundStreams;
  }

  /** The socket options of this association and the only way to change them while it lives. */
  public LiveOptions options() {
    return liveOptions;
  }

  public MibCounters counters() {
    return counters;
  }

  /** The association error counter (RFC 9260 section 8.1). */
  public int errorCount() {
    Tcb tcb = tcb();
    if (tcb != null) {
      return tcb.errorCount();
    }
    return phase instanceof Closed c ? c.errorCount() : 0;
  }

  /** Whether nothing is queued or unacknowledged in either direction. */
  public boolean isIdle() {
    Tcb tcb = tcb();
    return (tcb == null || tcb.isIdle()) && controls.isEmpty()
        && !ha.holding();
  }

  /** User data bytes queued or unacknowledged (the buffered amount; SO_SNDBUF counts these). */
  public long bufferedAmount() {
    Tcb tcb = tcb();
    return tcb == null ? 0 : tcb.sender.bufferedAmount();
  }

  /** The largest user data one DATA chunk carries now (AMDCS, lowered by SCTP_MAXSEG). */
  public int fragmentSize() {
    Tcb tcb = tcb();
    return tcb == null ? paths.fragmentPoint() : tcb.sender.fragmentSize();
  }

  /** Bytes received and held for the application: delivered and unread, or not yet deliverable. */
  public long receivedBytesHeld() {
    Tcb tcb = tcb();
    return tcb == null ? 0 : tcb.receiver.held();
  }

  /** The peer's transport addresses, in path order. */
  public List<InetAddress> peerAddresses() {
    List<InetAddress> list = new ArrayList<>();
    for (Path p : paths.paths()) {
      list.add(p.address());
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * This association's local addresses: those of its endpoint when it was set up, then those
   * ADD-IP (RFC 5061) added, including any whose addition or deletion the peer has not answered
   * yet (the association still receives on them).
   */
  public List<InetAddress> localAddresses() {
    return locals.all();
  }

  /** The UDP encapsulation port of the path to {@code address}, or 0 when it is no peer address. */
  public int peerUdpPort(InetAddress address) {
    Path p = paths.find(address);
    return p == null ? 0 : p.udpPort();
  }

  // ---- phases ----------------------------------------------------------------------------

  /** Creates an association that starts the handshake (RFC 9260 section 5.1 step A). */
  public static SctpAssociation connect(AssociationContext ctx, int id, long now, List<InetAddress> peers,
      int peerPort, int peerUdpPort, AssociationOptions options) {
    SctpAssociation a = new SctpAssociation(ctx, id, peerPort, options);
    a.lastNow = now;
    a.handshake.connect(now, peers, peerUdpPort);
    a.touch();
    return a;
  }

  /** Creates the association of a valid COOKIE ECHO from a new peer (section 5.1 step D). */
  public static SctpAssociation accept(AssociationContext ctx, int id, long now, StateCookie cookie,
      Destination source, AssociationOptions options) {
    SctpAssociation a = new SctpAssociation(ctx, id, cookie.peerPort(), options);
    a.lastNow = now;
    a.collisions.acceptCookie(now, cookie, source);
    return a;
  }

  /**
   * Builds a live association from a replicated one (a standby taking over, docs/ha.md): the same
   * tags, TSNs, streams and extensions, its paths with their RTO state, its data halves, in its
   * state (ESTABLISHED or a shutdown state). Outstanding chunks wait for retransmission (whether
   * the active's last transmissions arrived is not known), heartbeats start, a shutdown goes on
   * where it was. Called by the endpoint, which registers it and hands out the events that
   * follow.
   *
   * @param defaults the options the snapshot's settings apply to (a setting the snapshot lacks
   *     keeps its value here); the association does not replicate (the standby has no standby yet)
   * @throws IllegalArgumentException when the snapshot does not fit together
   */
  public static SctpAssociation restore(AssociationContext ctx, int id, long now,
      AssociationSnapshot snapshot, AssociationOptions defaults) {
    return AssociationRestore.restore(ctx, id, now, snapshot, defaults);
  }

  /**
   * Resumes the association after {@link #restore}: COMM_UP for the standby's application, the
   * messages the active's application was handed and did not confirm handed again (flagged as
   * possible duplicates); in THRESHOLD mode the TSNs the standby cannot know are skipped and the
   * messages that may be lost reported (SEND_FAILED with the TAKEOVER cause); a shutdown goes
   * on. Called by the endpoint once it registered it.
   *
   * @return the messages reported as possibly lost (THRESHOLD mode), else 0
   */
  public int resumeAfterRestore(long now, AssociationSnapshot snapshot) {
    return AssociationRestore.resume(this, now, snapshot);
  }

  /**
   * Moves to {@code next}: the one place where the state changes. Leaving the states that
   * heartbeat stops the heartbeats (section 8.3); reaching ESTABLISHED from the handshake brings
   * the association up.
   */
  void transition(Phase next, long now) {
    Phase prev = phase;
    AssociationState from = prev.state();
    AssociationState to = next.state();
    if (prev != next) {
      prev.stopTimers();
    }
    if (prev instanceof Phase.WithTcb old
        && !(next instanceof Phase.WithTcb kept && kept.tcb().receiver == old.tcb().receiver)) {
      old.tcb().receiver.releaseMemory();
    }
    phase = next;
    if (prev instanceof Phase.WithTcb old && next instanceof Phase.WithTcb now2
        && old.tcb() != now2.tcb()) {
      ha.tcbReplaced(old.tcb(), now2.tcb(), now);
    }
    if (from == to) {
      return;
    }
    if (from.heartbeats() && !to.heartbeats()) {
      paths.stopHeartbeats();
    }
    LOG.debug("association {}: {} -> {}", id, from, to);
    ctx.observer().associationStateChanged(this, from, to, now);
  }

  /** A shutdown phase moves on to {@code next} (section 9.2). */
  void transition(ShuttingDown phase, AssociationState next, long now) {
    AssociationState from = phase.state();
    phase.advance(next);
    if (from.heartbeats() && !next.heartbeats()) {
      paths.stopHeartbeats();
    }
    LOG.debug("association {}: {} -> {}", id, from, next);
    if (from != next) {
      ctx.observer().associationStateChanged(this, from, next, now);
    }
  }

  // ---- input -----------------------------------------------------------------------------

  /**
   * Handles the chunks of a packet whose verification tag the endpoint has already checked
   * (RFC 9260 section 8.5), in order. With AUTH (RFC 4895 section 6.3) an AUTH chunk is verified
   * against the packet's bytes, and a chunk that must come after a verified AUTH chunk and does
   * not is discarded. Called by the endpoint only.
   *
   * @param raw the bytes {@code packet} was decoded from, for the HMAC of an AUTH chunk
   * @param firstChunk index of the first chunk still to handle (the endpoint may have handled a
   *     leading COOKIE ECHO already, or a leading AUTH and COOKIE ECHO)
   * @param authenticated whether the endpoint verified a leading AUTH chunk, which covers every
   *     chunk from {@code firstChunk} on
   */
  public void handlePacket(long now, SctpPacket packet, RawPacket raw, int firstChunk,
      boolean authenticated, Destination source) {
    lastNow = now;
    chunkDispatch.handlePacket(now, packet, raw, firstChunk, authenticated, source);
  }

  /** The AUTH state: {@link Authentication#OFF} before the TCB exists. */
  Authentication auth() {
    Tcb tcb = tcb();
    return tcb == null ? Authentication.OFF : tcb.auth;
  }

  /**
   * Whether AUTH (RFC 4895) was negotiated: both sides offered it, so the chunks each side listed,
   * and ASCONF and ASCONF-ACK always, travel authenticated.
   */
  boolean authNegotiated() {
    return auth().negotiated();
  }

  /**
   * Whether the chunk being handled now came after a verified AUTH chunk in its packet (RFC 4895
   * section 6.3). Chunks this side listed, and ASCONF and ASCONF-ACK, reach their handlers only
   * authenticated when AUTH was negotiated; others may come either way.
   */
  boolean chunkAuthenticated() {
    return chunkDispatch.chunkAuthenticated();
  }

  /**
   * Whether this association takes chunks of {@code chunkType} only after a verified AUTH chunk
   * (RFC 4895 section 6.3). For the endpoint, which handles COOKIE ECHO.
   */
  public boolean requiresAuthentication(int chunkType) {
    return auth().requiredInbound(chunkType);
  }

  /**
   * Verifies the AUTH chunk leading a packet whose second chunk is a COOKIE ECHO for this
   * association, with this association's keys (RFC 4895 section 6.3), counting the outcome. False
   * also when the association does not use AUTH. For the endpoint.
   */
  public boolean verifyLeadingAuth(SctpPacket packet, RawPacket raw, Destination source) {
    return chunkDispatch.verifyLeadingAuth(packet, raw, source);
  }

  /** An INIT that belongs to this association (section 5.2.1 and 5.2.2). Called by the endpoint. */
  public void handleInit(long now, InitChunk init, Destination source) {
    lastNow = now;
    counters.increment(MibCounter.SCTP_IN_SCTP_PACKS);
    counters.increment(MibCounter.SCTP_IN_CTRL_CHUNKS);
    collisions.onInit(now, init, source);
    touch();
  }

  /**
   * A COOKIE ECHO with a verified cookie that belongs to this association (section 5.2.4);
   * returns whether the rest of its packet should be handled. Called by the endpoint.
   */
  public boolean handleCookieEcho(long now, StateCookie cookie, Destination source) {
    lastNow = now;
    counters.increment(MibCounter.SCTP_IN_CTRL_CHUNKS);
    boolean rest = collisions.onCookieEcho(now, cookie, source);
    touch();
    return rest;
  }

  // ---- timers ----------------------------------------------------------------------------

  /** The earliest deadline of any of this association's timers, or {@link Timer#NEVER}. */
  public long nextDeadline() {
    return timerDispatch.nextDeadline();
  }

  /**
   * Handles every timer due at {@code now}, in the fixed order of {@link org.jsctp.timer.TimerKind}:
   * T1, T2, T5, delayed SACK, autoclose, RE-CONFIG, T-4 RTO (ASCONF), then T3-rtx, heartbeat and
   * PLPMTUD of each path in path order.
   * Spurious calls are harmless. Called by the endpoint only.
   */
  public void handleTimeout(long now) {
    lastNow = now;
    timerDispatch.handleTimeout(now);
  }

  void armAutoclose(long now) {
    long seconds = options.autocloseSeconds();
    if (seconds > 0 && phase instanceof Established e) {
      e.autoclose.start(now, seconds * 1_000 * MS);
    }
  }

  // ---- output ----------------------------------------------------------------------------

  void queueControl(Chunk chunk, Destination destination) {
    queueControl(chunk, destination, peerTag());
  }

  void queueControl(Chunk chunk, Destination destination, int verificationTag) {
    controls.add(chunk, destination, verificationTag);
  }

  /** Queues a PLPMTUD probe of {@code size} bytes of IP packet to {@code path} (RFC 8899 6.2). */
  void queueProbe(Path path, Bytes info, int size) {
    assembler.queueProbe(Destination.of(path), info, size);
    touch();
  }

  /** The destination of control chunks that are not replies: the primary path. */
  Destination primaryDestination() {
    Path p = paths.currentDataPath() != null ? paths.currentDataPath() : paths.primary();
    if (p == null && !paths.paths().isEmpty()) {
      p = paths.paths().get(0);
    }
    return Destination.of(p);
  }

  /**
   * The next packet to send, or null. Call until it answers null after every input, timeout or
   * user call (see {@link PacketAssembler}).
   */
  public Transmit pollTransmit(long now) {
    return ha.pollTransmit(now, assembler);
  }

  void touch() {
    ha.flush(lastNow);
    ctx.touched(this);
  }

  /** Every event of the association goes out here; with HA some wait for the standby. */
  void emitEvent(SctpEvent event) {
    if (!ha.emit(event)) {
      ctx.emit(event);
    }
  }

  // ---- application calls -----------------------------------------------------------------

  /**
   * Queues a user message (RFC 9260 section 10.1 SEND). It will be delivered or reported with a
   * SendFailed event; it is never dropped silently.
   */
  public SendOutcome send(long now, OutgoingMessage message) {
    return send(now, message, null);
  }

  /**
   * {@link #send(long, OutgoingMessage)} that also confirms the deliveries up to {@code
   * confirms} ({@link #confirmDelivered}) when the message is accepted, so that both reach the
   * standby in one replication record: after a takeover a request answered this way is either
   * handed again with its reply never sent (SYNC), or not handed again with its reply known to
   * the standby (docs/ha.md). Null confirms nothing.
   */
  public SendOutcome send(long now, OutgoingMessage message, MessageReceived confirms) {
    lastNow = now;
    if (confirms != null && confirms.associationId() != id) {
      throw new IllegalArgumentException("message of association " + confirms.associationId()
          + " confirmed on association " + id);
    }
    if (!state().acceptsUserData()) {
      return SendOutcome.NOT_ACCEPTING;
    }
    if (phase instanceof CookieWait w) {
      return w.early.add(message, options.outboundStreams(), options.sndbuf());
    }
    Tcb tcb = tcb();
    SendOutcome outcome = tcb.sender.send(message);
    if (outcome == SendOutcome.ACCEPTED) {
      // A send is a new transmission opportunity: Max.Burst limits each one (RFC 9260 section
      // 6.1 D), not everything sent between two packets from the peer.
      tcb.sender.startRound();
      armAutoclose(now);
      if (confirms != null) {
        ha.confirmQuietly(confirms);
      }
      touch();
    }
    return outcome;
  }

  /** Graceful shutdown (RFC 9260 section 10.1 SHUTDOWN). */
  public void shutdown(long now) {
    lastNow = now;
    shutdown.requestShutdown(now);
    touch();
  }

  /** ABORT with cause 12, User-Initiated Abort, carrying {@code reason} (may be empty). */
  public void abort(long now, Bytes reason) {
    lastNow = now;
    termination.abortByApplication(now, reason);
  }

  /** The application read {@code bytes} of delivered data; the window may reopen. */
  public void consumed(long now, long bytes) {
    lastNow = now;
    Tcb tcb = tcb();
    if (tcb != null) {
      tcb.receiver.consumed(bytes);
      if (tcb.receiver.sackDue()) {
        touch();
      }
    }
  }

  // ---- local addresses (RFC 5061) -----------------------------------------------------------

  /**
   * The endpoint bound {@code address} (sctp_bindx ADD): with ADD-IP negotiated the peer is asked
   * to add it (RFC 5061); without, the association does not learn it. Called by the endpoint.
   */
  public void localAddressAdded(long now, InetAddress address) {
    lastNow = Math.max(lastNow, now);
    asconf.localAddressAdded(address);
    touch();
  }

  /**
   * Why {@code address} cannot be unbound while this association lives, or null when it can: the
   * association does not hold it, ends anyway, or can ask its peer to delete it (RFC 5061).
   */
  public String localAddressRemovalRefusal(InetAddress address) {
    return asconf.removalRefusal(address);
  }

  /**
   * The endpoint unbound {@code address} (sctp_bindx REM), which {@link
   * #localAddressRemovalRefusal} allowed: the peer is asked to delete it and no path sends from
   * it; the association keeps receiving on it until the peer answered ({@link #localAddresses()}
   * lists it until then). Called by the endpoint.
   */
  public void localAddressRemoved(long now, InetAddress address) {
    lastNow = Math.max(lastNow, now);
    asconf.localAddressRemoved(address);
    touch();
  }

  // ---- HA replication (docs/ha.md) --------------------------------------------------------

  void setHaMode(HaMode mode, long now) {
    lastNow = Math.max(lastNow, now);
    ha.setMode(mode, now);
  }

  HaMode haMode() {
    return ha.mode();
  }

  /**
   * The standby has stored every replication record of this association up to {@code upTo}: the
   * acknowledgements, packets and events that waited for them go. Spurious and repeated calls are
   * harmless.
   */
  public void replicated(long now, long upTo) {
    lastNow = Math.max(lastNow, now);
    ha.replicated(upTo, now);
  }

  /**
   * The application has dealt with every message (and piece) it was handed up to and including
   * {@code upTo}: with HA they are not handed again after a takeover (the confirmation is
   * replicated lazily), and their bytes no longer hold the receive window. Without HA it does
   * nothing.
   *
   * @param upTo a {@link MessageReceived} of this association, as it was handed out
   */
  public void confirmDelivered(long now, MessageReceived upTo) {
    lastNow = Math.max(lastNow, now);
    if (upTo.associationId() != id) {
      throw new IllegalArgumentException("message of association " + upTo.associationId()
          + " confirmed on association " + id);
    }
    ha.confirmDelivered(upTo);
  }

  /**
   * Makes the next replication record a full snapshot: a new standby joined, or one reported a
   * gap in the records. Does nothing when HA is off.
   */
  public void requestSnapshot() {
    ha.requestSnapshot();
  }

  /**
   * A snapshot of the association as it stands, for a standby (docs/ha.md). Replication makes
   * its own; this is for tools and tests. Without HA nothing the application was handed is kept,
   * so the redelivery list is empty.
   *
   * @throws IllegalStateException before the association is established, or once it is closed
   */
  public AssociationSnapshot snapshot(long now) {
    Tcb tcb = tcb();
    if (tcb == null || state().handshaking()) {
      throw new IllegalStateException("association " + id + " in " + state()
          + " has no state a standby could take over");
    }
    return SnapshotImage.snapshot(this, tcb, now, List.of());
  }

  @Override
  public String toString() {
    return "Association#" + id + "[" + state() + " " + Integer.toHexString(localTag()) + "/"
        + Integer.toHexString(peerTag()) + "]";
  }
}
