package org.jsctp.testkit.sim;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The directed link from one IP address to another, created on demand by the {@link Simulator}
 * with its default {@link LinkProfile}.
 *
 * <p>A datagram entering the link meets, in this order: the blackhole switch, the MTU check, the
 * {@linkplain PacketFilter filters}, the transmit queue (bandwidth and tail drop), random loss,
 * random duplication, then latency plus jitter (plus any filter delay) per copy. The decision is
 * taken when the datagram is sent: switching the blackhole on does not recall datagrams already
 * in flight. Random draws come from the link's own stream, derived from the seed and the two
 * addresses.
 */
public final class SimLink {

  private final InetAddress source;
  private final InetAddress destination;
  private final SplittableRandom random;
  private final SerializationQueue queue = new SerializationQueue();
  private final List<PacketFilter> filters = new ArrayList<>();
  private final LinkCounters counters = new LinkCounters();
  private LinkProfile profile;
  private boolean blackholed;

  SimLink(InetAddress source, InetAddress destination, LinkProfile profile, SplittableRandom random) {
    this.source = source;
    this.destination = destination;
    this.profile = profile;
    this.random = random;
  }

  /** The sending end. */
  public InetAddress source() {
    return source;
  }

  /** The receiving end. */
  public InetAddress destination() {
    return destination;
  }

  /** The current profile. */
  public LinkProfile profile() {
    return profile;
  }

  /** Replaces the profile for datagrams sent from now on. */
  public SimLink profile(LinkProfile newProfile) {
    this.profile = Objects.requireNonNull(newProfile, "profile");
    return this;
  }

  /** Changes the profile: {@code link.update(p -> p.withLoss(0.1))}. */
  public SimLink update(UnaryOperator<LinkProfile> change) {
    return profile(change.apply(profile));
  }

  /** Switches the one-way blackhole on or off. */
  public SimLink blackhole(boolean on) {
    this.blackholed = on;
    return this;
  }

  /** Whether the link swallows everything. */
  public boolean isBlackholed() {
    return blackholed;
  }

  /** Adds {@code filter} after the existing ones and answers it (to remove it later). */
  public PacketFilter addFilter(PacketFilter filter) {
    filters.add(Objects.requireNonNull(filter, "filter"));
    return filter;
  }

  /** Removes {@code filter}; answers whether it was there. */
  public boolean removeFilter(PacketFilter filter) {
    return filters.remove(filter);
  }

  /** Removes every filter. */
  public void clearFilters() {
    filters.clear();
  }

  /** Filters still active, exhausted ones already removed. */
  public List<PacketFilter> filters() {
    return List.copyOf(filters);
  }

  /** Drops the next datagram holding a chunk of {@code chunkType}. */
  public PacketFilter dropNext(int chunkType) {
    return addFilter(PacketFilters.dropNext(chunkType));
  }

  /** Drops the next {@code count} datagrams holding a chunk of {@code chunkType}. */
  public PacketFilter dropNext(int chunkType, int count) {
    return addFilter(PacketFilters.dropNext(chunkType, count));
  }

  /** Delays the next datagram holding a chunk of {@code chunkType} by {@code nanos}. */
  public PacketFilter delayNext(int chunkType, long nanos) {
    return addFilter(PacketFilters.delayNext(chunkType, nanos));
  }

  /** Drops every datagram holding a chunk of {@code chunkType} until the filter is removed. */
  public PacketFilter dropAll(int chunkType) {
    return addFilter(PacketFilters.dropAll(chunkType));
  }

  /** Counters of this link. */
  public LinkCounters counters() {
    return counters;
  }

  /** Decides the fate of {@code datagram} entering the link at {@code now}. */
  Passage carry(SimDatagram datagram, long now) {
    counters.countSent();
    if ((source instanceof Inet4Address) != (destination instanceof Inet4Address)) {
      return Passage.dropped(Fate.UNREACHABLE);
    }
    if (blackholed) {
      return Passage.dropped(Fate.BLACKHOLED);
    }
    int wireSize = datagram.wireSize();
    if (wireSize > profile.mtu()) {
      // No ICMP, as over a tunnel that drops it: a black hole, unless the sender let the IP
      // layer fragment the datagram, which then crosses as fragments and is reassembled.
      if (!datagram.fragmentable()) {
        return Passage.dropped(Fate.TOO_BIG);
      }
      counters.countFragmented();
    }
    FilterVerdict verdict = filter(datagram);
    if (verdict instanceof FilterVerdict.Drop) {
      return Passage.dropped(Fate.FILTERED);
    }
    long extraDelay = verdict instanceof FilterVerdict.Delay delay ? delay.nanos() : 0;
    long departure = now;
    if (profile.hasBandwidthLimit()) {
      departure = queue.admit(now, wireSize, profile.bandwidthBitsPerSecond(), profile.queueLimitBytes());
      if (departure < 0) {
        return Passage.dropped(Fate.QUEUE_FULL);
      }
    }
    boolean lost = random.nextDouble() < profile.lossProbability();
    boolean duplicated = random.nextDouble() < profile.duplicationProbability();
    if (lost) {
      return Passage.dropped(Fate.LOST);
    }
    long base = departure + profile.latencyNanos() + extraDelay;
    long first = base + jitter();
    if (!duplicated) {
      return Passage.arriving(first, Passage.NONE);
    }
    counters.countDuplicated();
    return Passage.arriving(first, base + jitter());
  }

  private FilterVerdict filter(SimDatagram datagram) {
    for (Iterator<PacketFilter> it = filters.iterator(); it.hasNext(); ) {
      PacketFilter filter = it.next();
      FilterVerdict verdict = filter.inspect(datagram);
      if (filter.isExhausted()) {
        it.remove();
      }
      if (!(verdict instanceof FilterVerdict.Pass)) {
        return verdict;
      }
    }
    return FilterVerdict.pass();
  }

  private long jitter() {
    long jitter = profile.jitterNanos();
    return jitter == 0 ? 0 : random.nextLong(jitter + 1);
  }

  @Override
  public String toString() {
    return source.getHostAddress() + " > " + destination.getHostAddress();
  }

  /** Where a datagram goes: dropped for a reason, or arriving once or twice. */
  record Passage(Fate drop, long firstArrival, long secondArrival) {
    static final long NONE = Long.MIN_VALUE;

    static Passage dropped(Fate fate) {
      return new Passage(fate, NONE, NONE);
    }

    static Passage arriving(long first, long second) {
      return new Passage(null, first, second);
    }
  }
}
