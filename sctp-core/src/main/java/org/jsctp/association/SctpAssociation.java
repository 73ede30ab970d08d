package org.jsctp.association;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.AssociationStatus;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.api.PeerAddressParams;
import org.jsctp.api.PeerAddressThresholds;
import org.jsctp.api.PeerAddressChange;
import org.jsctp.api.RemoteError;
import org.jsctp.api.SctpEvent;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.endpoint.Transmit;
import org.jsctp.path.HeartbeatInfo;
import org.jsctp.path.HeartbeatOutcome;
import org.jsctp.path.Path;
import org.jsctp.path.PathEnvironment;
import org.jsctp.path.PathManager;
import org.jsctp.path.PathState;
import org.jsctp.path.PathThresholds;
import org.jsctp.path.RtoEstimator;
import org.jsctp.rx.DataReceiver;
import org.jsctp.rx.ReceiverEnvironment;
import org.jsctp.stats.MibCounter;
import org.jsctp.stats.MibCounters;
import org.jsctp.timer.Timer;
import org.jsctp.timer.TimerKind;
import org.jsctp.tx.DataSender;
import org.jsctp.tx.OutgoingMessage;
import org.jsctp.tx.SendOutcome;
import org.jsctp.tx.SenderEnvironment;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.ErrorCause;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.InvalidStreamIdentifierCause;
import org.jsctp.wire.NoUserDataCause;
import org.jsctp.wire.PacketBuilder;
import org.jsctp.wire.ProtocolViolationCause;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.SctpPacket;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.ShutdownCompleteChunk;
import org.jsctp.wire.UnknownChunk;
import org.jsctp.wire.UnrecognizedAction;
import org.jsctp.wire.UnrecognizedChunkTypeCause;
import org.jsctp.wire.UserInitiatedAbortCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SCTP association: the transmission control block of RFC 9260 and its state machine. It is
 * driven by its {@code Endpoint} (packets and timeouts) and by the application (send, shutdown,
 * abort, options); every entry point takes the current time and none of them blocks, reads a
 * clock or does I/O. Packets to send are taken with {@link #pollTransmit(long)}; events go to the
 * endpoint's event queue.
 *
 * <p>Chunk handling is split by family: the handshake and its collisions in {@link
 * HandshakeHandler}, graceful shutdown in {@link ShutdownHandler}, user data in {@link
 * DataSender} and {@link DataReceiver}, paths and heartbeats in {@link PathManager}. This class
 * dispatches chunks, owns the state and the timers that are not per path, counts association
 * errors (section 8.1), and assembles packets.
 *
 * <p>Not thread-safe: the endpoint's single thread owns it.
 */
public final class SctpAssociation implements PathEnvironment, SenderEnvironment, ReceiverEnvironment {

  private static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);
  private static final long MS = 1_000_000L;

  final AssociationContext ctx;
  final StackConfig config;
  private final int id;
  final MibCounters counters;
  final PathManager paths;
  final ControlQueue controls = new ControlQueue();
  final Timer t1 = new Timer(TimerKind.T1);
  final Timer t2 = new Timer(TimerKind.T2_SHUTDOWN);
  final Timer t5 = new Timer(TimerKind.T5_SHUTDOWN_GUARD);
  final Timer autoclose = new Timer(TimerKind.AUTOCLOSE);
  final HandshakeHandler handshake;
  final ShutdownHandler shutdown;
  private final SocketOptionSemantics optionSemantics = new SocketOptionSemantics(this);
  private final PacketAssembler assembler = new PacketAssembler(this);

  AssociationState state = AssociationState.CLOSED;
  int localTag;
  int peerTag;
  final int peerPort;
  int localInitialTsn;
  DataSender sender;
  DataReceiver receiver;
  int errorCount;
  int maxRetrans;
  int outboundStreams;
  int inboundStreams;
  int peerOutboundStreams;

  final AssociationOptions options;
  private boolean dirty;
  long lastNow;
  private long lastDataActivity;
  private String thresholdWarning;

  SctpAssociation(AssociationContext ctx, int id, int peerPort, AssociationOptions options) {
    this.ctx = ctx;
    this.config = ctx.config();
    this.id = id;
    this.peerPort = peerPort;
    this.options = options;
    this.counters = new MibCounters(ctx.counters());
    this.paths = new PathManager(this);
    this.paths.setPsRetrans((int) config.get(Sysctl.PS_RETRANS));
    this.paths.setPfCwndReset(config.flag(Sysctl.PF_CWND_RESET));
    this.maxRetrans = config.associationMaxRetrans();
    this.handshake = new HandshakeHandler(this);
    this.shutdown = new ShutdownHandler(this);
  }

  // ---- identity and state ----------------------------------------------------------------

  /** The association id, unique in its endpoint and never 0 (RFC 6458 sctp_assoc_t). */
  public int id() {
    return id;
  }

  public AssociationState state() {
    return state;
  }

  public int localTag() {
    return localTag;
  }

  public int peerTag() {
    return peerTag;
  }

  public int localPort() {
    return ctx.localPort();
  }

  public int peerPort() {
    return peerPort;
  }

  /** Streams this side may send on (0 before the handshake completed). */
  public int outboundStreams() {
    return outboundStreams;
  }

  /** Streams the peer may send on. */
  public int inboundStreams() {
    return inboundStreams;
  }

  public AssociationOptions options() {
    return options;
  }

  public MibCounters counters() {
    return counters;
  }

  public PathManager paths() {
    return paths;
  }

  public int associationId() {
    return id;
  }

  /** The association error counter (RFC 9260 section 8.1). */
  public int errorCount() {
    return errorCount;
  }

  public int maxRetrans() {
    return maxRetrans;
  }

  /** SCTP_ASSOCINFO sasoc_asocmaxrxt. */
  public void setMaxRetrans(int maxRetrans) {
    if (maxRetrans < 1 || maxRetrans > 0xFFFF) {
      throw new IllegalArgumentException("SCTP_ASSOCINFO sasoc_asocmaxrxt out of range 1..65535: " + maxRetrans);
    }
    this.maxRetrans = maxRetrans;
    validateThresholds();
  }

  /**
   * The configuration warning of RFC 9260 section 8.2, when Association.Max.Retrans exceeds the
   * sum of the paths' Path.Max.Retrans; null when consistent.
   */
  public String thresholdWarning() {
    return thresholdWarning;
  }

  void validateThresholds() {
    String warning = paths.thresholdWarning(maxRetrans);
    if (warning != null && !warning.equals(thresholdWarning)) {
      // Single-homed, the Linux defaults (10 > 5) always trip this and are harmless: the one
      // path goes dormant and keeps carrying data. Multihomed, it hides a dead association.
      if (confirmedPaths() > 1) {
        LOG.warn("association {}: {}", id, warning);
      } else {
        LOG.debug("association {}: {}", id, warning);
      }
    }
    thresholdWarning = warning;
  }

  private int confirmedPaths() {
    int n = 0;
    for (Path p : paths.paths()) {
      if (p.state().isConfirmed()) {
        n++;
      }
    }
    return n;
  }

  public DataSender sender() {
    return sender;
  }

  public DataReceiver receiver() {
    return receiver;
  }

  /** Whether nothing is queued or unacknowledged in either direction. */
  public boolean isIdle() {
    return (sender == null || sender.isIdle())
        && controls.isEmpty()
        && (receiver == null || !receiver.ackPending());
  }

  // ---- setup helpers used by handlers -----------------------------------------------------

  Path addPath(InetAddress address, int udpPort, InetAddress local, PathState initial) {
    Path existing = paths.find(address);
    if (existing != null) {
      return existing;
    }
    RtoEstimator rto =
        new RtoEstimator(
            options.rtoInitialNanos(),
            options.rtoMinNanos(),
            options.rtoMaxNanos(),
            (int) config.get(Sysctl.RTO_ALPHA_EXP_DIVISOR),
            (int) config.get(Sysctl.RTO_BETA_EXP_DIVISOR));
    Path p =
        new Path(
            paths.paths().size(),
            address,
            udpPort,
            local,
            initial,
            options.defaultThresholds(),
            rto,
            options.pathMtu(),
            options.initialSsthresh(),
            options.heartbeatIntervalNanos());
    p.setHeartbeatEnabled(options.heartbeatEnabled());
    paths.add(p);
    ctx.peerAddressAdded(this, address);
    return p;
  }

  /**
   * The local address to send to {@code remote} from: of the same family, the one sharing the
   * longest address prefix with it (a stand-in for the routing table the core cannot see, which
   * pairs 10.0.1.1 with 10.0.1.2 rather than with 10.0.2.2). It stays fixed for the path;
   * replies to a packet still go out from the address it arrived on.
   */
  InetAddress localAddressFor(InetAddress remote) {
    InetAddress best = null;
    int bestPrefix = -1;
    byte[] r = remote.getAddress();
    for (InetAddress local : ctx.localAddresses()) {
      byte[] l = local.getAddress();
      if (l.length != r.length) {
        continue;
      }
      int prefix = commonPrefixBits(l, r);
      if (prefix > bestPrefix) {
        best = local;
        bestPrefix = prefix;
      }
    }
    return best != null ? best : ctx.localAddresses().get(0);
  }

  private static int commonPrefixBits(byte[] a, byte[] b) {
    int bits = 0;
    for (int i = 0; i < a.length; i++) {
      int x = (a[i] ^ b[i]) & 0xFF;
      if (x == 0) {
        bits += 8;
        continue;
      }
      return bits + Integer.numberOfLeadingZeros(x) - 24;
    }
    return bits;
  }

  /** Creates the data halves once both Initial TSNs are known. */
  void createDataHalves(int peerInitialTsn, long peerRwnd) {
    sender = new DataSender(localInitialTsn, outboundStreams, peerRwnd, options, this);
    receiver = new DataReceiver(peerInitialTsn, options.rcvbuf(), options.sackDelayNanos(), this);
    receiver.setStreamCount(inboundStreams);
    receiver.setDelayedSack(options.sackDelayNanos(), options.sackFrequency());
    if (options.partialDeliveryPoint() > 0) {
      receiver.setPartialDeliveryPoint(options.partialDeliveryPoint());
    }
  }

  void setState(AssociationState next, long now) {
    AssociationState prev = state;
    if (prev == next) {
      return;
    }
    state = next;
    if (prev.heartbeats() && !next.heartbeats()) {
      paths.stopHeartbeats();
    }
    LOG.debug("association {}: {} -> {}", id, prev, next);
  }

  /** The handshake completed: COMM_UP, counters, heartbeats. */
  void established(long now, boolean active) {
    setState(AssociationState.ESTABLISHED, now);
    counters.increment(active ? MibCounter.SCTP_ACTIVE_ESTABS : MibCounter.SCTP_PASSIVE_ESTABS);
    emit(new AssociationChange(id, AssociationChange.Kind.COMM_UP, outboundStreams, inboundStreams, List.of()));
    paths.start(now);
    validateThresholds();
    lastDataActivity = now;
    armAutoclose(now);
  }

  // ---- input -----------------------------------------------------------------------------

  /**
   * Handles the chunks of a packet whose verification tag the endpoint has already checked
   * (RFC 9260 section 8.5), in order.
   *
   * <p>Called by the endpoint only.
   *
   * @param firstChunk index of the first chunk still to handle (the endpoint may have handled a
   *     leading COOKIE ECHO already)
   */
  public void handlePacket(long now, SctpPacket packet, int firstChunk, Destination source) {
    lastNow = now;
    counters.increment(MibCounter.SCTP_IN_SCTP_PACKS);
    Path from = paths.find(source.remote());
    if (from != null) {
      from.heardFrom(now);
      // RFC 6951 section 5.4: the encapsulation port follows the peer, after the tag check.
      if (from.udpPort() != source.udpPort()) {
        from.setUdpPort(source.udpPort());
      }
    }
    if (state == AssociationState.SHUTDOWN_SENT || state == AssociationState.SHUTDOWN_ACK_SENT) {
      t2.clearExpirations();
    }
    if (state == AssociationState.SHUTDOWN_SENT) {
      // RFC 9260 section 9.2: any packet from the peer clears the SHUTDOWN retransmission count,
      // which is kept in the association error counter.
      errorCount = 0;
    }
    if (sender != null) {
      sender.startRound();
    }
    List<Chunk> chunks = packet.chunks();
    boolean hadData = false;
    for (int i = firstChunk; i < chunks.size() && state != AssociationState.CLOSED; i++) {
      Chunk chunk = chunks.get(i);
      if (!(chunk instanceof DataChunk)) {
        counters.increment(MibCounter.SCTP_IN_CTRL_CHUNKS);
      }
      if (!handleChunk(now, chunk, source)) {
        break;
      }
      hadData |= chunk instanceof DataChunk;
    }
    if (state != AssociationState.CLOSED && receiver != null) {
      receiver.endOfPacket(now);
      if (hadData && state == AssociationState.SHUTDOWN_SENT) {
        shutdown.onDataWhileShutdownSent(now);
      }
    }
    touch();
  }

  /** Handles one chunk; false stops processing of the rest of the packet. */
  private boolean handleChunk(long now, Chunk chunk, Destination source) {
    if (chunk instanceof DataChunk d) {
      return onData(now, d, source);
    } else if (chunk instanceof SackChunk s) {
      onSack(now, s);
    } else if (chunk instanceof HeartbeatChunk hb) {
      if (state != AssociationState.COOKIE_WAIT) {
        queueControl(new HeartbeatAckChunk(hb.parameters()), source);
      }
    } else if (chunk instanceof HeartbeatAckChunk ack) {
      onHeartbeatAck(now, ack);
    } else if (chunk instanceof AbortChunk abort) {
      onAbort(now, abort);
      return false;
    } else if (chunk instanceof ShutdownChunk s) {
      shutdown.onShutdown(now, s, source);
    } else if (chunk instanceof ShutdownAckChunk) {
      shutdown.onShutdownAck(now, source);
    } else if (chunk instanceof ShutdownCompleteChunk) {
      shutdown.onShutdownComplete(now);
      return false;
    } else if (chunk instanceof ErrorChunk error) {
      onError(now, error);
    } else if (chunk instanceof CookieAckChunk) {
      handshake.onCookieAck(now);
    } else if (chunk instanceof InitAckChunk initAck) {
      handshake.onInitAck(now, initAck, source);
    } else if (chunk instanceof InitChunk || chunk instanceof CookieEchoChunk) {
      // The endpoint routes INIT and COOKIE ECHO; one that gets here was bundled illegally.
      return false;
    } else {
      return onUnrecognized(chunk, source);
    }
    return true;
  }

  private boolean onData(long now, DataChunk d, Destination source) {
    if (!state.receivesData() || receiver == null) {
      return true;
    }
    lastDataActivity = now;
    switch (receiver.onData(d, source.remote())) {
      case EMPTY -> {
        // RFC 9260 section 6.2: a DATA chunk without user data is a protocol error.
        abortWith(now, List.of(new NoUserDataCause(d.tsn())), "DATA chunk without user data");
        return false;
      }
      case INVALID_STREAM -> queueControl(
          new ErrorChunk(List.of(new InvalidStreamIdentifierCause(d.streamId()))), source);
      default -> {}
    }
    armAutoclose(now);
    return true;
  }

  private void onSack(long now, SackChunk sack) {
    if (sender == null || state.handshaking()) {
      return;
    }
    if (sender.onSack(sack, now) == DataSender.SackResult.INVALID) {
      abortWith(now, List.of(new ProtocolViolationCause(Bytes.wrap(
          "SACK acknowledges a TSN never sent".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))),
          "SACK acknowledges a TSN never sent");
      return;
    }
    shutdown.afterAcknowledgement(now);
  }

  private void onHeartbeatAck(long now, HeartbeatAckChunk ack) {
    Bytes info = ack.info().orElse(null);
    HeartbeatInfo hb = info == null ? null : HeartbeatInfo.decode(info);
    if (hb == null) {
      return;
    }
    Path path = paths.onHeartbeatAck(hb, now);
    if (path != null) {
      counters.increment(MibCounter.SCTP_HEARTBEAT_ACKS_RECEIVED);
      // RFC 9260 section 8.3: a HEARTBEAT ACK clears the association error counter too.
      errorCount = 0;
    }
  }

  private void onAbort(long now, AbortChunk abort) {
    AssociationChange.Kind kind =
        state.handshaking() ? AssociationChange.Kind.CANT_STR_ASSOC : AssociationChange.Kind.COMM_LOST;
    counters.increment(MibCounter.SCTP_ABORTEDS);
    terminate(now, kind, abort.causes(), "ABORT received from the peer");
  }

  private void onError(long now, ErrorChunk error) {
    if (handshake.onError(now, error)) {
      return;
    }
    emit(new RemoteError(id, error.causes()));
  }

  private boolean onUnrecognized(Chunk chunk, Destination source) {
    UnrecognizedAction action = UnrecognizedAction.ofChunkType(chunk.type());
    if (action.reports()) {
      Bytes raw = encode(chunk, Math.max(4, options.pathMtu() - 48 - 16 - 8));
      queueControl(new ErrorChunk(List.of(new UnrecognizedChunkTypeCause(raw))), source);
    }
    return action.continues();
  }

  /** The chunk's bytes, cut to {@code limit} so that an ERROR echoing it fits the MTU. */
  static Bytes encode(Chunk chunk, int limit) {
    ByteBuffer b = ByteBuffer.allocate(chunk.paddedLength());
    chunk.writeTo(b);
    int length = Math.min(chunk.encodedLength(), limit);
    return Bytes.wrap(b.array(), 0, length);
  }

  // ---- timers ----------------------------------------------------------------------------

  /** The earliest deadline of any of this association's timers, or {@link Timer#NEVER}. */
  public long nextDeadline() {
    long next = Math.min(t1.deadline(), Math.min(t2.deadline(), t5.deadline()));
    next = Math.min(next, autoclose.deadline());
    if (receiver != null) {
      next = Math.min(next, receiver.deadline());
    }
    return Math.min(next, paths.nextDeadline());
  }

  /**
   * Handles every timer due at {@code now}, in the fixed order of {@link TimerKind}: T1, T2, T5,
   * delayed SACK, autoclose, then T3-rtx and heartbeat of each path in path order. Spurious
   * calls are harmless. Called by the endpoint only.
   */
  public void handleTimeout(long now) {
    lastNow = now;
    if (sender != null) {
      sender.startRound();
    }
    if (t1.isDue(now)) {
      handshake.onT1Expired(now);
    }
    if (state != AssociationState.CLOSED && t2.isDue(now)) {
      shutdown.onT2Expired(now);
    }
    if (state != AssociationState.CLOSED && t5.isDue(now)) {
      shutdown.onT5Expired(now);
    }
    if (state != AssociationState.CLOSED && receiver != null) {
      receiver.onTimeout(now);
    }
    if (state != AssociationState.CLOSED && autoclose.isDue(now)) {
      autoclose.expire();
      counters.increment(MibCounter.SCTP_AUTOCLOSE_EXPIREDS);
      shutdown.requestShutdown(now);
    }
    List<Path> list = paths.paths();
    for (int i = 0; i < list.size() && state != AssociationState.CLOSED; i++) {
      Path p = list.get(i);
      if (p.t3().isDue(now)) {
        onT3Expired(now, p);
      }
      if (state != AssociationState.CLOSED && p.heartbeatTimer().isDue(now)) {
        onHeartbeatTimer(now, p);
      }
    }
    touch();
  }

  private void onT3Expired(long now, Path path) {
    counters.increment(MibCounter.SCTP_T3_RTX_EXPIREDS);
    boolean windowProbe = sender.peerWindowClosed();
    if (!sender.onT3Expired(path, now)) {
      return;
    }
    if (windowProbe) {
      // A zero-window probe that was not acknowledged is not a path failure (section 6.1).
      return;
    }
    paths.recordError(path, now);
    if (LOG.isDebugEnabled()) {
      LOG.debug("association {}: T3-rtx expired on {}: path errors {}, rto {} ms", id,
          path.address().getHostAddress(), path.errorCount(), path.rto().rto() / MS);
    }
    countAssociationError(now, "T3-rtx expired on " + path.address().getHostAddress());
  }

  private void onHeartbeatTimer(long now, Path path) {
    if (!state.heartbeats()) {
      path.heartbeatTimer().stop();
      return;
    }
    HeartbeatOutcome outcome = paths.onHeartbeatTimer(path, now);
    if (outcome == HeartbeatOutcome.LOST
        && path.state().isConfirmed()
        && path == paths.currentDataPath()) {
      countAssociationError(now, "heartbeat unanswered on " + path.address().getHostAddress());
    }
  }

  /** One more consecutive error; beyond Association.Max.Retrans the peer is unreachable. */
  void countAssociationError(long now, String what) {
    errorCount++;
    if (errorCount > maxRetrans) {
      LOG.info("association {}: {} errors exceed association_max_retrans {}; {}", id, errorCount, maxRetrans, what);
      terminate(now, AssociationChange.Kind.COMM_LOST, List.of(), "peer unreachable: " + what);
    }
  }

  private void armAutoclose(long now) {
    long seconds = options.autocloseSeconds();
    if (seconds > 0 && state == AssociationState.ESTABLISHED) {
      autoclose.start(now, seconds * 1_000 * MS);
    }
  }

  // ---- output ----------------------------------------------------------------------------

  void queueControl(Chunk chunk, Destination destination) {
    controls.add(chunk, destination, peerTag);
    dirty = true;
  }

  void queueControl(Chunk chunk, Destination destination, int verificationTag) {
    controls.add(chunk, destination, verificationTag);
    dirty = true;
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
    return assembler.pollTransmit(now);
  }

  /** Whether this association may have something to send or reschedule. */
  boolean isDirty() {
    return dirty;
  }

  void clearDirty() {
    dirty = false;
  }

  void touch() {
    dirty = true;
    ctx.touched(this);
  }

  // Bookkeeping of the endpoint's AssociationScheduler.
  long scheduledDeadline = Timer.NEVER;
  long scheduleVersion;
  boolean touchedFlag;
  boolean sendingFlag;

  // ---- endpoint entry points for the handshake --------------------------------------------

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
    a.handshake.acceptCookie(now, cookie, source);
    return a;
  }

  /** An INIT that belongs to this association (section 5.2.1 and 5.2.2). */
  public void handleInit(long now, InitChunk init, Destination source) {
    lastNow = now;
    counters.increment(MibCounter.SCTP_IN_SCTP_PACKS);
    counters.increment(MibCounter.SCTP_IN_CTRL_CHUNKS);
    handshake.onInit(now, init, source);
    touch();
  }

  /**
   * A COOKIE ECHO with a verified cookie that belongs to this association (section 5.2.4);
   * returns whether the rest of its packet should be handled.
   */
  public boolean handleCookieEcho(long now, StateCookie cookie, Destination source) {
    lastNow = now;
    counters.increment(MibCounter.SCTP_IN_CTRL_CHUNKS);
    boolean rest = handshake.onCookieEcho(now, cookie, source);
    touch();
    return rest;
  }

  // ---- application calls -----------------------------------------------------------------

  /**
   * Queues a user message (RFC 9260 section 10.1 SEND). It will be delivered or reported with a
   * SendFailed event; it is never dropped silently.
   */
  public SendOutcome send(long now, OutgoingMessage message) {
    lastNow = now;
    if (!state.acceptsUserData() || sender == null && !state.handshaking()) {
      return SendOutcome.NOT_ACCEPTING;
    }
    if (sender == null) {
      return handshake.queueBeforeEstablished(message);
    }
    SendOutcome outcome = sender.send(message);
    if (outcome == SendOutcome.ACCEPTED) {
      // A send is a new transmission opportunity: Max.Burst limits each one (RFC 9260 section
      // 6.1 D), not everything sent between two packets from the peer.
      sender.startRound();
      lastDataActivity = now;
      armAutoclose(now);
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
    if (state == AssociationState.CLOSED) {
      return;
    }
    counters.increment(MibCounter.SCTP_ABORTEDS);
    List<ErrorCause> causes = List.of(new UserInitiatedAbortCause(reason));
    if (state != AssociationState.COOKIE_WAIT && !paths.paths().isEmpty()) {
      queueControl(new AbortChunk(false, causes), primaryDestination());
    }
    terminate(now, state.handshaking() ? AssociationChange.Kind.CANT_STR_ASSOC
        : AssociationChange.Kind.COMM_LOST, List.of(), "aborted by the application");
  }

  /** Aborts because of a protocol error, telling the peer why. */
  void abortWith(long now, List<ErrorCause> causes, String reason) {
    counters.increment(MibCounter.SCTP_ABORTEDS);
    queueControl(new AbortChunk(false, causes), primaryDestination());
    terminate(now, AssociationChange.Kind.COMM_LOST, List.of(), reason);
  }

  /** The application read {@code bytes} of delivered data; the window may reopen. */
  public void consumed(long now, long bytes) {
    lastNow = now;
    if (receiver != null) {
      receiver.consumed(bytes);
      if (receiver.sackDue()) {
        touch();
      }
    }
  }

  /**
   * Ends the association: reports undelivered data, notifies, flushes the last control chunks
   * (an ABORT, a SHUTDOWN COMPLETE) to the endpoint and closes.
   */
  void terminate(long now, AssociationChange.Kind kind, List<ErrorCause> causes, String reason) {
    if (state == AssociationState.CLOSED) {
      return;
    }
    if (sender != null) {
      sender.failAll(reason);
    } else {
      handshake.failQueued(reason);
    }
    emit(new AssociationChange(id, kind, outboundStreams, inboundStreams, causes));
    flushControlsAndClose(now);
  }

  void flushControlsAndClose(long now) {
    List<Transmit> last = new ArrayList<>();
    while (!controls.isEmpty()) {
      Transmit t = assembler.pollControlsOnly();
      if (t == null) {
        break;
      }
      last.add(t);
    }
    controls.clear();
    setState(AssociationState.CLOSED, now);
    paths.stopAll();
    t1.stop();
    t2.stop();
    t5.stop();
    autoclose.stop();
    for (Transmit t : last) {
      ctx.transmit(t);
    }
    ctx.closed(this);
  }

  // ---- environments of the components ----------------------------------------------------

  @Override
  public void emit(SctpEvent event) {
    ctx.emit(event);
  }

  @Override
  public void acknowledgedOnPath(Path path, long now) {
    if (path.errorCount() > 0 && LOG.isDebugEnabled()) {
      LOG.debug("association {}: data acknowledged on {}: its {} errors cleared", id,
          path.address().getHostAddress(), path.errorCount());
    }
    paths.recordSuccess(path, now);
  }

  @Override
  public void acknowledgedNewData(long now) {
    errorCount = 0;
  }

  @Override
  public void pathStateChanged(Path path, PathState from, PathState to, long now) {
    LOG.debug("association {}: path {} {} -> {}", id, path.address().getHostAddress(), from, to);
    PeerAddressChange.Kind kind = null;
    if (to == PathState.INACTIVE) {
      counters.increment(MibCounter.SCTP_INACTIVE_ENTRIES);
      kind = PeerAddressChange.Kind.ADDR_UNREACHABLE;
    } else if (to == PathState.POTENTIALLY_FAILED) {
      counters.increment(MibCounter.SCTP_PF_ENTRIES);
      if (options.exposePotentiallyFailed()) {
        kind = PeerAddressChange.Kind.ADDR_POTENTIALLY_FAILED;
      }
    } else if (to == PathState.ACTIVE) {
      if (from == PathState.UNCONFIRMED) {
        kind = PeerAddressChange.Kind.ADDR_CONFIRMED;
      } else if (from == PathState.INACTIVE || options.exposePotentiallyFailed()) {
        kind = PeerAddressChange.Kind.ADDR_AVAILABLE;
      }
    }
    if (kind != null) {
      emit(new PeerAddressChange(id, path.address(), path.udpPort(), kind, path.errorCount()));
    }
    if (from == PathState.UNCONFIRMED) {
      validateThresholds();
    }
  }

  @Override
  public void dataPathChanged(Path from, Path to, long now) {
    counters.increment(MibCounter.SCTP_PATH_SWITCHOVERS);
    LOG.debug("association {}: data path {} -> {}", id, from.address().getHostAddress(), to.address().getHostAddress());
  }

  @Override
  public void primarySwitchedOver(Path from, Path to, long now) {
    counters.increment(MibCounter.SCTP_PRIMARY_SWITCHOVERS);
    emit(new PeerAddressChange(id, to.address(), to.udpPort(), PeerAddressChange.Kind.ADDR_MADE_PRIM, to.errorCount()));
  }

  @Override
  public void sendHeartbeat(Path path, Bytes info, long now) {
    counters.increment(MibCounter.SCTP_HEARTBEATS_SENT);
    queueControl(HeartbeatChunk.of(info), Destination.of(path));
    touch();
  }

  @Override
  public long nextRandomLong() {
    return ctx.random().nextLong();
  }

  // ---- socket-option semantics (RFC 6458, RFC 7829), see SocketOptionSemantics ---------

  /** SCTP_GET_PEER_ADDR_INFO for one peer address. */
  public PeerAddressInfo peerAddressInfo(InetAddress address) {
    return optionSemantics.peerAddressInfo(address);
  }

  /** SCTP_GET_PEER_ADDR_INFO for every peer address, in path order. */
  public List<PeerAddressInfo> peerAddressInfos() {
    return optionSemantics.peerAddressInfos();
  }

  /** SCTP_STATUS. */
  public AssociationStatus status() {
    return optionSemantics.status();
  }

  /** SCTP_PEER_ADDR_PARAMS as it stands for one address (its heartbeat mode is ENABLED or DISABLED). */
  public PeerAddressParams peerAddressParams(InetAddress address) {
    return optionSemantics.peerAddressParams(address);
  }

  /**
   * Sets SCTP_PEER_ADDR_PARAMS for one path, or for all paths and future ones when the address is
   * null. Zero leaves a value unchanged; DEMAND sends a heartbeat at once (SCTP_ISSUE_HB).
   */
  public void setPeerAddressParams(long now, PeerAddressParams params) {
    optionSemantics.setPeerAddressParams(now, params);
  }

  /** SCTP_ISSUE_HB: a heartbeat to this address now. */
  public void requestHeartbeat(long now, InetAddress address) {
    optionSemantics.requestHeartbeat(now, address);
  }

  /** SCTP_PEER_ADDR_THLDS as it stands for one address, or the association's defaults (null). */
  public PeerAddressThresholds thresholds(InetAddress address) {
    return optionSemantics.thresholds(address);
  }

  /**
   * Sets SCTP_PEER_ADDR_THLDS for one path, or for every path and the association's default when
   * the address is null (as the Linux patch does). A Path.Max.Retrans of 0 leaves it unchanged.
   *
   * @throws IllegalArgumentException when a value is out of range, or the switchover threshold is
   *     enabled below the PF threshold (RFC 7829 section 5)
   */
  public void setThresholds(long now, PeerAddressThresholds t) {
    optionSemantics.setThresholds(now, t);
  }

  /**
   * The application changed a socket option of this live association (through {@link
   * #options()}, {@link #sender()} or {@link #receiver()}): its output and deadline are looked at
   * again, so that for example switching SCTP_NODELAY on sends what Nagle held back.
   */
  public void optionsChanged(long now) {
    optionSemantics.optionsChanged(now);
  }

  /** SCTP_PRIMARY_ADDR: new data goes to this confirmed peer address while it is ACTIVE. */
  public void setPrimary(long now, InetAddress address) {
    optionSemantics.setPrimary(now, address);
  }

  /** The primary peer address, or null before the handshake. */
  public InetAddress primaryAddress() {
    return optionSemantics.primaryAddress();
  }

  /** The peer's transport addresses, in path order. */
  public List<InetAddress> peerAddresses() {
    List<InetAddress> list = new ArrayList<>();
    for (Path p : paths.paths()) {
      list.add(p.address());
    }
    return Collections.unmodifiableList(list);
  }

  long lastDataActivity() {
    return lastDataActivity;
  }

  @Override
  public String toString() {
    return "Association#" + id + "[" + state + " " + Integer.toHexString(localTag) + "/"
        + Integer.toHexString(peerTag) + "]";
  }
}
