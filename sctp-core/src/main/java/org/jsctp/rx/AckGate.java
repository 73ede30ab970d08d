package org.jsctp.rx;

/**
 * The receiver's acknowledgements held back until the standby has the data (HA, docs/ha.md):
 * a second {@link TsnTracker} that learns each change of the receiver's own (a TSN received, a
 * FORWARD-TSN, a TSN given up, a TSN restart) only once the replication record carrying it is
 * stored by the standby. SACKs and the cumulative TSN of a SHUTDOWN are built from it, so the
 * active never acknowledges what the standby does not hold.
 */
final class AckGate {

  private static final int RECEIVE = 0;
  private static final int ADVANCE = 1;
  private static final int FORGET = 2;
  private static final int RESTART = 3;

  private final TsnTracker acked;
  private long[] sequences = new long[16];
  private int[] kinds = new int[16];
  private int[] values = new int[16];
  private int head;
  private int size;
  /**
   * A SACK went out while changes it did not cover were pending: another is owed once they are
   * replicated.
   */
  private boolean owed;
  /** Changes became acknowledgeable since the last SACK. */
  private boolean newSinceSack;

  AckGate(TsnTracker acked) {
    this.acked = acked;
  }

  TsnTracker acked() {
    return acked;
  }

  void received(int tsn, long sequence) {
    add(RECEIVE, tsn, sequence);
  }

  void advanced(int newCumulativeTsn, long sequence) {
    add(ADVANCE, newCumulativeTsn, sequence);
  }

  void forgotten(int tsn, long sequence) {
    add(FORGET, tsn, sequence);
  }

  void restarted(int nextTsn, long sequence) {
    add(RESTART, nextTsn, sequence);
  }

  private void add(int kind, int value, long sequence) {
    if (size == sequences.length) {
      int n = size * 2;
      long[] s = new long[n];
      int[] k = new int[n];
      int[] v = new int[n];
      for (int i = 0; i < size; i++) {
        int j = (head + i) & (sequences.length - 1);
        s[i] = sequences[j];
        k[i] = kinds[j];
        v[i] = values[j];
      }
      sequences = s;
      kinds = k;
      values = v;
      head = 0;
    }
    int at = (head + size) & (sequences.length - 1);
    sequences[at] = sequence;
    kinds[at] = kind;
    values[at] = value;
    size++;
  }

  /**
   * The standby stored every record up to {@code upTo}: their changes become acknowledgeable.
   * Returns whether a SACK should now go out (one went out while changes were pending).
   */
  boolean apply(long upTo) {
    boolean applied = false;
    while (size > 0 && sequences[head] <= upTo) {
      int value = values[head];
      switch (kinds[head]) {
        case RECEIVE -> acked.receive(value);
        case ADVANCE -> acked.advanceTo(value);
        case FORGET -> acked.forget(value);
        default -> acked.restartAt(value);
      }
      head = (head + 1) & (sequences.length - 1);
      size--;
      applied = true;
    }
    if (size == 0 && sequences.length > 1024) {
      sequences = new long[16];
      kinds = new int[16];
      values = new int[16];
      head = 0;
    }
    acked.clearDuplicates();
    if (!applied) {
      return false;
    }
    newSinceSack = true;
    boolean sack = owed;
    owed = false;
    return sack;
  }

  /** Whether every change is acknowledgeable. */
  boolean caughtUp() {
    return size == 0;
  }

  /** Whether every change not yet acknowledgeable is in a record up to {@code sequence}. */
  boolean coveredBy(long sequence) {
    return size == 0 || sequences[(head + size - 1) & (sequences.length - 1)] <= sequence;
  }

  /**
   * Whether a due SACK is worth sending now: it says something the last did not, or nothing is
   * pending. Otherwise it waits for the standby, so that the peer does not get the same SACK
   * twice.
   */
  boolean sackReady() {
    return newSinceSack || size == 0;
  }

  /**
   * A SACK went out that covers the changes in records up to {@code coveredUpTo} (0: only what is
   * acknowledgeable); if changes beyond it are pending another is owed.
   */
  void sackSent(long coveredUpTo) {
    newSinceSack = false;
    owed = !coveredBy(coveredUpTo);
  }

  @Override
  public String toString() {
    return "AckGate[pending=" + size + ", owed=" + owed + ", cum="
        + Integer.toUnsignedString(acked.cumulativeTsn()) + "]";
  }
}
