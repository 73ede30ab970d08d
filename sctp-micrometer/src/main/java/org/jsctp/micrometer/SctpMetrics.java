package org.jsctp.micrometer;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.jsctp.netty.SctpStack;

/**
 * Binds an {@link SctpStack}'s statistics to a Micrometer registry: every RFC 3873 counter of
 * {@link SctpStack#snmpByPort()} as a counter (SctpCurrEstab as a gauge), the associations by
 * state, their send and receive buffers and the number of endpoints as gauges. Names are
 * dot-separated lowercase ({@code sctp.packets}, {@code sctp.retransmissions}, {@code
 * sctp.path.entries}, ...); docs/observability.md lists every meter with the counter it shows.
 *
 * <pre>{@code
 * SctpMetrics.builder(stack).build().bindTo(registry);
 * }</pre>
 *
 * <p>Tags: {@code local.port} on every meter but {@code sctp.endpoints}: the SCTP port, or {@code
 * ephemeral} for the ports from 49152 up that the stack picks for channels bound to port 0, so
 * that clients coming and going make no new series. A {@code peer} tag is off by default: peers
 * are unbounded, so it must be asked for with a bound ({@link Builder#peerAddressTag(int)}) or a
 * mapping of the caller's ({@link Builder#peerTag(Function)}), and it goes on the association
 * gauges only. Counters carry no peer tag: an association's counters end with it, so a sum per
 * peer would fall and could not be a counter.
 *
 * <p>Reading: the meters share one sample of the stack, taken by the first meter read after the
 * refresh interval (default one second) and read on the stack's event loops; no thread of its own.
 * Meters of a port or peer that appears later are registered when a sample first shows it, so they
 * show from the next read of the registry on. Counters never go down, closed endpoints included.
 * No meter holds the stack strongly: a registry does not keep a stack the application dropped.
 */
public final class SctpMetrics implements MeterBinder {

  private final SctpStack stack;
  private final Tags tags;
  private final Sampler sampler;

  private SctpMetrics(Builder b) {
    this.stack = b.stack;
    this.tags = b.tags;
    this.sampler = new Sampler(b.stack, b.clock, b.refreshInterval.toNanos(), b.peerTag);
  }

  /** A binder with the defaults: no extra tags, no peer tag, a one-second refresh interval. */
  public static SctpMetrics of(SctpStack stack) {
    return builder(stack).build();
  }

  /** A builder for the meters of {@code stack}. */
  public static Builder builder(SctpStack stack) {
    return new Builder(stack);
  }

  /** Registers the meters of the stack's endpoints as they are now; later ones follow. */
  @Override
  public void bindTo(MeterRegistry registry) {
    RegistryBinding binding = new RegistryBinding(registry, stack, sampler, tags);
    sampler.onSample(binding::update);
    binding.update(sampler.sample());
  }

  /** Builds an {@link SctpMetrics}. */
  public static final class Builder {
    private final SctpStack stack;
    private Tags tags = Tags.empty();
    private Function<InetAddress, String> peerTag;
    private Duration refreshInterval = Duration.ofSeconds(1);
    private Clock clock = Clock.SYSTEM;

    private Builder(SctpStack stack) {
      this.stack = Objects.requireNonNull(stack, "stack");
    }

    /** Tags added to every meter (a stack name, for instance). */
    public Builder tags(Iterable<Tag> tags) {
      this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
      return this;
    }

    /**
     * Tags the association gauges with their peer's address (the primary's, else the first), for
     * the first {@code maxPeers} peers seen; every later peer is tagged {@code other}. A peer keeps
     * its tag for the life of the binder.
     *
     * @throws IllegalArgumentException unless 1..10000
     */
    public Builder peerAddressTag(int maxPeers) {
      if (maxPeers < 1 || maxPeers > 10_000) {
        throw new IllegalArgumentException("peerAddressTag maxPeers out of range 1..10000: " + maxPeers);
      }
      this.peerTag = new FirstSeenPeers(maxPeers);
      return this;
    }

    /**
     * Tags the association gauges with {@code peerTag} of their peer's address (the primary's,
     * else the first; null when the association has none yet). The function decides the number of
     * series: map peers to a few names (a site, a role), not one per address. It is called while
     * the stack is sampled and must return quickly, never null.
     */
    public Builder peerTag(Function<InetAddress, String> peerTag) {
      this.peerTag = Objects.requireNonNull(peerTag, "peerTag");
      return this;
    }

    /**
     * How old a sample may be before a meter read takes a new one (default one second). Zero reads
     * the stack at every meter read, which tests want and production does not.
     *
     * @throws IllegalArgumentException when negative
     */
    public Builder refreshInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("refreshInterval must not be negative: " + interval);
      }
      this.refreshInterval = interval;
      return this;
    }

    /** The clock that ages samples (default {@link Clock#SYSTEM}). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public SctpMetrics build() {
      return new SctpMetrics(this);
    }
  }
}
