package org.jsctp.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.SctpEvent;
import org.jsctp.api.SendBufferAvailable;
import org.jsctp.api.ShutdownReceived;
import org.jsctp.api.StreamChange;
import org.jsctp.association.AssociationOptions;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.endpoint.Endpoint;
import org.jsctp.netty.ha.HaStatistics;
import org.jsctp.netty.jfr.JfrObserver;
import org.jsctp.stats.MibCounter;
import org.jsctp.util.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one sans-IO {@link Endpoint} on one Netty event loop: datagrams for its SCTP port from
 * its UDP channels ({@link UdpChannels}, shared with the stack's other endpoints on the same UDP
 * port, which then live on the same loop) into the core; transmits out after each input, flushed once per read burst;
 * one deadline task ({@link DeadlineTimer}); the core's events to the channels that own the
 * associations ({@link AssociationHandle}, {@link AssociationOwner}); the end of the endpoint when
 * no channel and no association uses it any more. The statistics views are {@link
 * EndpointStatistics}.
 *
 * <p>Threading: the core, the handles, the UDP channels and every field here belong to {@link
 * #loop}; nothing else touches them. The methods run on the loop, except those documented "any
 * thread", which hand their work to the loop: {@link #open}, {@link #execute}, {@link #call},
 * {@link #addLocalAddress}, {@link #removeLocalAddress}, {@link #terminate()}; and {@link #now()},
 * {@link #udpPort()}, {@link #localAddresses()}, {@link #sctpPort()}, which only read. The receive
 * memory is the stack's, shared with the endpoints on other loops ({@link SharedReceiveMemory}).
 * While a UDP channel is not writable, transmits stay in the core (its windows hold the data) until
 * every channel is writable again.
 */
final class EndpointRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(EndpointRuntime.class);
  private static final int MAX_ROUNDS = 16;

  final SctpStack stack;
  final EventLoop loop;
  final Endpoint endpoint;
  private final String style;
  private final UdpChannels udp;
  private final EndpointStatistics statistics;
  private final Map<Integer, AssociationHandle> handles = new HashMap<>();
  private final Set<AssociationHandle> parked = new LinkedHashSet<>();
  private final DeadlineTimer timer;

  // Log lines a peer can cause, one a minute each with the count of those left out.
  private final LogThrottle refusedLog = new LogThrottle();

  /** For {@link Inbox}: notifications dropped because the application does not read them. */
  final LogThrottle droppedNotificationsLog = new LogThrottle();

  private Function<AssociationHandle, AssociationOwner> acceptor;
  private int owners = 1;
  private boolean released;
  private boolean draining;
  private boolean drainAgain;
  private boolean inputPending;

  /** Standby takeover (docs/ha.md), or null when the channel did not ask for it. */
  private EndpointReplication replication;
  private int configuredUdpPort;
  private boolean takingOver;

  private EndpointRuntime(SctpStack stack, EventLoop loop, Endpoint endpoint, String style) {
    this.stack = stack;
    this.loop = loop;
    this.endpoint = endpoint;
    endpoint.trackAddedAssociations();
    this.style = style;
    this.udp =
        new UdpChannels(stack, loop, endpoint, new DatagramHandler(this), this::now,
            ip -> stack.releasePorts(List.of(ip), endpoint.localPort()));
    this.statistics = new EndpointStatistics(endpoint, style, udp);
    this.timer = new DeadlineTimer(loop, this::onDeadline);
  }

  /**
   * Creates an endpoint on the next event loop and binds its UDP channels: the first local IP on
   * {@code udpPort} (0: ephemeral), the others on the port the first got. Any thread.
   *
   * <p>With {@code ha} (standby takeover, docs/ha.md) the endpoint replicates through its
   * replicator; a standby binds nothing until it takes over, then binds the same addresses and
   * UDP port (which must not be 0).
   *
   * @param style "one-to-one" or "one-to-many", for the statistics views
   * @param ha the replication settings, or null
   */
  static CompletableFuture<EndpointRuntime> open(
      SctpStack stack,
      StackConfig config,
      List<InetAddress> locals,
      int sctpPort,
      int udpPort,
      String style,
      AssociationOptions defaults,
      HaSetup ha) {
    if (ha != null && udpPort == 0) {
      throw new IllegalArgumentException(
          "standby takeover needs a fixed UDP port (SCTP_LOCAL_UDP_ENCAPS_PORT is 0): the peer"
              + " keeps sending to the active's");
    }
    // Endpoints sharing a UDP socket share its loop (SharedUdpSocket).
    EventLoop loop = udpPort == 0 ? stack.nextLoop() : stack.loopForUdpPort(udpPort);
    Endpoint endpoint = new Endpoint(config, sctpPort, locals, stack.newRandom());
    endpoint.setAllowedPeerAddresses(stack.allowedPeers());
    endpoint.setReceiveMemory(stack.receiveMemory());
    endpoint.setDefaultOptions(defaults);
    endpoint.setObserver(JfrObserver.INSTANCE);
    EndpointRuntime rt = new EndpointRuntime(stack, loop, endpoint, style);
    rt.configuredUdpPort = udpPort;
    if (ha != null) {
      rt.replication = new EndpointReplication(rt, ha.replicator(), ha.addressWait().toNanos());
    }
    CompletableFuture<EndpointRuntime> f = new CompletableFuture<>();
    if (rt.replication != null && rt.replication.isStandby()) {
      loop.execute(
          () -> {
            stack.register(rt);
            rt.replication.start();
            f.complete(rt);
          });
      return f;
    }
    loop.execute(
        () ->
            rt.udp
                .bindAll(udpPort)
                .whenComplete(
                    (v, err) -> {
                      if (err != null) {
                        f.completeExceptionally(err);
                        return;
                      }
                      stack.register(rt);
                      if (rt.replication != null) {
                        rt.replication.start();
                      }
                      f.complete(rt);
                    }));
    return f;
  }

  // ---- local addresses ----------------------------------------------------------------------

  /**
   * Adds a local IP: binds a UDP channel on it, then tells the endpoint, whose associations with
   * ADD-IP ask their peers to add it (RFC 5061). Any thread.
   */
  CompletableFuture<Void> addLocalAddress(InetAddress ip) {
    CompletableFuture<Void> added = new CompletableFuture<>();
    loop.execute(
        () -> {
          if (released) {
            added.completeExceptionally(new ClosedChannelException());
          } else {
            udp.add(ip, this::now, added);
          }
        });
    return added.thenRun(this::drain);
  }

  /**
   * Removes a local IP: the associations holding it ask their peers to delete it (RFC 5061); the
   * endpoint leaves its channel and its SCTP port reservation ends once none uses it. Refused when
   * an association cannot let it go. Any thread.
   */
  CompletableFuture<Void> removeLocalAddress(InetAddress ip) {
    return call(
        () -> {
          udp.remove(ip, now());
          return null;
        });
  }

  /** Any thread. */
  int udpPort() {
    return udp.port();
  }

  /** The local IPs. Any thread. */
  List<InetAddress> localAddresses() {
    return udp.localAddresses();
  }

  /** Any thread. */
  int sctpPort() {
    return endpoint.localPort();
  }

  // ---- time and running tasks on the loop -------------------------------------------------

  /**
   * Now, in nanoseconds of the loop's ticker: the only clock of the endpoint. Every time handed to
   * the core and every deadline comes from it, so that a test can drive the endpoint with a mock
   * ticker (see {@link SctpStack.Builder#ticker}). Any thread.
   */
  long now() {
    return loop.ticker().nanoTime();
  }

  /** Runs {@code task} on the loop, then drains. Any thread. */
  void execute(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
      drain();
    } else {
      loop.execute(
          () -> {
            task.run();
            drain();
          });
    }
  }

  /** Runs {@code task} on the loop, then drains; the future carries its result. Any thread. */
  <T> CompletableFuture<T> call(Callable<T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Runnable r =
        () -> {
          try {
            f.complete(task.call());
          } catch (Throwable t) {
            f.completeExceptionally(t);
          }
        };
    try {
      execute(r);
    } catch (RejectedExecutionException e) {
      f.completeExceptionally(new ClosedChannelException());
    }
    return f;
  }

  // ---- associations ------------------------------------------------------------------------

  /** Sets who takes new passive associations; null stops listening. On the loop. */
  void accept(Function<AssociationHandle, AssociationOwner> acceptor) {
    this.acceptor = acceptor;
    endpoint.listen(acceptor != null);
  }

  boolean listening() {
    return acceptor != null;
  }

  /** Starts an association owned by {@code owner}. On the loop. */
  AssociationHandle connect(
      List<InetAddress> peers,
      int peerPort,
      int peerUdpPort,
      AssociationOptions options,
      AssociationOwner owner) {
    for (InetAddress peer : peers) {
      stack.checkAllowedPeer(peer);
    }
    SctpAssociation core = endpoint.connect(now(), peers, peerPort, peerUdpPort, options);
    AssociationHandle h = new AssociationHandle(this, core, false, owner);
    handles.put(h.id(), h);
    return h;
  }

  void parked(AssociationHandle h) {
    parked.add(h);
  }

  /** One more channel uses this endpoint (an accepted or branched channel). On the loop. */
  void retain() {
    owners++;
  }

  /** A channel using this endpoint closed. On the loop. */
  void release() {
    owners--;
    maybeRelease();
  }

  /**
   * Gives every association the core added since the last call a handle. Costs the associations
   * added, not all of them: walking the whole table for each new one made setting up N
   * associations cost O(N^2).
   */
  private void adoptNew() {
    SctpAssociation core;
    while ((core = endpoint.pollAdded()) != null) {
      if (handles.containsKey(core.id()) || endpoint.association(core.id()) != core) {
        continue;
      }
      AssociationHandle h = new AssociationHandle(this, core, true, AssociationOwner.DISCARD);
      handles.put(h.id(), h);
      AssociationOwner owner = acceptor == null ? null : acceptor.apply(h);
      if (owner == null) {
        if (LOG.isInfoEnabled() && refusedLog.allow(now())) {
          LOG.info(
              "refusing association {} from {}: not accepting ({} more since the last line)",
              core.id(),
              core.peerAddresses(),
              refusedLog.takeSuppressed());
        }
        core.abort(now(), AssociationHandle.abortReason("not accepting associations"));
      } else {
        h.owner(owner);
      }
    }
  }

  // ---- inputs ------------------------------------------------------------------------------

  /**
   * A datagram arrived on the channel bound to {@code localIp}. The content is borrowed: its bytes
   * are copied for the core (which keeps references to the array it gets), and the caller releases
   * the buffer.
   */
  void onDatagram(InetAddress localIp, InetSocketAddress sender, ByteBuf content) {
    if (released) {
      return;
    }
    if (replication != null && replication.isStandby()) {
      // Bound for a takeover whose associations are not restored yet: answering now would abort
      // them (out of the blue); the peer retransmits.
      endpoint.counters().increment(MibCounter.SCTP_IN_PKT_DISCARDS);
      return;
    }
    InetAddress remote = sender.getAddress();
    if (!stack.allowsPeer(remote)) {
      // Address safety: never answer anything outside the allowed set.
      endpoint.counters().increment(MibCounter.SCTP_IN_PKT_DISCARDS);
      return;
    }
    byte[] data = ByteBufUtil.getBytes(content);
    endpoint.handleDatagram(now(), localIp, remote, sender.getPort(), data, 0, data.length);
    adoptNew();
    inputPending = true;
    // Drained after each input; written out once per read burst, in onReadComplete.
    drain(false);
  }

  /** A datagram for an SCTP port nobody has bound was dropped unanswered (answer budget). */
  void countDiscard() {
    endpoint.counters().increment(MibCounter.SCTP_IN_PKT_DISCARDS);
  }

  /** The end of a read burst: one flush for everything the burst's inputs produced. */
  void onReadComplete() {
    if (inputPending) {
      inputPending = false;
      drain(true);
    }
  }

  /** A UDP channel's writability changed: drains once every channel is writable again. */
  void onWritabilityChanged(boolean writable) {
    if (udp.writabilityChanged(writable)) {
      drain();
    }
  }

  private void onDeadline() {
    if (released) {
      return;
    }
    endpoint.handleTimeout(now());
    drain();
  }

  // ---- output ------------------------------------------------------------------------------

  /** {@link #drain(boolean)} with a flush: after inputs that are not datagrams. */
  void drain() {
    drain(true);
  }

  /**
   * After any input: hands events to the channels, retries parked sends, writes transmits while the
   * channels are writable, handles deadlines already due, flushes (unless in the middle of a read
   * burst), and sets the deadline task. Re-entrant calls (a flush that changes writability, a
   * callback that sends) are folded into the running one.
   */
  private void drain(boolean flush) {
    if (released) {
      return;
    }
    if (draining) {
      drainAgain = true;
      return;
    }
    draining = true;
    try {
      for (int round = 0; round < MAX_ROUNDS; round++) {
        drainAgain = false;
        long now = now();
        int events = dispatchEvents();
        resumeParked(now);
        udp.writeTransmits();
        if (replication != null && replication.drainRecords(now)) {
          // Acknowledged here (no standby): what waited for those records may go now.
          drainAgain = true;
        }
        events += dispatchEvents();
        if (endpoint.nextDeadline() <= now) {
          endpoint.handleTimeout(now);
          drainAgain = true;
        }
        if (flush) {
          udp.flush();
        }
        udp.leaveUnused();
        if (!drainAgain && events == 0) {
          break;
        }
      }
      timer.update(endpoint.nextDeadline());
    } finally {
      draining = false;
    }
    if (drainAgain && !released) {
      // Still busy after MAX_ROUNDS: go on after the loop's other tasks instead of starving them.
      drainAgain = false;
      loop.execute(this::drain);
    }
    maybeRelease();
  }

  private void resumeParked(long now) {
    if (parked.isEmpty()) {
      return;
    }
    for (AssociationHandle h : new ArrayList<>(parked)) {
      if (!h.resume(now)) {
        parked.remove(h);
      }
    }
  }

  private int dispatchEvents() {
    int n = 0;
    SctpEvent e;
    while ((e = endpoint.pollEvent()) != null) {
      n++;
      dispatch(e);
    }
    return n;
  }

  private void dispatch(SctpEvent e) {
    AssociationHandle h = handles.get(e.associationId());
    if (h == null) {
      LOG.debug("event for an association without a handle: {}", e);
      return;
    }
    AssociationOwner owner = h.owner();
    if (e instanceof MessageReceived m) {
      owner.deliver(h, m);
    } else if (e instanceof SendBufferAvailable) {
      if (h.hasParked()) {
        parked.add(h);
      }
      h.refreshWritable();
      owner.bufferedAmountLow(h);
    } else if (e instanceof AssociationChange c) {
      onAssociationChange(h, c);
    } else {
      if (e instanceof ShutdownReceived) {
        h.peerShutdownReceived();
      } else if (e instanceof StreamChange c) {
        // RFC 6525: streams were added; the API's counts follow.
        h.api.streams(c.inboundStreams(), c.outboundStreams());
      }
      h.refreshAddresses();
      Notification n = Notifications.of(e, h);
      if (n != null) {
        owner.notify(h, n);
      }
    }
  }

  private void onAssociationChange(AssociationHandle h, AssociationChange c) {
    AssociationOwner owner = h.owner();
    switch (c.kind()) {
      case COMM_UP, RESTART -> {
        h.api.streams(c.inboundStreams(), c.outboundStreams());
        h.refreshAddresses();
        owner.notify(h, Notifications.of(c, h));
        if (c.kind() == AssociationChange.Kind.COMM_UP) {
          h.established.complete(null);
          owner.up(h);
        }
        if (h.hasParked()) {
          parked.add(h);
        }
      }
      default -> {
        h.failPendingSends();
        owner.notify(h, Notifications.of(c, h));
        handles.remove(h.id());
        if (replication != null) {
          replication.forget(h.id());
        }
        parked.remove(h);
        owner.ended(h);
        h.end();
      }
    }
  }

  // ---- release -------------------------------------------------------------------------------

  private void maybeRelease() {
    if (!released && owners <= 0 && handles.isEmpty() && endpoint.associations().isEmpty()) {
      releaseNow();
    }
  }

  private void releaseNow() {
    released = true;
    timer.cancel();
    // The last packets (a SHUTDOWN COMPLETE, an ABORT) may still wait for the burst's flush.
    udp.flush();
    udp.close();
    if (replication != null) {
      replication.close();
    }
    stack.unregister(this);
    LOG.debug("endpoint {} released", endpoint);
  }

  /**
   * Stops as if the process died: closes the UDP sockets without sending or flushing anything (no
   * ABORT, no SHUTDOWN), leaves the replication group, ends the channels' associations locally.
   * Any thread.
   */
  CompletableFuture<Void> halt() {
    return call(
        () -> {
          if (released) {
            return null;
          }
          released = true;
          timer.cancel();
          udp.close();
          if (replication != null) {
            replication.close();
          }
          for (AssociationHandle h : new ArrayList<>(handles.values())) {
            h.end();
            h.owner().ended(h);
          }
          handles.clear();
          parked.clear();
          stack.unregister(this);
          return null;
        });
  }

  // ---- standby takeover (docs/ha.md) -----------------------------------------------------------

  /**
   * The active is gone: binds its addresses here (retrying until they have moved to this host,
   * within the replication's address wait), then restores every association the standby holds
   * and hands them to the channel as new ones. On the loop.
   */
  void takeOver() {
    if (released || replication == null || !replication.isStandby() || takingOver) {
      return;
    }
    takingOver = true;
    LOG.info("standby taking over {}: binding UDP port {} on {}", this, configuredUdpPort,
        udp.localAddresses());
    bindForTakeover(now() + replication.addressWaitNanos());
  }

  private void bindForTakeover(long deadline) {
    udp.bindAll(configuredUdpPort)
        .whenComplete(
            (v, err) -> {
              if (released) {
                udp.close();
                return;
              }
              if (err != null) {
                if (now() - deadline < 0) {
                  loop.schedule(() -> bindForTakeover(deadline), 20, TimeUnit.MILLISECONDS);
                } else {
                  LOG.error("takeover failed: {} did not become available here: {}",
                      udp.localAddresses(), err.getMessage());
                }
                return;
              }
              int n = replication.restoreAll(now(), endpoint.defaultOptions().haMode());
              LOG.info("took over {} association(s) on {}", n, this);
              adoptNew();
              drain();
            });
  }

  /** What replication measured, or {@link HaStatistics#NONE}; on the loop. */
  HaStatistics haStatistics() {
    return replication == null ? HaStatistics.NONE : replication.statistics();
  }

  /** Aborts every association, sends the ABORTs and releases the endpoint. Any thread. */
  CompletableFuture<Void> terminate() {
    return call(
        () -> {
          long now = now();
          for (SctpAssociation a : new ArrayList<>(endpoint.associations())) {
            a.abort(now, AssociationHandle.abortReason("stack closing"));
          }
          owners = 0;
          drain();
          if (!released) {
            for (AssociationHandle h : new ArrayList<>(handles.values())) {
              h.end();
            }
            handles.clear();
            releaseNow();
          }
          return null;
        });
  }

  boolean released() {
    return released;
  }

  /** The statistics views; on the loop. */
  EndpointStatistics statistics() {
    return statistics;
  }

  @Override
  public String toString() {
    return "EndpointRuntime["
        + style
        + " sctp "
        + endpoint.localPort()
        + " udp "
        + udp.port()
        + " "
        + udp.localAddresses()
        + "]";
  }
}
