package org.jsctp.netty;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Ticker;
import java.io.Closeable;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jsctp.config.ReceiveMemory;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.netty.ha.HaStatistics;
import org.jsctp.netty.stats.AssociationEntry;
import org.jsctp.netty.stats.EndpointEntry;
import org.jsctp.stats.MibCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SCTP stack over UDP (RFC 6951): Netty event loops, the stack configuration in the Linux sysctl
 * vocabulary, and the channels opened from it.
 *
 * <pre>{@code
 * try (SctpStack stack = SctpStack.builder()
 *     .config(StackConfig.fromSysctl(Map.of("net.sctp.rto_min", "200")))
 *     .build()) {
 *   SctpChannel ch = SctpChannel.open(stack);
 *   ...
 * }
 * }</pre>
 *
 * <p>Each channel that binds gets its own endpoint: one SCTP port, one UDP port, one UDP channel
 * per local IP, all on one event loop of the stack. Endpoints on the same UDP port share its UDP
 * channels (as usrsctp runs every SCTP port of a process over one encapsulation port, RFC 6951):
 * received datagrams go to the endpoint bound to their SCTP destination port, and those for a port
 * nobody has bound get the out-of-the-blue answer of RFC 9260 section 8.4. Endpoints on a fixed UDP
 * port all run on that port's loop; the others are spread over the loops. The protocol state of an
 * endpoint is only ever touched by its loop. What the endpoints share is
 * thread-safe: the SCTP port reservations, the counters of closed endpoints, and the one budget of
 * memory for received data ({@code net.sctp.rcvbuf_total}) that every association of the stack
 * reserves from.
 *
 * <p>{@link #close()} aborts the associations still open, closes every channel and UDP socket and
 * stops the event loops; no thread of the stack is left running afterwards. Close channels first
 * (or shut them down) for a graceful end.
 */
public final class SctpStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SctpStack.class);
  private static final int EPHEMERAL_FIRST = 49152;

  private final StackConfig config;
  private final TransportSupport transport;
  private final UdpOffload udpOffload;
  private final boolean segmentsSends;
  private final MultiThreadIoEventLoopGroup group;
  private final Ticker ticker;
  private final Predicate<InetAddress> allowedPeers;
  private final UdpChannelCustomizer customizer;
  private final Supplier<RandomGenerator> random;
  private final SharedReceiveMemory receiveMemory;
  private final List<EventLoop> loops = new ArrayList<>();
  private final UdpSockets udpSockets = new UdpSockets(this);
  private final Set<EndpointRuntime> runtimes = ConcurrentHashMap.newKeySet();
  private final Set<Closeable> channels = ConcurrentHashMap.newKeySet();

  /** Guards {@link #sctpPorts}. */
  private final ReentrantLock portsLock = new ReentrantLock();

  /** Who holds each SCTP port on each IP, for the message of a refused bind. */
  private final Map<String, String> sctpPorts = new LinkedHashMap<>();

  /** Guards {@link #retired} and the changes of {@link #runtimes}. */
  private final ReentrantLock countersLock = new ReentrantLock();

  /** The counters of closed endpoints, by {@link #statisticsPort}. */
  private final Map<Integer, Map<MibCounter, Long>> retired = new TreeMap<>();
  private volatile boolean closed;

  private SctpStack(Builder b) {
    this.config = b.config;
    this.transport = TransportSupport.select(b.transport);
    this.udpOffload =
        b.udpOffload && transport.transport == Transport.EPOLL ? UdpOffload.lookUp() : null;
    // A customizer's handlers see one SCTP packet per outgoing datagram.
    this.segmentsSends = udpOffload != null && !b.customized;
    this.allowedPeers = b.allowedPeers;
    this.customizer = b.customizer;
    this.random = b.random;
    this.receiveMemory = new SharedReceiveMemory(config.get(Sysctl.RCVBUF_TOTAL));
    DefaultThreadFactory threads = new DefaultThreadFactory(b.threadName, true);
    this.group =
        b.ticker == null
            ? new MultiThreadIoEventLoopGroup(b.threads, threads, transport.ioHandlerFactory)
            : new TickerEventLoopGroup(b.threads, threads, transport.ioHandlerFactory, b.ticker);
    this.ticker = group.iterator().next().ticker();
    for (io.netty.util.concurrent.EventExecutor e : group) {
      loops.add((EventLoop) e);
    }
    for (String warning : config.warnings()) {
      LOG.warn("configuration: {}", warning);
    }
    LOG.debug(
        "stack started: {} transport{}, {} event loops, {}",
        transport.transport,
        udpOffload == null ? "" : " with UDP GSO and GRO",
        b.threads,
        config);
  }

  /**
   * A builder with the defaults: {@link StackConfig#defaults()}, NIO, no UDP offload, 1 event
   * loop, any peer.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The stack configuration. */
  public StackConfig config() {
    return config;
  }

  /** The transport in use (never {@link Transport#AUTO}). */
  public Transport transport() {
    return transport.transport;
  }

  /**
   * Whether UDP GRO is in use on receive ({@link Builder#udpOffload}, epoll, and a kernel with it);
   * sends are segmented too unless a {@link Builder#udpChannelCustomizer} was given.
   */
  public boolean usesUdpOffload() {
    return udpOffload != null;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * The RFC 3873 counters under the names of Linux's {@code /proc/net/sctp/snmp}, summed over every
   * endpoint of the stack, those already closed included; SctpCurrEstab counts the associations
   * established now.
   */
  public Map<String, Long> snmp() {
    Map<MibCounter, Long> sum = new EnumMap<>(MibCounter.class);
    for (Map<MibCounter, Long> port : countersByPort().values()) {
      port.forEach((k, v) -> sum.merge(k, v, Long::sum));
    }
    return byMibName(sum);
  }

  /**
   * {@link #snmp()} per local SCTP port, ascending: the counters of the endpoints on each port,
   * those already closed included, so that every value but SctpCurrEstab only grows. The ports
   * from 49152 up, the range where the stack picks a port for a channel bound to port 0, are
   * summed under port 0: the map holds an entry per port the application chose plus at most one,
   * however many ephemeral ports come and go.
   */
  public Map<Integer, Map<String, Long>> snmpByPort() {
    Map<Integer, Map<String, Long>> out = new TreeMap<>();
    countersByPort().forEach((port, counters) -> out.put(port, byMibName(counters)));
    return out;
  }

  /**
   * The key of {@link #snmpByPort()} that an endpoint on {@code sctpPort} counts under: the port
   * itself, or 0 for a port from 49152 up.
   */
  public static int statisticsPort(int sctpPort) {
    return sctpPort >= EPHEMERAL_FIRST ? 0 : sctpPort;
  }

  private Map<Integer, Map<MibCounter, Long>> countersByPort() {
    Map<Integer, Map<MibCounter, Long>> byPort = new TreeMap<>();
    List<EndpointRuntime> live;
    countersLock.lock();
    try {
      // One snapshot of both: an endpoint is either retired here or queried below, never both.
      retired.forEach((port, counters) -> byPort.put(port, new EnumMap<>(counters)));
      live = new ArrayList<>(runtimes);
    } finally {
      countersLock.unlock();
    }
    List<Map.Entry<Integer, Map<MibCounter, Long>>> counts =
        query(live, rt -> Map.entry(statisticsPort(rt.sctpPort()), rt.statistics().snmp()));
    for (Map.Entry<Integer, Map<MibCounter, Long>> e : counts) {
      Map<MibCounter, Long> sum =
          byPort.computeIfAbsent(e.getKey(), k -> new EnumMap<>(MibCounter.class));
      e.getValue().forEach((k, v) -> sum.merge(k, v, Long::sum));
    }
    return byPort;
  }

  /** Every counter under its Linux name, in MibCounter order; SctpCurrEstab counts the live. */
  private static Map<String, Long> byMibName(Map<MibCounter, Long> counters) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (MibCounter c : MibCounter.values()) {
      out.put(c.mibName(), counters.getOrDefault(c, 0L));
    }
    return out;
  }

  /** The associations of every endpoint, as Linux's {@code /proc/net/sctp/assocs} shows them. */
  public List<AssociationEntry> associations() {
    List<AssociationEntry> list = new ArrayList<>();
    for (List<AssociationEntry> l : onEachEndpoint(rt -> rt.statistics().associationEntries())) {
      list.addAll(l);
    }
    return list;
  }

  /** The endpoints, as Linux's {@code /proc/net/sctp/eps} shows them. */
  public List<EndpointEntry> endpoints() {
    return onEachEndpoint(rt -> rt.statistics().entry(rt.listening()));
  }

  private <T> List<T> onEachEndpoint(java.util.function.Function<EndpointRuntime, T> query) {
    return query(new ArrayList<>(runtimes), rt -> rt.released() ? null : query.apply(rt));
  }

  private static <T> List<T> query(
      List<EndpointRuntime> endpoints, java.util.function.Function<EndpointRuntime, T> query) {
    List<CompletableFuture<T>> futures = new ArrayList<>();
    for (EndpointRuntime rt : endpoints) {
      futures.add(rt.call(() -> query.apply(rt)));
    }
    List<T> out = new ArrayList<>();
    for (CompletableFuture<T> f : futures) {
      try {
        T t = f.get(5, TimeUnit.SECONDS);
        if (t != null) {
          out.add(t);
        }
      } catch (Exception e) {
        LOG.debug("endpoint query failed: {}", e.toString());
      }
    }
    return out;
  }

  /**
   * Aborts every association (an ABORT to each peer, no SHUTDOWN first: once the threads stop, no
   * graceful shutdown could finish), closes every channel, stops the event loops and waits for
   * their threads to end (up to a few seconds; called from a callback on one of the stack's own
   * event loops it does not wait). Idempotent.
   *
   * <p>For a graceful end, shut the associations down (or close the channels) and wait for them to
   * end before closing the stack, as a usrsctp application closes its sockets before {@code
   * usrsctp_finish()}, which refuses to finish while an endpoint remains.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // One-to-one channels first: the associations a server channel has not handed out yet are
    // among them, and closing the server channel first would shut them down instead.
    List<Closeable> open = new ArrayList<>(channels);
    open.sort(Comparator.comparing(c -> !(c instanceof SctpChannelImpl)));
    for (Closeable c : open) {
      try {
        if (c instanceof SctpChannelImpl ch) {
          ch.abortAndClose();
        } else if (c instanceof SctpMultiChannelImpl m) {
          m.abortAndClose();
        } else {
          c.close();
        }
      } catch (Exception e) {
        LOG.debug("closing {}: {}", c, e.toString());
      }
    }
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (EndpointRuntime rt : runtimes) {
      done.add(rt.terminate());
    }
    if (onLoopThread()) {
      // Called from a callback on one of our loops: it cannot wait for itself to stop.
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
      LOG.debug("stack closing from its own event loop; not waiting for the threads");
      return;
    }
    for (CompletableFuture<Void> f : done) {
      try {
        f.get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.debug("endpoint termination: {}", e.toString());
      }
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    LOG.debug("stack closed");
  }

  /**
   * Stops the stack as if its process died, for failover drills and demos of standby takeover
   * (docs/ha.md): closes every UDP socket without sending anything (no ABORT, no SHUTDOWN: the
   * peers see silence), leaves the replication groups (a standby takes over), ends the
   * associations locally and stops the event loops. The stack is closed afterwards.
   */
  public void halt() {
    if (closed) {
      return;
    }
    closed = true;
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (EndpointRuntime rt : runtimes) {
      done.add(rt.halt());
    }
    for (CompletableFuture<Void> f : done) {
      try {
        f.get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.debug("endpoint halt: {}", e.toString());
      }
    }
    channels.clear();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    LOG.debug("stack halted");
  }

  /**
   * What standby takeover measured (docs/ha.md), summed over the endpoints bound now: records,
   * snapshots and bytes replicated, replication latency, takeovers.
   */
  public HaStatistics haStatistics() {
    HaStatistics sum = HaStatistics.NONE;
    for (HaStatistics s : onEachEndpoint(EndpointRuntime::haStatistics)) {
      sum = sum.plus(s);
    }
    return sum;
  }

  // ---- package internals ---------------------------------------------------------------------

  void checkOpen() throws java.nio.channels.ClosedChannelException {
    if (closed) {
      throw new java.nio.channels.ClosedChannelException();
    }
  }

  EventLoop nextLoop() {
    return group.next();
  }

  /**
   * The loop of every endpoint on a fixed UDP port, so that endpoints sharing a UDP socket share
   * its loop and the core stays confined to one thread ({@link SharedUdpSocket}).
   */
  EventLoop loopForUdpPort(int udpPort) {
    EventLoop taken = udpSockets.loopOf(udpPort);
    return taken != null ? taken : loops.get(udpPort % loops.size());
  }

  /** The UDP sockets shared by the endpoints on each local IP and UDP port. */
  UdpSockets udpSockets() {
    return udpSockets;
  }

  /**
   * The clock of every event loop of the stack (they share one ticker), for the few times that
   * threads outside the loops need: receive timeouts, message lifetimes. In nanoseconds, comparable
   * with the times the endpoints hand to the core.
   */
  Ticker ticker() {
    return ticker;
  }

  /** Whether the calling thread is one of the stack's event loops. */
  boolean onLoopThread() {
    for (io.netty.util.concurrent.EventExecutor e : group) {
      if (e.inEventLoop()) {
        return true;
      }
    }
    return false;
  }

  TransportSupport transportSupport() {
    return transport;
  }

  /** The UDP offloads in use, or null. */
  UdpOffload udpOffload() {
    return udpOffload;
  }

  /** Whether runs of packets leave as one UDP GSO send. */
  boolean segmentsSends() {
    return segmentsSends;
  }

  Predicate<InetAddress> allowedPeers() {
    return allowedPeers;
  }

  boolean allowsPeer(InetAddress a) {
    return allowedPeers.test(a);
  }

  /** Refuses a peer address outside the allowed ones (address safety, at the API edge). */
  void checkAllowedPeer(InetAddress a) {
    if (!allowedPeers.test(a)) {
      throw new IllegalArgumentException(
          "peer address " + a.getHostAddress() + " is outside the stack's allowed peer addresses");
    }
  }

  UdpChannelCustomizer customizer() {
    return customizer;
  }

  RandomGenerator newRandom() {
    return random.get();
  }

  /** The memory for received data that every endpoint of the stack shares: {@code rcvbuf_total}. */
  ReceiveMemory receiveMemory() {
    return receiveMemory;
  }

  void register(EndpointRuntime rt) {
    countersLock.lock();
    try {
      runtimes.add(rt);
    } finally {
      countersLock.unlock();
    }
  }

  void unregister(EndpointRuntime rt) {
    Map<MibCounter, Long> counters = rt.endpoint.counters().snapshot();
    counters.remove(MibCounter.SCTP_CURR_ESTAB);
    boolean removed;
    countersLock.lock();
    try {
      removed = runtimes.remove(rt);
      if (removed) {
        Map<MibCounter, Long> sum =
            retired.computeIfAbsent(
                statisticsPort(rt.sctpPort()), k -> new EnumMap<>(MibCounter.class));
        counters.forEach((k, v) -> sum.merge(k, v, Long::sum));
      }
    } finally {
      countersLock.unlock();
    }
    if (removed) {
      releasePorts(rt.localAddresses(), rt.sctpPort());
    }
  }

  void opened(Closeable channel) {
    channels.add(channel);
  }

  void closed(Closeable channel) {
    channels.remove(channel);
  }

  /** {@link #reservePort(List, int, String)} for "a channel". */
  int reservePort(List<InetAddress> ips, int port) throws java.net.BindException {
    return reservePort(ips, port, "a channel");
  }

  /**
   * Reserves an SCTP port on every IP; 0 picks a free ephemeral port. SCTP ports are unique per IP
   * within the stack, whatever the UDP ports: peers tell associations apart by SCTP addresses and
   * ports, and endpoints on one UDP port are told apart by their SCTP ports.
   *
   * @param holder who asks, for the message when another holds the port already
   * @throws java.net.BindException naming both holders when the port is taken on one of the IPs
   */
  int reservePort(List<InetAddress> ips, int port, String holder) throws java.net.BindException {
    portsLock.lock();
    try {
      if (port != 0) {
        for (InetAddress ip : ips) {
          String taken = sctpPorts.get(key(ip, port));
          if (taken != null) {
            throw new java.net.BindException(
                "SCTP port " + port + " is already bound on " + ip.getHostAddress() + " by "
                    + taken + "; refused for " + holder);
          }
        }
        for (InetAddress ip : ips) {
          sctpPorts.put(key(ip, port), holder);
        }
        return port;
      }
      RandomGenerator r = random.get();
      for (int attempt = 0; attempt < 1000; attempt++) {
        int candidate = EPHEMERAL_FIRST + r.nextInt(0x10000 - EPHEMERAL_FIRST);
        boolean free = true;
        for (InetAddress ip : ips) {
          free &= !sctpPorts.containsKey(key(ip, candidate));
        }
        if (free) {
          for (InetAddress ip : ips) {
            sctpPorts.put(key(ip, candidate), holder);
          }
          return candidate;
        }
      }
      throw new java.net.BindException("no free ephemeral SCTP port");
    } finally {
      portsLock.unlock();
    }
  }

  /** Names the holder of a reserved SCTP port anew (an ephemeral UDP port got its number). */
  void renamePortHolder(List<InetAddress> ips, int port, String holder) {
    portsLock.lock();
    try {
      for (InetAddress ip : ips) {
        sctpPorts.replace(key(ip, port), holder);
      }
    } finally {
      portsLock.unlock();
    }
  }

  void releasePorts(List<InetAddress> ips, int port) {
    portsLock.lock();
    try {
      for (InetAddress ip : ips) {
        sctpPorts.remove(key(ip, port));
      }
    } finally {
      portsLock.unlock();
    }
  }

  private static String key(InetAddress ip, int port) {
    return ip.getHostAddress() + "#" + port;
  }

  /** Builds a {@link SctpStack}. */
  public static final class Builder {
    private StackConfig config = StackConfig.defaults();
    private Transport transport = Transport.NIO;
    private boolean udpOffload;
    private int threads = 1;
    private String threadName = "jsctp";
    private Predicate<InetAddress> allowedPeers = a -> true;
    private UdpChannelCustomizer customizer = (local, pipeline) -> {};
    private boolean customized;
    private Supplier<RandomGenerator> random = SecureRandom::new;
    private Ticker ticker;

    private Builder() {}

    /** The stack configuration (sysctl defaults; see {@link StackConfig#fromSysctl(Map)}). */
    public Builder config(StackConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * The stack configuration from {@code net.sctp.*} keys and decimal values; keys not given keep
     * their defaults.
     *
     * @throws IllegalArgumentException naming the key for an unknown key or a bad value
     */
    public Builder sysctl(Map<String, String> settings) {
      return config(StackConfig.fromSysctl(settings));
    }

    /** NIO (default), epoll, or epoll when available. */
    public Builder transport(Transport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * Linux's UDP segmentation offloads on the epoll transport (default off): runs of same-sized
     * packets to one peer leave in one send ({@code UDP_SEGMENT}) and arrive in one read ({@code
     * UDP_GRO}). The datagrams on the wire are the same, but a capture on this host (tcpdump,
     * Wireshark) sees each run before the kernel cuts it, as one oversized datagram that does not
     * decode as SCTP, as it sees TCP's segmentation offload. Nothing changes on NIO. With a {@link
     * #udpChannelCustomizer}, sends are not segmented: its handlers see one SCTP packet per
     * datagram both ways.
     */
    public Builder udpOffload(boolean on) {
      this.udpOffload = on;
      return this;
    }

    /**
     * The number of event loop threads (default 1). Each endpoint lives on one loop; more loops
     * help only with several endpoints.
     *
     * @throws IllegalArgumentException unless 1..1024
     */
    public Builder eventLoopThreads(int threads) {
      if (threads < 1 || threads > 1024) {
        throw new IllegalArgumentException("eventLoopThreads out of range 1..1024: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** The name prefix of the event loop threads (default "jsctp"). */
    public Builder threadName(String prefix) {
      this.threadName = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /**
     * Address safety: the peer addresses the stack may use. Addresses outside the set found in INIT
     * or INIT ACK are ignored and never probed, datagrams from outside are dropped unanswered,
     * connects to them are refused, and nothing is ever sent to them. Default: any.
     */
    public Builder allowedPeerAddresses(Predicate<InetAddress> allowed) {
      this.allowedPeers = Objects.requireNonNull(allowed, "allowed");
      return this;
    }

    /** A hook that may add handlers to each UDP channel's pipeline before it is bound. */
    public Builder udpChannelCustomizer(UdpChannelCustomizer customizer) {
      this.customizer = Objects.requireNonNull(customizer, "customizer");
      this.customized = true;
      return this;
    }

    /**
     * Where endpoints get their randomness (verification tags, TSNs, cookie secrets, nonces).
     * Default: a new {@link SecureRandom} per endpoint. A seeded generator makes runs repeatable,
     * but also makes the cookie secret predictable: tests only.
     */
    public Builder random(Supplier<RandomGenerator> random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * The clock of the event loops (default: the system's), for tests: with Netty's {@link
     * io.netty.util.concurrent.MockTicker} the endpoints' timers fire when the test advances it,
     * and only then, over real sockets. Every time the stack hands to the protocol core and every
     * deadline it schedules come from this ticker; blocking calls still wait in real time. After
     * advancing it, submit a task to the loops (any call on a channel does) so that they look at
     * the time.
     */
    Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * Starts the event loops.
     *
     * @throws IllegalStateException when the epoll transport is asked for but not available
     */
    public SctpStack build() {
      return new SctpStack(this);
    }
  }
}
