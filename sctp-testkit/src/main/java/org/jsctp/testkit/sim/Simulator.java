package org.jsctp.testkit.sim;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A deterministic network of {@link SimulatedStack}s in virtual time: the same seed gives the
 * same run, bit for bit.
 *
 * <p>Events (datagram arrivals, stack deadlines, scripted actions) run in order of (time,
 * insertion). Every run call first drains all stacks (so commands a test gave a stack directly
 * take effect at the current time), and is bounded by {@link DriveLimits}: it fails with a
 * {@link SimulationFailure} naming the seed and the last events on a livelock or an exhausted
 * event budget. A stack that throws fails the run the same way. Not thread-safe, not reentrant.
 */
public final class Simulator {

  private final long seed;
  private final VirtualClock clock = new VirtualClock();
  private final EventQueue events = new EventQueue();
  private final Trace trace = new Trace();
  private final Network network;
  private final DriveGuard guard = new DriveGuard();
  private final List<SimHost> hosts = new ArrayList<>();
  private boolean running;

  private Simulator(long seed) {
    this.seed = seed;
    this.network = new Network(seed, clock, events, trace);
  }

  /** A simulator whose every random draw follows from {@code seed}. */
  public static Simulator withSeed(long seed) {
    return new Simulator(seed);
  }

  /** A simulator seeded from {@code -Dsim.seed} or with a fresh seed; prints {@code sim.seed=}. */
  public static Simulator withResolvedSeed() {
    long seed = SimSeed.resolve();
    System.out.println("[sim] " + SimSeed.describe(seed));
    return new Simulator(seed);
  }

  /** The seed of this run. */
  public long seed() {
    return seed;
  }

  /** The current virtual time in nanoseconds; starts at {@link SimTime#ORIGIN}. */
  public long now() {
    return clock.now();
  }

  /** Virtual nanoseconds since {@link SimTime#ORIGIN}. */
  public long elapsed() {
    return clock.now() - SimTime.ORIGIN;
  }

  /** The profile given to links created from now on. */
  public LinkProfile defaultProfile() {
    return network.defaultProfile();
  }

  /** Sets the profile of links created from now on; existing links keep theirs. */
  public Simulator defaultProfile(LinkProfile profile) {
    network.defaultProfile(Objects.requireNonNull(profile, "profile"));
    return this;
  }

  /** The bounds of each run call. */
  public DriveLimits limits() {
    return guard.limits();
  }

  /** Sets the bounds of each run call. */
  public Simulator limits(DriveLimits limits) {
    guard.limits(Objects.requireNonNull(limits, "limits"));
    return this;
  }

  /**
   * Attaches {@code stack} on its local addresses and UDP port; fails if another host holds one
   * of them. Its transmits and deadline are taken up at once.
   */
  public SimHost attach(String name, SimulatedStack stack) {
    SimHost host = new SimHost(name, stack, network, events, clock);
    network.bind(host);
    hosts.add(host);
    host.service();
    return host;
  }

  /** Detaches {@code host}: datagrams to it become unreachable and its deadline never fires. */
  public void detach(SimHost host) {
    if (hosts.remove(host)) {
      network.unbind(host);
      host.detach();
    }
  }

  /**
   * Gives {@code host} one more address on its UDP port, as an interface coming up does; the
   * stack is told separately (an endpoint's {@code addLocalAddress}).
   */
  public void bindAddress(SimHost host, InetAddress address) {
    network.bind(host, Objects.requireNonNull(address, "address"));
  }

  /**
   * Takes an address from {@code host}, as an interface going away does: datagrams to it become
   * unreachable, and the stack must no longer send from it.
   */
  public void unbindAddress(SimHost host, InetAddress address) {
    network.unbind(host, Objects.requireNonNull(address, "address"));
  }

  /** The attached hosts in the order they were attached. */
  public List<SimHost> hosts() {
    return List.copyOf(hosts);
  }

  /** The directed link from {@code source} to {@code destination}, created if need be. */
  public SimLink link(InetAddress source, InetAddress destination) {
    return network.link(Objects.requireNonNull(source, "source"), Objects.requireNonNull(destination, "destination"));
  }

  /** The links created so far, in order of creation. */
  public List<SimLink> links() {
    return network.links();
  }

  /** Switches the blackhole of both directions between {@code a} and {@code b} on or off. */
  public Simulator blackhole(InetAddress a, InetAddress b, boolean on) {
    link(a, b).blackhole(on);
    link(b, a).blackhole(on);
    return this;
  }

  /**
   * A random stream for a stack or test that follows from the seed and {@code name} only, such as
   * the {@code RandomGenerator} of a stack's configuration.
   */
  public RandomGenerator random(String name) {
    return SeedStreams.forName(seed, Objects.requireNonNull(name, "name"));
  }

  /** Runs {@code action} at absolute virtual time {@code time} (not in the past). */
  public void at(long time, Runnable action) {
    at(time, "scheduled at " + SimTime.format(time), action);
  }

  /** Runs {@code action}, described by {@code label} in reports, at absolute virtual time {@code time}. */
  public void at(long time, String label, Runnable action) {
    Objects.requireNonNull(action, "action");
    if (time < clock.now()) {
      throw new IllegalArgumentException("cannot schedule '" + label + "' at " + SimTime.format(time)
          + ", before now " + SimTime.format(clock.now()));
    }
    events.schedule(time, new ScriptedAction(label, action, this::pollStacks));
  }

  /** Runs {@code action} {@code delay} nanoseconds from now. */
  public void after(long delay, Runnable action) {
    at(Math.addExact(clock.now(), requireNonNegative(delay)), action);
  }

