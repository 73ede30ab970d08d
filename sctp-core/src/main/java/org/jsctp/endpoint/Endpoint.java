package org.jsctp.endpoint;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
  private final List<InetAddress> localAddresses;
  /** The MTU of the interface of each local IP, as the driver told it (setInterfaceMtu). */
  private final Map<InetAddress, Integer> interfaceMtus = new HashMap<>();
  private final List<InetAddress> localAddressView;
  private final RandomGenerator random;
  private final CookieSecrets cookieSecrets;
  private final MibCounters counters = new MibCounters();
  private final ArrayDeque<Transmit> transmits = new ArrayDeque<>();
  private final ArrayDeque<SctpEvent> events = new ArrayDeque<>();
  private final ArrayDeque<ReplicationRecord> replication = new ArrayDeque<>();
  private final AssociationScheduler scheduler = new AssociationScheduler(this::internalError);
  private final Map<Integer, SctpAssociation> byTag = new HashMap<>();
  private final Map<Integer, SctpAssociation> byId = new HashMap<>();
  private final Map<PeerKey, SctpAssociation> byPeer = new HashMap<>();
  /** Associations per peer IP (the address each was set up with), for max_associations_per_peer. */
  private final Map<InetAddress, Integer> perPeerIp = new HashMap<>();
  /** The peer IP each association counts against in {@link #perPeerIp}, by association id. */
  private final Map<Integer, InetAddress> countedPeer = new HashMap<>();
  private final Context context = new Context();
  private final OutOfTheBlue ootb;
  private final InitResponder initResponder;
  private AssociationOptions defaultOptions;
  private ReceiveMemory receiveMemory;
  private final LogThrottle logThrottle = new LogThrottle();
  private final LogThrottle internalErrors = new LogThrottle();
  private Predicate<InetAddress> allowedPeers = a -> true;
  private ProtocolObserver observer = ProtocolObserver.NONE;
  private boolean listening;
  private int nextId = 1;
  private long now = Long.MIN_VALUE;

  /** A peer transport address as far as routing goes: IP and SCTP port. */
  record PeerKey(InetAddress address, int port) {}

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
    this.localAddresses = new ArrayList<>(new LinkedHashSet<>(localAddresses));
    this.localAddressView = Collections.unmodifiableList(this.localAddresses);
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
    return localAddressView;
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
    long time = clock(t);
    if (localAddresses.contains(address)) {
      return false;
    }
    localAddresses.add(address);
    for (SctpAssociation a : List.copyOf(byId.values())) {
      a.localAddressAdded(time, address);
    }
    return true;
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
    long time = clock(t);
    if (!localAddresses.contains(address)) {
      return false;
    }
    if (localAddresses.size() == 1) {
      throw new IllegalStateException("cannot remove the last local address " + address.getHostAddress());
    }
    for (SctpAssociation a : byId.values()) {
      String refusal = a.localAddressRemovalRefusal(address);
      if (refusal != null) {
        throw new IllegalStateException("cannot remove local address " + address.getHostAddress()
            + ": " + refusal);
      }
    }
    localAddresses.remove(address);
    for (SctpAssociation a : List.copyOf(byId.values())) {
      a.localAddressRemoved(time, address);
    }
    return true;
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
    if (localAddresses.contains(address)) {
      return true;
    }
    for (SctpAssociation a : byId.values()) {
      if (a.localAddresses().contains(address)) {
        return true;
      }
    }
    return false;
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
    if (mtu == 0) {
      interfaceMtus.remove(local);
    } else {
      interfaceMtus.put(local, mtu);
    }
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
      // A bug of ours must not take the event loop down or leak into other associations.
      counters.increment(MibCounter.SCTP_INTERNAL_ERRORS);
      if (internalErrors.allow(time)) {
        LOG.error("internal error handling a packet from {}:{} ({} more since the last line): {}",
            remote.getHostAddress(), remoteUdpPort, internalErrors.takeSuppressed(), packet, e);
      }
    }
  }

  /**
   * An association's timer or packet building threw: a bug of ours. It is counted, logged at most
   * once a minute, and the association is aborted, so that the application learns what was not
   * delivered (SEND_FAILED, COMM_LOST) instead of the association spinning on a timer that keeps
   * failing or going silent.
   */
  private void internalError(SctpAssociation a, long time, RuntimeException e) {
    counters.increment(MibCounter.SCTP_INTERNAL_ERRORS);
    if (internalErrors.allow(time)) {
      LOG.error("internal error in association {} ({} more since the last line); aborting it",
          a.id(), internalErrors.takeSuppressed(), e);
    }
    try {
      a.abort(time, org.jsctp.wire.Bytes.wrap(
          "internal error".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (RuntimeException again) {
      // The association cannot even abort: it is left to the peer's timers.
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
    for (InetAddress peer : peers) {
      if (byPeer.containsKey(new PeerKey(peer, peerPort))) {
        throw new IllegalStateException("an association to " + peer.getHostAddress() + ":" + peerPort + " exists");
      }
    }
    AssociationOptions chosen = options != null ? options.copy() : defaultOptions.copy();
    int id = nextId();
    SctpAssociation a = SctpAssociation.connect(context, id, time, peers, peerPort, peerUdpPort, chosen);
    register(a);
    return a;
  }

  private int nextId() {
    while (byId.containsKey(nextId) || nextId == 0) {
      nextId++;
    }
    return nextId++;
  }

  void register(SctpAssociation a) {
    byId.put(a.id(), a);
    byTag.put(a.localTag(), a);
    InetAddress peer0 = a.peerAddresses().get(0);
    perPeerIp.merge(peer0, 1, Integer::sum);
    countedPeer.put(a.id(), peer0);
    for (InetAddress peer : a.peerAddresses()) {
      byPeer.putIfAbsent(new PeerKey(peer, a.peerPort()), a);
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
    for (InetAddress local : h.localAddresses()) {
      if (!localAddresses.contains(local)) {
        throw new IllegalArgumentException("the snapshot's association uses local address "
            + local.getHostAddress() + ", which this endpoint does not have (its addresses: "
            + localAddresses + "); move the active's addresses here before restoring");
      }
    }
    if (byTag.containsKey(h.localTag())) {
      throw new IllegalStateException("an association with verification tag 0x"
          + Integer.toHexString(h.localTag()) + " exists here");
    }
    for (org.jsctp.ha.PathSnapshot p : h.paths()) {
      if (byPeer.containsKey(new PeerKey(p.address(), h.peerPort()))) {
        throw new IllegalStateException("an association to " + p.address().getHostAddress()
            + ":" + h.peerPort() + " exists here");
      }
    }
    int id = h.associationId() != 0 && !byId.containsKey(h.associationId())
        ? h.associationId() : nextId();
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
    return new EndpointSnapshot(localPort, localAddresses, cookieSecrets.export(time),
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
    return byId.get(id);
  }

  public Collection<SctpAssociation> associations() {
    return Collections.unmodifiableCollection(byId.values());
  }

  /** The endpoint's counters, totals of its associations (closed ones included). */
  public MibCounters counters() {
    return counters;
  }

  /** The MIB counters with SctpCurrEstab filled in as a gauge. */
  public Map<MibCounter, Long> snmp() {
    Map<MibCounter, Long> map = counters.snapshot();
    long established = 0;
    for (SctpAssociation a : byId.values()) {
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
    for (SctpAssociation a : byId.values()) {
      if (!a.isIdle()) {
        return false;
      }
    }
    return true;
  }

  // ---- package internals used by the dispatch and responders -----------------------------

  SctpAssociation byTag(int tag) {
    return byTag.get(tag);
  }

  SctpAssociation byPeer(InetAddress address, int port) {
    return byPeer.get(new PeerKey(address, port));
  }

  /**
   * Whether a new association with a peer at {@code address} would exceed max_associations or
   * max_associations_per_peer.
   */
  boolean atAssociationLimit(InetAddress address) {
    return byId.size() >= config.get(Sysctl.MAX_ASSOCIATIONS)
        || perPeerIp.getOrDefault(address, 0) >= config.get(Sysctl.MAX_ASSOCIATIONS_PER_PEER);
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
    return nextId();
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
      return localAddressView;
    }

    @Override
    public int interfaceMtu(InetAddress local) {
      return interfaceMtus.getOrDefault(local, 0);
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
      } while (tag == 0 || byTag.containsKey(tag));
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
      if (byId.get(association.id()) == association) {
        byPeer.putIfAbsent(new PeerKey(address, association.peerPort()), association);
      }
    }

    @Override
    public void peerAddressRemoved(SctpAssociation association, InetAddress address) {
      byPeer.remove(new PeerKey(address, association.peerPort()), association);
    }

    @Override
    public void localTagChanged(SctpAssociation association, int oldTag) {
      byTag.remove(oldTag, association);
      byTag.put(association.localTag(), association);
    }

    @Override
    public void closed(SctpAssociation association) {
      if (byId.remove(association.id(), association)) {
        InetAddress counted = countedPeer.remove(association.id());
        if (counted != null) {
          perPeerIp.computeIfPresent(counted, (k, n) -> n > 1 ? n - 1 : null);
        }
      }
      byTag.remove(association.localTag(), association);
      for (InetAddress peer : association.peerAddresses()) {
        byPeer.remove(new PeerKey(peer, association.peerPort()), association);
      }
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
    return "Endpoint[port " + localPort + ", " + byId.size() + " associations"
        + (listening ? ", listening" : "") + "]";
  }
}
