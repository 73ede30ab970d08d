package org.jsctp.testkit.sim;

import java.util.Objects;
import java.util.function.Predicate;

/** Ready-made {@link PacketFilter}s: drop or delay the next datagrams, or every one, that match. */
public final class PacketFilters {

  private PacketFilters() {}

  /** Drops the next datagram holding a chunk of {@code chunkType}, then retires. */
  public static PacketFilter dropNext(int chunkType) {
    return dropNext(chunkType, 1);
  }

  /** Drops the next {@code count} datagrams holding a chunk of {@code chunkType}, then retires. */
  public static PacketFilter dropNext(int chunkType, int count) {
    return new CountedFilter(containing(chunkType), FilterVerdict.drop(), count);
  }

  /** Delays the next datagram holding a chunk of {@code chunkType} by {@code nanos}, then retires. */
  public static PacketFilter delayNext(int chunkType, long nanos) {
    return new CountedFilter(containing(chunkType), FilterVerdict.delay(nanos), 1);
  }

  /** Drops every datagram holding a chunk of {@code chunkType}. */
  public static PacketFilter dropAll(int chunkType) {
    return dropWhen(containing(chunkType));
  }

  /** Drops every datagram that matches {@code predicate}. */
  public static PacketFilter dropWhen(Predicate<SimDatagram> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return d -> predicate.test(d) ? FilterVerdict.drop() : FilterVerdict.pass();
  }

  /** Delays by {@code nanos} every datagram that matches {@code predicate}. */
  public static PacketFilter delayWhen(Predicate<SimDatagram> predicate, long nanos) {
    Objects.requireNonNull(predicate, "predicate");
    FilterVerdict delay = FilterVerdict.delay(nanos);
    return d -> predicate.test(d) ? delay : FilterVerdict.pass();
  }

  /** Applies {@code verdict} to the next {@code count} datagrams that match {@code predicate}. */
  public static PacketFilter next(Predicate<SimDatagram> predicate, FilterVerdict verdict, int count) {
    return new CountedFilter(predicate, verdict, count);
  }

  /** A predicate matching datagrams that hold a chunk of {@code chunkType}. */
  public static Predicate<SimDatagram> containing(int chunkType) {
    if (chunkType < 0 || chunkType > 255) {
      throw new IllegalArgumentException("chunk type out of range 0..255: " + chunkType);
    }
    return d -> d.containsChunk(chunkType);
  }

  private static final class CountedFilter implements PacketFilter {
    private final Predicate<SimDatagram> predicate;
    private final FilterVerdict verdict;
    private int remaining;

    CountedFilter(Predicate<SimDatagram> predicate, FilterVerdict verdict, int count) {
      if (count <= 0) {
        throw new IllegalArgumentException("count must be positive: " + count);
      }
      this.predicate = Objects.requireNonNull(predicate, "predicate");
      this.verdict = Objects.requireNonNull(verdict, "verdict");
      this.remaining = count;
    }

    @Override
    public FilterVerdict inspect(SimDatagram datagram) {
      if (remaining > 0 && predicate.test(datagram)) {
        remaining--;
        return verdict;
      }
      return FilterVerdict.pass();
    }

    @Override
    public boolean isExhausted() {
      return remaining == 0;
    }
  }
}
