package org.jsctp.netty;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import org.jsctp.association.SctpAssociation;
import org.jsctp.endpoint.Endpoint;
import org.jsctp.ha.EndpointSnapshot;
import org.jsctp.ha.HaMode;
import org.jsctp.ha.ReplicationGapException;
import org.jsctp.ha.ReplicationRecord;
import org.jsctp.ha.SnapshotCodec;
import org.jsctp.ha.SnapshotFormatException;
import org.jsctp.ha.StandbyAssociationState;
import org.jsctp.netty.ha.HaStatistics;
import org.jsctp.netty.ha.StateReplicator;
import org.jsctp.util.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint's side of standby takeover (docs/ha.md), between its {@link EndpointRuntime} and
 * a {@link StateReplicator}. As the active: hands every record the core makes to the replicator
 * (or, while no standby is there, acknowledges it at once), feeds the standby's acknowledgements
 * back to the associations, sends everything in full when a standby joins or asks. As the
 * standby: keeps a {@link StandbyAssociationState} per association of the active, acknowledges
 * each record once applied, asks for a snapshot after a gap, and on the active's death restores
 * every copy on its endpoint once the runtime has bound the addresses.
 *
 * <p>Threading: the replicator's callbacks come on any thread and are moved to the endpoint's
 * event loop; everything else runs there.
 */
