package org.jsctp.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jsctp.association.SctpAssociation;
import org.jsctp.ha.EndpointSnapshot;
import org.jsctp.ha.ReplicationRecord;
import org.jsctp.ha.SnapshotCodec;
import org.jsctp.ha.StandbyAssociationState;
import org.jsctp.testkit.sim.Simulator;

/**
 * An in-memory replication channel between an active {@link SimEndpoint} and a standby, in
 * virtual time (docs/ha.md): every record the active makes is encoded, carried with the link's
 * latency, decoded and applied to the standby's copy of its association, and the standby's
 * acknowledgement comes back with the same latency ({@code SctpAssociation.replicated}). When
 * the active dies ({@link #kill()}), what is still on the way is lost; {@link #takeOver} then
 * restores every association the standby holds on the endpoint that takes the active's place.
 *
 * <p>It counts what a runtime would: records, snapshots, bytes and the latency from a record
 * being made to its acknowledgement.
 */
public final class StandbyLink {

  private final Simulator sim;
  private final SimEndpoint active;
  private final long latency;
  private final Map<Integer, StandbyAssociationState> standby = new HashMap<>();
  private byte[] endpointSnapshot;
  private boolean alive = true;
  private long records;
  private long snapshots;
  private long bytes;
  private long maxLatency;
  private long gaps;
  private java.util.function.Consumer<ReplicationRecord> stored = r -> {};

  /**
   * Starts carrying the records of {@code active} with {@code latency} nanoseconds each way; the
   * endpoint's cookie secrets go first.
   */
  public StandbyLink(Simulator sim, SimEndpoint active, long latency) {
    this.sim = Objects.requireNonNull(sim, "sim");
    this.active = Objects.requireNonNull(active, "active");
    this.latency = latency;
    this.endpointSnapshot = SnapshotCodec.encode(active.endpoint().endpointSnapshot(sim.now()));
    active.onReplication(this::carry);
  }

  private void carry(ReplicationRecord record) {
    if (!alive) {
      return;
    }
    byte[] blob = SnapshotCodec.encode(record);
    records++;
    bytes += blob.length;
    if (record.isSnapshot()) {
      snapshots++;
    }
    long made = sim.now();
    sim.after(latency, "replicate record " + record.sequence(), () -> {
      if (!alive) {
        return;
      }
      ReplicationRecord decoded = SnapshotCodec.decodeRecord(blob);
      StandbyAssociationState state =
          standby.computeIfAbsent(decoded.associationId(), id -> new StandbyAssociationState());
      try {
        state.apply(decoded);
      } catch (org.jsctp.ha.ReplicationGapException e) {
        gaps++;
        return;
      }
      this.stored.accept(decoded);
      long stored = decoded.sequence();
      sim.after(latency, "acknowledge record " + stored, () -> {
        if (!alive) {
          return;
        }
        maxLatency = Math.max(maxLatency, sim.now() - made);
        SctpAssociation a = active.endpoint().association(decoded.associationId());
        if (a != null) {
          a.replicated(sim.now(), stored);
        }
      });
    });
  }

  /** Hands every record to {@code listener} once the standby has applied it. */
  public void onStored(java.util.function.Consumer<ReplicationRecord> listener) {
    this.stored = Objects.requireNonNull(listener, "listener");
  }

  /** The active dies: nothing more goes either way, records on the way are lost. */
  public void kill() {
    alive = false;
  }

  /**
   * Restores on {@code replacement} (attached in the active's place, with its addresses) every
   * association the standby holds that did not close, after adopting the active's cookie
   * secrets. Returns the restored associations.
   */
  public List<SctpAssociation> takeOver(SimEndpoint replacement) {
    replacement.endpoint().adoptEndpointSnapshot(SnapshotCodec.decodeEndpoint(endpointSnapshot),
        sim.now());
    List<SctpAssociation> restored = new ArrayList<>();
    for (StandbyAssociationState state : standby.values()) {
      if (state.hasSnapshot() && !state.isClosed()) {
        restored.add(replacement.endpoint().restore(state.snapshot(), sim.now()));
      }
    }
    sim.pollStacks();
    return restored;
  }

  /** The standby's copy of association {@code id}, or null. */
  public StandbyAssociationState standbyState(int id) {
    return standby.get(id);
  }

  public long records() {
    return records;
  }

  public long snapshots() {
    return snapshots;
  }

  public long bytes() {
    return bytes;
  }

  /** The longest time from a record being made to its acknowledgement reaching the active. */
  public long maxLatency() {
    return maxLatency;
  }

  /** Records the standby could not apply because one before them was missing. */
  public long gaps() {
    return gaps;
  }
}