  /** Runs {@code action}, described by {@code label}, {@code delay} nanoseconds from now. */
  public void after(long delay, String label, Runnable action) {
    at(Math.addExact(clock.now(), requireNonNegative(delay)), label, action);
  }

  /**
   * Sends a datagram that no attached stack produced (a forged or out-of-the-blue packet) through
   * the link from {@code source} to {@code destination}, now. The packet is copied.
   */
  public void inject(InetAddress source, int sourcePort, InetAddress destination, int destinationPort, byte[] packet) {
    requirePort(sourcePort);
    requirePort(destinationPort);
    network.inject(Objects.requireNonNull(source, "source"), sourcePort,
        Objects.requireNonNull(destination, "destination"), destinationPort, packet);
  }

  /**
   * Drains every attached stack's transmits and re-reads its deadline. Run calls and scripted
   * actions do this themselves; call it to send at once what a test commanded a stack directly.
   */
  public void pollStacks() {
    for (SimHost host : List.copyOf(hosts)) {
      host.service();
    }
  }

  /** Runs the next event, whenever it is; answers false when there is none. */
  public boolean step() {
    enter();
    try {
      drainStacks();
      if (events.peek() == null) {
        return false;
      }
      runNextEvent();
      return true;
    } finally {
      running = false;
    }
  }

  /** Runs every event up to and including {@code now() + duration}, then sets the clock there. */
  public void runFor(long duration) {
    long end = Math.addExact(clock.now(), requireNonNegative(duration));
    enter();
    try {
      drainStacks();
      for (EventQueue.Scheduled next = events.peek(); next != null && next.time() <= end; next = events.peek()) {
        runNextEvent();
      }
      clock.advanceTo(end);
    } finally {
      running = false;
    }
  }

  /**
   * Runs until {@code condition} holds (checked before the first event and after each), and
   * answers the time it did; fails with the seed in the message if {@code limit} nanoseconds pass.
   */
  public long runUntil(BooleanSupplier condition, long limit) {
    return runUntil("condition", condition, limit);
  }

  /** As {@link #runUntil(BooleanSupplier, long)}, naming the awaited {@code goal} in the failure. */
  public long runUntil(String goal, BooleanSupplier condition, long limit) {
    Objects.requireNonNull(condition, "condition");
    return drive(condition, limit, () -> goal + " not reached within " + SimTime.formatDuration(limit));
  }

  /**
   * Runs until no datagram is in flight, no scripted action is pending and every stack is idle;
   * answers the time it happened, or fails with the seed in the message after {@code limit}.
   * Pending deadlines (heartbeats, say) do not count as activity.
   */
  public long runUntilIdle(long limit) {
    return drive(this::isIdle, limit, () -> "not idle within " + SimTime.formatDuration(limit)
        + ": " + events.pending(SimEvent.Kind.DELIVERY) + " datagram copies in flight, "
        + events.pending(SimEvent.Kind.ACTION) + " scripted actions pending, busy stacks "
        + busyHosts());
  }

  /** Whether no datagram is in flight, no scripted action is pending and every stack is idle. */
  public boolean isIdle() {
    return events.pending(SimEvent.Kind.DELIVERY) == 0
        && events.pending(SimEvent.Kind.ACTION) == 0
        && busyHosts().isEmpty();
  }

  /** Every datagram of the run so far. */
  public Trace trace() {
    return trace;
  }

  /** The counters of all links added up. */
  public LinkCounters totals() {
    return network.totals();
  }

  /** Writes the run so far as a pcap taken at the senders; answers {@code file}. */
  public Path writePcap(Path file) {
    return writePcap(file, CapturePoint.SENDER);
  }

  /** Writes the run so far as a pcap taken at {@code point}; answers {@code file}. */
  public Path writePcap(Path file, CapturePoint point) {
    return PcapWriter.write(file, trace, point);
  }

  private long drive(BooleanSupplier done, long limit, Supplier<String> failure) {
    long end = Math.addExact(clock.now(), requireNonNegative(limit));
    enter();
    try {
      drainStacks();
      while (!done.getAsBoolean()) {
        EventQueue.Scheduled next = events.peek();
        if (next == null || next.time() > end) {
          clock.advanceTo(end);
          throw failure(failure.get() + (next == null ? " (nothing left to happen)" : ""), null);
        }
        runNextEvent();
      }
      return clock.now();
    } finally {
      running = false;
    }
  }

  private void drainStacks() {
    try {
      pollStacks();
    } catch (RuntimeException | AssertionError e) {
      throw failure("failed while draining the stacks: " + e, e);
    }
  }

  private void runNextEvent() {
    EventQueue.Scheduled next = events.peek();
    String refusal = guard.admit(next);
    if (refusal != null) {
      throw failure(refusal, null);
    }
    events.poll();
    clock.advanceTo(next.time());
    try {
      next.event().fire();
    } catch (SimulationFailure f) {
      throw f;
    } catch (RuntimeException | AssertionError e) {
      throw failure("failed during " + next.event().describe() + ": " + e, e);
    }
  }

  private void enter() {
    if (running) {
      throw new IllegalStateException("the simulator is already running (called from a scripted action or a stack?)");
    }
    running = true;
    guard.startRun();
  }

  private List<String> busyHosts() {
    List<String> busy = new ArrayList<>();
    for (SimHost host : hosts) {
      if (!host.stack().isIdle()) {
        busy.add(host.name());
      }
    }
    return busy;
  }

  private SimulationFailure failure(String reason, Throwable cause) {
    return new SimulationFailure(reason, this, guard.recentEvents(), cause);
  }

  private static void requirePort(int port) {
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("UDP port out of range 0..65535: " + port);
    }
  }

  private static long requireNonNegative(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("duration must not be negative: " + nanos);
    }
    return nanos;
  }
}