final class EndpointReplication implements StateReplicator.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(EndpointReplication.class);

  /** How often the active looks whether its cookie secrets rotated (then sends them again). */
  private static final long SECRETS_CHECK_NANOS = 1_000_000_000L;

  /** How long a standby waits for a snapshot it asked for before asking again. */
  private static final long SNAPSHOT_ASK_NANOS = 1_000_000_000L;

  private final EndpointRuntime rt;
  private final Endpoint endpoint;
  private final StateReplicator replicator;
  private final long addressWaitNanos;
  private final LogThrottle badRecordLog = new LogThrottle();

  private boolean standby;
  private boolean standbyPresent;

  // Active: per association, the records sent and not acknowledged, as (sequence, time made).
  private final Map<Integer, ArrayDeque<long[]>> inFlight = new HashMap<>();
  private int secretsGeneration = Integer.MIN_VALUE;
  private long secretsCheckedAt = Long.MIN_VALUE;

  // Standby: the copies by association id, the active's cookie secrets, snapshots asked for.
  private final Map<Integer, StandbyAssociationState> copies = new TreeMap<>();
  private final Map<Integer, Long> snapshotAskedAt = new HashMap<>();
  private EndpointSnapshot activeEndpoint;

  private long recordsSent;
  private long snapshotsSent;
  private long bytes;
  private long acknowledged;
  private long withoutStandby;
  private long latencySamples;
  private long latencyTotal;
  private long latencyMax;
  private long applied;
  private long gaps;
  private long takeovers;
  private long restored;

  EndpointReplication(EndpointRuntime rt, StateReplicator replicator, long addressWaitNanos) {
    this.rt = rt;
    this.endpoint = rt.endpoint;
    this.replicator = replicator;
    this.addressWaitNanos = addressWaitNanos;
    this.standby = replicator.role() == StateReplicator.Role.STANDBY;
  }

  /** Whether this endpoint is a standby that has not taken over. On the loop. */
  boolean isStandby() {
    return standby;
  }

  /** How long a takeover waits for the active's addresses to become bindable here. */
  long addressWaitNanos() {
    return addressWaitNanos;
  }

  /** Starts the callbacks; a standby asks for everything in full. On the loop. */
  void start() {
    replicator.start(this);
    if (standby) {
      replicator.requestSnapshot(0);
    }
  }

  /** The endpoint ended or its process "died": the replicator leaves its group. */
  void close() {
    try {
      replicator.close();
    } catch (RuntimeException e) {
      LOG.debug("closing the replicator: {}", e.toString());
    }
  }

  // ---- active ----------------------------------------------------------------------------------

  /**
   * Hands the records the core made to the replicator; without a standby acknowledges them at
   * once. Returns true when some were acknowledged here: packets and events that waited for them
   * may go now. On the loop, after the transmits.
   */
  boolean drainRecords(long now) {
    boolean local = false;
    ReplicationRecord r;
    while ((r = endpoint.pollReplication()) != null) {
      int id = r.associationId();
      if (!standbyPresent) {
        SctpAssociation a = endpoint.association(id);
        if (a != null) {
          a.replicated(now, r.sequence());
        }
        withoutStandby++;
        local = true;
        continue;
      }
      byte[] blob = SnapshotCodec.encode(r);
      recordsSent++;
      bytes += blob.length;
      if (r.isSnapshot()) {
        snapshotsSent++;
      }
      inFlight.computeIfAbsent(id, k -> new ArrayDeque<>()).addLast(new long[] {r.sequence(), now});
      replicator.sendRecord(id, r.sequence(), blob);
    }
    if (standbyPresent && now - secretsCheckedAt >= SECRETS_CHECK_NANOS) {
      sendSecretsIfRotated(now);
    }
    return local;
  }

  private void sendSecretsIfRotated(long now) {
    secretsCheckedAt = now;
    EndpointSnapshot s = endpoint.endpointSnapshot(now);
    if (s.currentGeneration() != secretsGeneration) {
      sendEndpoint(s);
    }
  }

  private void sendEndpoint(EndpointSnapshot s) {
    secretsGeneration = s.currentGeneration();
    byte[] blob = SnapshotCodec.encode(s);
    bytes += blob.length;
    replicator.sendEndpoint(blob);
  }

  /** A standby is there: the endpoint snapshot, then a snapshot of every association. */
  private void sendEverything(long now) {
    if (standby) {
      return;
    }
    standbyPresent = true;
    secretsCheckedAt = now;
    sendEndpoint(endpoint.endpointSnapshot(now));
    for (SctpAssociation a : endpoint.associations()) {
      a.requestSnapshot();
    }
  }

  private void standbyGone(long now) {
    standbyPresent = false;
    for (Map.Entry<Integer, ArrayDeque<long[]>> e : inFlight.entrySet()) {
      SctpAssociation a = endpoint.association(e.getKey());
      if (a != null && !e.getValue().isEmpty()) {
        a.replicated(now, e.getValue().peekLast()[0]);
      }
    }
    inFlight.clear();
  }

  private void acknowledged(int id, long upTo, long now) {
    ArrayDeque<long[]> q = inFlight.get(id);
    if (q != null) {
      while (!q.isEmpty() && q.peekFirst()[0] <= upTo) {
        long latency = now - q.pollFirst()[1];
        acknowledged++;
        latencySamples++;
        latencyTotal += latency;
        latencyMax = Math.max(latencyMax, latency);
      }
    }
    SctpAssociation a = endpoint.association(id);
    if (a != null) {
      a.replicated(now, upTo);
    } else {
      inFlight.remove(id);
    }
  }

  /** The association ended: nothing of it is awaited any more. */
  void forget(int associationId) {
    inFlight.remove(associationId);
  }

  // ---- standby ---------------------------------------------------------------------------------

  private void apply(byte[] blob, long now) {
    if (!standby) {
      return;
    }
    ReplicationRecord r;
    try {
      r = SnapshotCodec.decodeRecord(blob);
    } catch (SnapshotFormatException e) {
      // The next record of its association shows the gap and asks for a snapshot.
      logBadRecord(now, "a record that does not decode", e);
      return;
    }
    int id = r.associationId();
    StandbyAssociationState copy = copies.computeIfAbsent(id, k -> new StandbyAssociationState());
    try {
      copy.apply(r);
    } catch (ReplicationGapException e) {
      gaps++;
      askSnapshot(id, now);
      return;
    } catch (RuntimeException e) {
      logBadRecord(now, "a record its copy refused", e);
      copies.remove(id);
      askSnapshot(id, now);
      return;
    }
    applied++;
    if (r.isSnapshot()) {
      snapshotAskedAt.remove(id);
    }
    if (copy.isClosed()) {
      copies.remove(id);
      snapshotAskedAt.remove(id);
    }
    replicator.acknowledge(id, copy.lastSequence());
  }

  private void askSnapshot(int id, long now) {
    Long asked = snapshotAskedAt.get(id);
    if (asked == null || now - asked >= SNAPSHOT_ASK_NANOS) {
      snapshotAskedAt.put(id, now);
      replicator.requestSnapshot(id);
    }
  }

  private void logBadRecord(long now, String what, RuntimeException e) {
    if (LOG.isWarnEnabled() && badRecordLog.allow(now)) {
      LOG.warn("standby: dropped {}: {} ({} more since the last line)", what, e.getMessage(),
          badRecordLog.takeSuppressed());
    }
  }

  /**
   * The takeover, once the runtime has bound the active's addresses: adopts the active's cookie
   * secrets and restores every copy that did not close, replicating again in {@code mode} (to a
   * standby that joins later). Returns the associations restored. On the loop.
   */
  int restoreAll(long now, HaMode mode) {
    standby = false;
    takeovers++;
    if (activeEndpoint != null) {
      try {
        endpoint.adoptEndpointSnapshot(activeEndpoint, now);
      } catch (IllegalArgumentException e) {
        LOG.warn("takeover: the active's cookie secrets do not fit: {}", e.getMessage());
      }
    }
    int n = 0;
    for (StandbyAssociationState copy : new ArrayList<>(copies.values())) {
      if (!copy.hasSnapshot() || copy.isClosed()) {
        continue;
      }
      SctpAssociation a;
      try {
        a = endpoint.restore(copy.snapshot(), now);
      } catch (RuntimeException e) {
        LOG.warn("takeover: association {} not restored: {}", copy.associationId(),
            e.getMessage());
        continue;
      }
      n++;
      if (mode != HaMode.OFF) {
        try {
          a.options().setHaMode(now, mode);
        } catch (RuntimeException e) {
          LOG.warn("takeover: association {} does not replicate again: {}", a.id(),
              e.getMessage());
        }
      }
    }
    copies.clear();
    snapshotAskedAt.clear();
    restored += n;
    return n;
  }

  /** The copies a takeover would restore now. On the loop. */
  int copies() {
    return copies.size();
  }

  HaStatistics statistics() {
    return new HaStatistics(recordsSent, snapshotsSent, bytes, acknowledged, withoutStandby,
        latencySamples, latencyTotal, latencyMax, applied, gaps, takeovers, restored);
  }

  // ---- the replicator's callbacks, any thread ----------------------------------------------------

  private void onLoop(java.util.function.LongConsumer task) {
    try {
      rt.execute(() -> task.accept(rt.now()));
    } catch (RejectedExecutionException e) {
      // the endpoint's loop is gone: nothing to do
    }
  }

  @Override
  public void standbyJoined() {
    onLoop(this::sendEverything);
  }

  @Override
  public void standbyLeft() {
    onLoop(this::standbyGone);
  }

  @Override
  public void stored(int associationId, long upTo) {
    onLoop(now -> acknowledged(associationId, upTo, now));
  }

  @Override
  public void snapshotRequested(int associationId) {
    onLoop(
        now -> {
          if (associationId == 0) {
            sendEverything(now);
          } else if (standbyPresent) {
            SctpAssociation a = endpoint.association(associationId);
            if (a != null) {
              a.requestSnapshot();
            }
          }
        });
  }

  @Override
  public void record(byte[] blob) {
    onLoop(now -> apply(blob, now));
  }

  @Override
  public void endpoint(byte[] blob) {
    onLoop(
        now -> {
          try {
            activeEndpoint = SnapshotCodec.decodeEndpoint(blob);
          } catch (SnapshotFormatException e) {
            logBadRecord(now, "an endpoint snapshot that does not decode", e);
          }
        });
  }

  @Override
  public void activeGone() {
    onLoop(now -> rt.takeOver());
  }
}
