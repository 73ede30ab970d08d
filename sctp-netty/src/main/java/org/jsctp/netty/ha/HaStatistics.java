package org.jsctp.netty.ha;

/**
 * What the runtime measured of replication and takeovers (docs/ha.md, docs/configuration.md),
 * summed over an endpoint's life or over the endpoints of a stack. The protocol core counts
 * records, snapshots and takeovers too ({@code SctpHaRecords}, {@code SctpHaSnapshots}, {@code
 * SctpHaTakeovers} in the SNMP view); these are the runtime's own figures.
 *
 * @param recordsSent replication records handed to the replicator (snapshots included)
 * @param snapshotsSent full association snapshots among them
 * @param bytesReplicated encoded bytes handed to the replicator (records and endpoint snapshots)
 * @param recordsAcknowledged records the standby reported applied
 * @param recordsWithoutStandby records acknowledged locally because no standby was there
 * @param latencySamples acknowledged records whose latency was measured
 * @param latencyTotalNanos their latencies added up: from the record being made to its
 *     acknowledgement reaching the active's event loop
 * @param latencyMaxNanos the longest of them
 * @param recordsApplied standby: records applied to its copies
 * @param gaps standby: records refused because one before them was missing (a snapshot was asked)
 * @param takeovers standby: times this endpoint took over from a dead active
 * @param associationsTakenOver standby: associations restored in those takeovers
 */
public record HaStatistics(
    long recordsSent,
    long snapshotsSent,
    long bytesReplicated,
    long recordsAcknowledged,
    long recordsWithoutStandby,
    long latencySamples,
    long latencyTotalNanos,
    long latencyMaxNanos,
    long recordsApplied,
    long gaps,
    long takeovers,
    long associationsTakenOver) {

  /** Nothing counted. */
  public static final HaStatistics NONE = new HaStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** The mean replication latency in microseconds, or 0 without samples. */
  public double meanLatencyMicros() {
    return latencySamples == 0 ? 0 : latencyTotalNanos / 1000.0 / latencySamples;
  }

  /** The longest replication latency in microseconds. */
  public double maxLatencyMicros() {
    return latencyMaxNanos / 1000.0;
  }

  /** Both added up (the maximum of the maxima). */
  public HaStatistics plus(HaStatistics o) {
    return new HaStatistics(
        recordsSent + o.recordsSent,
        snapshotsSent + o.snapshotsSent,
        bytesReplicated + o.bytesReplicated,
        recordsAcknowledged + o.recordsAcknowledged,
        recordsWithoutStandby + o.recordsWithoutStandby,
        latencySamples + o.latencySamples,
        latencyTotalNanos + o.latencyTotalNanos,
        Math.max(latencyMaxNanos, o.latencyMaxNanos),
        recordsApplied + o.recordsApplied,
        gaps + o.gaps,
        takeovers + o.takeovers,
        associationsTakenOver + o.associationsTakenOver);
  }
}
