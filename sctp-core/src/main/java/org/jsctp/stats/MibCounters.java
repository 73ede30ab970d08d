package org.jsctp.stats;

import java.util.EnumMap;
import java.util.Map;

/**
 * A set of {@link MibCounter} values. Counters of an association also count in their endpoint's
 * set (the parent), so that the endpoint always holds the totals, closed associations included.
 */
public final class MibCounters {

  private static final MibCounter[] ALL = MibCounter.values();

  private final long[] values = new long[ALL.length];
  private final MibCounters parent;

  /** A top-level set. */
  public MibCounters() {
    this(null);
  }

  /** A set whose increments are also applied to {@code parent}. */
  public MibCounters(MibCounters parent) {
    this.parent = parent;
  }

  public void increment(MibCounter counter) {
    add(counter, 1);
  }

  public void add(MibCounter counter, long delta) {
    values[counter.ordinal()] += delta;
    if (parent != null) {
      parent.add(counter, delta);
    }
  }

  public long get(MibCounter counter) {
    return values[counter.ordinal()];
  }

  /** A copy of every value, keyed by counter. */
  public Map<MibCounter, Long> snapshot() {
    Map<MibCounter, Long> map = new EnumMap<>(MibCounter.class);
    for (MibCounter c : ALL) {
      map.put(c, values[c.ordinal()]);
    }
    return map;
  }

  /** Adds every value of {@code other} to {@code into} (for stack-wide totals). */
  public static void accumulate(Map<MibCounter, Long> into, MibCounters other) {
    for (MibCounter c : ALL) {
      into.merge(c, other.values[c.ordinal()], Long::sum);
    }
  }
}
