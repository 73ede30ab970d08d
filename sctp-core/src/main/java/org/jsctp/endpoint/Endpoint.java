package org.jsctp.endpoint;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.jsctp.api.SctpEvent;
import org.jsctp.association.SctpAssociation;
import org.jsctp.association.AssociationContext;
import org.jsctp.association.AssociationOptions;
import org.jsctp.association.AssociationScheduler;
import org.jsctp.association.CookieSecrets;
import org.jsctp.association.Destination;
import org.jsctp.association.ProtocolObserver;
import org.jsctp.config.ReceiveMemory;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.ha.AssociationHeader;
import org.jsctp.ha.AssociationSnapshot;
import org.jsctp.ha.EndpointSnapshot;
import org.jsctp.ha.ReplicationRecord;
import org.jsctp.stats.MibCounter;
import org.jsctp.stats.MibCounters;
import org.jsctp.timer.Timer;
import org.jsctp.util.LogThrottle;
import org.jsctp.wire.RawPacket;
import org.jsctp.wire.SctpPacket;
import org.jsctp.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SCTP endpoint (RFC 9260 section 2.2): one local SCTP port on a set of local addresses, its
 * associations, and the stateless parts of the protocol (INIT handling with state cookies, out
 * of the blue packets, verification tag rules).
 *
 * <p>Its parts: {@link AssociationTable} finds associations by id, tag and peer address; {@link
 * BoundAddresses} holds the bound local IPs and tells the associations about binds and unbinds;
 * {@link PacketDispatch} applies the tag rules to a packet and hands it on, {@link InitResponder}
 * and {@link OutOfTheBlue} answer without an association; {@link InternalErrors} contains our
 * own bugs.
 *
 * <h2>Calling contract (sans-IO)</h2>
 *
 * <ul>
 *   <li>{@link #handleDatagram} when a UDP datagram arrives, {@link #handleTimeout} when the time
 *       given by {@link #nextDeadline()} has come, and the application calls ({@link #connect},
 *       the methods of {@link SctpAssociation}) whenever the application acts. Each takes the
 *       driver's monotonic time in nanoseconds; time that goes backwards is treated as the
 *       latest time seen.
 *   <li>After any of them, drain {@link #pollTransmit()} and {@link #pollEvent()} until they
 *       answer null, and re-read {@link #nextDeadline()}: any input invalidates an earlier
 *       answer. Spurious calls of any of these are harmless.
 *   <li>Not thread-safe: one thread (the event loop) owns the endpoint and its associations.
 * </ul>
 */
public final class Endpoint {

  private static final Logger LOG = LoggerFactory.getLogger(Endpoint.class);

  /** What {@link #nextDeadline()} answers when no timer runs. */
  public static final long NEVER = Timer.NEVER;

  private final StackConfig config;
  private final int localPort;
  private final BoundAddresses bound;
  private final RandomGenerator random;
  private final CookieSecrets cookieSecrets;
  private final MibCounters counters = new MibCounters();
  private final ArrayDeque<Transmit> transmits = new ArrayDeque<>();
  private final ArrayDeque<SctpEvent> events = new ArrayDeque<>();
  private final ArrayDeque<ReplicationRecord> replication = new ArrayDeque<>();
  private final InternalErrors internalErrors = new InternalErrors(counters);
  private final AssociationScheduler scheduler =
      new AssociationScheduler(internalErrors::inAssociation);
  private final AssociationTable associations = new AssociationTable();
  /** Associations added since the last {@link #pollAdded()}; null until tracking is asked for. */
  private ArrayDeque<SctpAssociation> added;
  private final Context context = new Context();
  private final OutOfTheBlue ootb;
  private final InitResponder initResponder;
  private AssociationOptions defaultOptions;
  private ReceiveMemory receiveMemory;
  private final LogThrottle logThrottle = new LogThrottle();
  private Predicate<InetAddress> allowedPeers = a -> true;
  private ProtocolObserver observer = ProtocolObserver.NONE;
  private boolean listening;
  private long now = Long.MIN_VALUE;

  /**
   * @param config the stack configuration
   * @param localPort the local SCTP port (1..65535)
   * @param localAddresses the local IPs; the driver has one UDP channel on each
   * @param random the only source of randomness: tags, TSNs, nonces, cookie secrets
   */
  public Endpoint(StackConfig config, int localPort, List<InetAddress> localAddresses, RandomGenerator random) {
    this.config = Objects.requireNonNull(config, "config");
    if (localPort <= 0 || localPort > 0xFFFF) {
      throw new IllegalArgumentException("SCTP port out of range 1..65535: " + localPort);
    }
    if (localAddresses.isEmpty()) {
      throw new IllegalArgumentException("an endpoint needs at least one local address");
    }
    this.localPort = localPort;
    this.bound = new BoundAddresses(localAddresses);
    this.random = Objects.requireNonNull(random, "random");
    this.cookieSecrets =
        new CookieSecrets(random, config.get(Sysctl.COOKIE_SECRET_LIFETIME) * 1_000_000L);
    this.defaultOptions = AssociationOptions.from(config);
    this.receiveMemory = ReceiveMemory.bounded(config.get(Sysctl.RCVBUF_TOTAL));
    this.ootb = new OutOfTheBlue(this);
    this.initResponder = new InitResponder(this);
  }

  // ---- configuration ---------------------------------------------------------------------

  public StackConfig config() {
    return config;
  }

  public int localPort() {
    return localPort;
  }

  /** The local IPs, in the order given; a live read-only view. */
  public List<InetAddress> localAddresses() {
    return bound.view();
  }

  /**
   * Adds a local IP (sctp_bindx with SCTP_BINDX_ADD_ADDR, RFC 6458 section 9.1). Associations
   * started afterwards list it in their INIT or INIT ACK; established associations that
   * negotiated ADD-IP ask their peers to add it (RFC 5061), the others do not learn it. The
   * driver must have a UDP channel on the address before calling this.
   *
   * @param t the driver's time
   * @return false when the address was already bound
   */
  public boolean addLocalAddress(long t, InetAddress address) {
    Objects.requireNonNull(address, "address");
    return bound.add(clock(t), address, associations.all());
  }

  /** {@link #addLocalAddress(long, InetAddress)} at the latest time the endpoint was given. */
  public boolean addLocalAddress(InetAddress address) {
    return addLocalAddress(now, address);
  }

  /**
   * Removes a local IP (sctp_bindx with SCTP_BINDX_REM_ADDR). New associations no longer use it;
   * the associations holding it ask their peers to delete it (ADD-IP, RFC 5061) and keep
   * receiving on it until their peers answered: the driver keeps its UDP channel while {@link
   * #usesLocalAddress} says so. Refused as a whole when an association holding it cannot tell its
   * peer (no ADD-IP negotiated, still being set up, or it is its last address), and for the
   * endpoint's last address.
   *
   * @param t the driver's time
   * @return false when the address was not bound
   * @throws IllegalStateException when an association cannot let it go, or for the last address
   */
  public boolean removeLocalAddress(long t, InetAddress address) {
    return bound.remove(clock(t), address, associations.all());
  }

  /** {@link #removeLocalAddress(long, InetAddress)} at the latest time the endpoint was given. */
  public boolean removeLocalAddress(InetAddress address) {
    return removeLocalAddress(now, address);
  }

  /**
   * Whether {@code address} is still needed: bound, or held by an association whose peer has not
   * yet answered its deletion (or refused it). A driver closes a removed address's UDP channel
   * once this turns false.
   */
  public boolean usesLocalAddress(InetAddress address) {
    return bound.inUse(address, associations.all());
  }

  /**
   * The MTU of the network interface that holds the local IP {@code local}, for paths set up
   * later from that address: their MTU, and the largest PLPMTU their discovery searches for, is
   * the smaller of it and path_mtu. A driver that cannot keep the host from fragmenting
   * datagrams larger than the interface (Java 17's NIO cannot set don't-fragment) tells it, so
   * that probes and packets are never larger than the interface. 0 forgets it.
   *
   * @throws IllegalArgumentException for a negative MTU
   */
  public void setInterfaceMtu(InetAddress local, int mtu) {
    Objects.requireNonNull(local, "local");
    if (mtu < 0) {
      throw new IllegalArgumentException("interface MTU must not be negative: " + mtu);
    }
    bound.setInterfaceMtu(local, mtu);
  }

  /** Accept incoming associations (or stop accepting: new INITs are then refused with ABORT). */
  public void listen(boolean on) {
    this.listening = on;
  }

  public boolean isListening() {
    return listening;
  }

  /** The options new associations start from (accepted ones, and connects without their own). */
  public AssociationOptions defaultOptions() {
    return defaultOptions;
  }

  public void setDefaultOptions(AssociationOptions options) {
    this.defaultOptions = Objects.requireNonNull(options, "options");
  }

  /**
   * Shares the memory for received data with other endpoints (a runtime's one budget of {@code
   * rcvbuf_total} for the whole stack); by default each endpoint has a budget of its own. Set it
   * before associations exist.
   */
  public void setReceiveMemory(ReceiveMemory memory) {
    this.receiveMemory = Objects.requireNonNull(memory, "memory");
  }

  /**
   * Restricts the peer addresses the endpoint will use: addresses outside the set, found in
   * INIT or INIT ACK parameters, are ignored and never probed.
   */
  public void setAllowedPeerAddresses(Predicate<InetAddress> allowed) {
    this.allowedPeers = Objects.requireNonNull(allowed, "allowed");
  }

  /**
   * Who traces the protocol's moments (state changes, failovers, T3-rtx expiries, aborts) of every
   * association of the endpoint, called synchronously on the thread driving it; see {@link
   * ProtocolObserver} for what an observer may do. {@link ProtocolObserver#NONE} by default. May
   * be changed at any time between inputs.
   */
  public void setObserver(ProtocolObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  // ---- inputs ----------------------------------------------------------------------------

  private long clock(long t) {
    if (t > now) {
      now = t;
    }
    return now;
  }

  /**
   * An SCTP packet arrived in a UDP datagram.
   *
   * @param t the driver's time
   * @param local the local IP of the channel it arrived on
   * @param remote the source IP
   * @param remoteUdpPort the source UDP port
   * @param data the datagram payload; the endpoint may keep references to it (user data is not
   *     copied on the way in), so the caller must not reuse the array
   */
  public void handleDatagram(long t, InetAddress local, InetAddress remote, int remoteUdpPort,
      byte[] data, int offset, int length) {
    long time = clock(t);
    SctpPacket packet;
    try {
      packet = SctpPacket.decode(data, offset, length);
    } catch (WireFormatException e) {
      counters.increment(e.reason() == WireFormatException.Reason.BAD_CHECKSUM
          ? MibCounter.SCTP_CHECKSUM_ERRORS : MibCounter.SCTP_IN_PKT_DISCARDS);
      if (LOG.isDebugEnabled()) {
        LOG.debug("dropped a packet from {}:{}: {}", remote.getHostAddress(), remoteUdpPort, e.getMessage());
      }
      return;
    }
    Destination source = new Destination(remote, remoteUdpPort, local);
    try {
      new PacketDispatch(this, time, packet, new RawPacket(data, offset, length), source).run();
    } catch (RuntimeException e) {
      internalErrors.inPacket(time, remote, remoteUdpPort, packet, e);
    }
  }

  /** Same as {@link #handleDatagram(long, InetAddress, InetAddress, int, byte[], int, int)} for a whole array. */
  public void handleDatagram(long t, InetAddress local, InetAddress remote, int remoteUdpPort, byte[] data) {
    handleDatagram(t, local, remote, remoteUdpPort, data, 0, data.length);
  }

  /** The time given by {@link #nextDeadline()} has come. Spurious calls are harmless. */
  public void handleTimeout(long t) {
    scheduler.handleTimeout(clock(t));
  }

  /**
   * Starts an association to {@code peers} (RFC 9260 section 5.1 ASSOCIATE). The addresses
   * given here count as confirmed; the first is the primary path.
   *
   * @param peerUdpPort the peer's UDP encapsulation port
   * @param options the association's options, or null for the endpoint's defaults
   */
  public SctpAssociation connect(long t, List<InetAddress> peers, int peerPort, int peerUdpPort,
      AssociationOptions options) {
    long time = clock(t);
    if (peers.isEmpty()) {
      throw new IllegalArgumentException("connect needs at least one peer address");
    }
    if (peerPort <= 0 || peerPort > 0xFFFF) {
      throw new IllegalArgumentException("peer SCTP port out of range 1..65535: " + peerPort);
    }
    if (peerUdpPort <= 0 || peerUdpPort > 0xFFFF) {
      throw new IllegalArgumentException("peer UDP port out of range 1..65535: " + peerUdpPort);
    }
    associations.requireNoAssociationTo(peers, peerPort);
    AssociationOptions chosen = options != null ? options.copy() : defaultOptions.copy();
    int id = associations.allocateId();
    SctpAssociation a = SctpAssociation.connect(context, id, time, peers, peerPort, peerUdpPort, chosen);
    register(a);
    return a;
  }

  void register(SctpAssociation a) {
    associations.add(a);
    if (added != null) {
      added.addLast(a);
    }
    scheduler.added();
    scheduler.touch(a);
  }

  // ---- outputs ---------------------------------------------------------------------------

  /** The next packet to send, or null when there is none for now. */
  public Transmit pollTransmit() {
    Transmit t = transmits.pollFirst();
    if (t != null) {
      return t;
    }
    return scheduler.pollTransmit(now);
  }

  /** The next event, or null. */
  public SctpEvent pollEvent() {
    return events.pollFirst();
  }

  /**
   * The next replication record for the standby (an association in an HA mode, docs/ha.md), or
   * null. Drain it after {@link #pollTransmit()}: building packets makes records in SYNC mode.
   * Records of one association come in the order they must be applied.
   */
  public ReplicationRecord pollReplication() {
    return replication.pollFirst();
  }

  // ---- standby takeover (docs/ha.md) -------------------------------------------------------

  /**
   * Builds a live association from a replicated one and takes it over (a standby whose active is
   * gone): it answers the peer's next packet as the active would have (same tags, TSNs, streams,
   * paths and UDP ports), retransmits what is unacknowledged, starts its heartbeats, and hands
   * the application COMM_UP and, flagged as possible duplicates, the messages the active's
   * application was handed and did not confirm. In THRESHOLD mode it also skips the TSNs it
   * cannot know and reports the messages that may be lost (SEND_FAILED, TAKEOVER cause). The
   * association keeps the active's id when that is free here; it does not replicate (no standby
   * yet).
   *
   * @throws IllegalArgumentException when the snapshot does not fit this endpoint: another SCTP
   *     port, a local address this endpoint does not have (move the active's addresses here
   *     first), or halves that do not fit together
   * @throws IllegalStateException when an association with its tag or one of its peer addresses
   *     exists
   */
  public SctpAssociation restore(AssociationSnapshot snapshot, long t) {
    long time = clock(t);
    AssociationHeader h = snapshot.header();
    if (h.localPort() != localPort) {
      throw new IllegalArgumentException("the snapshot is of SCTP port " + h.localPort()
          + ", this endpoint has port " + localPort);
    }
    bound.requireBound(h.localAddresses());
    associations.requireRoomFor(h);
    int id = associations.idFor(h.associationId());
    SctpAssociation a = SctpAssociation.restore(context, id, time, snapshot, defaultOptions);
    register(a);
    a.resumeAfterRestore(time, snapshot);
    return a;
  }

  /**
   * What a standby endpoint needs apart from the associations: the state cookie secrets, so
   * that cookies the active handed out verify on the standby (docs/ha.md). Replicate it when the
   * standby joins and again after a rotation ({@link EndpointSnapshot#currentGeneration()}
   * changes).
   */
  public EndpointSnapshot endpointSnapshot(long t) {
    long time = clock(t);
    return new EndpointSnapshot(localPort, bound.view(), cookieSecrets.export(time),
        cookieSecrets.currentGeneration(time), cookieSecrets.age(time));
  }

  /**
   * Takes the active endpoint's cookie secrets (a standby): cookies signed with them verify here.
   *
   * @throws IllegalArgumentException for another SCTP port
   */
  public void adoptEndpointSnapshot(EndpointSnapshot snapshot, long t) {
    long time = clock(t);
    if (snapshot.localPort() != localPort) {
      throw new IllegalArgumentException("the endpoint snapshot is of SCTP port "
          + snapshot.localPort() + ", this endpoint has port " + localPort);
    }
    cookieSecrets.adopt(snapshot.cookieSecrets(), snapshot.currentGeneration(),
        time - snapshot.secretAgeNanos());
  }

  /** The earliest time {@link #handleTimeout} must be called, or {@link #NEVER}. */
  public long nextDeadline() {
    return scheduler.nextDeadline();
  }

  // ---- queries ---------------------------------------------------------------------------

  public SctpAssociation association(int id) {
    return associations.byId(id);
  }

  public Collection<SctpAssociation> associations() {
    return associations.all();
  }

  /**
   * From now on {@link #pollAdded()} gives every association this endpoint adds (an accepted INIT,
   * a connect, a restore), so that a runtime finds its new associations without walking all of
   * them. Whoever asks must poll after every input, or the queue holds on to associations.
   */
  public void trackAddedAssociations() {
    if (added == null) {
      added = new ArrayDeque<>();
    }
  }

  /**
   * The next association added since tracking began ({@link #trackAddedAssociations()}), oldest
   * first, or null; it may have ended since.
   */
  public SctpAssociation pollAdded() {
    return added == null ? null : added.pollFirst();
  }

  /** The endpoint's counters, totals of its associations (closed ones included). */
  public MibCounters counters() {
    return counters;
  }

  /** The MIB counters with SctpCurrEstab filled in as a gauge. */
  public Map<MibCounter, Long> snmp() {
    Map<MibCounter, Long> map = counters.snapshot();
    long established = 0;
    for (SctpAssociation a : associations.all()) {
      if (a.state().countsAsEstablished()) {
        established++;
      }
    }
    map.put(MibCounter.SCTP_CURR_ESTAB, established);
    return map;
  }

  /** Nothing queued or unacknowledged in any association, and no packet waiting. */
  public boolean isIdle() {
    if (!transmits.isEmpty()) {
      return false;
    }
    for (SctpAssociation a : associations.all()) {
      if (!a.isIdle()) {
        return false;
      }
    }
    return true;
  }

  // ---- package internals used by the dispatch and responders -----------------------------

  SctpAssociation byTag(int tag) {
    return associations.byTag(tag);
  }

  SctpAssociation byPeer(InetAddress address, int port) {
    return associations.byPeer(address, port);
  }

  /**
   * Whether a new association with a peer at {@code address} would exceed max_associations or
   * max_associations_per_peer.
   */
  boolean atAssociationLimit(InetAddress address) {
    return associations.size() >= config.get(Sysctl.MAX_ASSOCIATIONS)
        || associations.countFromPeer(address) >= config.get(Sysctl.MAX_ASSOCIATIONS_PER_PEER);
  }

  boolean allowsPeer(InetAddress address) {
    return allowedPeers.test(address);
  }

  void send(Transmit t) {
    counters.increment(MibCounter.SCTP_OUT_SCTP_PACKS);
    transmits.addLast(t);
  }

  AssociationContext context() {
    return context;
  }

  int allocateId() {
    return associations.allocateId();
  }

  CookieSecrets cookieSecrets() {
    return cookieSecrets;
  }

  OutOfTheBlue ootb() {
    return ootb;
  }

  InitResponder initResponder() {
    return initResponder;
  }

  RandomGenerator random() {
    return random;
  }

  /** The endpoint side of the association contract. */
  private final class Context implements AssociationContext {

    @Override
    public StackConfig config() {
      return config;
    }

    @Override
    public RandomGenerator random() {
      return random;
    }

    @Override
    public CookieSecrets cookieSecrets() {
      return cookieSecrets;
    }

    @Override
    public MibCounters counters() {
      return counters;
    }

    @Override
    public int localPort() {
      return localPort;
    }

    @Override
    public List<InetAddress> localAddresses() {
      return bound.view();
    }

    @Override
    public int interfaceMtu(InetAddress local) {
      return bound.interfaceMtu(local);
    }

    @Override
    public boolean allowsPeerAddress(InetAddress address) {
      return allowedPeers.test(address);
    }

    @Override
    public int newLocalTag() {
      int tag;
      do {
        tag = random.nextInt();
      } while (tag == 0 || associations.hasTag(tag));
      return tag;
    }

    @Override
    public void emit(SctpEvent event) {
      events.addLast(event);
    }

    @Override
    public LogThrottle logThrottle() {
      return logThrottle;
    }

    @Override
    public ReceiveMemory receiveMemory() {
      return receiveMemory;
    }

    @Override
    public void touched(SctpAssociation association) {
      scheduler.touch(association);
    }

    @Override
    public void peerAddressAdded(SctpAssociation association, InetAddress address) {
      associations.peerAddressAdded(association, address);
    }

    @Override
    public void peerAddressRemoved(SctpAssociation association, InetAddress address) {
      associations.peerAddressRemoved(association, address);
    }

    @Override
    public void localTagChanged(SctpAssociation association, int oldTag) {
      associations.localTagChanged(association, oldTag);
    }

    @Override
    public void closed(SctpAssociation association) {
      associations.remove(association);
      scheduler.removed(association);
    }

    @Override
    public void transmit(Transmit transmit) {
      transmits.addLast(transmit);
    }

    @Override
    public void replicate(ReplicationRecord record) {
      replication.addLast(record);
    }

    @Override
    public ProtocolObserver observer() {
      return observer;
    }
  }

  @Override
  public String toString() {
    return "Endpoint[port " + localPort + ", " + associations.size() + " associations"
        + (listening ? ", listening" : "") + "]";
  }
}
