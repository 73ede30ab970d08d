package org.jsctp.testkit.sim;

import java.util.EnumMap;
import java.util.Map;

/**
 * What happened on a link (or, summed, on the whole network). Every copy offered to a link ends
 * up delivered, dropped or still in flight: {@code sent + duplicated == delivered +
 * droppedTotal + inFlight}.
 */
public final class LinkCounters {

  private long sent;
  private long duplicated;
  private long delivered;
  private long fragmented;
  private final EnumMap<Fate, Long> dropped = new EnumMap<>(Fate.class);

  LinkCounters() {}

  /** Datagrams handed to the link by senders (duplicates not included). */
  public long sent() {
    return sent;
  }

  /** Extra copies the link made by duplication. */
  public long duplicated() {
    return duplicated;
  }

  /**
   * Datagrams larger than the link MTU that crossed it as IP fragments, since the sender allowed
   * fragmentation (the others are dropped as {@link Fate#TOO_BIG}).
   */
  public long fragmented() {
    return fragmented;
  }

  /** Copies handed to a receiving stack. */
  public long delivered() {
    return delivered;
  }

  /** Copies dropped for {@code reason}; {@link Fate#DELIVERED} is not a reason and answers 0. */
  public long dropped(Fate reason) {
    return dropped.getOrDefault(reason, 0L);
  }

  /** Copies dropped for any reason. */
  public long droppedTotal() {
    long total = 0;
    for (long n : dropped.values()) {
      total += n;
    }
    return total;
  }

  /** Copies neither delivered nor dropped yet. */
  public long inFlight() {
    return sent + duplicated - delivered - droppedTotal();
  }

  void countSent() {
    sent++;
  }

  void countFragmented() {
    fragmented++;
  }

  void countDuplicated() {
    duplicated++;
  }

  void countFate(Fate fate) {
    if (fate == Fate.DELIVERED) {
      delivered++;
    } else {
      dropped.merge(fate, 1L, Long::sum);
    }
  }

  void add(LinkCounters other) {
    sent += other.sent;
    duplicated += other.duplicated;
    delivered += other.delivered;
    fragmented += other.fragmented;
    for (Map.Entry<Fate, Long> e : other.dropped.entrySet()) {
      dropped.merge(e.getKey(), e.getValue(), Long::sum);
    }
  }

  @Override
  public String toString() {
    return "sent=" + sent + " duplicated=" + duplicated + " delivered=" + delivered
        + " fragmented=" + fragmented + " dropped=" + dropped + " inFlight=" + inFlight();
  }
}
