package org.jsctp.ha;

/**
 * SCTP_HA_MODE: whether and how an association replicates itself to a standby (docs/ha.md). Set
 * per association through {@code AssociationOptions.setHaMode} or {@code LiveOptions.setHaMode},
 * stack-wide through the {@code ha_mode} sysctl.
 */
public enum HaMode {
  /** No replication; the association costs nothing more than without HA (the default). */
  OFF,
  /**
   * Every DATA chunk is replicated before its first transmission: after a takeover the standby
   * retransmits whatever is unacknowledged, nothing is lost and nothing is delivered twice to the
   * peer's application.
   */
  SYNC,
  /**
   * Outbound progress is replicated when the next TSN moved by part of {@code
   * ha_sync_tsn_threshold} or {@code ha_sync_interval_ms} passed, never per chunk; the standby
   * skips the TSNs it cannot know with a FORWARD-TSN and reports the messages that may be lost.
   * Needs PR-SCTP.
   */
  THRESHOLD;

  /** The value of the {@code ha_mode} sysctl: 0 off, 1 sync, 2 threshold. */
  public int sysctlValue() {
    return ordinal();
  }

  /** The mode of an {@code ha_mode} sysctl value. */
  public static HaMode ofSysctl(long value) {
    if (value < 0 || value >= values().length) {
      throw new IllegalArgumentException("net.sctp.ha_mode = " + value
          + " is not 0 (off), 1 (sync) or 2 (threshold)");
    }
    return values()[(int) value];
  }
}
